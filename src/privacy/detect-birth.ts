import type { PiiSpan } from "./kinds.js";

const SP = "[ \\u00A0\\u202F]+";
const MONTHS = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre";
const DATE = `(?:\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:\\d{4}|\\d{2})|(?:1er|\\d{1,2})${SP}(?:${MONTHS})${SP}\\d{4})`;

// Only the date is masked; the trigger stays so the model still knows it is a birth date.
// « né(e) le », « née le », « nés le », « date de naissance : », « date de naissance de Madame X : »,
// « date et lieu de naissance : », « naissance : », « DN : ».
const TRIGGER = `(?:${[
  `[Nn]é(?:e|s|es|\\(e\\)|\\(s\\)|\\(es\\))?${SP}le`,
  `[Dd]ate${SP}(?:et${SP}lieu${SP})?de${SP}naissance(?:${SP}(?:de|du|d['’])[^\\n.:;]{1,60}?)?${SP}?:?`,
  `[Nn]aissance${SP}?:`,
  `\\bDN${SP}?:`,
].join("|")})${SP}?`;

const BIRTH_DATE = new RegExp(`(?<=(?<![\\p{L}])${TRIGGER})${DATE}(?![\\d])`, "gu");

// « née en 1975 » is left alone on purpose: in these documents it is mostly about an association
// or a building (« L'association, née en 1975, … »), and a year alone says little about a person.

export function detectBirthDates(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const match of text.matchAll(BIRTH_DATE)) {
    spans.push({ start: match.index, end: match.index + match[0].length, kind: "DATE_NAISSANCE" });
  }
  return spans;
}
