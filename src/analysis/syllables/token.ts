/**
 * Syllables of one token as the tokenizer gives it: a word, an elided or hyphenated compound
 * (« l'homme », « peut-être »), a number, an ordinal, a date, a time, an amount, an acronym, an
 * abbreviation. Splits it into letter and digit parts and reads each as a French speaker would.
 */
import { abbreviationByForm } from "../abbreviations.js";
import { readCapitals, spelledSyllables } from "./acronyms.js";
import type { EntHint } from "./ent.js";
import { hasVowel, isVowelCode } from "./letters.js";
import { numberTextSyllables, ordinalSyllables, cardinalSyllables, romanValue, digitsSyllables } from "./numbers.js";
import { countWord } from "./word.js";

interface Part {
  text: string;
  digits: boolean;
  /** Characters between the previous part and this one (apostrophe, hyphen, symbols…). */
  gap: string;
}

const COMBINING = /[\u0300-\u036f]/;
const LETTER = /[\p{L}\p{M}]/u;
/** « 01/03/2026 », « 1/3/26 », « 01.03.2026 »; « 1.2.10 » is an article number, not a date. */
const DATE = /^(\d{1,2})(?:\/(\d{1,2})\/(\d{2}|\d{4})|[.-](\d{1,2})[.-](\d{4}))$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{1,2})[ \u00a0\u202f]?[hH:][ \u00a0\u202f]?(\d{2})?$/;
/**
 * « XXe », « IVe », « Ier ». L and C alone are left out and plural suffixes too: « Le », « Les », « Ce »,
 * « Vers » are words.
 */
const ROMAN_ORDINAL = /^([IVX]+|[IVXLC]{2,})(e|er|re|ère|ème|è|ᵉ|ᵉʳ)$/;
const ROMAN_NUMERAL = /^[IVX]{2,}$/;
const HYPHEN_SCHWA = /[bcdfgkptv][lr]e$/;
const URL_LIKE = /@|:\/\/|^www\./i;

/** janvier … décembre. */
const MONTHS = [2, 3, 1, 2, 1, 1, 2, 1, 2, 2, 2, 2];
const HEURE = 1;
/** Symbols read aloud: « 15 % » = quinze pour cent. */
const SYMBOLS: Record<string, number> = { "%": 2, "€": 2, $: 2, "£": 1, "@": 3, "&": 1, "°": 2, "‰": 3, "+": 1 };
const CURRENCY_SYMBOLS = "€$£";
/** Single-letter units glued to a number: « 14h30 », « 10k », « 5m ». */
const GLUED_UNITS: Record<string, number> = { h: 1, k: 1, m: 1, g: 1, l: 1, s: 2, j: 1, t: 1, x: 0 };
const ORDINAL_SUFFIXES = new Set([
  "e", "è", "ème", "eme", "èmes", "emes", "es", "er", "ers", "re", "res", "ère", "ères", "nd", "nde", "nds",
  "ndes", "ᵉ", "ᵉʳ", "ʳᵉ",
]);
/** What follows « · », « . », « ( » or « / » in inclusive writing (« salarié·e·s », « acteur·rice »). */
const INCLUSIVE_SUFFIXES = new Set([
  "e", "es", "s", "ne", "nes", "le", "les", "se", "ses", "te", "tes", "ve", "ves", "x", "rice", "rices",
  "ice", "ices", "trice", "trices", "euse", "euses", "ère", "ères", "fe", "fes",
]);
const INCLUSIVE_MARKS = "·•.()/";
/** Elided clitics after which an -ent word is a verb (« s'adressent », « n'aiment »). */
const VERB_CLITICS = new Set(["s", "n", "m", "t"]);
const APOSTROPHES = ["'", "’", "ʼ"];

export function countToken(raw: string, hint: EntHint): number {
  if (raw.length === 0) return 0;
  // Most tokens: a plain lowercase word, too long to be an abbreviation without a period (« bd », « qqch »).
  if (raw.length > 4 && isPlainLowercase(raw)) return countWord(raw, hint);
  const text = COMBINING.test(raw) ? raw.normalize("NFC") : raw;
  const abbreviation = abbreviationByForm(text);
  if (abbreviation) return countPhrase(abbreviation.expansion.replace(/\s*\(.*\)/, ""));
  const shaped = countShaped(text);
  if (shaped !== undefined) return shaped;
  const urlLike = URL_LIKE.test(text);
  const { parts, tail } = splitParts(text);
  return countParts(parts, hint, urlLike, hasCurrency(text)) + symbolSyllables(tail, urlLike);
}

/** Only lowercase letters (ASCII or Latin-1, œ, æ): no capital, digit, apostrophe or hyphen. */
function isPlainLowercase(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) continue;
    if ((c >= 0xdf && c <= 0xff && c !== 0xf7) || c === 0x153 || c === 0xe6) continue;
    return false;
  }
  return true;
}

function countPhrase(phrase: string): number {
  let total = 0;
  for (const word of phrase.split(" ")) total += countToken(word, undefined);
  return total;
}

function hasCurrency(text: string): boolean {
  for (const ch of CURRENCY_SYMBOLS) if (text.includes(ch)) return true;
  return /euros?\b|EUR\b/.test(text);
}

/** Dates and times, read « premier mars deux mille vingt-six », « quatorze heures trente ». */
function countShaped(text: string): number | undefined {
  const first = text.charCodeAt(0);
  if (first < 48 || first > 57) return undefined;
  let m = ISO_DATE.exec(text);
  if (m) return dateSyllables(Number(m[3]), Number(m[2]), m[1]!);
  m = DATE.exec(text);
  if (m) return dateSyllables(Number(m[1]), Number(m[2] ?? m[4]), (m[3] ?? m[5])!);
  m = TIME.exec(text);
  if (m && Number(m[1]) <= 24) {
    const minutes = m[2] === undefined || m[2] === "00" ? 0 : cardinalSyllables(Number(m[2]));
    return cardinalSyllables(Number(m[1])) + HEURE + minutes;
  }
  return undefined;
}

function dateSyllables(day: number, month: number, year: string): number | undefined {
  const monthSyllables = MONTHS[month - 1];
  if (monthSyllables === undefined || day < 1 || day > 31) return undefined;
  return (day === 1 ? 2 : cardinalSyllables(day)) + monthSyllables + digitsSyllables(year);
}

function isLetterAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (c < 0x100) return c >= 0xc0 && c !== 0xd7 && c !== 0xf7;
  return LETTER.test(text.charAt(at));
}

function isDigitAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c >= 48 && c <= 57;
}

/** Inside a number: group separators and the decimal comma, when a digit follows. */
function isNumberJoint(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  const joint = c === 0x20 || c === 0xa0 || c === 0x202f || c === 0x2c || c === 0x2e;
  return joint && isDigitAt(text, at + 1);
}

/** The letter and digit parts of `text`, and what follows the last one (« % », « € »). */
function splitParts(text: string): { parts: Part[]; tail: string } {
  const parts: Part[] = [];
  let gap = "";
  let i = 0;
  while (i < text.length) {
    const start = i;
    if (isLetterAt(text, i)) {
      while (i < text.length && isLetterAt(text, i)) i++;
      parts.push({ text: text.slice(start, i), digits: false, gap });
      gap = "";
    } else if (isDigitAt(text, i)) {
      while (i < text.length && (isDigitAt(text, i) || isNumberJoint(text, i))) i++;
      parts.push({ text: text.slice(start, i), digits: true, gap });
      gap = "";
    } else {
      gap += text.charAt(i);
      i++;
    }
  }
  return { parts, tail: gap };
}

function countParts(parts: Part[], hint: EntHint, urlLike: boolean, currency: boolean): number {
  let total = 0;
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    const previous = parts[k - 1];
    total += symbolSyllables(part.gap, urlLike);
    if (part.digits) {
      const next = parts[k + 1];
      if (next && !next.digits && next.gap === "") {
        const glued = gluedSuffix(part.text, next.text);
        if (glued !== undefined) {
          total += glued;
          k++;
          continue;
        }
      }
      total += numberTextSyllables(part.text, currency);
      continue;
    }
    if (previous && !previous.digits && isInclusiveSuffix(part)) continue;
    const next = parts[k + 1];
    if (next && APOSTROPHES.includes(next.gap)) {
      total += countWord(part.text.toLowerCase(), undefined); // an elided clitic: « L' » is 0, « Jusqu' » 1
      continue;
    }
    const partHint = clitic(previous, part.gap) ?? (k === 0 ? hint : undefined);
    total += countLetters(part.text, partHint, urlLike);
    if (previous && !previous.digits && isHyphen(part.gap) && HYPHEN_SCHWA.test(previous.text.toLowerCase())) {
      if (!isVowelCode(part.text.toLowerCase().charCodeAt(0))) total++; // quatre-vingts: ka-trə-vɛ̃
    }
  }
  return total;
}

function symbolSyllables(gap: string, urlLike: boolean): number {
  if (gap.length === 0) return 0;
  let syllables = 0;
  for (const ch of gap) syllables += SYMBOLS[ch] ?? (urlLike && ch === "." ? 1 : 0);
  return syllables;
}

/** A number and the letters glued after it: an ordinal (« 2e ») or a unit (« 14h », « 10k »). */
function gluedSuffix(digits: string, letters: string): number | undefined {
  const value = Number(digits.replace(/\D/g, ""));
  const lower = letters.toLowerCase();
  if (ORDINAL_SUFFIXES.has(lower)) return ordinalSyllables(value);
  const unit = GLUED_UNITS[lower];
  return unit === undefined ? undefined : numberTextSyllables(digits) + unit;
}

function isInclusiveSuffix(part: Part): boolean {
  if (part.gap.length === 0) return false;
  for (const ch of part.gap) if (!INCLUSIVE_MARKS.includes(ch)) return false;
  return INCLUSIVE_SUFFIXES.has(part.text.toLowerCase());
}

function isHyphen(gap: string): boolean {
  return gap === "-" || gap === "\u2010" || gap === "\u2011";
}

/** The hint an elided clitic (the part before an apostrophe) gives the word after it. */
function clitic(previous: Part | undefined, gap: string): EntHint {
  if (!previous || previous.digits || !APOSTROPHES.includes(gap)) return undefined;
  const lower = previous.text.toLowerCase();
  if (VERB_CLITICS.has(lower)) return "verb";
  return lower === "d" ? "noun" : undefined;
}

/** A run of letters: word, acronym, word in capitals, Roman numeral. */
function countLetters(letters: string, hint: EntHint, urlLike: boolean): number {
  const upper = letters.toUpperCase();
  const lower = letters.toLowerCase();
  if (letters === upper && letters !== lower) return countCapitals(letters, lower, hint);
  if (urlLike && !hasVowel(lower)) return spelledSyllables(upper);
  const roman = ROMAN_ORDINAL.exec(letters);
  if (roman) {
    const value = romanValue(roman[1]!);
    if (value !== undefined) return ordinalSyllables(value);
  }
  // « ESATs », « CDDs »: an acronym with a plural s.
  if (letters.length >= 3 && letters.endsWith("s") && letters.slice(0, -1) === upper.slice(0, -1)) {
    return countCapitals(letters.slice(0, -1), lower.slice(0, -1), hint);
  }
  const syllables = countWord(lower, hint);
  // A word in another script (« Москва », « 東京 ») has no vowel this counter knows: one syllable at least.
  return syllables === 0 && lower.charCodeAt(0) >= 0x250 ? 1 : syllables;
}

function countCapitals(letters: string, lower: string, hint: EntHint): number {
  if (letters.length === 1) return hasVowel(lower) ? 1 : spelledSyllables(letters);
  if (ROMAN_NUMERAL.test(letters)) {
    const value = romanValue(letters);
    if (value !== undefined) return cardinalSyllables(value);
  }
  const reading = readCapitals(letters);
  return reading === "word" ? countWord(lower, hint) : reading;
}

