/** Roman numerals, as the acronym and Roman-numeral rules must agree on them. */
const ROMAN = /^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

export function isRoman(letters: string): boolean {
  return letters.length > 0 && ROMAN.test(letters);
}

export function romanValue(letters: string): number {
  let total = 0;
  for (let i = 0; i < letters.length; i++) {
    const value = VALUES[letters[i]!] ?? 0;
    const next = VALUES[letters[i + 1] ?? ""] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** Splits « XXIe », « Ier », « IIIème » into the numeral and its ordinal suffix. */
export function splitOrdinal(word: string): { numeral: string; suffix: string } {
  const match = /^([IVXLCDM]+)(er|re|e|ème|eme|è|nd|nde)?$/.exec(word);
  if (match === null) return { numeral: "", suffix: "" };
  return { numeral: match[1]!, suffix: match[2] ?? "" };
}
