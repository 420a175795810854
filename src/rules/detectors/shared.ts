import { PhraseMatcher } from "../lexicon/matcher.js";
import { expandPattern } from "../lexicon/patterns.js";
import type { UnitContext } from "../context.js";
import { WordList } from "../text/features.js";

/** A matcher over the expressions of a parameter list (lexicon syntax, see patterns.ts). */
export function phraseMatcher(expressions: readonly string[]): PhraseMatcher<string> {
  const matcher = new PhraseMatcher<string>();
  for (const expression of expressions) for (const form of expandPattern(expression)) matcher.add(form, expression);
  return matcher;
}

/** A word list of lowercase forms from a parameter list (lexicon syntax), tested per word by bit. */
export function formSet(expressions: readonly string[]): WordList {
  const forms: string[] = [];
  for (const expression of expressions) forms.push(...expandPattern(expression));
  return new WordList(forms);
}

/** Text of words [first, end). */
export function wordsText(ctx: UnitContext, first: number, end: number): string {
  return ctx.text.slice(ctx.wordStart[first]!, ctx.wordEnd[end - 1]!);
}

/** True when the character range is bold in the unit's runs (formatted documents only). */
export function isBold(ctx: UnitContext, start: number, end: number): boolean {
  if (ctx.runs === undefined) return false;
  for (const run of ctx.runs) {
    if (run.start <= start && run.end >= end) return run.bold === true;
  }
  return false;
}
