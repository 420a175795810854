/**
 * French syllable counter for the readability formulas (Kandel–Moles: 207 − 1.015·ASL − 73.6·ASW).
 *
 * Counts the syllables of standard spoken French, as a dictionary transcription gives them:
 * - final mute e / es and verbal -ent are silent (« tables » 1, « parlent » 1), except in monosyllables
 *   (« le », « les » 1); an inner schwa after one consonant is dropped (« sam'di » 2, « rapid'ment » 3),
 *   kept after two (« hébergement » 4) and in the first syllable (« petit » 2);
 * - i / u / ou + vowel is one syllable (« bien », « nuit », « jouer »), a hiatus after obstruent +
 *   liquid (« cli-ent », « ou-vri-er »); é / a + vowel is a hiatus (« ré-a-li-té »);
 * - y between vowels is i + i (« pa-ys »), ï / ë / ü open a syllable (« na-ïf »);
 * - -ent is silent in verbs only: suffix rules, a word list, and the previous word when known
 *   (`countSyllablesInContext`).
 *
 * Whole tokens are accepted: « l'homme » is 1 (an elided clitic counts 0, so « l' » alone is 0);
 * a hyphenated compound is the sum of its parts (« peut-être » 2); numbers are read as spoken
 * (« 2025 » = deux mille vingt-cinq = 4, « 1er » = 2, « 14 h 30 » = 4, « 15 % » = 3); acronyms are
 * spelled (« MDPH » 4) unless they read as a word (« CAF » 1, « ESAT » 2); words in capitals or with
 * a capital count like lowercase words. Punctuation and the empty string are 0.
 */
import { countToken } from "./syllables/token.js";
import { NOUN_CUES, VERB_CUES } from "./syllables/lexicon.js";
import type { EntHint } from "./syllables/ent.js";

/** Bounded memo: real text repeats a few thousand words; clearing when full is cheaper than an LRU. */
const CACHE_LIMIT = 50_000;
const cache = new Map<string, number>();
const contextCache = new Map<string, number>();

export function countSyllables(word: string): number {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const syllables = countToken(word, undefined);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, syllables);
  return syllables;
}

/**
 * Like `countSyllables`, using the previous word to settle a final -ent: a verb after « ils », « elles »,
 * « qui », « ne », « se », « les »… (« ils président » 2), a noun after a determiner (« le couvent » 2).
 */
export function countSyllablesInContext(word: string, previousWord?: string): number {
  const hint = previousWord === undefined || !endsWithEnt(word) ? undefined : hintFrom(previousWord);
  if (hint === undefined) return countSyllables(word);
  const key = hint + "\u0000" + word;
  const cached = contextCache.get(key);
  if (cached !== undefined) return cached;
  const syllables = countToken(word, hint);
  if (contextCache.size >= CACHE_LIMIT) contextCache.clear();
  contextCache.set(key, syllables);
  return syllables;
}

/**
 * `countSyllablesInContext` in two steps, for a caller that keeps its own memo per word form: the hint
 * of the previous word (`entHint`), then the count of the word under that hint.
 */
export function countSyllablesWithHint(word: string, hint: EntHint): number {
  return hint === undefined || !endsWithEnt(word) ? countSyllables(word) : countToken(word, hint);
}

/** What a word says, as the previous word, about a final -ent (see `countSyllablesInContext`). */
export function entHint(previousWord: string): EntHint {
  return hintFrom(previousWord);
}

export function endsWithEnt(word: string): boolean {
  const n = word.length;
  if (n < 4) return false;
  const e = word.charCodeAt(n - 3) | 0x20;
  const nn = word.charCodeAt(n - 2) | 0x20;
  const t = word.charCodeAt(n - 1) | 0x20;
  return e === 0x65 && nn === 0x6e && t === 0x74;
}

/** The previous word's last element, lowercase: « qu'ils » → « ils », « n' » → « n ». */
function hintFrom(previousWord: string): EntHint {
  const lower = previousWord.toLowerCase().replace(/['’ʼ]+$/, "");
  const last = lower.slice(Math.max(lower.lastIndexOf("'"), lower.lastIndexOf("’"), lower.lastIndexOf("-")) + 1);
  if (VERB_CUES.has(last)) return "verb";
  return NOUN_CUES.has(last) ? "noun" : undefined;
}
