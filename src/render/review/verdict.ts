import type { Paragraph, Table } from "docx";
import { REMARKS_LABEL, VERDICT_LABELS } from "../../review/marks.js";
import type { ConvertedSection, ReviewStatus, RewriteBlock, RoundNote } from "../../rewrite/types.js";
import type { BlockPicture } from "../docx/pictogram.js";
import type { Docx } from "../docx/common.js";
import { COLOR, SIZE, textParagraph } from "./layout.js";

/**
 * The « Avis des relecteurs » cell as a form that falc reads back (src/review/marks.ts): two
 * checkbox content controls that Word and LibreOffice both show and tick with a click — or that a
 * pen ticks on paper — and a remarks area. A section its readers validated earlier comes ticked.
 */
export function verdictParagraphs(d: Docx, section: ConvertedSection, width: number): (Paragraph | Table)[] {
  const validated = section.review?.status === "validated";
  const box = (checked: boolean, label: string) =>
    new d.Paragraph({
      spacing: { before: 0, after: 100 },
      children: [
        new d.CheckBox({ checked, alias: label, checkedState: { value: "2612", font: "MS Gothic" }, uncheckedState: { value: "2610", font: "MS Gothic" } }),
        new d.TextRun({ text: ` ${label}`, size: SIZE.body, bold: true }),
      ],
    });
  const none = { style: d.BorderStyle.NONE, size: 0, color: "FFFFFF" };
  // The two boxes sit in a borderless one-row table that may not split: when the section's row breaks
  // across pages, they stay together (« Pas compris » alone at the top of a page would read as the
  // next passage's verdict). LibreOffice honours neither keep-lines nor widow control in a cell.
  const boxes = new d.Table({
    width: { size: width, type: d.WidthType.DXA },
    columnWidths: [width],
    layout: d.TableLayoutType.FIXED,
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: [
      new d.TableRow({
        cantSplit: true,
        children: [
          new d.TableCell({
            width: { size: width, type: d.WidthType.DXA },
            margins: { top: 0, bottom: 0, left: 0, right: 0 },
            children: [box(validated, VERDICT_LABELS.understood), box(false, VERDICT_LABELS.notUnderstood)],
          }),
        ],
      }),
    ],
  });
  return [
    boxes,
    textParagraph(d, `${REMARKS_LABEL}\u00a0:`, { size: SIZE.table, color: COLOR.muted }, { spacing: { before: 120, after: 0 } }),
    new d.Paragraph({ spacing: { before: 0, after: 0 }, children: [] }),
  ];
}

const STATUS_TEXT: Record<ReviewStatus, (round: number) => string> = {
  validated: (round) => `✔ Compris par les relecteurs (relecture ${round}).`,
  "not-understood": (round) => `✘ Pas compris à la relecture ${round} : à réécrire à la main.`,
  revised: (round) => `Révisé après relecture ${round - 1} : à relire.`,
  edited: (round) => `Corrigé à la main à la relecture ${round} : à relire.`,
  changed: () => "À relire : l’original a changé.",
  pending: () => "",
};

/** Where the section stands, and what earlier rounds said of it: at the top of « Points à vérifier ». */
export function statusParagraphs(d: Docx, section: ConvertedSection): Paragraph[] {
  const review = section.review;
  if (!review) return [];
  const out: Paragraph[] = [];
  const status = STATUS_TEXT[review.status](review.round);
  const color = review.status === "validated" ? COLOR.ok : COLOR.alert;
  if (status) out.push(textParagraph(d, status, { bold: true, color, size: SIZE.table }, { spacing: { before: 0, after: 60 } }));
  // A round that said only what the status line already says (« compris », no remark) is not repeated.
  const said = review.history.filter((note) => note.remarks.length > 0 || note.status !== review.status || note.round !== review.round);
  for (const note of said) out.push(...noteParagraphs(d, note));
  return out;
}

const NOTE_STATUS: Record<ReviewStatus, string> = {
  validated: "compris",
  "not-understood": "pas compris",
  revised: "révisé",
  edited: "corrigé à la main",
  changed: "original changé",
  pending: "sans avis",
};

function noteParagraphs(d: Docx, note: RoundNote): Paragraph[] {
  const head = textParagraph(d, `Relecture ${note.round} : ${NOTE_STATUS[note.status]}.`, { size: SIZE.small, bold: true }, { spacing: { before: 0, after: 20 } });
  return [head, ...note.remarks.map((remark) => textParagraph(d, `« ${remark} »`, { size: SIZE.small }, { spacing: { before: 0, after: 20 } }))];
}

/**
 * The readers judge the pictures too (issue 13): which pictures the passage has, and the question,
 * in the « Points à vérifier » column. Their answer goes in « Remarques », which falc reads back: the
 * checkboxes and the remarks area of the form stay as they are.
 */
export function pictureQuestion(d: Docx, section: ConvertedSection, pictureOf: (block: RewriteBlock) => BlockPicture | undefined): Paragraph[] {
  const keywords = [...new Set(section.rewrite.blocks.flatMap((block) => pictureOf(block)?.choice.keyword ?? []))];
  if (keywords.length === 0) return [];
  return [
    textParagraph(d, `${keywords.length > 1 ? "Images" : "Image"} : ${keywords.join(", ")}.`, { size: SIZE.table, bold: true }, { spacing: { before: 120, after: 20 } }),
    textParagraph(d, `${PICTURE_QUESTION} Si une image gêne ou trompe, écrivez-le dans « ${REMARKS_LABEL} ».`, { size: SIZE.table }, { spacing: { before: 0, after: 60 } }),
  ];
}

export const PICTURE_QUESTION = "L’image aide à comprendre ?";
