/**
 * Dates, numeric and written, to an ISO-like canonical value.
 *
 * « 01/03/2026 », « 1.3.26 », « 2026-03-01 », « 1er mars 2026 », « premier mars 2026 » and
 * « dimanche 1er mars 2026 » are all "2026-03-01": the FALC rule `full-dates` asks the rewrite to
 * replace the first forms by the last, and the fidelity guard must see them as one fact. A date
 * written without its year is "--03-01" (the ISO 8601 form for a day of any year); a month with a
 * year and no day is "2026-03".
 *
 * Numeric dates are read day first (French order). Two-digit years below 70 are 20xx. Impossible
 * dates (31/02) are not dates, so their numbers stay numbers. « 01/03 » without a year is taken
 * only after « le / du / au », since a bare « 10/12 » is as often a ratio. The weekday written in a
 * date is not part of its value: adding one is not a new fact, but a wrong one is an error that
 * `weekdayMismatch` reports (LLMs compute weekdays badly).
 */
import { NUMBER_WORDS_RUN_SOURCE, parseFrenchNumber, parseFrenchOrdinal } from "./numbers.js";
import { pad2 } from "./format.js";
import type { SpanMask } from "./spans.js";
import { afterLetter, nextMatch } from "./scan.js";
import type { Fact } from "./types.js";

export interface CalendarDate {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
}

const MONTH_NAMES = [
  "janvier", "février", "mars", "avril", "mai", "juin",
  "juillet", "août", "septembre", "octobre", "novembre", "décembre",
] as const;
export const WEEKDAY_NAMES = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"] as const;

const MONTH_BY_NAME: Readonly<Record<string, number>> = {
  janvier: 1, "janv.": 1, février: 2, fevrier: 2, "févr.": 2, "fevr.": 2, mars: 3, avril: 4, "avr.": 4,
  mai: 5, juin: 6, juillet: 7, "juil.": 7, août: 8, aout: 8, septembre: 9, "sept.": 9, octobre: 10,
  "oct.": 10, novembre: 11, "nov.": 11, décembre: 12, decembre: 12, "déc.": 12, "dec.": 12,
};

const MONTH = String.raw`(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|(?:janv|f[ée]vr|avr|juil|sept|oct|nov|d[ée]c)\.)`;
const WEEKDAY = String.raw`(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)`;
const SP = String.raw`[\s\u00A0\u202F]+`;
const DAY = String.raw`(?:(\d{1,2}(?:er|ᵉʳ|re|ère)?)|(${NUMBER_WORDS_RUN_SOURCE}))`;

/** Dates are found from their month name, the rarest part, then read backwards for the day. */
const MONTH_ANCHOR = new RegExp(String.raw`${MONTH}(?![\p{L}])`, "giu");
const DAY_BEFORE = new RegExp(
  String.raw`(?:(?<![\p{L}])(${WEEKDAY})${SP})?(?<![\p{L}\p{N}])${DAY}${SP}$`,
  "diu",
);
const YEAR_AFTER = new RegExp(String.raw`${SP}(\d{4})(?!\d)`, "uy");
const NUMERIC = /(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?!\d|[/.\-]\d)/gu;
const ISO = /(\d{4})-(\d{2})-(\d{2})(?![\p{N}])/gu;
const SHORT_NUMERIC = /(\d{2})\/(\d{2})(?![\p{N}]|\/\d)/gu;
const NUMERIC_REJECT_BEFORE = /[\p{N}/.\-]/u;
/** A weekday written just before a numeric date belongs to it (« mardi 03/03/2026 »). */
const WEEKDAY_BEFORE = new RegExp(String.raw`(?<![\p{L}])${WEEKDAY}${SP}$`, "iu");
const SHORT_DATE_CUE = /(?<![\p{L}])(?:le|du|au|l['’])[\s\u00A0]+$/iu;
/** « du 1er au 15 mars », « les 3 et 4 avril »: the first day shares the month of the second. */
const RANGE_START = new RegExp(
  String.raw`(?<![\p{L}])(?:du|entre le|entre les|les|des)${SP}${DAY}${SP}(?:au|et le|et|à)${SP}$`,
  "diu",
);

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(month: number, year: number | undefined): number {
  if (month === 2) return year === undefined || isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(year: number | undefined, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(month, year);
}

/** 0 = dimanche … 6 = samedi, in the proleptic Gregorian calendar. */
export function weekdayOf(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function dateValue(year: number | undefined, month: number, day: number): string {
  return `${year === undefined ? "-" : String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

/** "2026-03-01" or "--03-01" → its parts; null for other values. */
export function parseDateValue(value: string): { year?: number; month: number; day: number } | null {
  const m = /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(value);
  if (m === null) return null;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return m[1] === "-" ? { month, day } : { year: Number(m[1]), month, day };
}

/**
 * « dimanche 1er mars 2026 ». Takes calendar parts, a canonical value ("2026-03-01"; "--03-01" gives
 * « 1er mars », no weekday being computable) or a Date read in local time.
 */
export function formatFullDate(date: CalendarDate | Date | string): string {
  let parts: { year?: number; month: number; day: number } | null;
  if (typeof date === "string") parts = parseDateValue(date);
  else if (date instanceof Date) parts = { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
  else parts = date;
  if (parts === null || !isValidDate(parts.year, parts.month, parts.day)) {
    throw new RangeError(`formatFullDate : date invalide (${String(date)})`);
  }
  const dayMonth = `${parts.day === 1 ? "1er" : parts.day} ${MONTH_NAMES[parts.month - 1]}`;
  if (parts.year === undefined) return dayMonth;
  const weekday = WEEKDAY_NAMES[weekdayOf(parts as CalendarDate)];
  return `${weekday} ${dayMonth} ${parts.year}`;
}

function fullYear(written: string): number {
  const n = Number(written);
  if (written.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function writtenDay(digits: string | undefined, words: string | undefined): number | null {
  if (digits !== undefined) return parseInt(digits, 10);
  if (words === undefined) return null;
  return parseFrenchOrdinal(words) ?? parseFrenchNumber(words);
}

function push(out: Fact[], mask: SpanMask, text: string, start: number, end: number, value: string): void {
  mask.claim(start, end);
  out.push({ type: "date", value, text: text.slice(start, end), start, end });
}

function numericRejected(text: string, index: number): boolean {
  return index > 0 && NUMERIC_REJECT_BEFORE.test(text.charAt(index - 1));
}

/** Where a numeric date starts once a weekday written before it is included. */
function withWeekday(text: string, start: number): number {
  const w = WEEKDAY_BEFORE.exec(text.slice(Math.max(0, start - 12), start));
  return w === null ? start : start - (Math.min(start, 12) - w.index);
}

function pushNumeric(text: string, mask: SpanMask, out: Fact[], m: RegExpExecArray, value: string | null): void {
  const end = m.index + m[0].length;
  if (value === null || !mask.isFree(m.index, end)) return;
  push(out, mask, text, withWeekday(text, m.index), end, value);
}

function findNumericDates(text: string, mask: SpanMask, out: Fact[]): void {
  NUMERIC.lastIndex = 0;
  for (let m = nextMatch(NUMERIC, text, numericRejected); m !== null; m = nextMatch(NUMERIC, text, numericRejected)) {
    const [year, month, day] = [fullYear(m[4] as string), Number(m[3]), Number(m[1])];
    pushNumeric(text, mask, out, m, isValidDate(year, month, day) ? dateValue(year, month, day) : null);
  }
  ISO.lastIndex = 0;
  for (let m = nextMatch(ISO, text, numericRejected); m !== null; m = nextMatch(ISO, text, numericRejected)) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    pushNumeric(text, mask, out, m, isValidDate(year, month, day) ? dateValue(year, month, day) : null);
  }
  if (!text.includes("/")) return;
  SHORT_NUMERIC.lastIndex = 0;
  for (let m = nextMatch(SHORT_NUMERIC, text, numericRejected); m !== null; m = nextMatch(SHORT_NUMERIC, text, numericRejected)) {
    const [day, month] = [Number(m[1]), Number(m[2])];
    const cue = SHORT_DATE_CUE.test(text.slice(Math.max(0, m.index - 8), m.index));
    pushNumeric(text, mask, out, m, cue && isValidDate(undefined, month, day) ? dateValue(undefined, month, day) : null);
  }
}

function findRangeStart(text: string, at: number, month: number, year: number | undefined, mask: SpanMask, out: Fact[]): void {
  const windowStart = Math.max(0, at - 60);
  const m = RANGE_START.exec(text.slice(windowStart, at));
  const span = m?.indices?.[1] ?? m?.indices?.[2];
  if (m === null || span === undefined) return;
  const day = writtenDay(m[1], m[2]);
  const [start, end] = [windowStart + span[0], windowStart + span[1]];
  if (day === null || !isValidDate(year, month, day) || !mask.isFree(start, end)) return;
  push(out, mask, text, start, end, dateValue(year, month, day));
}

function findWrittenDates(text: string, mask: SpanMask, out: Fact[]): void {
  MONTH_ANCHOR.lastIndex = 0;
  for (let m = nextMatch(MONTH_ANCHOR, text, afterLetter); m !== null; m = nextMatch(MONTH_ANCHOR, text, afterLetter)) {
    const month = MONTH_BY_NAME[m[0].toLowerCase()];
    const monthEnd = m.index + m[0].length;
    YEAR_AFTER.lastIndex = monthEnd;
    const y = YEAR_AFTER.exec(text);
    const yearNumber = y === null ? undefined : Number(y[1]);
    // A number after the month that is not a plausible year (« le 3 mars 1500 personnes ») stays out.
    const year = yearNumber !== undefined && yearNumber >= 1000 && yearNumber < 3000 ? yearNumber : undefined;
    const end = year === undefined ? monthEnd : monthEnd + (y as RegExpExecArray)[0].length;
    if (month === undefined) continue;
    const windowStart = Math.max(0, m.index - 80);
    const d = DAY_BEFORE.exec(text.slice(windowStart, m.index));
    if (d === null) {
      if (year !== undefined && mask.isFree(m.index, end)) push(out, mask, text, m.index, end, `${year}-${pad2(month)}`);
      continue;
    }
    const start = windowStart + d.index;
    const day = writtenDay(d[2], d[3]);
    if (day === null || !isValidDate(year, month, day) || !mask.isFree(start, end)) continue;
    push(out, mask, text, start, end, dateValue(year, month, day));
    findRangeStart(text, start, month, year, mask, out);
  }
}

/** Finds every date and claims its span. */
export function findDates(text: string, mask: SpanMask, out: Fact[]): void {
  findNumericDates(text, mask, out);
  findWrittenDates(text, mask, out);
}

/**
 * For a date fact written with a weekday (« mardi 1er mars 2026 »), the weekday it should have
 * when it does not match (« dimanche »); null when it matches or cannot be checked.
 */
export function weekdayMismatch(fact: Fact): string | null {
  if (fact.type !== "date") return null;
  const parts = parseDateValue(fact.value);
  const written = /^[\p{L}]+/u.exec(fact.text)?.[0]?.toLowerCase();
  if (parts === null || parts.year === undefined || written === undefined) return null;
  const index = (WEEKDAY_NAMES as readonly string[]).indexOf(written);
  if (index < 0) return null;
  const expected = weekdayOf(parts as CalendarDate);
  return expected === index ? null : (WEEKDAY_NAMES[expected] as string);
}
