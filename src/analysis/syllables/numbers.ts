/**
 * Syllables of numbers as French speakers say them: « 2025 » = deux mille vingt-cinq = 4,
 * « 1er » = premier = 2, « 3,5 » = trois virgule cinq = 4. « quatre » keeps its schwa before a
 * consonant (quatre-vingts = ka-tʁə-vɛ̃ = 3), as it does in speech.
 */

/** zéro … seize. */
const UNITS = [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1];
/** vingt, trente, quarante, cinquante, soixante (index = tens digit). */
const TENS = [0, 1, 1, 1, 2, 2, 2];
const VIRGULE = 2;
const POINT = 1;
const MILLE = 1;
const MILLION = 2;
const MILLIARD = 2;
/** Longer digit strings are codes or identifiers, read digit by digit. */
const MAX_DIGITS = 12;

/** 0–99. `followed`: another number word follows (quatre then keeps its schwa). */
function below100(n: number, followed: boolean): number {
  if (n < 17) return (UNITS[n] ?? 1) + (n === 4 && followed ? 1 : 0);
  if (n < 20) return 1 + below100(n - 10, followed); // dix-sept … dix-neuf
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  if (tens <= 6) {
    const t = TENS[tens] ?? 1;
    if (unit === 0) return t;
    return unit === 1 ? t + 2 : t + below100(unit, followed); // vingt et un, vingt-deux
  }
  if (tens === 7) return 2 + below100(n - 60, followed) + (unit === 1 ? 1 : 0); // soixante(-et)-onze
  // quatre-vingts = 3, quatre-vingt-un = 4, quatre-vingt-dix = 4.
  return 3 + (n === 80 ? 0 : below100(n - 80, followed));
}

function below1000(n: number, followed: boolean): number {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  let syllables = 0;
  if (hundreds > 0) syllables += (hundreds === 1 ? 0 : below100(hundreds, true)) + 1;
  if (rest > 0) syllables += below100(rest, followed);
  return syllables;
}

/** Syllables of a cardinal number, 0 ≤ n < 10^12. */
export function cardinalSyllables(n: number): number {
  if (n === 0) return UNITS[0]!;
  let syllables = 0;
  const milliards = Math.floor(n / 1e9);
  const millions = Math.floor(n / 1e6) % 1000;
  const thousands = Math.floor(n / 1000) % 1000;
  const rest = n % 1000;
  if (milliards > 0) syllables += below1000(milliards, true) + MILLIARD;
  if (millions > 0) syllables += below1000(millions, true) + MILLION;
  if (thousands > 0) syllables += (thousands === 1 ? 0 : below1000(thousands, true)) + MILLE;
  if (rest > 0) syllables += below1000(rest, false);
  return syllables;
}

/** Syllables of the ordinal: premier = 2, deuxième = 2, quatrième = 3 (-ième after « tr » is a hiatus). */
export function ordinalSyllables(n: number): number {
  if (n === 1) return 2;
  const lastWordIsQuatre = n % 10 === 4 && n % 100 !== 14 && n % 100 !== 74 && n % 100 !== 94;
  return cardinalSyllables(n) + (lastWordIsQuatre ? 2 : 1);
}

/** A run of digits as a spoken number; leading zeros are read one by one (« 06 » = zéro six). */
export function digitsSyllables(digits: string): number {
  if (digits.length === 0) return 0;
  if (digits.length > MAX_DIGITS) {
    let syllables = 0;
    for (const d of digits) syllables += UNITS[d.charCodeAt(0) - 48] ?? 1;
    return syllables;
  }
  let zeros = 0;
  while (zeros < digits.length - 1 && digits.charCodeAt(zeros) === 48) zeros++;
  return zeros * UNITS[0]! + cardinalSyllables(Number(digits.slice(zeros)));
}

const THOUSANDS_GROUPS = /^\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?$/;
const GROUP_SEPARATOR = /[ \u00a0\u202f]+/;

/**
 * Syllables of a number written with separators: « 1 000 », « 1.500 », « 3,5 », « 06 12 34 56 78 ».
 * `currency`: an amount, read « soixante-quatorze euros cinquante », without « virgule ».
 */
export function numberTextSyllables(text: string, currency = false): number {
  if (THOUSANDS_GROUPS.test(text)) {
    const [whole = "", fraction] = text.split(",");
    return decimal(whole.replace(/\D/g, ""), fraction, currency);
  }
  const groups = text.split(GROUP_SEPARATOR);
  if (groups.length > 1) return groups.reduce((sum, group) => sum + numberTextSyllables(group, currency), 0);
  const comma = text.indexOf(",");
  if (comma > 0) return decimal(text.slice(0, comma), text.slice(comma + 1).replace(/\D/g, ""), currency);
  const dot = text.indexOf(".");
  if (dot > 0) return digitsSyllables(text.slice(0, dot)) + POINT + digitsSyllables(text.slice(dot + 1).replace(/\D/g, ""));
  return digitsSyllables(text.replace(/\D/g, ""));
}

function decimal(whole: string, fraction: string | undefined, currency: boolean): number {
  const wholeSyllables = digitsSyllables(whole);
  if (fraction === undefined || fraction.length === 0) return wholeSyllables;
  if (currency) return wholeSyllables + (/^0+$/.test(fraction) ? 0 : digitsSyllables(fraction));
  return wholeSyllables + VIRGULE + digitsSyllables(fraction);
}

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
const VALID_ROMAN = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/** The value of a Roman numeral in capitals, or undefined when `text` is not a well-formed one. */
export function romanValue(text: string): number | undefined {
  if (text.length === 0 || !VALID_ROMAN.test(text)) return undefined;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const current = ROMAN_VALUES[text[i]!] ?? 0;
    const next = ROMAN_VALUES[text[i + 1] ?? ""] ?? 0;
    value += current < next ? -current : current;
  }
  return value;
}
