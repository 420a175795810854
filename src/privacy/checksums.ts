/** Remainder of a long decimal digit string modulo 97, without BigInt or precision loss. */
export function mod97(digits: string): number {
  let rest = 0;
  for (let i = 0; i < digits.length; i++) {
    rest = (rest * 10 + (digits.charCodeAt(i) - 48)) % 97;
  }
  return rest;
}

/**
 * Checks a NIR (numéro de sécurité sociale) given as 15 characters without spaces: 13 characters
 * (department may be 2A/2B for Corsica) and a 2-digit key equal to 97 − (number mod 97).
 */
export function isValidNir(compact: string): boolean {
  if (!/^[1-478]\d{4}(?:\d{2}|2[AB])\d{8}$/.test(compact)) return false;
  const body = compact.slice(0, 13);
  const key = Number(compact.slice(13));
  // Corsica: the official rule substitutes 19 for 2A and 18 for 2B before computing the key.
  const numeric = body.replace("2A", "19").replace("2B", "18");
  return key === 97 - mod97(numeric);
}

/** Expected IBAN lengths for the countries most often met in French documents. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  FR: 27, MC: 27, DE: 22, BE: 16, LU: 20, CH: 21, ES: 24, IT: 27, PT: 25, NL: 18, GB: 22,
  IE: 22, AT: 20, PL: 28, RO: 24, MA: 28, TN: 24, DZ: 26, SN: 28, CI: 28, GP: 27, RE: 27,
};

/** Checks an IBAN given without spaces (upper case): length for known countries, then mod 97 = 1. */
export function isValidIban(compact: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const expected = IBAN_LENGTHS[compact.slice(0, 2)];
  if (expected !== undefined && compact.length !== expected) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let digits = "";
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    digits += code >= 65 ? String(code - 55) : char;
  }
  return mod97(digits) === 1;
}
