import type { Section } from "../model/types.js";
import type { SectionPlan } from "../rewrite/types.js";
import { textHash } from "./hash.js";
import { firstLine, normaliseTitle } from "./state.js";
import type { ReadReview, ReviewStatus, RoundNote, ReviewedSection, StoredSection } from "./types.js";

/**
 * What a filled review document means for the next conversion, section by section (SectionPlan,
 * declared in rewrite/types.ts for the pipeline that carries it out). A section of the source that no
 * row matches is new, and rewritten as usual.
 */
export type { SectionPlan };

export interface ReviewPlan {
  /** The round of the review document read; the new one is the next. */
  round: number;
  sections: Map<number, SectionPlan>;
  /** French notices for the staff: rows deleted, contradictory verdicts, remarks the offline rewrite cannot use. */
  notices: string[];
}

/** The remark written when both boxes are ticked. */
export const CONTRADICTORY = "Les deux cases « Compris » et « Pas compris » sont cochées : avis à redemander.";

/**
 * `canRevise`: whether the provider can take the readers' remarks into account (a model can; the
 * offline rewrite cannot, so a « pas compris » section stays as it is, marked for a human rewrite).
 */
export function planReview(sections: readonly Section[], review: ReadReview, canRevise: boolean): ReviewPlan {
  const round = review.state.round;
  const rows = new Map(review.sections.map((row) => [row.stored.id, row]));
  const match = matchSections(sections, review.state.sections);
  const plans = new Map<number, SectionPlan>();
  const notices: string[] = [];
  const offlineNotUnderstood: string[] = [];
  for (const section of sections) {
    const matched = match.get(section.index);
    if (!matched) continue;
    const { stored, sameSource } = matched;
    const row = rows.get(stored.id);
    const said = row ? noteOf(row, round) : undefined;
    const history = said ? [...stored.history, said] : stored.history;
    if (!sameSource) {
      plans.set(section.index, { kind: "changed", history });
      continue;
    }
    if (!row) {
      plans.set(section.index, { kind: "keep", rewrite: stored.rewrite, status: "pending", statusRound: round, remarks: [], history });
      continue;
    }
    const text = row.editedRewrite ?? stored.rewrite;
    const remarks = row.verdict === "contradictory" ? [CONTRADICTORY, ...row.remarks] : row.remarks;
    if (row.verdict === "not-understood") {
      if (canRevise) plans.set(section.index, { kind: "revise", previous: text, remarks, statusRound: round, history });
      else {
        offlineNotUnderstood.push(sectionLabel(stored));
        plans.set(section.index, { kind: "keep", rewrite: text, status: "not-understood", statusRound: round, remarks, history });
      }
    } else if (row.edited) {
      plans.set(section.index, { kind: "adopt", rewrite: text, status: row.verdict === "understood" ? "validated" : "edited", statusRound: round, remarks, history });
    } else {
      const status: ReviewStatus = row.verdict === "understood" ? "validated" : "pending";
      plans.set(section.index, { kind: "keep", rewrite: text, status, statusRound: round, remarks, history });
    }
    if (row.verdict === "contradictory") notices.push(`${sectionLabel(stored)} : les deux cases sont cochées ; le passage reste à relire.`);
  }
  if (review.missingRows.length > 0) {
    notices.push(`${review.path} : ${review.missingRows.length} ligne(s) du tableau ont été supprimées (${review.missingRows.map(sectionLabel).join(", ")}) : ces passages restent à relire.`);
  }
  if (offlineNotUnderstood.length > 0) {
    notices.push(`Réécriture hors ligne : les remarques des relecteurs ne peuvent pas être prises en compte automatiquement. À reprendre à la main : ${offlineNotUnderstood.join(", ")}.`);
  }
  return { round, sections: plans, notices };
}

/**
 * Each section of the source is matched to the section reviewed: first by its original text (the
 * same text, even moved), then by its heading (the same section, whose original changed).
 */
function matchSections(sections: readonly Section[], stored: readonly StoredSection[]): Map<number, { stored: StoredSection; sameSource: boolean }> {
  const out = new Map<number, { stored: StoredSection; sameSource: boolean }>();
  const used = new Set<string>();
  const byHash = new Map<string, StoredSection[]>();
  for (const entry of stored) byHash.set(entry.sourceHash, [...(byHash.get(entry.sourceHash) ?? []), entry]);
  for (const section of sections) {
    const candidates = (byHash.get(textHash(section.text)) ?? []).filter((entry) => !used.has(entry.id));
    const entry = candidates.find((c) => c.index === section.index) ?? candidates[0];
    if (!entry) continue;
    used.add(entry.id);
    out.set(section.index, { stored: entry, sameSource: true });
  }
  for (const section of sections) {
    if (out.has(section.index)) continue;
    const heading = normaliseTitle(firstLine(section.text));
    const entry = stored.find((c) => !used.has(c.id) && normaliseTitle(c.sourceTitle ?? "") === heading);
    if (!entry) continue;
    used.add(entry.id);
    out.set(section.index, { stored: entry, sameSource: false });
  }
  return out;
}

/** What the readers said of a row in this round, if anything. */
function noteOf(row: ReviewedSection, round: number): RoundNote | undefined {
  if (row.verdict === "none" && row.remarks.length === 0 && !row.edited) return undefined;
  const status: ReviewStatus =
    row.verdict === "understood" ? "validated" : row.verdict === "not-understood" ? "not-understood" : row.edited ? "edited" : "pending";
  return { round, status, remarks: row.remarks };
}

export function sectionLabel(section: { index: number; title: string }): string {
  return `passage ${section.index + 1} « ${section.title.replace(/\*\*/g, "")} »`;
}
