/**
 * Plural and gender marks written with brackets: « Nom(s) », « né(e) », « inscrit(e)s », « le(la) »,
 * « au(x) », « Pathologie (s) ». They belong to the word: they are no aside to move into a sentence
 * of its own, and no « parenthesis » for the rule `no-parentheses` (its `exclude` holds the same
 * pattern; tests/rules/inclusive.test.ts checks that the two agree).
 *
 * - glued to a letter, one to five lower-case letters, a stray hyphen allowed (« associée(s-) »);
 * - after a space, only the marks that cannot be an aside (« (s) », « (e) », « (es) », « (x) »…).
 */
export const INCLUSIVE_MARK_SOURCE = String.raw`(?<=\p{L})\(\p{Ll}{1,5}-?\)|(?<=\p{L}[ \u00A0])\((?:e|s|es|x|ne|nes|le|la)\)(?![\p{L}\p{N}])`;

const INCLUSIVE_MARK = new RegExp(INCLUSIVE_MARK_SOURCE, "gu");

/** The spans of the inclusive marks of `text`, in order. */
export function inclusiveMarks(text: string): { start: number; end: number }[] {
  if (!text.includes("(")) return [];
  INCLUSIVE_MARK.lastIndex = 0;
  return [...text.matchAll(INCLUSIVE_MARK)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

