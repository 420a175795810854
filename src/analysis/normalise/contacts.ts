/**
 * Phone numbers, e-mail addresses and web addresses. They run first because their digits and dots
 * would otherwise be read as numbers, dates or decimals (« 01.23.45.67.89 » looks like a date).
 *
 * Canonical forms are what a reader would call « the same » contact: a phone is its digits in
 * international form (French ten-digit numbers become +33…; other national numbers keep their
 * digits, because guessing the country would invent a fact); an e-mail is lower-cased; a URL
 * loses its scheme, « www. », letter case of the host and a trailing slash, so that
 * « https://www.service-public.fr/ » and « service-public.fr » compare equal. The path keeps its case:
 * servers may treat it as significant.
 */
import type { Fact } from "./types.js";
import type { SpanMask } from "./spans.js";
import { nextMatch } from "./scan.js";

const SEP = String.raw`[ .\-\u00A0\u202F]?`;
const PHONE = new RegExp(
  String.raw`(?:` +
    // International: +33 (0)1 23 45 67 89, 0033 1 23 45 67 89, +41 21 345 67 89.
    String.raw`(?:\+|00)(\d{2,3})${SEP}(?:\(0\)${SEP})?\d(?:${SEP}\d){7,11}` +
    // French national: 01 23 45 67 89, 01.23.45.67.89, 0123456789.
    String.raw`|0[1-9](?:${SEP}\d{2}){4}` +
    // Free and special numbers: 0 800 123 456.
    String.raw`|0${SEP}[89]\d{2}${SEP}\d{3}${SEP}\d{3}` +
    // Swiss and Belgian national groupings: 021 345 67 89, 02 123 45 67, 0470 12 34 56.
    String.raw`|0\d{1,3}[ .\u00A0]\d{2,3}[ .\u00A0]\d{2}[ .\u00A0]\d{2}` +
    String.raw`)(?![\p{N}]|[.,]\d)`,
  "gu",
);

const EMAIL = /(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}/gu;

const TLD = "fr|com|org|net|eu|be|ch|lu|ca|info|gouv\\.fr|asso\\.fr";
const SCHEME_URL = /(?:https?:\/\/|www\.)[^\s<>«»"“”]+/giu;
/** Bare domains (« service-public.fr ») are found from their ending, then read backwards. */
const BARE_TLD = new RegExp(String.raw`\.(?:${TLD})(?![\p{L}\p{N}@\-])`, "giu");
const DOMAIN_BEFORE = /(?<![\p{L}\p{N}@.\-/])(?:[\p{L}\p{N}][\p{L}\p{N}\-]*\.)*[\p{L}\p{N}][\p{L}\p{N}\-]*$/u;
const PATH_AFTER = /\/[^\s<>«»"“”]*/y;
const TRAILING_PUNCT = /[.,;:!?'’»)\]]+$/u;

function phoneValue(written: string, country: string | undefined): string {
  const digits = written.replace(/\(0\)/, "").replace(/\D/g, "");
  if (country !== undefined) {
    const national = digits.slice(written.startsWith("+") ? country.length : country.length + 2);
    return `+${country}${national.replace(/^0/, "")}`;
  }
  // Ten digits starting with 0 in pairs is the French plan; other groupings are kept national.
  if (/^0\d(?:[ .\-\u00A0\u202F]?\d{2}){4}$/.test(written) || /^0[89]\d{8}$/.test(digits)) {
    return `+33${digits.slice(1)}`;
  }
  return digits;
}

/** Country codes are 1–3 digits; the regex cannot know which, so the value uses known prefixes. */
function countryCode(written: string): string | undefined {
  const digits = written.replace(/^\+|^00/, "").replace(/\D/g, "");
  for (const code of ["33", "32", "41", "352", "262", "590", "594", "596", "1", "44", "49", "34", "39"]) {
    if (digits.startsWith(code)) return code;
  }
  return digits.slice(0, 2);
}

const PHONE_REJECT_BEFORE = /[\p{L}\p{N}+/.,]/u;

function phoneRejected(text: string, index: number): boolean {
  return index > 0 && PHONE_REJECT_BEFORE.test(text.charAt(index - 1));
}

export function findPhones(text: string, mask: SpanMask, out: Fact[]): void {
  PHONE.lastIndex = 0;
  for (let m = nextMatch(PHONE, text, phoneRejected); m !== null; m = nextMatch(PHONE, text, phoneRejected)) {
    const written = m[0];
    const start = m.index;
    const end = start + written.length;
    if (!mask.isFree(start, end)) continue;
    const international = written.startsWith("+") || written.startsWith("00");
    const value = phoneValue(written, international ? countryCode(written) : undefined);
    mask.claim(start, end);
    out.push({ type: "phone", value, text: written, start, end });
  }
}

export function findEmails(text: string, mask: SpanMask, out: Fact[]): void {
  // The regex would otherwise be tried at every letter of every section.
  if (!text.includes("@")) return;
  EMAIL.lastIndex = 0;
  for (let m = EMAIL.exec(text); m !== null; m = EMAIL.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!mask.isFree(start, end)) continue;
    mask.claim(start, end);
    out.push({ type: "email", value: m[0].toLowerCase(), text: m[0], start, end });
  }
}

/** « https://www.Service-Public.fr/particuliers/ » → « service-public.fr/particuliers ». */
export function normaliseUrl(url: string): string {
  const noScheme = url.replace(/^https?:\/\//i, "").replace(/^www\./i, "");
  const slash = noScheme.search(/[/?#]/);
  const host = (slash < 0 ? noScheme : noScheme.slice(0, slash)).toLowerCase();
  const rest = slash < 0 ? "" : noScheme.slice(slash);
  return (host + rest).replace(/\/+$/, "");
}

function trimUrl(url: string): string {
  let trimmed = url.replace(TRAILING_PUNCT, "");
  // Keep a closing bracket that belongs to the URL (Wikipedia style), drop one that closes the sentence.
  if (url.length > trimmed.length && url.includes(")") && trimmed.includes("(") && !trimmed.includes(")")) {
    trimmed = url.slice(0, trimmed.length + 1);
  }
  return trimmed;
}

function pushUrl(text: string, start: number, rawEnd: number, mask: SpanMask, out: Fact[]): void {
  const written = trimUrl(text.slice(start, rawEnd));
  const end = start + written.length;
  if (written.length < 4 || !mask.isFree(start, end)) return;
  mask.claim(start, end);
  out.push({ type: "url", value: normaliseUrl(written), text: written, start, end });
}

export function findUrls(text: string, mask: SpanMask, out: Fact[]): void {
  SCHEME_URL.lastIndex = 0;
  for (let m = SCHEME_URL.exec(text); m !== null; m = SCHEME_URL.exec(text)) {
    pushUrl(text, m.index, m.index + m[0].length, mask, out);
  }
  BARE_TLD.lastIndex = 0;
  for (let m = BARE_TLD.exec(text); m !== null; m = BARE_TLD.exec(text)) {
    const windowStart = Math.max(0, m.index - 80);
    const domain = DOMAIN_BEFORE.exec(text.slice(windowStart, m.index));
    if (domain === null) continue;
    let end = m.index + m[0].length;
    PATH_AFTER.lastIndex = end;
    const path = PATH_AFTER.exec(text);
    if (path !== null) end += path[0].length;
    pushUrl(text, windowStart + domain.index, end, mask, out);
  }
}
