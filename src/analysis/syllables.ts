// PLACEHOLDER until the French syllable counter lands: naive vowel groups.
export function countSyllables(word: string): number {
  const groups = word.toLowerCase().match(/[aeiouyàâäéèêëîïôöùûüœæ]+/g);
  return Math.max(1, groups?.length ?? 0);
}
