import { isValidIban, isValidNir } from "./checksums.js";
import type { PiiSpan } from "./kinds.js";

const S = "[ \\u00A0\\u202F.]?";
// Sex, year, month, department (2A/2B for Corsica), commune, order number, key.
const NIR = new RegExp(
  `(?<![\\dA-Z])[1-478]${S}\\d{2}${S}\\d{2}${S}(?:\\d{2}|2[AB])${S}\\d{3}${S}\\d{3}${S}\\d{2}(?![\\dA-Za-z])`,
  "g",
);

// Groups of four (the printed form) or one compact run; the tail is trimmed by the checksum.
const IBAN = /(?<![A-Za-z\d])[A-Z]{2}\d{2}(?:[ \u00A0]?[A-Z\d]{4}){2,7}(?:[ \u00A0]?[A-Z\d]{1,4})?(?![a-z])/g;

export function detectNirs(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  NIR.lastIndex = 0;
  for (const match of text.matchAll(NIR)) {
    if (isValidNir(match[0].replace(/[ \u00A0\u202F.]/g, ""))) {
      spans.push({ start: match.index, end: match.index + match[0].length, kind: "NIR" });
    }
  }
  return spans;
}

export function detectIbans(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  IBAN.lastIndex = 0;
  for (const match of text.matchAll(IBAN)) {
    const length = longestValidPrefix(match[0]);
    if (length > 0) spans.push({ start: match.index, end: match.index + length, kind: "IBAN" });
  }
  return spans;
}

/**
 * The candidate may run into a following code (BIC, reference): try the longest prefix that ends
 * on a character and passes the checksum. Returns its length in the original string, or 0.
 */
function longestValidPrefix(candidate: string): number {
  for (let end = candidate.length; end >= 15; end--) {
    const last = candidate[end - 1];
    if (last === undefined || last === " " || last === "\u00A0") continue;
    const next = candidate[end];
    // Cutting inside a run of characters would leave half a word behind.
    if (next !== undefined && next !== " " && next !== "\u00A0" && end !== candidate.length) continue;
    if (isValidIban(candidate.slice(0, end).replace(/[ \u00A0]/g, ""))) return end;
  }
  return 0;
}
