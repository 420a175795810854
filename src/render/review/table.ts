import type { Paragraph, Table, TableRow } from "docx";
import type { ConvertedSection, RewriteBlock } from "../../rewrite/types.js";
import type { Docx } from "../docx/common.js";
import { sectionPictures, type BlockPicture } from "../docx/pictogram.js";
import { pictureBlock } from "./picture-block.js";
import type { PictogramPlan } from "../../pictograms/types.js";
import { lines, stripBold } from "../docx/markup.js";
import { BULLETS, CELL_PADDING, COLOR, SIZE, TEXT_WIDTH, cell, columnWidths, markupParagraph, tableBorders, textParagraph, textRuns } from "./layout.js";
import { originalParagraphs } from "./original.js";
import { pointsParagraphs } from "./points.js";
import { fitsOnePage } from "./row-height.js";
import { reviewTable } from "./table-block.js";
import { sectionParts } from "./parts.js";
import { pictureQuestion, statusParagraphs, verdictParagraphs } from "./verdict.js";
import { CONTINUED_LABEL, PART_SUFFIX, ROW_BOOKMARK_PREFIX } from "../../review/read-docx.js";
import { sectionId } from "../../review/state.js";

/**
 * The side-by-side table: one row per section, the header row repeated on every page, widths in
 * DXA with a fixed layout (LibreOffice and Google Docs lay out percentage widths poorly).
 */

export const COLUMN_TITLES = ["Original", "Version facile à lire", "Points à vérifier", "Avis des relecteurs"] as const;
export const COLUMN_PERCENTS = [30, 30, 22, 18] as const;
/** A row at most this share of a page high is never split. */
const SHORT_ROW_SHARE = 0.3;
/** Room for the reviewers' ✔ / ✘ and remarks: about 3 cm. */
const MIN_ROW_HEIGHT = 1700;

/** The picture shown beside a block of the rewrite, if any (issue 13). */
type PictureOf = (block: RewriteBlock) => BlockPicture | undefined;

export function sectionsTable(d: Docx, sections: readonly ConvertedSection[], plan?: PictogramPlan): Table {
  const widths = columnWidths(TEXT_WIDTH, COLUMN_PERCENTS);
  const byBlock = new Map<RewriteBlock, BlockPicture>();
  for (const section of sections) for (const [i, picture] of sectionPictures(plan, section.index)) byBlock.set(section.rewrite.blocks[i]!, picture);
  const pictureOf: PictureOf = (block) => byBlock.get(block);
  return new d.Table({
    width: { size: TEXT_WIDTH, type: d.WidthType.DXA },
    columnWidths: widths,
    layout: d.TableLayoutType.FIXED,
    borders: tableBorders(d),
    rows: [headerRow(d, widths), ...sections.flatMap((section) => sectionRows(d, section, widths, pictureOf))],
  });
}

function headerRow(d: Docx, widths: number[]): TableRow {
  return new d.TableRow({
    tableHeader: true,
    cantSplit: true,
    children: COLUMN_TITLES.map((title, i) =>
      cell(d, widths[i]!, [textParagraph(d, title, { bold: true, size: SIZE.body }, { spacing: { before: 40, after: 40 } })], { shading: COLOR.header }),
    ),
  });
}

/** One row per section, or one per part of a section too long for a page (see parts.ts). */
function sectionRows(d: Docx, section: ConvertedSection, widths: number[], pictureOf: PictureOf): TableRow[] {
  const parts = sectionParts(section, widths);
  if (parts.length === 1) return [sectionRow(d, section, widths, pictureOf)];
  const [original, easy, points, opinion] = widths as [number, number, number, number];
  const label = `${CONTINUED_LABEL} ${stripBold(section.title).trim()}`;
  return parts.map((part, i) => {
    const first = i === 0;
    const blocks = part.rewriteBlocks.flatMap((block) => blockParagraphs(d, block, easy - CELL_PADDING, pictureOf));
    const head = first ? titleParagraph(d, section) : continuedParagraph(d, label, ROW_BOOKMARK_PREFIX + sectionId(section) + PART_SUFFIX + (i + 1));
    return new d.TableRow({
      children: [
        cell(d, original, [...(first ? [] : [textParagraph(d, label, CONTINUED_RUN, CONTINUED_SPACING)]), ...originalParagraphs(d, part.originalBlocks, "", original - CELL_PADDING)]),
        cell(d, easy, [head, ...blocks]),
        cell(d, points, first ? [...statusParagraphs(d, section), ...pointsParagraphs(d, section), ...pictureQuestion(d, section, pictureOf)] : []),
        // The readers give their verdict once they have read the whole passage: in its last part.
        cell(d, opinion, i === parts.length - 1 ? verdictParagraphs(d, section, opinion - CELL_PADDING) : []),
      ],
    });
  });
}

const CONTINUED_RUN = { size: SIZE.small, color: COLOR.muted };
const CONTINUED_SPACING = { spacing: { before: 0, after: 80 } };

/** « (suite) Article 4 », named by a bookmark of its own so that falc reads the part with its passage. */
function continuedParagraph(d: Docx, label: string, bookmark: string): Paragraph {
  return new d.Paragraph({ ...CONTINUED_SPACING, children: [new d.Bookmark({ id: bookmark, children: textRuns(d, label, CONTINUED_RUN) })] });
}

function sectionRow(d: Docx, section: ConvertedSection, widths: number[], pictureOf: PictureOf): TableRow {
  const [original, easy, points, opinion] = widths as [number, number, number, number];
  return new d.TableRow({
    height: { value: MIN_ROW_HEIGHT, rule: d.HeightRule.ATLEAST },
    // A short section is read in one piece; a longer one breaks across pages (the header row repeats)
    // rather than leave most of a page blank: groups often read the document printed.
    ...(fitsOnePage(section, widths, SHORT_ROW_SHARE) ? { cantSplit: true } : {}),
    children: [
      cell(d, original, originalParagraphs(d, section.originalBlocks, section.original, original - CELL_PADDING)),
      cell(d, easy, easyParagraphs(d, section, easy - CELL_PADDING, pictureOf)),
      cell(d, points, [...statusParagraphs(d, section), ...pointsParagraphs(d, section), ...pictureQuestion(d, section, pictureOf)]),
      cell(d, opinion, verdictParagraphs(d, section, opinion - CELL_PADDING)),
    ],
  });
}

const EASY = { size: SIZE.easy };
const SENTENCE = { spacing: { before: 0, after: 60 } };
const FIRST_OF_BLOCK = { spacing: { before: 160, after: 60 } };

/** The rewrite at the size its readers will get: title, then one sentence per line, lists with bullets, tables. */
export function easyParagraphs(d: Docx, section: ConvertedSection, width: number, pictureOf: PictureOf = () => undefined): (Paragraph | Table)[] {
  const title = stripBold(section.title).trim();
  const out: (Paragraph | Table)[] = [titleParagraph(d, section)];
  if (section.rewrite.blocks.length === 0) {
    for (const line of lines(section.falc)) if (line !== title) out.push(markupParagraph(d, line, EASY, SENTENCE));
    return out;
  }
  for (const block of section.rewrite.blocks) out.push(...blockParagraphs(d, block, width, pictureOf));
  return out;
}

/** The bookmark names the row for falc when it reads the filled document back, even if rows were moved. */
function titleParagraph(d: Docx, section: ConvertedSection): Paragraph {
  const title = stripBold(section.title).trim();
  return new d.Paragraph({
    ...SENTENCE,
    children: [new d.Bookmark({ id: ROW_BOOKMARK_PREFIX + sectionId(section), children: textRuns(d, title, { ...EASY, bold: true }) })],
  });
}

function blockParagraphs(d: Docx, block: RewriteBlock, width: number, pictureOf: PictureOf): (Paragraph | Table)[] {
  const picture = pictureOf(block);
  if (picture && block.type !== "table") return pictureBlock(d, block, picture, width, { run: EASY, first: FIRST_OF_BLOCK, next: SENTENCE, bullets: BULLETS.easy });
  const texts = block.type === "paragraph" ? block.sentences.flatMap(lines) : lines(block.intro ?? "");
  const out: (Paragraph | Table)[] = texts.map((text, i) => markupParagraph(d, text, EASY, i === 0 ? FIRST_OF_BLOCK : SENTENCE));
  if (block.type === "table") {
    // The gap that sets a block apart, which a table cannot carry itself.
    if (out.length === 0) out.push(new d.Paragraph({ spacing: { before: 100, after: 0 }, children: [] }));
    out.push(...reviewTable(d, block, { width, size: SIZE.easy }));
  }
  if (block.type === "list") {
    block.items.flatMap(lines).forEach((item, i) => {
      const spacing = i === 0 && out.length === 0 ? FIRST_OF_BLOCK : SENTENCE;
      out.push(markupParagraph(d, item, EASY, { ...spacing, numbering: { reference: BULLETS.easy, level: 0 } }));
    });
  }
  return out;
}
