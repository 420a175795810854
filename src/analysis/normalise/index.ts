/**
 * French normaliser and fact extractor: the basis of the fidelity guard, which checks that a
 * rewrite keeps every amount, number, date, time, duration, percentage, contact and legal reference
 * of the original, and invents none. Pure functions, no I/O.
 */
export type { Fact, FactType } from "./types.js";
export { extractFacts, extractFactsAndHints } from "./facts.js";
export { reconcile, type Hint, type HintTier, type ReconciledComparison } from "./implicit.js";
export { compareFacts, factsMatch, type CompareOptions, type FactComparison } from "./compare.js";
export { parseFrenchNumber, parseFrenchOrdinal, numberToFrenchWords, type FrenchWordsOptions } from "./numbers.js";
export {
  formatFullDate,
  weekdayMismatch,
  weekdayOf,
  isValidDate,
  parseDateValue,
  type CalendarDate,
} from "./dates.js";
export { normaliseUrl } from "./contacts.js";
export { checkMeaning, MEANING_LABEL, type MeaningKind, type MeaningPoint } from "./polarity.js";
