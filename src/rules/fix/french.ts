/**
 * French typography a fix needs around the words it writes: elision, capitals, quotations. Shared by
 * the fixer and the offline rewrite's structural steps.
 */

const VOWEL_START = /^[aeiouyàâäéèêëîïôöùûüÿœæ]/iu;
/** Words in « h » that take an elision (« l'hébergement »); « le handicap » does not. */
const MUTE_H = /^h(?:é|ô|y|ab|eur|er[bm]|is|um|omm|onn|ono|or[ail]|arm)/iu;

/** True when « le », « de », « que »… elide before this word. */
export function startsWithVowelSound(word: string): boolean {
  return VOWEL_START.test(word) || MUTE_H.test(word);
}

export function capitalise(text: string): string {
  const at = text.search(/\p{L}/u);
  if (at < 0) return text;
  // Only the first word of the sentence: an opening quote or bracket may come before it.
  if (at > 0 && /[\p{N}]/u.test(text.slice(0, at))) return text;
  const c = text.charAt(at);
  const upper = c.toUpperCase();
  return upper === c || upper.length !== 1 ? text : text.slice(0, at) + upper + text.slice(at + 1);
}

/** Elided form of a clitic before a vowel (« de » → « d' », « ce » → « cet »), or undefined. */
export const ELIDE: Readonly<Record<string, string>> = {
  de: "d'", que: "qu'", ne: "n'", se: "s'", je: "j'", me: "m'", te: "t'", le: "l'", la: "l'", ce: "cet",
  jusque: "jusqu'", lorsque: "lorsqu'", puisque: "puisqu'",
};

/** Full form of an elided clitic before a consonant (« d' » → « de »); « l' » is absent: its gender is unknown. */
export const UNELIDE: Readonly<Record<string, string>> = {
  "d'": "de", "qu'": "que", "n'": "ne", "s'": "se", "j'": "je", "m'": "me", "t'": "te", "c'": "ce",
  "jusqu'": "jusque", "lorsqu'": "lorsque", "puisqu'": "puisque",
};

/** Keeps the capital of the word being replaced. */
export function sameCase(model: string, word: string): string {
  return /^\p{Lu}/u.test(model) ? capitalise(word) : word;
}

/** Ranges of text between French quotes « … » (and straight quotes), which are cited verbatim. */
export function quotedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const re = /«[^»]*»|"[^"\n]*"|“[^”]*”/gu;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

export function inRanges(ranges: ReadonlyArray<[number, number]>, start: number, end: number): boolean {
  return ranges.some(([a, b]) => start < b && end > a);
}
