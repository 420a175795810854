/**
 * Durations: a quantity followed by a unit of time, as an ISO 8601 duration ("P30D", "P3M", "P1Y",
 * "PT48H", "PT1H30M").
 *
 * The value keeps the unit the text used: « quinze jours » is P15D and « huit jours » P8D, never
 * « 2 semaines » or « 1 semaine », because in French usage those words are conventional and a
 * reviewer must see what was written. Exact conversions (1 an = 12 mois, 1 semaine = 7 jours,
 * 1 heure = 60 minutes) are accepted when facts are compared, not here.
 *
 * « jours ouvrés », « ouvrables » and « francs » are different legal durations from plain « jours »
 * (a notice of 10 working days is two weeks, of 10 days ten), so the qualifier is part of the value
 * ("P30D[ouvrés]"), and « ouvrés » → « calendaires » is a changed right. « jours calendaires » are
 * plain days: a time limit in days counts calendar days unless the text says otherwise, so a rewrite
 * that drops the word loses nothing.
 * « journée » is a « jour » and « année » an « an »: a rewrite picks either word for the same length.
 * Ages (« 60 ans ») are durations too: the unit is the same and the comparison needs nothing else.
 * Hours are read in times.ts, which decides between « à 10 h » (a time) and « sous 10 h » (a duration).
 */
import { NUMBER_WORDS_RUN_SOURCE, parseFrenchNumber } from "./numbers.js";
import { canonicalNumber } from "./format.js";
import { execAt, type Quantity, type UnitMatch } from "./quantities.js";
import { afterLetter, nextMatch } from "./scan.js";

const SP = String.raw`[\s\u00A0\u202F]`;
/**
 * Words around the unit that say how the days run, not how many there are: « 4 jours consécutifs »
 * is the « 4 jours de suite » of a rewrite, and « consécutifs » is what a reader takes « 4 jours » to
 * mean anyway; « 2 pleines journées », « 3 mois entiers » count the same days. They are skipped, so
 * that the qualifier after them (« 4 jours consécutifs ouvrés ») still belongs to the fact.
 */
const BEFORE_UNIT = String.raw`(?:(?:pleins|pleines|entiers|entières|entieres|longs|longues|petits|petites|bons|bonnes)${SP}+)?`;
const AFTER_UNIT = String.raw`(?:${SP}+(?:consécuti(?:f|fs|ve|ves)|consecuti(?:f|fs|ve|ves)|successi(?:f|fs|ve|ves)|pleins?|pleines?|entiers?|entières?|entieres?|révolus?|revolus?|révolues?|revolues?)(?![\p{L}]))?`;
const QUALIFIER = String.raw`(ouvrés|ouvrées|ouvré|ouvres|ouvrables?|francs|franc|calendaires?)`;
const UNIT = new RegExp(
  String.raw`${SP}*${BEFORE_UNIT}(jours?|journées?|journees?|j(?=${SP}*\/)|semaines?|mois|ans|an|années?|annees?|minutes?|min|mn|secondes?)(?![\p{L}]|-\p{L})` +
    AFTER_UNIT +
    // « 4 jours consécutifs (jours ouvrés) »: the qualifier in brackets is the same fact.
    String.raw`(?:${SP}+${QUALIFIER}(?![\p{L}])|${SP}*\(${SP}*(?:jours?${SP}+)?${QUALIFIER}${SP}*\))?` +
    String.raw`(?:${SP}+et${SP}+(demie?)(?![\p{L}]))?`,
  "iuy",
);
/** « 24 h/24 », « 7 jours sur 7 »: « all the time », not a duration. */
const ROUND_THE_CLOCK = new RegExp(
  String.raw`${SP}*(?:h|heures?|j|jours?)${SP}*(?:\/|sur)${SP}*(\d{1,2}|${NUMBER_WORDS_RUN_SOURCE})(?![\p{L}\p{N}])`,
  "iuy",
);
const HALF_HOUR = /demi-heures?(?![\p{L}])/giu;

const LETTER: Readonly<Record<string, string>> = {
  jour: "D", jours: "D", journée: "D", journées: "D", journee: "D", journees: "D", j: "D", semaine: "W", semaines: "W", mois: "M", an: "Y", ans: "Y", année: "Y",
  années: "Y", annee: "Y", annees: "Y", minute: "m", minutes: "m", min: "m", mn: "m", seconde: "s", secondes: "s",
};

function qualifierOf(word: string | undefined): string {
  if (word === undefined) return "";
  const w = word.toLowerCase();
  if (w.startsWith("ouvrable")) return "[ouvrables]";
  if (w.startsWith("ouvr")) return "[ouvrés]";
  if (w.startsWith("franc")) return "[francs]";
  return "";
}

/** Hours as "PT2H30M" so that 2,5 heures and 2 h 30 are one value. */
export function hoursValue(hours: number, minutes = 0): string {
  const total = Math.round(hours * 60 + minutes);
  const h = Math.floor(total / 60);
  const m = total % 60;
  return `PT${h > 0 ? `${h}H` : ""}${m > 0 || h === 0 ? `${m}M` : ""}`;
}

/** The ISO duration for `n` of a unit letter (D, W, M, Y; m and s for minutes and seconds). */
export function durationValue(n: number, letter: string, qualifier = ""): string {
  if (letter === "m") return hoursValue(0, n);
  if (letter === "s") return `PT${canonicalNumber(n)}S`;
  return `P${canonicalNumber(n)}${letter}${qualifier}`;
}

export function matchDuration(text: string, q: Quantity): UnitMatch | null {
  const m = execAt(UNIT, text, q.end);
  if (m === null) return null;
  const letter = LETTER[(m[1] as string).toLowerCase()];
  // « une seconde fois » is « a second time »: after an article, seconds are too ambiguous.
  if (letter === undefined || (letter === "s" && q.article)) return null;
  const qualifier = letter === "D" ? qualifierOf(m[2] ?? m[3]) : "";
  // « jours calendaires » is plain days, but the word still belongs to the fact.
  const amount = q.value + (m[4] !== undefined ? 0.5 : 0);
  return {
    type: "duration",
    value: durationValue(amount, letter, qualifier),
    end: q.end + m[0].length,
    spread: (n) => durationValue(n, letter, qualifier),
  };
}

export function matchRoundTheClock(text: string, q: Quantity): UnitMatch | null {
  const m = execAt(ROUND_THE_CLOCK, text, q.end);
  if (m === null) return null;
  const written = m[1] as string;
  const other = /^\d/.test(written) ? Number(written) : parseFrenchNumber(written);
  if (other !== q.value || (q.value !== 24 && q.value !== 7)) return null;
  return { type: "number", value: `${q.value}/${q.value}`, end: q.end + m[0].length };
}

/** « une demi-heure » has no number to anchor on. */
export function findHalfHours(text: string, onMatch: (start: number, end: number, value: string) => void): void {
  HALF_HOUR.lastIndex = 0;
  for (let m = nextMatch(HALF_HOUR, text, afterLetter); m !== null; m = nextMatch(HALF_HOUR, text, afterLetter)) {
    onMatch(m.index, m.index + m[0].length, "PT30M");
  }
}

/** A duration value's length in (months, days, seconds): the exact conversions a reader accepts. */
export function durationKey(value: string): string | null {
  const m = /^P(?:([\d.]+)Y)?(?:([\d.]+)M)?(?:([\d.]+)W)?(?:([\d.]+)D)?(?:T(?:([\d.]+)H)?(?:([\d.]+)M)?(?:([\d.]+)S)?)?(\[[^\]]*\])?$/.exec(value);
  if (m === null) return null;
  const n = (i: number): number => Number(m[i] ?? 0);
  const months = n(1) * 12 + n(2);
  const days = n(3) * 7 + n(4);
  const seconds = n(5) * 3600 + n(6) * 60 + n(7);
  return `${canonicalNumber(months)}|${canonicalNumber(days)}|${canonicalNumber(seconds)}|${m[8] ?? ""}`;
}
