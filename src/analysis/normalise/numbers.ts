/**
 * French number words, both ways.
 *
 * Parsing is deliberately loose about spelling (vingt-deux / vingt deux, deux cents / deux-cents /
 * deux cent, vingt-et-un / vingt et un, quatre-vingt / quatre-vingts) because people and LLMs write
 * either form, and a fact must compare equal however it is spelled. It is strict about structure
 * (« deux trois » is two numbers, not 23) so that a run of number words splits where a reader would.
 * Belgian and Swiss septante / huitante / octante / nonante are accepted.
 *
 * Writing uses the traditional spelling (« deux cent trente-cinq », « quatre-vingts »,
 * « vingt et un », « deux cent mille », « deux cents millions ») unless the 1990 spelling is asked for,
 * because it is the one most French easy-to-read documents use.
 *
 * « un » / « une » are parsed (a caller needs « vingt et un », « un mois »), but callers decide when a
 * lone « un » is an article rather than a number.
 */

const UNITS: Readonly<Record<string, number>> = {
  zéro: 0, zero: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9,
};
const TEENS: Readonly<Record<string, number>> = {
  dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16,
};
const TENS: Readonly<Record<string, number>> = {
  vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
  septante: 70, huitante: 80, octante: 80, nonante: 90,
};
const HUNDREDS = new Set(["cent", "cents"]);
const MULTIPLIERS: Readonly<Record<string, number>> = {
  mille: 1e3, milles: 1e3, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9,
};

/** Ordinal word → the cardinal word it is built on. */
const ORDINALS: Readonly<Record<string, string>> = {
  unième: "un", deuxième: "deux", troisième: "trois", quatrième: "quatre", cinquième: "cinq",
  sixième: "six", septième: "sept", huitième: "huit", neuvième: "neuf", dixième: "dix", onzième: "onze",
  douzième: "douze", treizième: "treize", quatorzième: "quatorze", quinzième: "quinze", seizième: "seize",
  vingtième: "vingt", trentième: "trente", quarantième: "quarante", cinquantième: "cinquante",
  soixantième: "soixante", septantième: "septante", huitantième: "huitante", octantième: "octante",
  nonantième: "nonante", centième: "cent", millième: "mille", millionième: "million",
};
const FIRST = new Set(["premier", "première", "premiers", "premières", "premiere", "premieres"]);

function stripIeme(word: string): string {
  return word.endsWith("ieme") ? word.slice(0, -4) + "ième" : word;
}

const CARDINAL_WORDS = [
  ...Object.keys(UNITS), ...Object.keys(TEENS), ...Object.keys(TENS), ...HUNDREDS, ...Object.keys(MULTIPLIERS),
];
const ORDINAL_WORDS = [
  ...Object.keys(ORDINALS), ...Object.keys(ORDINALS).map((w) => w.replace("ième", "ieme")), ...FIRST,
];

/**
 * An alternation shaped as a prefix tree (« qua(?:tre|torze|rante…) »): a backtracking engine tries a
 * flat list of 90 words at every word start, a tree only the branches of the first letters. Longer
 * branches come first so that « quatorze » never stops at « quatre ».
 */
export function trieSource(words: readonly string[]): string {
  const byFirst = new Map<string, string[]>();
  let empty = false;
  for (const w of words) {
    if (w === "") {
      empty = true;
      continue;
    }
    const first = w[0] as string;
    const rest = byFirst.get(first) ?? [];
    rest.push(w.slice(1));
    byFirst.set(first, rest);
  }
  const branches = [...byFirst.entries()].map(([first, rest]) => {
    const inner = trieSource(rest);
    return inner === "" ? first : `${first}${inner}`;
  });
  if (branches.length === 0) return "";
  const body = branches.length === 1 && !empty ? (branches[0] as string) : `(?:${branches.join("|")})`;
  return empty ? `${body.startsWith("(?:") ? body : `(?:${body})`}?` : body;
}

/** One number word. */
export const NUMBER_WORD_SOURCE = trieSource([...new Set([...CARDINAL_WORDS, ...ORDINAL_WORDS])]);

const SEP = String.raw`(?:[\s\u00A0\u202F]+|[\s\u00A0\u202F]*-[\s\u00A0\u202F]*)`;
/** A run of number words (« deux cent trente-cinq », « vingt et un ») with no check before it. */
export const NUMBER_WORDS_RUN_BODY =
  String.raw`(?:${NUMBER_WORD_SOURCE})(?:${SEP}(?:et${SEP})?(?:${NUMBER_WORD_SOURCE}))*(?![\p{L}\p{N}]|-\p{L})`;
/** The same, not inside a word: for embedding in larger patterns. */
export const NUMBER_WORDS_RUN_SOURCE = String.raw`(?<![\p{L}\p{N}\-])${NUMBER_WORDS_RUN_BODY}`;

interface Parsed {
  value: number;
  /** Index of the first token not consumed. */
  next: number;
}

function below100(tokens: readonly string[], i: number): Parsed | null {
  const t = tokens[i];
  if (t === undefined) return null;
  let tens = TENS[t];
  let j = i + 1;
  // « quatre-vingt » never takes « et un » (quatre-vingt-un), unlike Swiss « huitante et un ».
  let quatreVingt = false;
  if (t === "quatre" && (tokens[j] === "vingt" || tokens[j] === "vingts")) {
    tens = 80;
    quatreVingt = true;
    j++;
  }
  if (tens !== undefined) {
    const a = tokens[j];
    const b = tokens[j + 1];
    if (a === "et" && (b === "un" || b === "une") && !quatreVingt) return { value: tens + 1, next: j + 2 };
    if (a === "et" && b === "onze" && tens === 60) return { value: 71, next: j + 2 };
    if (a === undefined) return { value: tens, next: j };
    const unit = UNITS[a];
    if (unit !== undefined && unit > 0) return { value: tens + unit, next: j + 1 };
    if (TEENS[a] !== undefined && (tens === 60 || tens === 80)) {
      const teen = teenAt(tokens, j);
      return { value: tens + teen.value, next: teen.next };
    }
    return { value: tens, next: j };
  }
  if (TEENS[t] !== undefined) return teenAt(tokens, i);
  const unit = UNITS[t];
  if (unit !== undefined) return { value: unit, next: i + 1 };
  return null;
}

/** « dix », « onze »… and « dix-sept », « dix-huit », « dix-neuf ». */
function teenAt(tokens: readonly string[], i: number): Parsed {
  const t = tokens[i] as string;
  const value = TEENS[t] as number;
  const unit = UNITS[tokens[i + 1] ?? ""];
  if (t === "dix" && unit !== undefined && unit >= 7) return { value: 10 + unit, next: i + 2 };
  return { value, next: i + 1 };
}

function below1000(tokens: readonly string[], i: number): Parsed | null {
  let hundreds = 0;
  let j = i;
  const first = tokens[j];
  if (first === undefined) return null;
  const unit = UNITS[first];
  if (unit !== undefined && unit >= 2 && HUNDREDS.has(tokens[j + 1] ?? "")) {
    hundreds = unit * 100;
    j += 2;
  } else if (HUNDREDS.has(first)) {
    hundreds = 100;
    j += 1;
  }
  const rest = below100(tokens, j);
  if (rest !== null) {
    if (rest.value === 0 && hundreds > 0) return { value: hundreds, next: j };
    return { value: hundreds + rest.value, next: rest.next };
  }
  return hundreds > 0 ? { value: hundreds, next: j } : null;
}

/**
 * Parses the longest number at `tokens[i]` (lower-case words, « et » kept as a token).
 * Returns null when no number starts there.
 */
export function parseNumberTokens(tokens: readonly string[], i: number): Parsed | null {
  let total = 0;
  let j = i;
  let lastMultiplier = Infinity;
  for (;;) {
    const group = below1000(tokens, j);
    const afterGroup = group === null ? j : group.next;
    const multiplier = MULTIPLIERS[tokens[afterGroup] ?? ""];
    if (multiplier !== undefined && multiplier < lastMultiplier && (group === null || group.value > 0)) {
      total += (group === null ? 1 : group.value) * multiplier;
      lastMultiplier = multiplier;
      j = afterGroup + 1;
      if (multiplier === 1e3) {
        const tail = below1000(tokens, j);
        if (tail !== null && tail.value > 0) return { value: total + tail.value, next: tail.next };
        return { value: total, next: j };
      }
      continue;
    }
    if (group === null) return j === i ? null : { value: total, next: j };
    if (group.value === 0 && j !== i) return { value: total, next: j };
    return { value: total + group.value, next: group.next };
  }
}

/** Splits a written number into lower-case word tokens; « et » stays a token. */
export function numberTokens(words: string): string[] {
  return words
    .toLowerCase()
    .split(/[\s\u00A0\u202F\-‐]+/u)
    .filter((t) => t.length > 0)
    .map(stripIeme);
}

/** « deux cent trente-cinq » → 235; null when the words are not exactly one cardinal number. */
export function parseFrenchNumber(words: string): number | null {
  const tokens = numberTokens(words);
  if (tokens.length === 0) return null;
  const parsed = parseNumberTokens(tokens, 0);
  return parsed !== null && parsed.next === tokens.length ? parsed.value : null;
}

/** « premier » → 1, « vingt et unième » → 21, « troisième » → 3; null otherwise. */
export function parseFrenchOrdinal(words: string): number | null {
  const tokens = numberTokens(words);
  const last = tokens[tokens.length - 1];
  if (last === undefined) return null;
  if (FIRST.has(last)) return tokens.length === 1 ? 1 : null;
  const cardinal = ORDINALS[last];
  if (cardinal === undefined) return null;
  // « unième » only exists inside a compound (« vingt et unième »).
  if (cardinal === "un" && tokens.length === 1) return null;
  const parsed = parseNumberTokens([...tokens.slice(0, -1), cardinal], 0);
  return parsed !== null && parsed.next === tokens.length ? parsed.value : null;
}

/** True when the word is an ordinal form (« premier », « troisième »). */
export function isOrdinalWord(word: string): boolean {
  const w = stripIeme(word.toLowerCase());
  return FIRST.has(w) || ORDINALS[w] !== undefined;
}

/** The cardinal word an ordinal is built on (« troisième » → « trois »), or the word itself. */
export function ordinalBase(word: string): string {
  const w = stripIeme(word.toLowerCase());
  return FIRST.has(w) ? "un" : ORDINALS[w] ?? w;
}

// ---- Writing ----

const UNIT_NAMES = [
  "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
  "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf",
] as const;
const TEN_NAMES = ["", "", "vingt", "trente", "quarante", "cinquante", "soixante"] as const;

export interface FrenchWordsOptions {
  /** 1990 spelling: hyphens between all numerals (« deux-cent-trente-et-un »). */
  reform1990?: boolean;
}

function words100(n: number, final: boolean): string[] {
  if (n < 20) return [UNIT_NAMES[n] as string];
  if (n < 70) {
    const tens = TEN_NAMES[Math.floor(n / 10)] as string;
    const unit = n % 10;
    if (unit === 0) return [tens];
    return unit === 1 ? [tens, "et", "un"] : [`${tens}-${UNIT_NAMES[unit]}`];
  }
  if (n < 80) return n === 71 ? ["soixante", "et", "onze"] : [`soixante-${UNIT_NAMES[n - 60]}`];
  if (n === 80) return [final ? "quatre-vingts" : "quatre-vingt"];
  return [`quatre-vingt-${UNIT_NAMES[n - 80]}`];
}

function words1000(n: number, final: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const out: string[] = [];
  if (hundreds === 1) out.push("cent");
  else if (hundreds > 1) out.push(UNIT_NAMES[hundreds] as string, rest === 0 && final ? "cents" : "cent");
  if (rest > 0 || hundreds === 0) out.push(...words100(rest, final));
  return out;
}

/** 235 → « deux cent trente-cinq ». Integers from 0 to 999 999 999. */
export function numberToFrenchWords(n: number, options: FrenchWordsOptions = {}): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999_999) {
    throw new RangeError(`numberToFrenchWords: ${n} n'est pas un entier entre 0 et 999 999 999`);
  }
  const millions = Math.floor(n / 1e6);
  const thousands = Math.floor(n / 1e3) % 1e3;
  const rest = n % 1e3;
  // Groups are joined by spaces; inside a group the words are joined by spaces, or by hyphens in 1990 spelling.
  const join = (parts: string[]): string => parts.join(options.reform1990 ? "-" : " ");
  const groups: string[] = [];
  if (millions > 0) groups.push(millions === 1 ? "un million" : `${join(words1000(millions, true))} millions`);
  if (thousands > 0) {
    groups.push(thousands === 1 ? "mille" : join([...words1000(thousands, false), "mille"]));
  }
  if (rest > 0 || n === 0) groups.push(join(words1000(rest, true)));
  if (options.reform1990 && thousands > 0 && rest > 0) {
    const last = groups.pop() as string;
    groups.push(`${groups.pop() as string}-${last}`);
  }
  return groups.join(" ");
}
