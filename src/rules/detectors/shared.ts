import { PhraseMatcher } from "../lexicon/matcher.js";
import { expandPattern } from "../lexicon/patterns.js";
import type { UnitContext } from "../context.js";
import { WordList } from "../text/features.js";

/**
 * Compiled lists and matchers are shared between rule sets with the same parameters (the defaults and
 * the same rules under a user configuration): each holds one of the few bits of the word index.
 */
const shared = new Map<string, unknown>();

export function sharedBy<T>(key: string, build: () => T): T {
  let value = shared.get(key) as T | undefined;
  if (value === undefined) {
    value = build();
    shared.set(key, value);
  }
  return value;
}

/** A matcher over the expressions of a parameter list (lexicon syntax, see patterns.ts). */
export function phraseMatcher(expressions: readonly string[]): PhraseMatcher<string> {
  return sharedBy(`phrases:${JSON.stringify(expressions)}`, () => {
    const matcher = new PhraseMatcher<string>();
    for (const expression of expressions) for (const form of expandPattern(expression)) matcher.add(form, expression);
    return matcher;
  });
}

/** A word list of lowercase forms from a parameter list (lexicon syntax), tested per word by bit. */
export function formSet(expressions: readonly string[]): WordList {
  return sharedBy(`forms:${JSON.stringify(expressions)}`, () => {
    const forms: string[] = [];
    for (const expression of expressions) forms.push(...expandPattern(expression));
    return new WordList(forms);
  });
}

/** True when the character range is bold in the unit's runs (formatted documents only). */
export function isBold(ctx: UnitContext, start: number, end: number): boolean {
  if (ctx.runs === undefined) return false;
  for (const run of ctx.runs) {
    if (run.start <= start && run.end >= end) return run.bold === true;
  }
  return false;
}
