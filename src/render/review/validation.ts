import type { FileChild, TableRow } from "docx";
import type { Docx } from "../docx/common.js";
import { VALIDATION_LABELS } from "../../review/validation.js";
import type { ValidationRecord } from "../../rewrite/types.js";
import { COLOR, SIZE, TEXT_WIDTH, cell, columnWidths, tableBorders, textParagraph } from "./layout.js";

/**
 * The closing page, filled in by hand: who read and validated the text, when, for which
 * organisation, and their signatures. Only its readers can validate an easy-to-read text.
 */

export const VALIDATION_TITLE = "Validation par les relecteurs";
/** falc reads the table back by these labels (src/review/validation.ts). */
export const VALIDATION_FIELDS = [
  { key: "reviewers", label: VALIDATION_LABELS.reviewers, hint: "Noms et prénoms des relecteurs", height: 2600 },
  { key: "date", label: VALIDATION_LABELS.date, hint: "", height: 800 },
  { key: "organisation", label: VALIDATION_LABELS.organisation, hint: "", height: 800 },
  { key: "signature", label: VALIDATION_LABELS.signature, hint: "Relecteurs et animateur ou animatrice", height: 2000 },
] as const;

export const VALIDATION_REMINDER = [
  "Seules les personnes qui vont lire ce texte peuvent le valider.",
  "Avant cette validation, le texte est un brouillon : il ne peut pas porter le logo « Facile à lire ».",
] as const;

/** `earlier`: names, date and organisation given in an earlier round, written in again. */
export function validationPage(d: Docx, earlier?: ValidationRecord): FileChild[] {
  const widths = columnWidths(TEXT_WIDTH, [30, 70]);
  return [
    textParagraph(d, VALIDATION_TITLE, { size: SIZE.heading, bold: true }, { pageBreakBefore: true, spacing: { before: 0, after: 200 }, keepNext: true }),
    ...VALIDATION_REMINDER.map((sentence) => textParagraph(d, sentence, { size: SIZE.body }, { spacing: { before: 0, after: 100 }, keepNext: true })),
    new d.Table({
      width: { size: TEXT_WIDTH, type: d.WidthType.DXA },
      columnWidths: widths,
      layout: d.TableLayoutType.FIXED,
      borders: tableBorders(d),
      rows: VALIDATION_FIELDS.map((field) => fieldRow(d, field, widths, earlierValue(field.key, earlier))),
    }),
  ];
}

function earlierValue(key: (typeof VALIDATION_FIELDS)[number]["key"], earlier: ValidationRecord | undefined): string[] {
  if (!earlier || key === "signature") return [];
  if (key === "reviewers") return earlier.reviewers;
  const value = earlier[key];
  return value ? [value] : [];
}

function fieldRow(d: Docx, field: (typeof VALIDATION_FIELDS)[number], widths: number[], values: string[]): TableRow {
  const label = [textParagraph(d, field.label, { size: SIZE.body, bold: true }, { spacing: { before: 40, after: 40 } })];
  if (field.hint) label.push(textParagraph(d, field.hint, { size: SIZE.small, color: COLOR.muted }, { spacing: { before: 0, after: 0 } }));
  return new d.TableRow({
    cantSplit: true,
    height: { value: field.height, rule: d.HeightRule.ATLEAST },
    children: [
      cell(d, widths[0]!, label, { shading: COLOR.header }),
      cell(d, widths[1]!, values.map((value) => textParagraph(d, value, { size: SIZE.body }, { spacing: { before: 40, after: 40 } }))),
    ],
  });
}
