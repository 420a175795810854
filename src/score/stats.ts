import { maskFields } from "../analysis/fields.js";
import { splitSentences } from "../analysis/sentences.js";
import { isWordKind, scanTokens, type Token } from "../analysis/tokens.js";
import { countSyllablesInContext } from "../analysis/syllables.js";

/** Surface counts every readability formula is computed from. */
export interface TextStats {
  sentences: number;
  words: number;
  syllables: number;
  wordsPerSentence: number;
  syllablesPerWord: number;
  /** Words of more than 6 letters (LIX's and RIX's "long words"). */
  longWords: number;
  /** Share of words of more than 6 letters, 0–1. */
  longWordShare: number;
  /** Sentences of more than 12 words (the FALC sentence-length convention). */
  longSentences: number;
}

export const LONG_WORD_LETTERS = 6;
export const LONG_SENTENCE_WORDS = 12;

export function isWordToken(token: Token): boolean {
  return isWordKind(token.kind);
}

/**
 * Counts over a text, sentence by sentence (a sentence never spans a line break of the rendering).
 * One token scan over the whole text, walked alongside the sentence spans: this runs on every text
 * falc scores, so it builds no token objects.
 */
export function computeStats(original: string): TextStats {
  // Form fields (« ______ », « ☐ ») are neither words nor sentence ends: read as spaces.
  const text = maskFields(original);
  const sentences = splitSentences(text);
  let sentenceIndex = 0;
  let sentenceEnd = sentences[0]?.end ?? -1;
  let sentenceWords = 0;
  let sentenceCount = 0;
  let words = 0;
  let syllables = 0;
  let longWords = 0;
  let longSentences = 0;
  let previous: string | undefined;
  const closeSentence = () => {
    if (sentenceWords > 0) {
      sentenceCount++;
      words += sentenceWords;
      if (sentenceWords > LONG_SENTENCE_WORDS) longSentences++;
    }
    sentenceWords = 0;
    previous = undefined;
  };
  scanTokens(text, (start, end, kind) => {
    while (sentenceIndex < sentences.length && start >= sentenceEnd) {
      closeSentence();
      sentenceIndex++;
      sentenceEnd = sentences[sentenceIndex]?.end ?? -1;
    }
    if (sentenceIndex >= sentences.length) return;
    const token = text.slice(start, end);
    if (!isWordKind(kind)) {
      // « ils » before « président » decides the -ent; an elision does too (« s'excellent »).
      if (kind === "elision") previous = token;
      return;
    }
    sentenceWords++;
    syllables += countSyllablesInContext(token, previous);
    if (letterCount(token) > LONG_WORD_LETTERS) longWords++;
    previous = token;
  });
  closeSentence();
  return statsFromCounts({ sentences: sentenceCount, words, syllables, longWords, longSentences });
}

export type StatsCounts = Pick<TextStats, "sentences" | "words" | "syllables" | "longWords" | "longSentences">;

/** The ratios every formula uses, from the raw counts (0 rather than NaN for an empty text). */
export function statsFromCounts(counts: StatsCounts): TextStats {
  const { sentences, words, syllables, longWords } = counts;
  // Not `{ ...counts, … }`: a spread followed by more properties takes a slow path in V8 (about 1 µs).
  return Object.assign({}, counts, {
    wordsPerSentence: sentences === 0 ? 0 : words / sentences,
    syllablesPerWord: words === 0 ? 0 : syllables / words,
    longWordShare: words === 0 ? 0 : longWords / words,
  });
}

/** Letters only: digits, apostrophes and hyphens do not make a word long. */
export function letterCount(word: string): number {
  let count = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) count++;
  }
  return count;
}
