import { detectBirthDates } from "./detect-birth.js";
import { detectEmails, detectPhones } from "./detect-contact.js";
import { detectIbans, detectNirs } from "./detect-ids.js";
import { detectCivilityNames, detectFamilyNames, detectFirstNameNames, detectKnownSurnames, surnameForms } from "./detect-names.js";
import { detectAddresses, detectPostcodeTowns } from "./detect-places.js";
import { firstNameSet } from "./first-names.js";
import { titleCase } from "./name-words.js";
import { PII_KINDS, emptyCounts, type PiiKind, type PiiSpan, type PseudonymMap } from "./kinds.js";
import { emptyMapping, placeholderAssigner, valuesOfKind } from "./mapping.js";
import { resolveOverlaps } from "./spans.js";

export interface PseudonymizeOptions {
  /** Kinds to mask (default: all of PII_KINDS). */
  kinds?: PiiKind[];
  /** First names to recognise in « Prénom Nom » pairs in addition to the built-in list. */
  extraFirstNames?: string[];
}

export interface PseudonymizeResult {
  text: string;
  /** The mapping passed in, extended in place (or a new one): pass it to the next section. */
  mapping: PseudonymMap;
  /** Occurrences masked in this text, per kind. */
  counts: Record<PiiKind, number>;
  /** Distinct placeholders this text contains: what `restore` should expect back. */
  placeholders: string[];
}

const SIMPLE_DETECTORS: ReadonlyArray<readonly [PiiKind, (text: string) => PiiSpan[]]> = [
  ["EMAIL", detectEmails],
  ["IBAN", detectIbans],
  ["NIR", detectNirs],
  ["TELEPHONE", detectPhones],
  ["DATE_NAISSANCE", detectBirthDates],
  ["ADRESSE", detectAddresses],
  ["CODE_POSTAL_VILLE", detectPostcodeTowns],
];

/**
 * Replaces personal data with stable placeholders ([PERSONNE_1], [TELEPHONE_2]…). Pure: no I/O,
 * nothing logged. Pass the same mapping for every section of a document so that a value keeps its
 * placeholder everywhere.
 */
export function pseudonymize(
  text: string,
  options: PseudonymizeOptions = {},
  mapping: PseudonymMap = emptyMapping(),
): PseudonymizeResult {
  const kinds = new Set<PiiKind>(options.kinds ?? PII_KINDS);
  let spans: PiiSpan[] = [];
  for (const [kind, detect] of SIMPLE_DETECTORS) {
    // concat, not push(...): spreading a huge list of matches would overflow the call stack.
    if (kinds.has(kind)) spans = spans.concat(detect(text));
  }
  if (kinds.has("PERSONNE")) spans = spans.concat(detectPersons(text, options.extraFirstNames, mapping));
  return substitute(text, resolveOverlaps(spans), mapping);
}

function detectPersons(text: string, extraFirstNames: string[] | undefined, mapping: PseudonymMap): PiiSpan[] {
  const names = withExtraNames(extraFirstNames);
  const found = [...detectCivilityNames(text), ...detectFamilyNames(text), ...detectFirstNameNames(text, names)];
  // Surnames of people named in this text or in earlier sections, when they reappear alone.
  const surnames = new Set<string>();
  const values = [...found.map((span) => text.slice(span.start, span.end)), ...valuesOfKind(mapping, "PERSONNE")];
  for (const value of values) {
    for (const form of surnameForms(value, names)) surnames.add(form);
  }
  return [...found, ...detectKnownSurnames(text, surnames)];
}

function withExtraNames(extra: string[] | undefined): ReadonlySet<string> {
  const base = firstNameSet();
  if (extra === undefined || extra.length === 0) return base;
  // Names are matched capitalised, as they are written in documents: « tiphaine » is looked up as « Tiphaine ».
  const cleaned = extra.map((name) => titleCase(name.trim())).filter((name) => name.length > 0);
  return new Set([...base, ...cleaned]);
}

function substitute(text: string, spans: readonly PiiSpan[], mapping: PseudonymMap): PseudonymizeResult {
  const counts = emptyCounts();
  const placeholders = new Set<string>();
  const placeholderFor = placeholderAssigner(mapping);
  const parts: string[] = [];
  let cursor = 0;
  for (const span of spans) {
    const placeholder = placeholderFor(span.kind, text.slice(span.start, span.end));
    parts.push(text.slice(cursor, span.start), placeholder);
    counts[span.kind] += 1;
    placeholders.add(placeholder);
    cursor = span.end;
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(""), mapping, counts, placeholders: [...placeholders] };
}
