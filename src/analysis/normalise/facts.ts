/**
 * Fact extraction: the passes and their order.
 *
 * The most specific patterns run first and claim their characters (e-mail, URL, phone, legal
 * reference, date, « midi »), so that the digits inside them are never reported again as bare
 * numbers. Then every remaining quantity is read with whatever unit follows it (amount, percent,
 * time, duration); a quantity with no unit is a `number` fact.
 *
 * What is deliberately not a fact:
 * - a lone « un / une » (an article, unless a unit follows: « un mois » is P1M, « une fois » is 1),
 *   and an article before a unit of time where the text does not count (« modification d’un jour
 *   de permanence », see articles.ts);
 * - list and heading numbering at the start of a line (« 1. », « 2) », « 3.2 Les visites »,
 *   also after a Markdown « ### » or bullet): it is layout, and a FALC rewrite renumbers or drops it;
 * - « les deux / des deux / aux deux » meaning « both », and plural « premiers / premières »;
 * - « neuf » meaning « new » (taken as 9 only before a plural noun or a unit);
 * - an ordinal word with a capital inside a sentence (« la Première République »): a name;
 * - « la moitié », « un tiers », « un quart » (see amounts.ts);
 * - « une fois » meaning « once » (« une fois les professionnels informés »), not « one time ».
 * A year counted from the current one (« l’année n-2 ») is a date fact (see relative-years.ts).
 * « deux fois par semaine » gives the number 2: the frequency is what the reader must keep, and a
 * rewrite « 2 fois par semaine » gives the same fact. Ordinals are numbers (« 1er étage » is 1,
 * « le 1er de chaque mois » is 1), because « 1er » and « premier » must compare equal.
 */
import { findEmails, findPhones, findUrls } from "./contacts.js";
import { findDates } from "./dates.js";
import { findDatedActs, findLegalReferences, refValue } from "./legal.js";
import { findNamedTimes, matchHour } from "./times.js";
import { findHalfHours, matchDuration, matchRoundTheClock } from "./durations.js";
import { matchAmount, matchPercent, matchPrefixedAmount } from "./amounts.js";
import { findQuantities, execAt, type Quantity, type UnitMatch } from "./quantities.js";
import { canonicalNumber } from "./format.js";
import { SpanMask } from "./spans.js";
import { articleCounts } from "./articles.js";
import { findWordHints, type Hint } from "./implicit.js";
import { findRelativeYears, relativeYearHints } from "./relative-years.js";
import { afterLetter, nextMatch } from "./scan.js";
import type { Fact } from "./types.js";
import { findIdentifiers as scanIdentifiers, identifierFact } from "../identifiers.js";

const SP = String.raw`[\s\u00A0\u202F]`;
const LIST_MARKER = new RegExp(
  String.raw`^[ \t\u00A0]*(?:#{1,6}[ \t]+|[-*+•–][ \t]+)?(?:\d{1,2}(?:\.\d{1,2})*[.)](?=[ \t\u00A0])|\d{1,2}(?:\.\d{1,2})+(?=[ \t\u00A0]+\p{Lu})|[a-zA-Z][.)](?=[ \t\u00A0])|[IVXLC]{1,6}[.)](?=[ \t\u00A0]))`,
  "gmu",
);
const IDENTIFIER = new RegExp(String.raw`(?:n[°º]|N[°º]|numéro)${SP}*(\d+(?:[-/.]\d+)+)(?![\p{N}])`, "gu");
const FOIS = new RegExp(String.raw`${SP}+fois(?![\p{L}])`, "iuy");
/**
 * « une fois les professionnels informés », « une fois que », « une fois inscrit »: « once », a moment,
 * not a count. It is told from « une fois par mois » or « une fois l’an » by what follows « fois »:
 * « que », or a participle, directly or after a determiner and its noun. A unit of time after the
 * determiner (« une fois la semaine ») keeps the count.
 */
const NOT_PARTICIPLE = String.raw`(?:aussi|ainsi|ici|parmi|midi|lundi|mardi|mercredi|jeudi|vendredi|samedi|tous|plus|dessus|dessous|mais|jamais|désormais|puis|depuis|ceci|voici|lui|qui|tout|toute|mois|fois|avis|temps|jours?|ans?|années?|semaines?)(?![\p{L}])`;
const PARTICIPLE = String.raw`(?!${NOT_PARTICIPLE})(?:\p{L}+(?<!ment)(?:é|ée|és|ées|i|ie|is|ies|ise|ises|it|ite|its|ites|u|ue|us|ues|ert|erte|erts|ertes|eint|einte|eints|eintes)|complete?s?|complète?s?|prête?s?|terminée?s?)(?![\p{L}])`;
const DETERMINER = String.raw`(?:les|le|la|l['’]|ce|cet|cette|ces|son|sa|ses|leur|leurs|votre|vos|notre|nos|mon|ma|mes)`;
const ONCE_AFTER = new RegExp(
  String.raw`${SP}+fois${SP}+(?:qu(?:e(?![\p{L}])|['’])|${PARTICIPLE}|${DETERMINER}${SP}*(?:[\p{L}\-]+${SP}+){1,2}?${PARTICIPLE})`,
  "iuy",
);
const PLURAL_OR_UNIT_NEXT = new RegExp(String.raw`${SP}+\p{L}+[sx](?![\p{L}])`, "uy");
const BOTH_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])(?:les|des|aux)${SP}+$`, "iu");
const FIRST_IDIOM_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])en${SP}+$`, "iu");
const FIRST_IDIOM_AFTER = new RegExp(String.raw`${SP}+(?:lieu|secours|nécessité|necessite|abord|ministre|plan)(?![\p{L}])`, "iuy");
const SENTENCE_START = /(?:^|[.!?:;…\n«"\-–•*])[\s\u00A0\u202F]*$/u;
const RANGE_LINK = /^[\s\u00A0\u202F]*(à|a|et|ou|au|-|–)[\s\u00A0\u202F]*$/u;
/** « de 10 à 12 h » and « entre 14 et 18 h » share a unit; « le 2 à 10 h » does not. */
const RANGE_OPENER = new RegExp(String.raw`(?:^|[^\p{L}])(?:de|d['’]|du|des|entre)${SP}*$`, "iu");

interface Reading {
  q: Quantity;
  match: UnitMatch | null;
  /** What words that are not a count still say (« les deux », « un jour de permanence »). */
  hint?: UnitMatch;
}

function claimListMarkers(text: string, mask: SpanMask): void {
  LIST_MARKER.lastIndex = 0;
  for (let m = LIST_MARKER.exec(text); m !== null; m = LIST_MARKER.exec(text)) {
    mask.claim(m.index, m.index + m[0].length);
  }
}

/**
 * Form numbers and standards (« 16030*01 », « EN 301 549 ») are facts compared as written; a code
 * article cited without « article » (« R. 314-149 ») is the same legal reference as with it.
 */
function findNamedIdentifiers(text: string, mask: SpanMask, out: Fact[]): void {
  for (const identifier of scanIdentifiers(text)) {
    const { start, end } = identifier;
    if (identifier.kind === "phone" || !mask.isFree(start, end)) continue;
    mask.claim(start, end);
    if (identifier.kind === "code-article") out.push({ type: "legal-reference", value: `art:${refValue(identifier.value)}`, text: text.slice(start, end), start, end });
    else out.push(identifierFact(identifier, text));
  }
}

function findIdentifiers(text: string, mask: SpanMask, out: Fact[]): void {
  IDENTIFIER.lastIndex = 0;
  for (let m = nextMatch(IDENTIFIER, text, afterLetter); m !== null; m = nextMatch(IDENTIFIER, text, afterLetter)) {
    const start = m.index + m[0].length - (m[1] as string).length;
    const end = m.index + m[0].length;
    if (!mask.isFree(start, end)) continue;
    mask.claim(start, end);
    out.push({ type: "number", value: m[1] as string, text: m[1] as string, start, end });
  }
}

/** Word numbers that are not counts in context: « un » article, « les deux » = both, « neuf » = new. */
function isIdiomatic(text: string, q: Quantity): boolean {
  if (!q.words) return false;
  if (q.article) return true;
  const word = text.slice(q.start, q.end).toLowerCase();
  const before = text.slice(Math.max(0, q.start - 12), q.start);
  if (word === "premiers" || word === "premières" || word === "premieres") return true;
  // « la Première République », « Premier consul »: a capital inside a sentence makes a name.
  if (q.ordinal && /\p{Lu}/u.test(text.charAt(q.start)) && !SENTENCE_START.test(text.slice(Math.max(0, q.start - 4), q.start))) {
    return true;
  }
  if (word.startsWith("premi")) {
    return FIRST_IDIOM_BEFORE.test(before) || execAt(FIRST_IDIOM_AFTER, text, q.end) !== null;
  }
  if (word === "deux") return BOTH_BEFORE.test(before);
  if (word === "neuf") return execAt(PLURAL_OR_UNIT_NEXT, text, q.end) === null;
  return false;
}

function readQuantity(text: string, q: Quantity): Omit<Reading, "q"> {
  const bare: UnitMatch = { type: "number", value: q.dotted ?? canonicalNumber(q.value), end: q.end };
  if (q.literal !== undefined) return { match: { type: "number", value: q.literal, end: q.end } };
  if (q.ordinal) return isIdiomatic(text, q) ? { match: null, hint: bare } : { match: bare };
  const unit =
    matchRoundTheClock(text, q) ??
    matchAmount(text, q) ??
    matchPrefixedAmount(text, q) ??
    matchPercent(text, q) ??
    matchHour(text, q) ??
    matchDuration(text, q);
  if (unit !== null) {
    if (q.article && unit.type === "duration" && !articleCounts(text, q.start, unit.end)) return { match: null, hint: unit };
    return { match: unit };
  }
  if (execAt(FOIS, text, q.end) !== null) return q.article && execAt(ONCE_AFTER, text, q.end) !== null ? { match: null } : { match: bare };
  // A lone article says nothing a reader must keep; « les deux » still says two.
  if (isIdiomatic(text, q)) return q.article ? { match: null } : { match: null, hint: bare };
  return { match: bare };
}

function readAll(text: string, quantities: readonly Quantity[]): Reading[] {
  const readings: Reading[] = [];
  let cursor = 0;
  for (const q of quantities) {
    // A unit may have swallowed the next quantity (« 74 euros et cinquante centimes »).
    if (q.start < cursor) continue;
    const reading = readQuantity(text, q);
    if (reading.match !== null) cursor = reading.match.end;
    readings.push({ q, ...reading });
  }
  return readings;
}

/** « de 10 à 12 h », « 2 ou 3 jours »: a bare number takes the unit of the next one. */
function shareUnits(text: string, readings: Reading[]): void {
  for (let i = readings.length - 2; i >= 0; i--) {
    const current = readings[i] as Reading;
    const next = readings[i + 1] as Reading;
    const spread = next.match?.spread;
    const bare = current.match === null || (current.match.type === "number" && !current.q.ordinal);
    if (spread === undefined || !bare || current.q.article || current.q.literal !== undefined) continue;
    const link = RANGE_LINK.exec(text.slice(current.q.end, next.q.start))?.[1];
    if (link === undefined) continue;
    if ((link === "à" || link === "a" || link === "au" || link === "et") && !RANGE_OPENER.test(text.slice(Math.max(0, current.q.start - 10), current.q.start))) {
      continue;
    }
    const value = spread(current.q.value);
    if (value === null) continue;
    current.match = { type: next.match?.type ?? "number", value, end: current.q.end, spread };
  }
}

/** Every fact in `text`, in order of position, none overlapping another. */
export function extractFacts(text: string): Fact[] {
  return extractFactsAndHints(text).facts;
}

/** The facts of `text`, and the values its words hold without stating them (see implicit.ts). */
export function extractFactsAndHints(text: string): { facts: Fact[]; hints: Hint[] } {
  const hints = [...findWordHints(text), ...relativeYearHints(text)];
  const mask = new SpanMask(text.length);
  const out: Fact[] = [];
  findEmails(text, mask, out);
  findUrls(text, mask, out);
  findPhones(text, mask, out);
  claimListMarkers(text, mask);
  findLegalReferences(text, mask, out);
  findNamedIdentifiers(text, mask, out);
  const dates: Fact[] = [];
  findDates(text, mask, dates);
  findDatedActs(text, dates, mask, out);
  findRelativeYears(text, mask, dates);
  out.push(...dates);
  findIdentifiers(text, mask, out);
  const named = (type: "time" | "duration") => (start: number, end: number, value: string): void => {
    if (!mask.isFree(start, end)) return;
    mask.claim(start, end);
    out.push({ type, value, text: text.slice(start, end), start, end });
  };
  findNamedTimes(text, named("time"));
  findHalfHours(text, named("duration"));
  const readings = readAll(text, findQuantities(text, mask));
  shareUnits(text, readings);
  for (const { q, match, hint } of readings) {
    if (hint !== undefined) {
      const start = hint.start ?? q.start;
      hints.push({ tier: "same", fact: { type: hint.type, value: hint.value, text: text.slice(start, hint.end), start, end: hint.end } });
    }
    if (match === null) continue;
    const start = match.start ?? q.start;
    if (!mask.isFree(start, match.end)) continue;
    mask.claim(start, match.end);
    out.push({ type: match.type, value: match.value, text: text.slice(start, match.end), start, end: match.end });
  }
  return { facts: out.sort((a, b) => a.start - b.start), hints };
}
