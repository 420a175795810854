import type { ReadReview } from "./types.js";

/** Where one row of a filled review document stands, as `falc review` reports it. */
export type RowStatus = "validated" | "not-understood" | "edited" | "pending";

export interface RowReport {
  index: number;
  id: string;
  title: string;
  status: RowStatus;
  /** The easy-to-read text was corrected by hand (a validated section may be edited too). */
  edited: boolean;
  remarks: string[];
  /** The row is no longer in the table. */
  missing?: true;
  /** The original of this section changed since the document was written (`--source`). */
  sourceChanged?: true;
}

export interface ReviewReport {
  version: 1;
  file: string;
  source: { name: string; sha256: string };
  round: number;
  /** When falc wrote the document. */
  written: string;
  counts: { sections: number; validated: number; notUnderstood: number; edited: number; pending: number };
  sections: RowReport[];
  validation: { reviewers: string[]; date: string | null; organisation: string | null };
  /** Every section validated and the closing table filled: `falc convert --review` will write the final version. */
  complete: boolean;
}

/**
 * The state of a validation, from a filled review document alone (read-only). `changedSections`:
 * ids of the sections whose original changed since (when the source was given).
 */
export function reviewReport(review: ReadReview, changedSections: ReadonlySet<string> = new Set()): ReviewReport {
  const rows = new Map(review.sections.map((row) => [row.stored.id, row]));
  const sections = review.state.sections.map((stored): RowReport => {
    const row = rows.get(stored.id);
    const base = { index: stored.index, id: stored.id, title: stored.title.replace(/\*\*/g, "") };
    const changed = changedSections.has(stored.id) ? { sourceChanged: true as const } : {};
    if (!row) return { ...base, status: "pending", edited: false, remarks: [], missing: true, ...changed };
    const status: RowStatus =
      row.verdict === "understood" ? "validated" : row.verdict === "not-understood" ? "not-understood" : row.edited ? "edited" : "pending";
    const remarks = row.verdict === "contradictory" ? ["Les deux cases « Compris » et « Pas compris » sont cochées.", ...row.remarks] : row.remarks;
    // A verdict on an original that has changed since no longer holds.
    return { ...base, status: changedSections.has(stored.id) ? "pending" : status, edited: row.edited, remarks, ...changed };
  });
  const count = (status: RowStatus) => sections.filter((section) => section.status === status).length;
  const counts = { sections: sections.length, validated: count("validated"), notUnderstood: count("not-understood"), edited: count("edited"), pending: count("pending") };
  const validation = review.validation;
  return {
    version: 1,
    file: review.path,
    source: review.state.source,
    round: review.state.round,
    written: review.state.date,
    counts,
    sections,
    validation,
    complete: counts.sections > 0 && counts.validated === counts.sections && validation.reviewers.length > 0 && validation.date !== null,
  };
}
