/**
 * Identifiers: numbers that name something rather than count it. A form number (« cerfa n° 13788*01 »,
 * « 16030*01 », « formulaire S3125 »), an article of a code cited without the word « article »
 * (« R. 314-149 », « L311-4 »), a standard (« EN 301 549 », « ISO 9001 », « NF EN 17210 »,
 * « ISO/IEC 27001:2013 ») or a phone number in any national plan (« 021 557 06 60 »).
 *
 * They are copied, never read: no rule may call « 301 549 » a big number or the « * » of a form
 * number a special character, and a rewrite must keep them character for character, so the
 * fidelity guard takes them as facts compared as written. The rules engine and the fact extractor
 * both take them from here.
 */
import { findPhones } from "./normalise/contacts.js";
import { SpanMask } from "./normalise/spans.js";
import type { Fact } from "./normalise/types.js";

export type IdentifierKind = "form" | "code-article" | "standard" | "phone";

export interface Identifier {
  kind: IdentifierKind;
  start: number;
  end: number;
  /** As written, spaces made ordinary: what a rewrite must give back. */
  value: string;
}

const SP = String.raw`[ \u00A0\u202F]`;
/** « 16030*01 »: the five digits and the edition of a Cerfa form. */
const CERFA = /(?<![\p{L}\p{N}*])\d{5}[ \u00A0]?\*[ \u00A0]?\d{2}(?![\p{N}*])/gu;
/** A code named after a word that introduces one: « formulaire S3125 », « imprimé n° 2042-C ». */
const FORM_CODE = new RegExp(
  String.raw`(?<![\p{L}])(?:[Ff]ormulaires?|[Ii]mprimés?|[Cc]erfa|CERFA|[Mm]odèles?|[Rr]éférences?|[Rr]éf\.)${SP}+(?:(?:n[°º]|N[°º]|no)${SP}*)?` +
    String.raw`((?=[\p{Lu}\d-]*\d)[\p{Lu}\d][\p{Lu}\d]*(?:[-/.*][\p{Lu}\d]+)*)(?![\p{L}\p{N}])`,
  "gu",
);
/**
 * « L. 311-4 », « R.314-149 », « D 312-1 », « L311-4 »: a code article has a letter, a number and at
 * least one hyphenated part, which a plain « A 12 » has not. Without the period, the number has three
 * digits at least: « groupe A 3-6 ans » is an age range.
 */
const CODE_ARTICLE = new RegExp(String.raw`(?<![\p{L}\p{N}])[LRDA](?:\.${SP}?\d{1,4}|${SP}?\d{3,4})(?:-\d{1,4})+(?![\p{L}\p{N}]|-\d)`, "gu");
const BODY = String.raw`(?:NF|EN|ISO|IEC|CEI|ETSI|DIN|UIT|ITU)`;
/**
 * Standards: the bodies' initials, possibly several (« NF EN », « ISO/IEC »), a letter class
 * (« NF X 50-110 »), then the number in groups, parts, year and version.
 */
const STANDARD = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${BODY}(?:${SP}?\/${SP}?${BODY}|${SP}${BODY})*)(?:${SP}[A-Z](?=${SP}\d))?${SP}(\d{1,5}(?:${SP}\d{3})*)((?:-\d+)*(?::\d{4})?(?:${SP}V\d+(?:\.\d+)*)?)(?![\p{L}\p{N}])`,
  "gu",
);
/**
 * Cheap tests that tell which patterns may match at all: this runs on every unit the rules read, and
 * most units hold no identifier.
 */
const HAS_DIGIT = /\d/;
const MAY_BE_PHONE = /0\d|\+\d/;
const MAY_BE_FORM = /ormul|mprim|odèle|[ée]f[.ée]|erfa|ERFA/u;
const MAY_BE_STANDARD = /(?:NF|EN|ISO|IEC|CEI|ETSI|DIN|UIT|ITU)[ \u00A0\u202F/]/;
const MAY_BE_CODE_ARTICLE = /[LRDA]\.?[ \u00A0\u202F]?\d/;

/** The identifiers of `text`, in order, none overlapping. */
export function findIdentifiers(text: string): Identifier[] {
  if (!HAS_DIGIT.test(text)) return [];
  const found: Identifier[] = [];
  const mask = new SpanMask(text.length);
  const push = (kind: IdentifierKind, start: number, end: number): void => {
    if (end <= start || !mask.isFree(start, end)) return;
    mask.claim(start, end);
    found.push({ kind, start, end, value: text.slice(start, end).replace(/[\u00A0\u202F]/gu, " ") });
  };
  // Phones first: « 021 557 06 60 » must not be read as a standard or a code.
  if (MAY_BE_PHONE.test(text)) {
    const phones: Fact[] = [];
    findPhones(text, new SpanMask(text.length), phones);
    for (const phone of phones) push("phone", phone.start, phone.end);
  }
  if (text.includes("*")) for (const m of text.matchAll(CERFA)) push("form", m.index, m.index + m[0].length);
  if (MAY_BE_FORM.test(text)) {
    for (const m of text.matchAll(FORM_CODE)) {
      const end = m.index + m[0].length;
      push("form", end - m[1]!.length, end);
    }
  }
  if (MAY_BE_STANDARD.test(text)) {
    for (const m of text.matchAll(STANDARD)) if (isStandard(m[1]!, m[2]!, m[3]!)) push("standard", m.index, m.index + m[0].length);
  }
  if (MAY_BE_CODE_ARTICLE.test(text)) for (const m of text.matchAll(CODE_ARTICLE)) push("code-article", m.index, m.index + m[0].length);
  return found.length > 1 ? found.sort((a, b) => a.start - b.start) : found;
}

/**
 * « EN » is also French in capitals (« EN 2017, LA CRÈCHE… »): alone, it names a standard only
 * with a number no year can be (five digits, or several groups, or parts).
 */
function isStandard(bodies: string, number: string, rest: string): boolean {
  if (bodies !== "EN") return true;
  const digits = number.replace(/\D/g, "");
  return digits.length >= 5 || /\D/.test(number) || rest !== "";
}

/** An identifier as a fact of the fidelity guard: compared as written, runs of spaces as one. */
export function identifierFact(identifier: Identifier, text: string): Fact {
  const { start, end } = identifier;
  return { type: "identifier", value: identifier.value.replace(/ {2,}/g, " "), text: text.slice(start, end), start, end };
}
