/** Plain-language band for a 0–100 score, for staff who do not know readability formulas. */
export function scoreBand(score: number): string {
  if (score >= 80) return "très facile à lire";
  if (score >= 65) return "facile à lire";
  if (score >= 50) return "assez difficile à lire";
  if (score >= 35) return "difficile à lire";
  return "très difficile à lire";
}
