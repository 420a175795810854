/** French number formatting for reports: « 1 234 », « 22,4 ». */
const integer = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

// Intl puts a narrow no-break space in thousands; terminals render it inconsistently.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

export const fr = {
  int: (n: number) => plain(integer.format(n)),
  dec1: (n: number) => plain(oneDecimal.format(n)),
  dec2: (n: number) => plain(twoDecimals.format(n)),
};

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${fr.int(count)} ${count > 1 ? pluralForm : singular}`;
}

/** Plain-language band for a 0–100 score, for staff who do not know readability formulas. */
export function scoreBand(score: number): string {
  if (score >= 80) return "très facile à lire";
  if (score >= 65) return "facile à lire";
  if (score >= 50) return "assez difficile à lire";
  if (score >= 35) return "difficile à lire";
  return "très difficile à lire";
}
