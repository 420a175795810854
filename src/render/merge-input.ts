/** A report given to `falc merge-reports`: its path, for messages, and its text. */
export interface MergeInput {
  path: string;
  text: string;
}

/** Stable codes of the errors of `falc merge-reports` (all exit 2): scripts and tests rely on them. */
export const MergeErrorCode = {
  /** A file none of the kinds falc merges. */
  notAReport: "not-a-report",
  /** A file of a known kind that cannot be parsed (cut short, edited by hand). */
  unreadable: "report-unreadable",
  /** Files of different kinds in one merge. */
  mixed: "mixed-reports",
} as const;
