import { problemsOf } from "../pipeline.js";
import {
  addUsage,
  type ConvertedSection,
  type MeaningChange,
  type MeaningChecker,
  type MeaningCheckRecord,
  type RewriteCallOptions,
  type RewriteRequest,
  type SecondReader,
} from "../types.js";
import { CheckFailure } from "./judge.js";
import { changeText } from "./labels.js";
import { CHECK_PROMPT_VERSION } from "./prompt.js";

/**
 * The second reader's step, after a section's rewrite and repair loop: one reading; when it finds
 * changes of meaning and repairs are allowed, one repair request to the main model (those changes
 * and what the rules still find); the repaired rewrite is kept unless the deterministic checks find
 * it worse (more facts missing or added, more errors), and then read once more, so that the points
 * shown are about the text the reviewers get. At most two readings and one repair per section.
 */
export function createSecondReader(checker: MeaningChecker): SecondReader {
  return {
    model: checker.model,
    id: `${checker.model}@${CHECK_PROMPT_VERSION}`,
    async review(best, { request, callOptions, repair }) {
      const first = await read(checker, request, best, callOptions);
      const usage = addUsage(best.usage, first.usage);
      if (first.changes.length === 0 || first.failed !== undefined || repair === undefined) return { ...best, usage, meaningCheck: first };
      const fixed = await repair([...first.changes.map(problemText), ...problemsOf(best)]);
      const repaired = addUsage(usage, fixed.usage);
      if (worse(fixed, best)) return { ...best, repairs: fixed.repairs, usage: repaired, meaningCheck: first };
      const second = await read(checker, request, fixed, callOptions);
      const record: MeaningCheckRecord = { ...second, checks: 2, usage: addUsage(first.usage, second.usage) };
      return { ...fixed, usage: addUsage(repaired, second.usage), meaningCheck: record };
    },
  };
}

async function read(checker: MeaningChecker, request: RewriteRequest, section: ConvertedSection, options: RewriteCallOptions): Promise<MeaningCheckRecord> {
  const asked = { documentTitle: request.documentTitle, sectionIndex: request.sectionIndex, sectionTitle: request.sectionTitle, original: request.text, rewrite: section.falc };
  try {
    const answer = await checker.check(asked, options);
    return { model: checker.model, changes: answer.changes, checks: 1, usage: answer.usage };
  } catch (error) {
    if (!(error instanceof CheckFailure)) throw error;
    return { model: checker.model, changes: [], checks: 1, failed: error.reason, usage: error.usage };
  }
}

/** The repair request's wording, in French like the guard's problems (see problemsOf). */
export function problemText(change: MeaningChange): string {
  return `Sens changé, ${changeText(change)} ${change.explanation} Corrigez la version facile à lire pour qu'elle garde le sens de l'original.`;
}

/** Fewer facts kept or more errors than before: a meaning repair must not cost what the guard checks. */
function worse(candidate: ConvertedSection, best: ConvertedSection): boolean {
  const rank = (s: ConvertedSection) => [s.facts.missing.length, s.facts.added.length, s.findings.filter((f) => f.severity === "error").length];
  const a = rank(candidate);
  const b = rank(best);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}
