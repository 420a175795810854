/**
 * French number formatting for what users read: reports, progress, error messages. Below every
 * folder, so that a provider's error message and a report write « 1 234 » the same way.
 */
const integer = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

// Intl puts a narrow no-break space in thousands; terminals render it inconsistently.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

/** « 1 234 », « 22,4 ». */
export const fr = {
  int: (n: number) => plain(integer.format(n)),
  dec1: (n: number) => plain(oneDecimal.format(n)),
  dec2: (n: number) => plain(twoDecimals.format(n)),
};

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${fr.int(count)} ${count > 1 ? pluralForm : singular}`;
}
