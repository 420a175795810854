/**
 * The fidelity comparison between the facts of an original text and those of its rewrite.
 *
 * It answers two reviewer questions: « which fact of the original cannot be found in the rewrite in
 * any form? » (missing) and « which fact of the rewrite cannot be derived from the original? »
 * (added). By default a fact is found when it appears at least once: FALC rewrites merge repeated
 * mentions and repeat important ones, so counting occurrences would raise false alarms on both sides;
 * `countRepeats` turns the multiset check on for the missing side when a reviewer wants it. Every
 * occurrence of a missing fact is listed, so each place can be shown.
 *
 * Tolerances, each because a faithful rewrite produces it:
 * - a date without a year matches the same day and month with a year, in either direction;
 * - a legal reference without its code matches the same article with a code;
 * - durations match after exact conversions (1 an = 12 mois, 1 semaine = 7 jours, 1 h = 60 min);
 *   never « quinze jours » = 2 semaines or « 48 heures » = 2 jours;
 * - hours read as a time on one side and as a duration on the other match (« 10 h », « 1 h 30 »);
 * - a bare number matches the same number inside any fact of the other side (« trente » / « 30 jours »);
 * - a number 1 in the rewrite is never « added »: FALC writes « 1 chambre » where the original said
 *   « une chambre », and the article « une » is not extracted.
 * The weekday written in a rewrite date is checked: a wrong one is reported in `wrongWeekdays`.
 */
import { durationKey } from "./durations.js";
import { parseDateValue, weekdayMismatch } from "./dates.js";
import type { Fact } from "./types.js";

export interface FactComparison {
  /** Number of facts of the original that were checked. */
  checked: number;
  /** Facts of the original that the rewrite does not contain in any form. */
  missing: Fact[];
  /** Facts of the rewrite that cannot be derived from the original. */
  added: Fact[];
  /** Dates of the rewrite whose written weekday is wrong (« mardi 1er mars 2026 »). */
  wrongWeekdays: Fact[];
}

export interface CompareOptions {
  /** Report an original fact as missing when it occurs more often than in the rewrite. */
  countRepeats?: boolean;
}

function datesMatch(a: string, b: string): boolean {
  const pa = parseDateValue(a);
  const pb = parseDateValue(b);
  if (pa === null || pb === null) return false;
  if (pa.year !== undefined && pb.year !== undefined) return false;
  return pa.month === pb.month && pa.day === pb.day;
}

function legalMatch(a: string, b: string): boolean {
  if (!a.startsWith("art:") || !b.startsWith("art:")) return false;
  const [, refA, codeA] = a.split(":");
  const [, refB, codeB] = b.split(":");
  return refA === refB && (codeA === undefined || codeB === undefined);
}

/**
 * « 10 h », « 1 h 30 »: hours written with « h » or « heures » may be a time or a duration, and the
 * reading chosen from context can differ between the two texts. Returns the length in minutes.
 */
function hoursLike(f: Fact): number | null {
  if (f.type === "time") {
    if (/midi|minuit|:/iu.test(f.text)) return null;
    return Number(f.value.slice(0, 2)) * 60 + Number(f.value.slice(3, 5));
  }
  if (f.type === "duration") {
    const m = /^PT(?:(\d{1,2})H)?(?:(\d{1,2})M)?$/.exec(f.value);
    if (m === null || m[1] === undefined) return null;
    return Number(m[1]) * 60 + Number(m[2] ?? 0);
  }
  return null;
}

/** Two facts that a reader would call the same, whichever side each comes from. */
export function factsMatch(a: Fact, b: Fact): boolean {
  if (a.type === b.type && a.value === b.value) return true;
  if (a.type !== b.type) {
    const ha = hoursLike(a);
    return ha !== null && ha <= 24 * 60 && ha === hoursLike(b);
  }
  switch (a.type) {
    case "date":
      return datesMatch(a.value, b.value);
    case "legal-reference":
      return legalMatch(a.value, b.value);
    case "duration": {
      const ka = durationKey(a.value);
      return ka !== null && ka === durationKey(b.value);
    }
    default:
      return false;
  }
}

const NUMBER_IN_VALUE = /\d+(?:\.\d+)?/g;

/** The numbers a fact is made of, for matching a bare number (« 30 » inside « P30D »). */
function numbersOf(f: Fact): string[] {
  // Written to be copied: « 16030 » alone is not what « 16030*01 » names.
  if (f.type === "phone" || f.type === "email" || f.type === "url" || f.type === "identifier") return [];
  const values = f.value.match(NUMBER_IN_VALUE) ?? [];
  // « 74.50 » is also 74 and « 02 » is 2: strip what writing adds.
  return values.flatMap((v) => {
    const n = String(Number(v));
    return v.includes(".") ? [n, String(Math.trunc(Number(v)))] : [n];
  });
}

function numberFoundIn(n: Fact, others: readonly Fact[]): boolean {
  const value = /^\d+(?:\.\d+)?$/.test(n.value) ? String(Number(n.value)) : n.value;
  return others.some((o) => o.type !== "number" && numbersOf(o).includes(value));
}

/** True when `others` hold `fact` in some form (see the tolerances above). */
export function foundIn(fact: Fact, others: readonly Fact[]): boolean {
  if (others.some((o) => factsMatch(fact, o))) return true;
  return fact.type === "number" && numberFoundIn(fact, others);
}

function missingWithRepeats(original: readonly Fact[], rewrite: readonly Fact[]): Fact[] {
  const used = new Uint8Array(rewrite.length);
  const missing: Fact[] = [];
  for (const fact of original) {
    let index = rewrite.findIndex((r, i) => used[i] === 0 && factsMatch(fact, r));
    if (index < 0 && fact.type === "number") {
      index = rewrite.findIndex((r, i) => used[i] === 0 && numberFoundIn(fact, [r]));
    }
    if (index < 0) missing.push(fact);
    else used[index] = 1;
  }
  return missing;
}

export function compareFacts(original: readonly Fact[], rewrite: readonly Fact[], options: CompareOptions = {}): FactComparison {
  const missing = options.countRepeats
    ? missingWithRepeats(original, rewrite)
    : original.filter((f) => !foundIn(f, rewrite));
  const added = rewrite.filter((f) => !(f.type === "number" && f.value === "1") && !foundIn(f, original));
  const wrongWeekdays = rewrite.filter((f) => weekdayMismatch(f) !== null);
  return { checked: original.length, missing, added, wrongWeekdays };
}
