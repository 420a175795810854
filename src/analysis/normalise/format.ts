/**
 * Canonical spellings of numbers inside fact values. A value must be a plain string so that facts
 * compare with `===`; numbers are written without thousand separators and with a dot for decimals,
 * money always with two decimals (« EUR:2235.00 ») so that 2 235 € and 2235,00 € are the same string.
 */

/** 30 → "30", 1.5 → "1.5", 0.1 + 0.2 → "0.3". */
export function canonicalNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(6).replace(/\.?0+$/, "");
}

/** 74.5 → "74.50"; rounds to the cent so that float noise never splits two equal amounts. */
export function canonicalMoney(n: number): string {
  const cents = Math.round(n * 100);
  const whole = Math.trunc(cents / 100);
  const rest = Math.abs(cents % 100);
  return `${whole}.${rest < 10 ? "0" : ""}${rest}`;
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
