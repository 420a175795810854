import type { Element } from "../ingest/xml.js";
import { cellText, children, is, readCell } from "./cell.js";
import type { ValidationRecord } from "./types.js";

/**
 * The closing table of the review document, filled in by hand: « Relu et validé par » (names),
 * « Date », « Structure / ESAT ». Its labels are falc's own (render/review/validation.ts).
 */

export const VALIDATION_LABELS = { reviewers: "Relu et validé par", date: "Date", organisation: "Structure / ESAT", signature: "Signature" } as const;

export function readValidation(tables: readonly Element[]): ValidationRecord {
  for (const table of tables) {
    const fields = new Map<string, string>();
    for (const tr of children(table).filter((node) => is(node, "tr"))) {
      const cells = children(tr).filter((node) => is(node, "tc"));
      if (cells.length < 2) continue;
      const label = cellText(readCell(cells[0]!).items).split("\n")[0]!.trim();
      fields.set(label, cellText(readCell(cells[1]!).items));
    }
    if (!fields.has(VALIDATION_LABELS.reviewers)) continue;
    const date = fields.get(VALIDATION_LABELS.date)?.replace(/\s+/g, " ").trim() ?? "";
    const organisation = fields.get(VALIDATION_LABELS.organisation)?.replace(/\s+/g, " ").trim() ?? "";
    return { reviewers: splitNames(fields.get(VALIDATION_LABELS.reviewers) ?? ""), date: date || null, organisation: organisation || null };
  }
  return { reviewers: [], date: null, organisation: null };
}

/** « Marie Dupont, Paul Martin et Lina » or one name per line → each name once. */
export function splitNames(text: string): string[] {
  const names = text
    .split(/\n|,|;|\s+et\s+/)
    .map((name) => name.replace(/\s+/g, " ").trim())
    .filter((name) => name !== "");
  return [...new Set(names)];
}
