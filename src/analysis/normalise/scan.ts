/**
 * Scanning helpers. A regex that begins with a lookbehind (« not after a letter ») cannot use the
 * engine's fast search for its first character, and is tried at every position of every section.
 * The patterns here begin with their literal content instead and check the character before in code,
 * which made extraction about twice as fast on the reference corpus.
 */

const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** True when the character before `index` is a letter. */
export function afterLetter(text: string, index: number): boolean {
  return index > 0 && LETTER.test(text.charAt(index - 1));
}

/** True when the character before `index` is a letter or a digit. */
export function afterWordChar(text: string, index: number): boolean {
  return index > 0 && LETTER_OR_DIGIT.test(text.charAt(index - 1));
}

/**
 * The next match of a global regex whose start is accepted by `accept`; a rejected match is retried
 * one character further, so that « accent deux » still finds « deux » after rejecting « cent ».
 */
export function nextMatch(
  re: RegExp,
  text: string,
  reject: (text: string, index: number) => boolean,
): RegExpExecArray | null {
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (!reject(text, m.index)) return m;
    re.lastIndex = m.index + 1;
  }
  return null;
}
