import { splitSentences } from "../analysis/sentences.js";
import { isWordKind, tokenize, type Token } from "../analysis/tokens.js";
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

const LONG_WORD_LETTERS = 6;
const LONG_SENTENCE_WORDS = 12;
const LETTER = /\p{L}/gu;

export function isWordToken(token: Token): boolean {
  return isWordKind(token.kind);
}

/** Counts over a text, sentence by sentence: a sentence never spans a line break of the rendering. */
export function computeStats(text: string): TextStats {
  let sentences = 0;
  let words = 0;
  let syllables = 0;
  let longWords = 0;
  let longSentences = 0;
  for (const sentence of splitSentences(text)) {
    let sentenceWords = 0;
    let previous: string | undefined;
    for (const token of tokenize(sentence.text)) {
      if (!isWordToken(token)) {
        // « ils » before « président » decides the -ent; an elision does too (« s'excellent »).
        if (token.kind === "elision") previous = token.text;
        continue;
      }
      sentenceWords++;
      syllables += countSyllablesInContext(token.text, previous);
      previous = token.text;
      if (letterCount(token.text) > LONG_WORD_LETTERS) longWords++;
    }
    if (sentenceWords === 0) continue;
    sentences++;
    words += sentenceWords;
    if (sentenceWords > LONG_SENTENCE_WORDS) longSentences++;
  }
  return {
    sentences,
    words,
    syllables,
    wordsPerSentence: sentences === 0 ? 0 : words / sentences,
    syllablesPerWord: words === 0 ? 0 : syllables / words,
    longWords,
    longWordShare: words === 0 ? 0 : longWords / words,
    longSentences,
  };
}

function letterCount(word: string): number {
  LETTER.lastIndex = 0;
  let count = 0;
  while (LETTER.exec(word) !== null) count++;
  return count;
}
