/**
 * French number formatting for what users read: reports, progress, error messages. Below every
 * folder, so that a provider's error message and a report write « 1 234 » the same way.
 */
// Made at first use, and only for what the plain path below does not cover: building a number format
// loads locale data (17 ms), which a short `falc score` would pay on every start.
let integer: Intl.NumberFormat | undefined;
let oneDecimal: Intl.NumberFormat | undefined;
let twoDecimals: Intl.NumberFormat | undefined;

// Intl puts a narrow no-break space in thousands; terminals render it inconsistently.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

/**
 * What Intl's fr-FR format gives after `plain`: « 12 345,6 ». Intl rounds the number's shortest decimal
 * form half away from zero (0.15 → « 0,2 », where toFixed rounds the binary value: « 0,1 »): so does this,
 * on the digits of String(n). Undefined for what it does not cover (negative, non-finite, exponent form).
 */
function frenchFixed(n: number, decimals: number): string | undefined {
  const text = String(n);
  if (!(n >= 0) || !/^\d+(\.\d+)?$/.test(text)) return undefined;
  const point = text.indexOf(".");
  let whole = point < 0 ? text : text.slice(0, point);
  let fraction = point < 0 ? "" : text.slice(point + 1);
  if (fraction.length > decimals) {
    const roundUp = fraction.charCodeAt(decimals) >= 0x35;
    fraction = fraction.slice(0, decimals);
    if (roundUp) {
      const digits = (whole + fraction).split("");
      let at = digits.length - 1;
      while (at >= 0 && digits[at] === "9") digits[at--] = "0";
      if (at < 0) digits.unshift("1");
      else digits[at] = String(Number(digits[at]) + 1);
      whole = digits.slice(0, digits.length - decimals).join("");
      fraction = digits.slice(digits.length - decimals).join("");
    }
  }
  fraction = fraction.padEnd(decimals, "0");
  let grouped = whole;
  for (let at = whole.length - 3; at > 0; at -= 3) grouped = `${grouped.slice(0, at)} ${grouped.slice(at)}`;
  return decimals === 0 ? grouped : `${grouped},${fraction}`;
}

/** « 1 234 », « 22,4 ». */
export const fr = {
  int: (n: number) => frenchFixed(n, 0) ?? plain((integer ??= new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 })).format(n)),
  dec1: (n: number) => frenchFixed(n, 1) ?? plain((oneDecimal ??= new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 })).format(n)),
  dec2: (n: number) => frenchFixed(n, 2) ?? plain((twoDecimals ??= new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 })).format(n)),
};

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${fr.int(count)} ${count > 1 ? pluralForm : singular}`;
}
