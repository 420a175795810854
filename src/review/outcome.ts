import type { ConvertedSection, ConvertResult, ReviewSummary, SectionReview, ValidationRecord } from "../rewrite/types.js";
import type { ReviewPlan } from "./plan.js";
import { EMPTY_VALIDATION } from "./types.js";

/**
 * The validation record of a conversion: each section's status after this run (from the plan made of
 * the review read back, or « pending » in a first round) and the counts the report and the final
 * version rely on.
 */
export function withReview(result: ConvertResult, plan: ReviewPlan | undefined, validation: ValidationRecord = EMPTY_VALIDATION): ConvertResult {
  const round = plan ? plan.round + 1 : 1;
  const sections = result.sections.map((section) => ({ ...section, review: sectionReview(section, plan, round) }));
  return { ...result, sections, review: summarise(sections, round, validation) };
}

function sectionReview(section: ConvertedSection, plan: ReviewPlan | undefined, round: number): SectionReview {
  const planned = plan?.sections.get(section.index);
  if (!planned) return { status: "pending", round, remarks: [], history: [] };
  switch (planned.kind) {
    case "keep":
    case "adopt":
      return { status: planned.status, round: planned.statusRound, remarks: planned.remarks, history: planned.history };
    case "revise":
      return { status: "revised", round, remarks: planned.remarks, history: planned.history };
    case "changed":
      return { status: "changed", round, remarks: [], history: planned.history };
  }
}

export function summarise(sections: readonly ConvertedSection[], round: number, validation: ValidationRecord): ReviewSummary {
  const count = (...statuses: string[]) => sections.filter((section) => statuses.includes(section.review?.status ?? "pending")).length;
  return {
    round,
    validated: count("validated"),
    notUnderstood: count("not-understood", "revised"),
    edited: count("edited"),
    pending: count("pending", "changed"),
    reviewers: validation.reviewers,
    date: validation.date,
    organisation: validation.organisation,
  };
}

/**
 * Every section validated by its readers, and the closing table says who and when: the only case in
 * which falc writes that a text was validated — with the readers' own names and date.
 */
export function isValidated(summary: ReviewSummary | undefined, sections: number): boolean {
  return summary !== undefined && sections > 0 && summary.validated === sections && summary.reviewers.length > 0 && summary.date !== null;
}
