import { compareFacts, extractFacts } from "../../../analysis/normalise/index.js";

/**
 * The fidelity guard, applied to every step of the offline rewrite: a step's output is kept only if
 * it has exactly the facts of its input, by the same comparison the convert pipeline runs on the
 * whole section. A rule that misfires on an unforeseen sentence (a range of hours cut in two, a
 * number read as an article) is thereby undone for that sentence instead of changing a fact.
 */
export function keepsFacts(before: string, after: string): boolean {
  if (before === after) return true;
  const original = extractFacts(before);
  const rewrite = extractFacts(after);
  const comparison = compareFacts(original, rewrite);
  if (comparison.missing.length > 0 || comparison.added.length > 0) return false;
  // A wrong weekday already in the original is not the step's fault; a new one is.
  return comparison.wrongWeekdays.length === 0 || comparison.wrongWeekdays.length <= compareFacts(original, original).wrongWeekdays.length;
}

/** Runs a string-to-string step and keeps its result only when no fact changed. */
export function guarded(text: string, step: (text: string) => string): string {
  const out = step(text);
  return out !== text && keepsFacts(text, out) ? out : text;
}
