import { W_ALLCAPS, W_CAP, W_CLITIC, W_MASKED, type UnitContext } from "../context.js";
import { acronymKey, type CompiledLexicons } from "../lexicon/lexicons.js";
import { isRoman } from "./roman.js";

/**
 * What a word written in capitals is. The acronym rule and the all-caps rule both read this one
 * classification, so a word is never reported by both: « MDPH » is an acronym, « IMPORTANT » is
 * shouting, « XXI » is a Roman numeral, « DUPONT » after « M. » is a name.
 */
export type CapsClass = "known" | "acronym" | "word" | "roman" | "name" | "ignored";

/** An unknown all-capital word this long is a word, not an acronym. */
const ACRONYM_MAX_LENGTH = 6;
const CIVILITIES = new Set(["m", "mme", "mmes", "mlle", "monsieur", "madame", "mademoiselle", "docteur", "dr", "me", "maître", "professeur", "pr"]);
const INNER_ACCENT = /^.[^]*[À-ÖØ-Þ]/u;
const DIACRITIC = /[À-ÖØ-Þ]/u;
const REPEATED_LETTER = /^(\p{Lu})\1+$/u;

const cache = new WeakMap<UnitContext, Map<number, CapsClass>>();
const NONE: Map<number, CapsClass> = new Map();

/** Classes of the unit's all-capital words, keyed by word index. */
export function classifyCaps(ctx: UnitContext, lexicons: CompiledLexicons): Map<number, CapsClass> {
  // Most units have no word in capitals: no lookup, no loop.
  if ((ctx.anyFlags & W_ALLCAPS) === 0) return NONE;
  const cached = cache.get(ctx);
  if (cached) return cached;
  let classes: Map<number, CapsClass> | undefined;
  const flags = ctx.wordFlags;
  for (let i = 0; i < ctx.wordCount; i++) {
    const f = flags[i]!;
    if ((f & W_ALLCAPS) === 0 || (f & (W_MASKED | W_CLITIC)) !== 0) continue;
    (classes ??= new Map()).set(i, classify(ctx, i, lexicons));
  }
  if (classes === undefined) return NONE;
  promoteRuns(ctx, classes);
  cache.set(ctx, classes);
  return classes;
}

function classify(ctx: UnitContext, i: number, lexicons: CompiledLexicons): CapsClass {
  const text = ctx.surface(i);
  const key = acronymKey(text);
  if (lexicons.ignoredCaps.has(key)) return "ignored";
  // « ÇA » is « ça » in a title, not the acronym CA: the lookup key drops the diacritic, the word keeps it.
  if (DIACRITIC.test(text) && lexicons.common.hasWord(ctx, i)) return "word";
  if (lexicons.acronyms.has(key)) return "known";
  if (isRoman(text)) return "roman";
  // « AAA » (a conformance level, a rating), « XXX » (a placeholder): one letter repeated spells nothing.
  if (REPEATED_LETTER.test(text)) return "ignored";
  if (isName(ctx, i, lexicons)) return "name";
  if (lexicons.common.hasWord(ctx, i) || INNER_ACCENT.test(text) || text.includes("-") || (key.length >= 4 && unaccentedCommon(lexicons).has(key.toLowerCase()))) return "word";
  return text.length > ACRONYM_MAX_LENGTH && !bracketed(ctx, i) ? "word" : "acronym";
}

/** « … d'unité d'intervention sociale (CAFERUIS) »: alone in brackets, a long capital word is an acronym. */
function bracketed(ctx: UnitContext, i: number): boolean {
  return ctx.text.charAt(ctx.wordStart[i]! - 1) === "(" && ctx.text.charAt(ctx.wordEnd[i]!) === ")";
}

const unaccented = new WeakMap<CompiledLexicons, Set<string>>();

/**
 * The everyday words without their accents: capitals are often typed without them (« CRECHE »,
 * « REGLEMENT INTERIEUR »), and such a word is still a word, not an acronym. Short ones are left out:
 * « DUT » is a diploma, not « dût ».
 */
function unaccentedCommon(lexicons: CompiledLexicons): Set<string> {
  let set = unaccented.get(lexicons);
  if (set === undefined) {
    set = new Set();
    for (const form of lexicons.common.values()) {
      // Lowercase ASCII comes back unchanged: only accented forms (and capitals) are worth the work.
      if (isLowerAscii(form)) continue;
      const bare = withoutFrenchAccents(form) ?? acronymKey(form).toLowerCase();
      if (bare !== form) set.add(bare);
    }
    unaccented.set(lexicons, set);
  }
  return set;
}

/** The lowercase accented letters of French, each a plain letter and one combining mark in NFD. */
const FRENCH_ACCENTED = "àâäçéèêëîïôöùûüÿ";
const FRENCH_BASE = "aaaceeeeiioouuuy";

/**
 * `acronymKey(form).toLowerCase()` for a lowercase form of ASCII and French accented letters, by a
 * table rather than Unicode normalisation (26,000 everyday forms at each start); undefined for
 * any other form, which takes the general way.
 */
function withoutFrenchAccents(form: string): string | undefined {
  let out = "";
  let from = 0;
  for (let k = 0; k < form.length; k++) {
    const c = form.charCodeAt(k);
    if (c <= 0x7f) {
      if (c >= 65 && c <= 90) return undefined;
      continue;
    }
    const at = FRENCH_ACCENTED.indexOf(form.charAt(k));
    if (at < 0) return undefined;
    out += form.slice(from, k) + FRENCH_BASE.charAt(at);
    from = k + 1;
  }
  return out + form.slice(from);
}

function isLowerAscii(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c > 0x7f || (c >= 65 && c <= 90)) return false;
  }
  return true;
}

/** « M. DUPONT », « Mme MARTIN Julie », « Jean DUPONT »: surnames are often typed in capitals. */
function isName(ctx: UnitContext, i: number, lexicons: CompiledLexicons): boolean {
  if (i > 0 && CIVILITIES.has(ctx.wordLower[i - 1]!.replace(/\.$/, ""))) return true;
  return isFirstName(ctx, i - 1, lexicons) || isFirstName(ctx, i + 1, lexicons);
}

/**
 * A capitalised word that is not an everyday word, next to the capitals: a first name (« Gaëlle
 * FADDA ») or a brand (« Safari OSX »), even at the start of a sentence, where everyday words are
 * capitalised too but are known.
 */
function isFirstName(ctx: UnitContext, j: number, lexicons: CompiledLexicons): boolean {
  if (j < 0 || j >= ctx.wordCount) return false;
  const flags = ctx.wordFlags[j]!;
  return (flags & W_CAP) !== 0 && (flags & (W_ALLCAPS | W_CLITIC)) === 0 && !lexicons.common.hasWord(ctx, j);
}

/** In a run of capitals that holds real words (a title in capitals), unknown short ones are words too. */
function promoteRuns(ctx: UnitContext, classes: Map<number, CapsClass>): void {
  for (const run of capsRuns(ctx, classes)) {
    if (!run.some((i) => classes.get(i) === "word")) continue;
    for (const i of run) if (classes.get(i) === "acronym") classes.set(i, "word");
  }
}

/**
 * Runs of all-capital words (word indices), inside one sentence: classified words joined through the
 * one-letter capitals and clitics between them (« RÈGLEMENT DE L'EHPAD », « À NOTER »).
 */
export function capsRuns(ctx: UnitContext, classes: Map<number, CapsClass>): number[][] {
  const runs: number[][] = [];
  let current: number[] = [];
  for (const i of classes.keys()) {
    const previous = current[current.length - 1];
    if (previous !== undefined && joins(ctx, previous, i)) {
      for (let k = previous + 1; k <= i; k++) current.push(k);
    } else {
      if (current.length > 0) runs.push(current);
      current = [i];
    }
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

function joins(ctx: UnitContext, from: number, to: number): boolean {
  if (ctx.wordSentence[from] !== ctx.wordSentence[to] || to - from > 3) return false;
  for (let k = from + 1; k < to; k++) if (!isCapsFiller(ctx, k)) return false;
  return true;
}

/** One-letter capitals and elided clitics inside a title in capitals: « À », « L' », « D' ». */
function isCapsFiller(ctx: UnitContext, k: number): boolean {
  const flags = ctx.wordFlags[k]!;
  if ((flags & W_CAP) === 0) return false;
  const text = ctx.surface(k);
  return text.length === 1 || ((flags & W_CLITIC) !== 0 && text === text.toUpperCase());
}
