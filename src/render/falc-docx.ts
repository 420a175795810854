import type { FileChild, IParagraphOptions, Paragraph } from "docx";
import type { ConvertedSection, ConvertResult, GlossaryEntry, RewriteBlock, RewriteTable } from "../rewrite/types.js";
import { A4, FONT, LANGUAGE, MARGIN, loadDocx, markupRuns, pageFooter, type Docx } from "./docx/common.js";
import { frenchSpaces, lines, stripBold } from "./docx/markup.js";
import { reproducible } from "./docx/package.js";
import { docxTable, rowPairs, rowRuns, tableFits } from "./docx/table.js";
import { DRAFT_NOTE } from "../score/draft-notice.js";
import { keptLines, showsHeading } from "./section-heading.js";
import { VALIDATED_TITLE, validationStatement } from "./validated-notice.js";
import { creditsParagraph, pictureRow, sectionPictures, type BlockPicture } from "./docx/pictogram.js";

/**
 * `<name>.falc.docx`: the easy-to-read draft, laid out by the FALC rules that falc itself checks
 * (sans-serif 14 pt and more, left-aligned, 1.5 line spacing, no italics or underline, no
 * hyphenation), one sentence per paragraph, real bullet lists, small tables with their header row
 * repeated on each page, a glossary, and a note that only its
 * readers can validate it.
 */

/** Half-points. */
const SIZE = { body: 28, heading: 36, title: 44 } as const;
/** Twentieths of a point: sentences of one block sit close, blocks are set apart. */
const GAP = { sentence: 80, block: 240, heading: 480 } as const;
const LINE_1_5 = 360;
const BULLETS = "falc-puces";
/** The picture beside a block: about 2.5 cm, as in FALC booklets. */
const PICTURE_CM = 2.5;

export const GLOSSARY_TITLE = "Les mots difficiles";

export { DRAFT_NOTE };

export async function renderFalcDocx(result: ConvertResult): Promise<Uint8Array> {
  const d = await loadDocx();
  const children: FileChild[] = [
    new d.Paragraph({ heading: d.HeadingLevel.TITLE, children: markupRuns(d, stripBold(result.title)) }),
  ];
  const validated = validationStatement(result);
  // A version every section of which its readers validated carries their statement, not the draft's notice.
  if (!validated) children.push(...draftNote(d));
  for (const [position, section] of result.sections.entries()) {
    const pictures = sectionPictures(result.pictograms, section.index);
    children.push(...sectionParagraphs(d, section, result.title, showsHeading(section, position, result.title), pictures));
  }
  if (result.glossary.length > 0) children.push(...glossary(d, result.glossary));
  // The last line of the text: each bank of pictures used, with its licence.
  children.push(...creditsParagraph(d, result.pictograms, { before: GAP.heading }));
  if (validated) children.push(...validationPage(d, validated));

  const document = new d.Document({
    title: stripBold(result.title),
    creator: "falc",
    lastModifiedBy: "falc",
    description: "Brouillon en langage facile à lire, préparé par falc. À faire relire et valider par ses lecteurs.",
    hyphenation: { autoHyphenation: false },
    styles: styles(d),
    numbering: { config: [bulletConfig(d)] },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.short, height: A4.long, orientation: d.PageOrientation.PORTRAIT },
            margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN, footer: MARGIN / 2 },
          },
        },
        footers: { default: pageFooter(d, SIZE.body) },
        children,
      },
    ],
  });
  return await reproducible(new Uint8Array(await d.Packer.toBuffer(document)), result.date, "falc");
}

function styles(d: Docx) {
  const spacing = { line: LINE_1_5, lineRule: d.LineRuleType.AUTO };
  const heading = (size: number, before: number, after: number) => ({
    run: { font: FONT, size, bold: true, italics: false, color: "000000" },
    paragraph: { spacing: { ...spacing, before, after }, keepNext: true, keepLines: true, alignment: d.AlignmentType.LEFT },
  });
  return {
    default: {
      document: {
        run: { font: FONT, size: SIZE.body, language: LANGUAGE },
        paragraph: { spacing: { ...spacing, before: 0, after: GAP.sentence }, alignment: d.AlignmentType.LEFT },
      },
      title: heading(SIZE.title, 0, GAP.block),
      heading1: heading(SIZE.heading, GAP.heading, GAP.sentence * 2),
      listParagraph: { run: { font: FONT, size: SIZE.body }, paragraph: { spacing: { ...spacing, before: 0, after: GAP.sentence } } },
    },
  };
}

function bulletConfig(d: Docx) {
  return {
    reference: BULLETS,
    levels: [
      {
        level: 0,
        format: d.LevelFormat.BULLET,
        text: "•",
        alignment: d.AlignmentType.LEFT,
        style: {
          paragraph: { indent: { left: 567, hanging: 397 } },
          run: { font: FONT, size: SIZE.body, bold: true },
        },
      },
    ],
  };
}

/** The note in a framed box: adjacent paragraphs with the same borders are drawn as one frame. */
function validationPage(d: Docx, statement: readonly string[]): Paragraph[] {
  return [
    new d.Paragraph({ heading: d.HeadingLevel.HEADING_1, pageBreakBefore: true, children: markupRuns(d, VALIDATED_TITLE) }),
    ...statement.map((sentence) => new d.Paragraph({ children: markupRuns(d, sentence) })),
  ];
}

function draftNote(d: Docx): Paragraph[] {
  const side = { style: d.BorderStyle.SINGLE, size: 12, color: "000000", space: 8 };
  const border = { top: side, bottom: side, left: side, right: side };
  return DRAFT_NOTE.map(
    (sentence, i) =>
      new d.Paragraph({
        border,
        keepNext: i < DRAFT_NOTE.length - 1,
        spacing: { before: i === 0 ? GAP.block : 0, after: i === DRAFT_NOTE.length - 1 ? GAP.block : GAP.sentence },
        children: markupRuns(d, sentence),
      }),
  );
}

function sectionParagraphs(d: Docx, section: ConvertedSection, documentTitle: string, withHeading: boolean, pictures: Map<number, BlockPicture>): FileChild[] {
  const out: FileChild[] = withHeading ? [new d.Paragraph({ heading: d.HeadingLevel.HEADING_1, children: markupRuns(d, stripBold(section.title)) })] : [];
  if (section.rewrite.blocks.length === 0) {
    // Kept as written (a heading alone, too short to rewrite): its lines, minus the titles already shown.
    const rest = keptLines(section, documentTitle);
    if (rest.length > 0) out.push(...sentences(d, rest));
    else if (!withHeading) return [];
    return out;
  }
  for (const [i, block] of section.rewrite.blocks.entries()) out.push(...beside(d, pictures.get(i), blockParagraphs(d, block)));
  return out;
}

/** A block with a picture: the picture on its left, in a borderless row (see docx/pictogram.ts). */
function beside(d: Docx, picture: BlockPicture | undefined, content: FileChild[]): FileChild[] {
  if (!picture) return content;
  const look = { width: A4.short - 2 * MARGIN, sizeCm: PICTURE_CM, before: GAP.block, keep: content.length <= 6 };
  return [pictureRow(d, picture, content as Paragraph[], look)];
}

function blockParagraphs(d: Docx, block: RewriteBlock): FileChild[] {
  if (block.type === "paragraph") return sentences(d, block.sentences.flatMap(lines));
  const out: FileChild[] = [];
  const intro = lines(block.intro ?? "");
  if (intro.length > 0) out.push(...sentences(d, intro, { keepNext: true }));
  if (block.type === "table") {
    const look = { width: A4.short - 2 * MARGIN, size: SIZE.body, borderColor: "000000", headerFill: "E7E6E6", after: GAP.sentence };
    if (!tableFits(block, look)) return [...out, ...rowBullets(d, block, intro.length === 0)];
    // A table has no spacing of its own: an empty line sets it apart (and keeps two tables in a row from merging).
    if (intro.length === 0) out.push(new d.Paragraph({ keepNext: true, spacing: { before: 0, after: 0 }, children: [] }));
    out.push(docxTable(d, block, look));
    return out;
  }
  const items = block.items.flatMap(lines);
  items.forEach((item, i) => {
    out.push(
      new d.Paragraph({
        numbering: { reference: BULLETS, level: 0 },
        spacing: { before: i === 0 && intro.length === 0 ? GAP.block : 0, after: GAP.sentence },
        children: markupRuns(d, item),
      }),
    );
  });
  return out;
}

/**
 * A table too wide for the page (its words would break letter by letter): one bullet per row, one
 * line per cell, « colonne : valeur », the column name in bold.
 */
function rowBullets(d: Docx, table: RewriteTable, first: boolean): Paragraph[] {
  return rowPairs(table).map(
    (pairs, i) =>
      new d.Paragraph({
        numbering: { reference: BULLETS, level: 0 },
        keepLines: true,
        spacing: { before: i === 0 && first ? GAP.block : 0, after: GAP.sentence },
        children: rowRuns(d, pairs),
      }),
  );
}

/** One paragraph per sentence; the first one of a block gets the space that separates blocks. */
function sentences(d: Docx, texts: string[], options: Pick<IParagraphOptions, "keepNext"> = {}): Paragraph[] {
  return texts.map(
    (text, i) =>
      new d.Paragraph({
        ...options,
        spacing: { before: i === 0 ? GAP.block : 0, after: GAP.sentence },
        children: markupRuns(d, text),
      }),
  );
}

function glossary(d: Docx, entries: GlossaryEntry[]): Paragraph[] {
  const out: Paragraph[] = [new d.Paragraph({ heading: d.HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new d.TextRun(GLOSSARY_TITLE)] })];
  for (const entry of entries) {
    const word = stripBold(entry.word).trim();
    const explanation = lines(entry.explanation).join(" ");
    if (word === "") continue;
    out.push(
      new d.Paragraph({
        keepLines: true,
        spacing: { before: GAP.block, after: GAP.sentence },
        // Non-breaking space before the colon, as French typography wants.
        children: [new d.TextRun({ text: `${frenchSpaces(word)}\u00a0:`, bold: true }), new d.TextRun(" "), ...markupRuns(d, explanation)],
      }),
    );
  }
  return out;
}
