import { extractFacts, formatFullDate, parseDateValue, weekdayMismatch } from "../../../analysis/normalise/index.js";

/**
 * Step 3: dates in full with their weekday, as the rule `full-dates` asks: « 01/03/2026 » →
 * « dimanche 1er mars 2026 », « 26 novembre 2004 » → « vendredi 26 novembre 2004 ». The dates are
 * found by the fact extractor, the one the fidelity guard uses, so both always agree on what a date is.
 *
 * Left alone: a weekday already written, even a wrong one (the original says so; the guard reports
 * it), both ends of a range (« du 1er au 15 mars 2026 »: the first day has no month of its own), a
 * month without a day. A numeric date without a year becomes « 10 décembre » (no weekday can be
 * computed).
 */

const WEEKDAY_FIRST = /^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?![\p{L}])/iu;
const NUMERIC = /\d[/.\-]\d/u;
const MONTH = /(?:janv|f[ée]vr|mars|avr|mai|juin|juil|ao[uû]t|sept|oct|nov|d[ée]c)/iu;

export function fullDates(text: string): string {
  const dates = extractFacts(text).filter((f) => f.type === "date");
  let out = text;
  for (let i = dates.length - 1; i >= 0; i--) {
    const fact = dates[i]!;
    const parts = parseDateValue(fact.value);
    const numeric = NUMERIC.test(fact.text);
    // « du 1er au 15 avril 2026 »: the end of a written range keeps the form of its start.
    const previous = dates[i - 1];
    if (!numeric && previous !== undefined && fact.start - previous.end <= 6) continue;
    if (parts === null || (!numeric && !MONTH.test(fact.text))) continue;
    if (weekdayMismatch(fact) !== null) continue;
    if (WEEKDAY_FIRST.test(fact.text) && (!numeric || parts.year === undefined)) continue;
    const full = formatFullDate(fact.value);
    if (full.toLowerCase() === fact.text.toLowerCase()) continue;
    out = out.slice(0, fact.start) + full + out.slice(fact.end);
  }
  return out;
}
