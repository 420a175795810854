/**
 * Character classes for the tokenizer, on UTF-16 code units: a table for Latin-1, a table learnt on
 * first sight for the rest of the BMP, Unicode regexes for what is left.
 */
const UPPER = /[\p{Lu}\p{Lt}]/uy;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/uy;

export const NONE = 0;
export const LOWER = 1;
export const UPPER_CASE = 2;
export const DIGIT = 3;
/** Combining accents (text in decomposed form): part of the word, but neither upper nor lower case. */
export const MARK = 4;

/**
 * Classes of the Latin-1 characters (ASCII and all French letters but « œ »), looked up rather than
 * computed: this is the hottest test. Other characters go through `wideClass`.
 */
export const LATIN1_CLASS = new Uint8Array(0x100);
for (let c = 0x30; c <= 0x39; c++) LATIN1_CLASS[c] = DIGIT;
for (let c = 0x41; c <= 0x5a; c++) LATIN1_CLASS[c] = UPPER_CASE;
for (let c = 0x61; c <= 0x7a; c++) LATIN1_CLASS[c] = LOWER;
for (let c = 0xc0; c <= 0xde; c++) LATIN1_CLASS[c] = c === 0xd7 ? NONE : UPPER_CASE;
for (let c = 0xdf; c <= 0xff; c++) LATIN1_CLASS[c] = c === 0xf7 ? NONE : LOWER;
LATIN1_CLASS[0xaa] = LOWER;
LATIN1_CLASS[0xb5] = LOWER;
LATIN1_CLASS[0xba] = LOWER;

/**
 * The class of the character at `at`: NONE, LOWER (any letter or digit that is not upper case or an
 * ASCII digit), UPPER_CASE, DIGIT or MARK. Small enough to be inlined in the scanning loops.
 */
export function charClass(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return c < 0x100 ? LATIN1_CLASS[c]! : wideClass(text, at, c);
}

/**
 * Classes of the characters beyond Latin-1 and below the surrogates, plus one, learnt on first sight
 * (0: not seen yet): « ’ », « œ », « — » come back often, and each would cost two regex tests.
 */
const WIDE_CLASS = new Uint8Array(0xd800);

/** Beyond Latin-1 (and past the end of the text, where `c` is NaN). */
export function wideClass(text: string, at: number, c: number): number {
  if (at >= text.length) return NONE;
  // Below the surrogates, the class depends on the code unit alone; a surrogate pair is read whole.
  if (c >= 0xd800) return classByRegex(text, at, c);
  const known = WIDE_CLASS[c]!;
  if (known !== 0) return known - 1;
  const cls = classByRegex(text, at, c);
  WIDE_CLASS[c] = cls + 1;
  return cls;
}

/** The common combining accents avoid the regex. */
function classByRegex(text: string, at: number, c: number): number {
  if (c >= 0x300 && c <= 0x36f) return MARK;
  UPPER.lastIndex = at;
  if (UPPER.test(text)) return UPPER_CASE;
  WORD_CHAR.lastIndex = at;
  return WORD_CHAR.test(text) ? LOWER : NONE;
}

/** Code units taken by the character at `at` (2 for a surrogate pair). */
export function width(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return c >= 0xd800 && c <= 0xdbff && at + 1 < text.length ? 2 : 1;
}
