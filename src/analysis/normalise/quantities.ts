/**
 * Quantities: every number written in digits or in words, before anyone decides what it counts.
 * Amounts, durations, times and percentages are all « a quantity followed by a unit », so finding the
 * quantity once, whatever its spelling, lets each unit module look only at what follows it, and
 * « trente jours » and « 30 jours » go through the same code.
 *
 * Digit conventions (French typography): groups of three separated by a space, a no-break space
 * (U+00A0) or a narrow no-break space (U+202F) are one number (« 2 235 »); a dot followed by exactly
 * three digits is a thousand group when the first group is not 0 (« 2.235 € » = 2235, but « 1.5 » and
 * « 74.50 » are decimals); Swiss « 2'235 » too; the decimal mark is the comma, written without a
 * space after it (« 1, 2 et 3 » is a list). Three or more dot-separated parts that are not
 * thousand groups (« 3.2.1 ») are a section number, and slashed numbers that are not dates
 * (« 3/4 », « 10/12 ») a ratio: both are kept as written, since their parts mean nothing alone.
 */
import { NUMBER_WORDS_RUN_BODY, numberTokens, ordinalBase, isOrdinalWord, parseNumberTokens } from "./numbers.js";
import type { SpanMask } from "./spans.js";
import { nextMatch } from "./scan.js";

export interface Quantity {
  start: number;
  end: number;
  value: number;
  /** Set when the number is not a plain value (« 3.2.1 »): compared as written. */
  literal?: string;
  /** « 1er », « 3e », « premier », « troisième ». */
  ordinal: boolean;
  /** Written in words. */
  words: boolean;
  /** A lone « un » / « une », which is an article unless a unit follows. */
  article: boolean;
  /**
   * A decimal written with a dot (« 4.10 »), as written: in French text it is mostly a version
   * number, where 4.10 is not 4.1. Used only when no unit makes it an amount or a duration.
   */
  dotted?: string;
}

const DIGITS = new RegExp(
  String.raw`(?:` +
    String.raw`(\d{1,3}(?:[ \u00A0\u202F]\d{3}(?!\d))+)` +
    String.raw`|([1-9]\d{0,2}(?:\.\d{3})+)(?![.,]?\d)` +
    String.raw`|(\d{1,3}(?:['’]\d{3})+)(?!\d)` +
    String.raw`|(\d+(?:\.\d+){2,}|\d+(?:\/\d+)+)(?![\d])` +
    // « RGAA 4.1. »: a full stop after a decimal ends the sentence, it does not cut the number.
    String.raw`|(\d+)(?:\.(\d+)(?!\d|\.\d))?` +
    String.raw`)(?:,(\d+)(?!\d))?` +
    String.raw`(?:(er|re|ère|ere|ème|eme|ième|ieme|nde|nd|e|è|ᵉʳ|ʳᵉ|ᵉ)s?(?![\p{L}\p{N}]))?` +
    String.raw`(?:[ \u00A0\u202F]+(millions?|milliards?)(?![\p{L}]))?`,
  "gu",
);

const WORD_RUN = new RegExp(NUMBER_WORDS_RUN_BODY, "giu");
const WORD_TOKEN = /[\p{L}]+/gu;
const MULTIPLIER: Readonly<Record<string, number>> = { million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9 };
const DIGIT_REJECT_BEFORE = /[\p{L}\p{N}_.,/+'’]/u;
const WORD_REJECT_BEFORE = /[\p{L}\p{N}\-]/u;

/** A number glued to a word, a decimal part or an identifier (« T2 », « .5 », « A-3 ») is not read. */
function digitsRejected(text: string, index: number): boolean {
  if (index === 0) return false;
  const before = text.charAt(index - 1);
  if (DIGIT_REJECT_BEFORE.test(before)) return true;
  if (before !== "-" || index < 2 || !/\p{L}/u.test(text.charAt(index - 2))) return false;
  // « 8h-12h » is a range of hours, not an identifier like « T-2 ».
  return !(/[hH]/.test(text.charAt(index - 2)) && /\d/.test(text.charAt(index - 3)));
}

function wordsRejected(text: string, index: number): boolean {
  return index > 0 && WORD_REJECT_BEFORE.test(text.charAt(index - 1));
}

function digitQuantity(m: RegExpExecArray): Quantity | null {
  const start = m.index;
  const end = start + m[0].length;
  const [, spaced, dotted, swiss, section, plain, dotFraction, commaFraction, ordinalSuffix, multiplier] = m;
  if (section !== undefined) {
    return { start, end, value: Number.NaN, literal: section, ordinal: false, words: false, article: false };
  }
  const whole = (spaced ?? dotted ?? swiss ?? plain ?? "").replace(/[^\d]/g, "");
  const fraction = commaFraction ?? dotFraction;
  let value = Number(fraction === undefined ? whole : `${whole}.${fraction}`);
  // An ordinal suffix only fits a plain integer: « 1,5e » is not an ordinal.
  const ordinal = ordinalSuffix !== undefined && fraction === undefined && plain !== undefined;
  if (ordinalSuffix !== undefined && (!ordinal || multiplier !== undefined)) return null;
  if (multiplier !== undefined) value *= MULTIPLIER[multiplier] ?? 1;
  if (dotFraction !== undefined && commaFraction === undefined && multiplier === undefined) {
    return { start, end, value, ordinal, words: false, article: false, dotted: `${whole}.${dotFraction}` };
  }
  return { start, end, value, ordinal, words: false, article: false };
}

function scanDigits(text: string, mask: SpanMask, out: Quantity[]): void {
  DIGITS.lastIndex = 0;
  for (let m = nextMatch(DIGITS, text, digitsRejected); m !== null; m = nextMatch(DIGITS, text, digitsRejected)) {
    const q = digitQuantity(m);
    if (q !== null && mask.isFree(q.start, q.end)) out.push(q);
  }
}

interface WordToken {
  word: string;
  start: number;
  end: number;
}

function runTokens(run: string, offset: number): WordToken[] {
  const tokens: WordToken[] = [];
  WORD_TOKEN.lastIndex = 0;
  for (let m = WORD_TOKEN.exec(run); m !== null; m = WORD_TOKEN.exec(run)) {
    tokens.push({ word: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return tokens;
}

/** Splits a run of number words into numbers; an ordinal word always ends a number. */
function wordQuantities(tokens: WordToken[], out: Quantity[], mask: SpanMask): void {
  let i = 0;
  while (i < tokens.length) {
    let stop = i;
    while (stop < tokens.length && !isOrdinalWord((tokens[stop] as WordToken).word)) stop++;
    const hasOrdinal = stop < tokens.length;
    const last = hasOrdinal ? stop : tokens.length - 1;
    const words = tokens.slice(i, last + 1).map((t, k) =>
      hasOrdinal && i + k === stop ? ordinalBase(t.word) : (numberTokens(t.word)[0] ?? ""),
    );
    const parsed = parseNumberTokens(words, 0);
    if (parsed === null) {
      i++;
      continue;
    }
    const first = tokens[i] as WordToken;
    const lastUsed = tokens[i + parsed.next - 1] as WordToken;
    const ordinal = hasOrdinal && i + parsed.next - 1 === stop;
    const single = parsed.next === 1 ? first.word.toLowerCase() : "";
    const q: Quantity = {
      start: first.start,
      end: lastUsed.end,
      value: parsed.value,
      ordinal,
      words: true,
      article: !ordinal && (single === "un" || single === "une"),
    };
    if (mask.isFree(q.start, q.end)) out.push(q);
    i += parsed.next;
  }
}

function scanWords(text: string, mask: SpanMask, out: Quantity[]): void {
  WORD_RUN.lastIndex = 0;
  for (let m = nextMatch(WORD_RUN, text, wordsRejected); m !== null; m = nextMatch(WORD_RUN, text, wordsRejected)) {
    wordQuantities(runTokens(m[0], m.index), out, mask);
  }
}

const OPEN = /^[\s\u00A0\u202F]*\([\s\u00A0\u202F]*$/u;
const CLOSE = /[\s\u00A0\u202F]*\)/y;

/**
 * Contracts restate numbers in brackets: « trente (30) jours », « 30 (trente) jours ». The pair is
 * one quantity, so that the unit after the bracket applies and the number is not counted twice.
 */
function mergeRestatements(text: string, sorted: Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const q = sorted[i] as Quantity;
    const next = sorted[i + 1];
    if (next !== undefined && next.value === q.value && next.words !== q.words && !q.ordinal && !next.ordinal) {
      CLOSE.lastIndex = next.end;
      const close = CLOSE.exec(text);
      if (close !== null && OPEN.test(text.slice(q.end, next.start))) {
        out.push({ ...q, end: next.end + close[0].length, words: false, article: false });
        i++;
        continue;
      }
    }
    out.push(q);
  }
  return out;
}

/** Every quantity outside the claimed spans, in text order. */
export function findQuantities(text: string, mask: SpanMask): Quantity[] {
  const out: Quantity[] = [];
  scanDigits(text, mask, out);
  scanWords(text, mask, out);
  out.sort((a, b) => a.start - b.start);
  return text.includes("(") ? mergeRestatements(text, out) : out;
}

/** What a unit module makes of a quantity: the fact it starts, and where that fact ends. */
export interface UnitMatch {
  type: "amount" | "percent" | "time" | "duration" | "number";
  value: string;
  /** Where the fact starts, when the unit comes before the number (« € 50 »). */
  start?: number;
  end: number;
  /**
   * The value this unit gives to a bare number that shares it, as in « de 10 à 12 h » or
   * « 2 ou 3 jours »; absent when a unit cannot be shared.
   */
  spread?: (n: number) => string | null;
}

/** Runs a sticky regex at `at`; sticky regexes let unit modules test « what follows » without slicing. */
export function execAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}
