import { countSyllablesInContext } from "../analysis/syllables.js";
import { W_ALLCAPS, W_CLITIC, type UnitContext } from "../rules/context.js";
import { letterCount, LONG_SENTENCE_WORDS, LONG_WORD_LETTERS, statsFromCounts, type TextStats } from "./stats.js";

/**
 * The same counts as `computeStats`, taken from the rule engine's analysis of each unit: when a text
 * is checked anyway, its tokens and sentences are not computed a second time for the figures.
 */
export class StatsAccumulator {
  private sentences = 0;
  private words = 0;
  private syllables = 0;
  private longWords = 0;
  private longSentences = 0;

  add(ctx: UnitContext): void {
    const starts = ctx.sentenceWordStart;
    for (let s = 0; s < ctx.sentences.length; s++) {
      let sentenceWords = 0;
      let previous: string | undefined;
      for (let i = starts[s]!; i < starts[s + 1]!; i++) {
        const flags = ctx.wordFlags[i]!;
        // The lowercase form is a string the rules already hashed; only acronyms need their capitals.
        const form = (flags & W_ALLCAPS) !== 0 ? ctx.surface(i) : ctx.wordLower[i]!;
        if ((flags & W_CLITIC) !== 0) {
          previous = form;
          continue;
        }
        sentenceWords++;
        this.syllables += countSyllablesInContext(form, previous);
        if (letterCount(form) > LONG_WORD_LETTERS) this.longWords++;
        previous = form;
      }
      if (sentenceWords === 0) continue;
      this.sentences++;
      this.words += sentenceWords;
      if (sentenceWords > LONG_SENTENCE_WORDS) this.longSentences++;
    }
  }

  result(): TextStats {
    const { sentences, words, syllables, longWords, longSentences } = this;
    return statsFromCounts({ sentences, words, syllables, longWords, longSentences });
  }
}
