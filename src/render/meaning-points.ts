import { MEANING_LABEL } from "../analysis/normalise/index.js";
import { changeText } from "../rewrite/meaning-check/labels.js";
import type { ConvertedSection, ConvertResult, MeaningChange } from "../rewrite/types.js";

/**
 * One list for both readers of a section's meaning: the deterministic guard (negations, conditions,
 * deadlines, obligations lost, also kept in `facts.meaning`) and the second reader (`--check-model`).
 * `by` says which: the guard is certain of what it saw, the second reader is a model's opinion.
 */
export type MeaningEntry =
  | { by: "guard"; kind: string; label: string; marker: string; original: string; rewrite: string }
  | { by: "second-reader"; kind: string; label: string; original: string; rewrite: string; explanation: string };

export function meaningEntries(section: ConvertedSection): MeaningEntry[] {
  return [
    ...(section.facts.meaning ?? []).map((p): MeaningEntry => ({ by: "guard", kind: p.kind, label: MEANING_LABEL[p.kind], marker: p.marker, original: p.original, rewrite: p.rewrite })),
    ...(section.meaningCheck?.changes ?? []).map((c): MeaningEntry => ({ by: "second-reader", kind: c.kind, label: changeText(c).split(" : ")[0]!, original: c.original, rewrite: c.rewrite, explanation: c.explanation })),
  ];
}

/** The section's second reading, for the JSON report: who read, how often, what it found; absent when nobody read it. */
export function meaningCheckSummary(section: ConvertedSection): { model: string; checks: number; changes: number; failed?: string } | undefined {
  const check = section.meaningCheck;
  if (!check) return undefined;
  return { model: check.model, checks: check.checks, changes: check.changes.length, ...(check.failed ? { failed: check.failed } : {}) };
}

/** Over the document: absent when no section was read by a second reader. */
export function meaningCheckTotals(result: ConvertResult): { model: string; sections: number; changes: number; failed: number } | undefined {
  const read = result.sections.filter((section) => section.meaningCheck !== undefined);
  if (read.length === 0) return undefined;
  return {
    model: read[0]!.meaningCheck!.model,
    sections: read.length,
    changes: read.reduce((n, section) => n + section.meaningCheck!.changes.length, 0),
    failed: read.filter((section) => section.meaningCheck!.failed !== undefined).length,
  };
}

/** A point of the « Points à vérifier » column: its label (in bold there) and its text. */
export interface PointLine {
  label: string;
  text: string;
}

/** « À vérifier (deuxième lecture) : » « condition changée : l’original dit « … », … Explication. » (quotes cut to `max`). */
export function changeLine(change: MeaningChange, max?: number): PointLine {
  return { label: "À vérifier (deuxième lecture) :", text: `${changeText(change, max)} ${change.explanation}` };
}

/** Said in the review document when the second reader could not read a section: never silent. */
export function failedCheckLine(reason: string): PointLine {
  return { label: "Deuxième lecture impossible :", text: `${reason}. Relisez vous-même le sens de cette section.` };
}

/** Quotes longer than this are cut in the review document's narrow « Points à vérifier » column (as excerpts are there). */
const REVIEW_QUOTE_MAX = 90;

/** The second reader's lines for a section, as the review document shows them. */
export function secondReaderLines(section: ConvertedSection, max = REVIEW_QUOTE_MAX): PointLine[] {
  const check = section.meaningCheck;
  if (!check) return [];
  return [...check.changes.map((change) => changeLine(change, max)), ...(check.failed ? [failedCheckLine(check.failed)] : [])];
}
