/**
 * A word, for counting: letters or digits, with internal apostrophes, hyphens and digit groups kept
 * inside it. Refined tokenisation lives beside this; this pattern is the one every count shares.
 */
const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’\-‐][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let count = 0;
  WORD_PATTERN.lastIndex = 0;
  while (WORD_PATTERN.exec(text) !== null) count++;
  return count;
}
