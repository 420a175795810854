/**
 * Character classes for the sentence splitter, on UTF-16 code units so that the scan allocates nothing.
 * Non-ASCII letters are rare enough at the places we test them that a sticky Unicode regex is fine there.
 */

export const PERIOD = 0x2e;
export const EXCLAMATION = 0x21;
export const QUESTION = 0x3f;
export const ELLIPSIS = 0x2026;
export const SEMICOLON = 0x3b;
export const STRAIGHT_QUOTE = 0x22;
export const APOSTROPHE = 0x27;
export const RIGHT_SINGLE_QUOTE = 0x2019;
export const CARRIAGE_RETURN = 0x0d;
export const LINE_FEED = 0x0a;

const UPPER = /\p{Lu}|\p{Lt}/uy;
const LOWER = /\p{Ll}/uy;
const LETTER = /[\p{L}\p{M}]/uy;

export function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** Spaces that do not end a line, including the no-break spaces French puts before « : ; ! ? ». */
export function isInlineSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0xa0 ||
    c === 0x202f ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export function isSpace(c: number): boolean {
  return isInlineSpace(c) || isLineBreak(c);
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Letters, including combining marks; Latin-1 and Latin Extended are tested without a regex. */
export function isLetterAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (c >= 0xc0 && c < 0x250) return c !== 0xd7 && c !== 0xf7;
  LETTER.lastIndex = at;
  return LETTER.test(text);
}

export function isUpperAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  UPPER.lastIndex = at;
  return UPPER.test(text);
}

export function isLowerAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 0x80) return c >= 0x61 && c <= 0x7a;
  LOWER.lastIndex = at;
  return LOWER.test(text);
}

/** Characters that close a quotation or an aside and stay with the sentence they end. */
export function isCloser(c: number): boolean {
  return c === 0xbb || c === 0x201d || c === 0x203a || c === 0x29 || c === 0x5d || c === 0x7d || c === RIGHT_SINGLE_QUOTE;
}

/** Characters that may come before the first word of a sentence: quotes, brackets, dialogue dashes. */
export function isOpener(c: number): boolean {
  return (
    c === 0xab ||
    c === 0x201c ||
    c === 0x201e ||
    c === 0x2039 ||
    c === 0x2018 ||
    c === STRAIGHT_QUOTE ||
    c === 0x28 ||
    c === 0x5b ||
    c === 0x2014 ||
    c === 0x2013 ||
    c === 0x2d ||
    c === 0x2022 ||
    c === 0xbf ||
    c === 0xa1
  );
}
