import type { PiiSpan } from "./kinds.js";
import { collectMatches } from "./spans.js";

const EMAIL = /(?<![\p{L}\d._%+-])[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}(?![\p{L}\d])/gu;

// Separators seen in French documents: space, NBSP, narrow NBSP, dot, hyphen. Either none at all or
// one between every pair: « 0532 0130 01 » inside a bank code is not a phone number.
const SEP = "[ \\u00A0\\u202F.\\-]";
const PAIRS = `(?:\\d{8}|(?:${SEP}\\d{2}){4})`;
const PHONE = new RegExp(
  "(?<![\\d+])(?:" +
    [
      // 01 23 45 67 89, 01.23.45.67.89, 0123456789
      `0[1-9]${PAIRS}`,
      // +33 1 23 45 67 89, +33 (0)1 23 45 67 89, +33123456789, 0033 1 …, (+33) 6 …
      `(?:\\(\\+33\\)|\\+33|0033)${SEP}?(?:\\(0\\)${SEP}?)?[1-9]${PAIRS}`,
      // Special numbers written 0 800 123 456.
      `0${SEP}[89]\\d{2}${SEP}\\d{3}${SEP}\\d{3}`,
    ].join("|") +
    ")(?!\\d)",
  "g",
);

export function detectEmails(text: string): PiiSpan[] {
  return collectMatches(text, EMAIL, "EMAIL");
}

export function detectPhones(text: string): PiiSpan[] {
  return collectMatches(text, PHONE, "TELEPHONE");
}

