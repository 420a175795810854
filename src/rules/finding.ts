/** Severity levels, ordered from the least to the most serious. */
export const SEVERITIES = ["info", "warning", "error"] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/**
 * The one finding shape used everywhere: rules produce it, reporters (text, JSON, JUnit, DOCX) consume it.
 * Offsets are UTF-16 indices in the analysed text (the document's plain-text rendering); line and column
 * are 1-based and derived from the offset.
 */
export interface Finding {
  ruleId: string;
  severity: Severity;
  /** French, for the user. */
  message: string;
  /** Title of the section the finding is in, when the text comes from a document. */
  section?: string;
  sectionIndex?: number;
  line: number;
  column: number;
  offset: number;
  length: number;
  /** The sentence (or line) around the finding, as written. */
  excerpt: string;
  /** Where the offending words sit inside `excerpt`. */
  excerptOffset?: number;
  /** A replacement or a piece of advice, in French. */
  suggestion?: string;
}

/** What a rule reports before the engine places it (line, column, excerpt, section). */
export interface RawFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  offset: number;
  length: number;
  suggestion?: string;
}
