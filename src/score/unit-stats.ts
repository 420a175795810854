import { countSyllablesInContext, countSyllablesWithHint, endsWithEnt, entHint } from "../analysis/syllables.js";
import { W_ALLCAPS, W_CLITIC, type UnitContext } from "../rules/context.js";
import type { WordForm } from "../rules/text/forms.js";
import { letterCount, LONG_SENTENCE_WORDS, LONG_WORD_LETTERS, statsFromCounts, type TextStats } from "./stats.js";

/**
 * The same counts as `computeStats`, taken from the rule engine's analysis of each unit: when a text
 * is checked anyway, its tokens and sentences are not computed a second time for the figures.
 * Syllables and letters are kept on the shared word-form records (rules/text/forms.ts), so a form is
 * counted once, not at each of its occurrences.
 */
export class StatsAccumulator {
  private sentences = 0;
  private words = 0;
  private syllables = 0;
  private longWords = 0;
  private longSentences = 0;

  add(ctx: UnitContext): void {
    const starts = ctx.sentenceWordStart;
    const flagsOf = ctx.wordFlags;
    const forms = ctx.wordForm;
    for (let s = 0; s < ctx.sentences.length; s++) {
      let sentenceWords = 0;
      // The previous word of the sentence: its record, or its surface when it is in capitals.
      let previous: WordForm | undefined;
      let previousCaps: string | undefined;
      for (let i = starts[s]!; i < starts[s + 1]!; i++) {
        const flags = flagsOf[i]!;
        const form = forms[i]!;
        // Acronyms are counted from their capitals (« MDPH » is spelled), the other words from their record.
        if ((flags & W_ALLCAPS) !== 0) {
          const surface = ctx.surface(i);
          if ((flags & W_CLITIC) === 0) {
            sentenceWords++;
            this.syllables += countSyllablesInContext(surface, previousCaps ?? previous?.lower);
            if (letterCount(surface) > LONG_WORD_LETTERS) this.longWords++;
          }
          previous = undefined;
          previousCaps = surface;
          continue;
        }
        if ((flags & W_CLITIC) === 0) {
          sentenceWords++;
          if (form.syllables < 0) countForm(form);
          this.syllables += previousCaps !== undefined ? countSyllablesInContext(form.lower, previousCaps) : syllablesAfter(form, previous);
          if (form.letters > LONG_WORD_LETTERS) this.longWords++;
        }
        previous = form;
        previousCaps = undefined;
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

const NO_HINT = 1;
const VERB_HINT = 2;
const NOUN_HINT = 3;

/** The figures of a form on its own, kept on its record. */
function countForm(form: WordForm): void {
  form.syllables = countSyllablesWithHint(form.lower, undefined);
  form.letters = letterCount(form.lower);
  form.endsWithEnt = endsWithEnt(form.lower);
}

/** `countSyllablesInContext(form.lower, previous?.lower)`, memoised on the records (`countForm` done). */
function syllablesAfter(form: WordForm, previous: WordForm | undefined): number {
  if (previous !== undefined && form.endsWithEnt) {
    const hint = hintOf(previous);
    if (hint === VERB_HINT) {
      if (form.syllablesAsVerb < 0) form.syllablesAsVerb = countSyllablesWithHint(form.lower, "verb");
      return form.syllablesAsVerb;
    }
    if (hint === NOUN_HINT) {
      if (form.syllablesAsNoun < 0) form.syllablesAsNoun = countSyllablesWithHint(form.lower, "noun");
      return form.syllablesAsNoun;
    }
  }
  return form.syllables;
}

function hintOf(form: WordForm): number {
  if (form.entHint === 0) {
    const hint = entHint(form.lower);
    form.entHint = hint === "verb" ? VERB_HINT : hint === "noun" ? NOUN_HINT : NO_HINT;
  }
  return form.entHint;
}
