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
  /** Where the finding is in the file the user opened, when it can be told (see src/source/positions.ts). */
  source?: SourcePosition;
}

/**
 * A place in the file the user opened. Markdown and text: line and column of the first flagged
 * character and of the character after the last one (1-based, columns in code points). PDF: the page,
 * and the line on it counted from the top. DOCX and ODT: the headings the paragraph is under, outermost
 * first, and its number under the last of them (0 for the heading itself); for a footnote or an endnote,
 * `note` and its paragraph's number among the notes' paragraphs.
 */
export type SourcePosition =
  | { line: number; column: number; endLine: number; endColumn: number }
  | { page: number; line?: number }
  | { paragraph: number; headings: string[]; note?: true };

/** What a rule reports before the engine places it (line, column, excerpt, section). */
export interface RawFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  offset: number;
  length: number;
  suggestion?: string;
}
