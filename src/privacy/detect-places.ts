import type { PiiSpan } from "./kinds.js";
import { collectMatches } from "./spans.js";

const SP = "[ \\u00A0\\u202F]+";
// A word of a street name: Acacias, Jaurès, Jean-Jaurès, 8 (« rue du 8 Mai 1945 »).
const CAP = "(?:\\p{Lu}\\p{L}*(?:['’\\-]\\p{L}+)*|\\d{1,4}(?!\\d))";
const LINK = `(?:(?:de la|du|des|de|la|le|les|et|sur|sous|en|aux|au)${SP}|(?:de l|d|l)['’])`;
const STREET_NAME = `${LINK}?${CAP}(?:${SP}${LINK}?${CAP})*`;

/** « rue » → « [Rr]ue »: street types are matched in either case without the i flag (which would make \p{Lu} match lower case). */
function eitherCase(words: readonly string[]): string {
  return words
    .map((word) => `[${word[0]!.toUpperCase()}${word[0]!}]${word.slice(1).replace(/\./g, "\\.")}`)
    .join("|");
}

// Unambiguous even without a number in front.
const STRONG_TYPES = eitherCase([
  "rue", "avenue", "boulevard", "bd", "impasse", "allée", "chemin", "quai", "route", "square",
  "lieu-dit", "sentier", "faubourg", "ruelle", "venelle",
]);
// Also ordinary words (« la place du résident », « au cours de la Réunion »): only after a number.
const WEAK_TYPES = eitherCase([
  "place", "cours", "passage", "cité", "résidence", "hameau", "voie", "promenade", "esplanade",
  "rond-point", "parvis", "villa", "clos", "domaine", "lotissement", "montée", "traverse",
]);

const NUMBER = `\\d{1,4}(?:${SP}?(?:bis|ter|quater|[A-D]))?,?${SP}`;

const ADDRESS = new RegExp(
  `(?<![\\p{L}\\d,.])(?:${NUMBER}(?:${STRONG_TYPES}|${WEAK_TYPES})|(?<![\\p{L}])(?:${STRONG_TYPES}))${SP}${STREET_NAME}(?![\\p{L}\\d])`,
  "gu",
);

// Post code (01–95, 97, 98; Corsica 2A/2B) then a town: Paris, Le Mans, Bourg-Lavande, PARIS CEDEX 11.
const TOWN_WORD = "\\p{Lu}\\p{L}*";
const TOWN_LINK = "(?:sur|sous|en|de|du|des|la|le|les|lès|lez|aux|au)";
const TOWN = `(?:(?:Le|La|Les)${SP}|L['’])?${TOWN_WORD}(?:-(?:${TOWN_LINK}-|(?:d|l)['’])*${TOWN_WORD}|['’]${TOWN_WORD})*(?:${SP}(?:CEDEX|Cedex)(?:${SP}\\d{1,2})?)?`;
const POSTCODE = "(?:(?:0[1-9]|[1-8]\\d|9[0-5]|97|98)\\d{3}|2[AB]\\d{3})";
const POSTCODE_TOWN = new RegExp(`(?<![\\p{L}\\d,.])${POSTCODE}${SP}${TOWN}(?![\\p{L}\\d])`, "gu");

// A sentence that starts right after an address without punctuation: its first word is not part of the street.
const TRAILING_SENTENCE_START = /(?:[ \u00A0\u202F]+(?:Le|La|Les|Il|Elle|Ils|Elles|Un|Une|Ce|Cette|Si|En|Au|Aux|Pour|Dans|Tél|Tel))+$/u;

export function detectAddresses(text: string): PiiSpan[] {
  return collectMatches(text, ADDRESS, "ADRESSE").map((span) => {
    const trimmed = text.slice(span.start, span.end).replace(TRAILING_SENTENCE_START, "");
    return { ...span, end: span.start + trimmed.length };
  });
}

export function detectPostcodeTowns(text: string): PiiSpan[] {
  return collectMatches(text, POSTCODE_TOWN, "CODE_POSTAL_VILLE");
}

