import type { ReviewStatus, RewriteResult, RoundNote, ValidationRecord } from "../rewrite/types.js";

export type { ReviewStatus, RoundNote, ValidationRecord };

/**
 * The validation loop (issue 12): what falc stores inside the review DOCX it writes, and what it reads
 * back once a group of readers has filled it in. Reading and deciding are pure; the files are the
 * commands' business.
 */

/** What the readers said of one section, as read from its row. */
export type Verdict = "understood" | "not-understood" | "contradictory" | "none";

export const EMPTY_VALIDATION: ValidationRecord = { reviewers: [], date: null, organisation: null };

/** One section as falc wrote it into the review document. */
export interface StoredSection {
  /** Stable id of the row: its bookmark is `falc_<id>`. */
  id: string;
  index: number;
  title: string;
  /** The original section's first line (its heading): the same section is found by it once its text changed. */
  sourceTitle: string;
  /** Hash of the original section's text: a changed original voids a validation. */
  sourceHash: string;
  /** Hash of the easy-to-read cell as written: a different cell was edited by hand. */
  falcHash: string;
  /** The easy-to-read version as written, so that a validated section is kept exactly. */
  rewrite: RewriteResult;
  /** The status the section had when this document was written, and the round that gave it. */
  status: ReviewStatus;
  statusRound: number;
  /** Remarks of earlier rounds, shown again in this document. */
  history: RoundNote[];
}

/** The state falc hides in the review document (a custom XML part that Word and LibreOffice keep). */
export interface ReviewState {
  version: 1;
  /** File name of the original (no folders) and the hash of its bytes. */
  source: { name: string; sha256: string };
  /** 1 for the first review document of a text, then one more for each review read back. */
  round: number;
  /** ISO date of the run that wrote the document. */
  date: string;
  sections: StoredSection[];
  /** Names, date and organisation already given in an earlier round. */
  validation: ValidationRecord;
}

/** One row of a filled review document, matched to the section it was written for. */
export interface ReviewedSection {
  stored: StoredSection;
  verdict: Verdict;
  /** Typed remarks and Word comments anchored in the row, in reading order. */
  remarks: string[];
  /** The easy-to-read cell was changed (tracked changes read as accepted). */
  edited: boolean;
  /** The cell as it now reads, parsed back into the rewrite's structure (only when edited). */
  editedRewrite?: RewriteResult;
}

/** A filled review document, read back. */
export interface ReadReview {
  /** The path as the user gave it, for messages. */
  path: string;
  state: ReviewState;
  sections: ReviewedSection[];
  /** Sections whose row was deleted from the table: not reviewed. */
  missingRows: StoredSection[];
  validation: ValidationRecord;
}
