/**
 * French number formatting for what users read: reports, progress, error messages. Below every
 * folder, so that a provider's error message and a report write « 1 234 » the same way.
 */
// Made at first use: building a number format loads locale data, which slows every start.
let integer: Intl.NumberFormat | undefined;
let oneDecimal: Intl.NumberFormat | undefined;
let twoDecimals: Intl.NumberFormat | undefined;

// Intl puts a narrow no-break space in thousands; terminals render it inconsistently.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

/** « 1 234 », « 22,4 ». */
export const fr = {
  // Below a thousand a whole number is its digits: a long report formats thousands of small counts.
  int: (n: number) => (n >= 1 && n < 1000 && Number.isInteger(n) ? String(n) : plain((integer ??= new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 })).format(n))),
  dec1: (n: number) => plain((oneDecimal ??= new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 })).format(n)),
  dec2: (n: number) => plain((twoDecimals ??= new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 })).format(n)),
};

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${fr.int(count)} ${count > 1 ? pluralForm : singular}`;
}
