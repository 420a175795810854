import { ABBREVIATIONS, abbreviationByForm } from "./abbreviations.js";
import type { Abbreviation } from "./abbreviations.js";
import { charClass, DIGIT, LATIN1_CLASS, LOWER, NONE, UPPER_CASE, wideClass, width } from "./tokens/classes.js";

/**
 * - `word`: letters, with inner hyphens and apostrophes (« peut-être », « aujourd'hui », « est-à-dire »).
 * - `elision`: an elided word with its apostrophe (« l' », « qu' », « jusqu' »), split from the next word.
 * - `acronym`: two capitals or more, accented ones included (« MDPH », « ÉSAT », « S.N.C.F. », « XIV »).
 * - `abbreviation`: a form of abbreviations.ts (« M. », « Mme », « etc. », « p. ex. », « n° »).
 * - `initial`: a capital and a period before a name (« J. », « J.-P. »).
 * - `number`, `ordinal` (« 1er », « 2e », « XXe »), `time` (« 14 h 30 », « 14:30 »), `date`
 *   (« 01/03/2026 »), `percent` (« 15 % »), `currency` (« 74,50 € », « 10 euros »): one token each,
 *   digit groups and unit included (« 1 500,00 € »).
 * - `url`, `email`, `phone` (French numbers: « 01 23 45 67 89 », « +33 1 23 45 67 89 »).
 * - `punct`: sentence and clause punctuation, quotes, brackets, dashes (« ... » is one token);
 *   `symbol`: anything else (« € » alone, « & », « § », « / », emoji).
 */
export type TokenKind =
  | "word"
  | "elision"
  | "acronym"
  | "abbreviation"
  | "initial"
  | "number"
  | "ordinal"
  | "time"
  | "date"
  | "percent"
  | "currency"
  | "url"
  | "email"
  | "phone"
  | "punct"
  | "symbol";

export interface Token {
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
}

/**
 * Whether a token of this kind counts as one word. A word is what a reader sees between spaces, as in
 * the « 12 mots par phrase » guidance: an elision is part of the word it is glued to (« l'école » is one
 * word), a hyphenated compound is one word (« peut-être »; « c'est-à-dire » too: « c' » + « est-à-dire »),
 * and a quantity with its unit is one word (« 74,50 € », « 12 h 30 », « 15 % »).
 */
export function isWordKind(kind: TokenKind): boolean {
  return kind !== "punct" && kind !== "symbol" && kind !== "elision";
}

export type Emit = (start: number, end: number, kind: TokenKind) => void;

const S = "[ \\u00A0\\u202F]";
const PHONE = new RegExp(`(?:\\+33${S}?(?:\\(0\\)${S}?)?|0033${S}?|0)[1-9](?:[ \\u00A0\\u202F.\\-]?\\d{2}){4}(?!\\d)`, "y");
const DATE = /(?:\d{1,2}\/\d{1,2}\/\d{2,4}|\d{1,2}[-.]\d{1,2}[-.]\d{4}|\d{4}-\d{2}-\d{2})(?!\d)/y;
const TIME = new RegExp(`(?:[01]?\\d|2[0-4])(?:${S}?h(?:${S}?[0-5]\\d(?!\\d))?(?![\\p{L}\\p{N}])|:[0-5]\\d(?::[0-5]\\d)?(?!\\d))`, "uy");
const ORDINAL = /\d+(?:ères?|èmes?|ers?|res?|es?|nde?s?|ᵉʳ|ʳᵉ|ᵉ|°)(?![\p{L}\p{N}])/uy;
const ROMAN_START = "IVXLCDM";
const ROMAN_ORDINAL = /(?:[IVXLCDM]{2,}|[IVX])(?:ers?|res?|èmes?|es?)(?![\p{L}\p{N}])/uy;
const NUMBER = new RegExp(`\\d{1,3}(?:${S}\\d{3}(?!\\d))+(?:,\\d+)?|\\d+(?:[.,]\\d+)*`, "y");
const PERCENT_TAIL = new RegExp(`${S}?%`, "y");
const CURRENCY_TAIL = new RegExp(`${S}?(?:[kKM]?€|\\$|£|euros?(?!\\p{L})|EUR(?!\\p{L})|CHF(?!\\p{L}))`, "uy");
const ALNUM_TAIL = /[\p{L}\p{N}]+/uy;
const URL = /(?:[hH][tT][tT][pP][sS]?:\/\/|[wW][wW][wW]\.)[^\s<>"«»]*[^\s<>"«».,;:!?)\]'’]/y;
const EMAIL = /[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}/uy;
const DOMAIN =
  /(?:[\p{L}\p{N}\-]+\.)+(?:fr|com|org|net|eu|info|gouv|io|be|ch|ca|lu|re|asso|edu|int)(?![\p{L}\p{N}])(?:\/[^\s<>"«»]*[^\s<>"«».,;:!?)\]'’])?/uy;
const DOTTED = /\p{Lu}\.(?:-?\p{Lu}\.)+/uy;
const DOTS = /\.{2,}/y;
const SPACES_THEN_UPPER = /[ \u00A0\u202F]+\p{Lu}/uy;
const SPACES_THEN_REFERENCE = /[ \u00A0\u202F]*(?:\d|[IVXLC]+\b|\p{Lu}\.)/uy;
const PUNCT = new Set(".,;:!?…«»\"'‘’“”‹›()[]{}-‐–—¿¡");

/** Abbreviations written with an inner space or period (« p. ex. », « c.-à-d. », « et al. », « n° »). */
let multiPart: RegExp | undefined;
/**
 * Flags, by the low bytes of their first two characters, where one of those abbreviations may start:
 * « de », « le », « la » before a space are not tried against the whole list (« et » still is).
 */
let multiPartPrefixes: Uint8Array | undefined;

function getMultiPart(): RegExp {
  if (multiPart) return multiPart;
  const forms = ABBREVIATIONS.map((a) => a.form).filter((form) => /[ °]|\..*\./.test(form));
  const variants = forms.flatMap((form) => [form, form.charAt(0).toUpperCase() + form.slice(1)]);
  const unique = [...new Set(variants)];
  const escaped = unique
    .sort((a, b) => b.length - a.length)
    .map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, `${S}?`));
  multiPart = new RegExp(`(?:${escaped.join("|")})(?![\\p{L}\\p{N}])`, "uy");
  const prefixes = new Uint8Array(0x10000);
  for (const form of unique) {
    // A space among the first two characters is optional in the pattern: any prefix may then match.
    if (form.length < 2 || form.charAt(0) === " " || form.charAt(1) === " ") prefixes.fill(1);
    else prefixes[prefixKey(form.charCodeAt(0), form.charCodeAt(1))] = 1;
  }
  multiPartPrefixes = prefixes;
  return multiPart;
}

/** Whether an abbreviation of `getMultiPart` may start at `at`: no regex is run where none can. */
function mayBeMultiPart(text: string, at: number): boolean {
  if (!multiPartPrefixes) getMultiPart();
  return multiPartPrefixes![prefixKey(text.charCodeAt(at), text.charCodeAt(at + 1))] === 1;
}

/** Emits a token and returns where the scan goes on. */
function take(emit: Emit, start: number, end: number, kind: TokenKind): number {
  emit(start, end, kind);
  return end;
}

/** Tries a sticky regex at `at`; returns the match end, or -1. Allocation-free. */
function match(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  return re.test(text) ? re.lastIndex : -1;
}

function isUpperAt(text: string, at: number): boolean {
  return charClass(text, at) === UPPER_CASE;
}

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2bc;
}

function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010;
}

/**
 * Whether `[at, end)`, followed by an apostrophe, is an elided word (« l' », « qu' », « jusqu' »).
 * « aujourd'hui », « quelqu'un », « prud'homme » and « presqu'île » are single words.
 */
function isElision(text: string, at: number, end: number): boolean {
  const length = end - at;
  if (length === 1) return "lLdDjJmMnNsStTcCçÇ".includes(text.charAt(at));
  if (length !== 2 && (length < 5 || length > 7)) return false;
  const prefix = text.slice(at, end).toLowerCase();
  if (prefix === "presqu") return !/^[iî]le/i.test(text.slice(end + 1, end + 4));
  return prefix === "qu" || prefix === "jusqu" || prefix === "lorsqu" || prefix === "puisqu" || prefix === "quoiqu";
}

function isInnerSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x202f;
}

/**
 * Numbers and what starts with a digit: phone, date, time, ordinal, amount, percentage. The character
 * after the first run of digits tells which patterns are worth trying.
 */
function scanNumeric(text: string, at: number, emit: Emit): number {
  let d = at;
  while (d < text.length && charClass(text, d) === DIGIT) d++;
  const digits = d - at;
  const next = text.charCodeAt(d);
  const spaced = isInnerSpace(next);
  let end: number;
  if (text.charCodeAt(at) === 0x30 && (end = match(PHONE, text, at)) > 0) return take(emit, at, end, "phone");
  if ((next === 0x2f || next === 0x2d || next === 0x2e) && (end = match(DATE, text, at)) > 0) return take(emit, at, end, "date");
  if (digits <= 2 && (spaced || next === 0x68 || next === 0x3a) && (end = match(TIME, text, at)) > 0) {
    return take(emit, at, end, "time");
  }
  if ((!spaced && next > 0x7f) || (next >= 0x61 && next <= 0x7a)) {
    if ((end = match(ORDINAL, text, at)) > 0) return take(emit, at, end, "ordinal");
  }
  end = spaced || next === 0x2c || next === 0x2e ? match(NUMBER, text, at) : d;
  let tail = match(PERCENT_TAIL, text, end);
  if (tail > 0) return take(emit, at, tail, "percent");
  if ((tail = match(CURRENCY_TAIL, text, end)) > 0) return take(emit, at, tail, "currency");
  // « 3D », « 4x4 », « 10km »: a number glued to letters is read as one word.
  if ((tail = match(ALNUM_TAIL, text, end)) > 0) return take(emit, at, tail, "word");
  return take(emit, at, end, "number");
}

/** Whether an abbreviation found at `[at, end)` reads as one in this context. */
function fitsContext(abbreviation: Abbreviation, text: string, end: number): boolean {
  // « Me Dupont » (Maître), not « Me voici »; « art. 3 », not « C'est de l'art. Le public… ».
  if (abbreviation.form === "Me") return match(SPACES_THEN_UPPER, text, end) > 0;
  if (abbreviation.role === "reference") return match(SPACES_THEN_REFERENCE, text, end) > 0;
  return true;
}

const PERIOD_CODE = 0x2e;

/**
 * Flags, by the low bytes of their first two characters, the abbreviations written without a period
 * (« Mme », « bd », « qqn »): other words are not looked up, which spares a slice per word.
 */
let barePrefixes: Uint8Array | undefined;

function prefixKey(a: number, b: number): number {
  return ((a & 0xff) << 8) | (b & 0xff);
}

function mayBeBareAbbreviation(text: string, at: number, length: number): boolean {
  if (length > 5 || length < 2) return false;
  if (!barePrefixes) {
    barePrefixes = new Uint8Array(0x10000);
    for (const { form } of ABBREVIATIONS) {
      if (form.includes(".") || form.includes(" ")) continue;
      for (const variant of [form, form.charAt(0).toUpperCase() + form.slice(1)]) {
        barePrefixes[prefixKey(variant.charCodeAt(0), variant.charCodeAt(1))] = 1;
      }
    }
  }
  return barePrefixes[prefixKey(text.charCodeAt(at), text.charCodeAt(at + 1))] === 1;
}

/** A word followed by a period: initials, dotted acronyms, abbreviations that keep the period. */
function scanBeforePeriod(text: string, at: number, end: number, kind: TokenKind, emit: Emit): number {
  const length = end - at;
  if (length === 1 && isUpperAt(text, at)) {
    const dotted = match(DOTTED, text, at);
    if (dotted > 0) return take(emit, at, dotted, text.charCodeAt(at + 2) === 0x2d ? "initial" : "acronym");
  }
  const word = text.slice(at, end);
  const withPeriod = abbreviationByForm(`${word}.`);
  if (withPeriod && fitsContext(withPeriod, text, end + 1)) return take(emit, at, end + 1, "abbreviation");
  const bare = abbreviationByForm(word);
  // « Dr. », « St. »: titles are often written with a period they do not need.
  if (bare?.role === "title") return take(emit, at, end + 1, "abbreviation");
  if (bare) return take(emit, at, end, "abbreviation");
  if (length === 1 && isUpperAt(text, at) && match(SPACES_THEN_UPPER, text, end + 1) > 0) {
    return take(emit, at, end + 1, "initial");
  }
  return take(emit, at, end, kind);
}

/** Refines a word or acronym `[at, end)` followed by « . », « ° », « @ »… into a longer token. */
function scanAfterWord(text: string, at: number, end: number, kind: TokenKind, emit: Emit): number {
  const next = text.charCodeAt(end);
  const length = end - at;
  // « p. ex. », « c.-à-d. », « av. J.-C. », « n° », « et al. »: all start with a word of 1 to 3 letters.
  if (length <= 3 && (next === PERIOD_CODE || next === 0xb0 || (next === 0x20 && length === 2)) && mayBeMultiPart(text, at)) {
    const multi = match(getMultiPart(), text, at);
    if (multi > end) return take(emit, at, multi, "abbreviation");
  }
  const glued = next === PERIOD_CODE || next === 0x2d || next === 0x5f || next === 0x2b;
  if (next === 0x40 || (glued && end + 1 < text.length && charClass(text, end + 1) !== NONE)) {
    let long = match(EMAIL, text, at);
    if (long > 0) return take(emit, at, long, "email");
    if ((long = match(DOMAIN, text, at)) > 0) return take(emit, at, long, "url");
  }
  if (next === PERIOD_CODE) return scanBeforePeriod(text, at, end, kind, emit);
  if (mayBeBareAbbreviation(text, at, length)) {
    const abbreviation = abbreviationByForm(text.slice(at, end));
    if (abbreviation && fitsContext(abbreviation, text, end)) return take(emit, at, end, "abbreviation");
  }
  return take(emit, at, end, kind);
}

function startsUrl(text: string, at: number): boolean {
  const c = text.charCodeAt(at) | 0x20;
  const d = text.charCodeAt(at + 1) | 0x20;
  return (c === 0x68 && d === 0x74) || (c === 0x77 && d === 0x77);
}

/**
 * Words and what starts with a letter. Letters and digits, joined by inner hyphens and apostrophes, make
 * one word; an elided first part (« l' ») is a token of its own; all capitals make an acronym.
 */
function scanAlpha(text: string, at: number, emit: Emit): number {
  if (startsUrl(text, at)) {
    const end = match(URL, text, at);
    if (end > 0) return take(emit, at, end, "url");
  }
  let k = at;
  let uppers = 0;
  let lowers = 0;
  let firstSegment = true;
  for (;;) {
    for (;;) {
      const c = text.charCodeAt(k);
      let cls: number;
      if (c < 0x100) {
        cls = LATIN1_CLASS[c]!;
        if (cls === NONE) break;
        k++;
      } else {
        cls = wideClass(text, k, c);
        if (cls === NONE) break;
        k += width(text, k);
      }
      if (cls === UPPER_CASE) uppers++;
      else if (cls === LOWER) lowers++;
    }
    const joiner = text.charCodeAt(k);
    const joins = isApostrophe(joiner) || isHyphen(joiner);
    if (!joins || k + 1 >= text.length || charClass(text, k + 1) === NONE) break;
    if (firstSegment && isApostrophe(joiner) && isElision(text, at, k)) return take(emit, at, k + 1, "elision");
    firstSegment = false;
    k++;
  }
  if (uppers > 0 && ROMAN_START.includes(text.charAt(at))) {
    const end = match(ROMAN_ORDINAL, text, at);
    if (end === k) return take(emit, at, end, "ordinal");
  }
  const acronym = uppers >= 2 && lowers === 0 && charClass(text, at) === UPPER_CASE;
  return scanAfterWord(text, at, k, acronym ? "acronym" : "word", emit);
}

function scanOther(text: string, at: number, emit: Emit): number {
  const c = text.charCodeAt(at);
  if (c === 0x2b) {
    const end = match(PHONE, text, at);
    if (end > 0) return take(emit, at, end, "phone");
  }
  if (c === 0x2e) {
    const end = match(DOTS, text, at);
    if (end > 0) return take(emit, at, end, "punct");
  }
  const isPair = c >= 0xd800 && c <= 0xdbff && at + 1 < text.length;
  const end = isPair ? at + 2 : at + 1;
  return take(emit, at, end, PUNCT.has(text.charAt(at)) ? "punct" : "symbol");
}

function isSpaceCode(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x202f || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0xfeff || c === 0x85;
}

/** Calls `emit` for each token of `text`, in order. The one scan behind tokenize and countWords. */
export function scanTokens(text: string, emit: Emit): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) i++;
    else if (c >= 0x30 && c <= 0x39) i = scanNumeric(text, i, emit);
    else if (charClass(text, i) !== NONE) i = scanAlpha(text, i, emit);
    else i = scanOther(text, i, emit);
  }
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanTokens(text, (start, end, kind) => {
    tokens.push({ text: text.slice(start, end), start, end, kind });
  });
  return tokens;
}

/** The number of tokens that count as words (see isWordKind), without building them. */
export function countWordTokens(text: string): number {
  let count = 0;
  scanTokens(text, (_start, _end, kind) => {
    if (isWordKind(kind)) count++;
  });
  return count;
}

/** The tokens that count as words (see isWordKind). */
export function wordTokens(text: string): Token[] {
  const tokens: Token[] = [];
  scanTokens(text, (start, end, kind) => {
    if (isWordKind(kind)) tokens.push({ text: text.slice(start, end), start, end, kind });
  });
  return tokens;
}
