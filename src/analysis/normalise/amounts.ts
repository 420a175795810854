/**
 * Money and percentages.
 *
 * An amount is "CUR:units.cents" with exactly two decimals, so « 74,50 € », « 74,50 euros »,
 * « 74 € 50 », « 74 euros et 50 centimes » and « soixante-quatorze euros cinquante » are all
 * "EUR:74.50", and « 2 235 € » is "EUR:2235.00". « k€ » and « M€ » multiply; « 2 millions d'euros »
 * is read through the quantity. Swiss francs (CHF, « francs ») are "CHF:…"; no other currency is
 * expected in French social-care documents.
 *
 * Cents written after the currency without « centimes » (« 74 € 50 ») are taken only when nothing
 * but punctuation or « par / HT / TTC / la / le » follows, so that « 74 € 50 places » stays two
 * facts. HT / TTC are left out of the value: the comparison is about the figure, and the wording
 * around it is the reviewer's job.
 *
 * A percentage is its number ("15"): « 15 % », « 15 pour cent », « 15 pour 100 », « 15 sur 100 ».
 * « la moitié », « un quart » are not facts: they are the words FALC recommends instead of a figure,
 * and treating them as 50 % would make every such rewrite look like a changed fact.
 */
import { NUMBER_WORDS_RUN_SOURCE, parseFrenchNumber } from "./numbers.js";
import { canonicalMoney, canonicalNumber } from "./format.js";
import { execAt, type Quantity, type UnitMatch } from "./quantities.js";

const SP = String.raw`[\s\u00A0\u202F]`;
const CURRENCY = new RegExp(
  String.raw`${SP}*(?:([kKM])${SP}*(?=€))?(€|(?:d['’]${SP}*)?euros?(?![\p{L}])|EUR(?![\p{L}])|CHF(?![\p{L}])|(?:d['’]${SP}*)?francs?(?:${SP}+suisses)?(?![\p{L}]))(?:\.?[-–](?![\p{N}]))?`,
  "iuy",
);
const CENTS = new RegExp(
  String.raw`${SP}*(?:(et)${SP}+)?(\d{1,2}|${NUMBER_WORDS_RUN_SOURCE})(?![\p{L}\p{N}])(?:${SP}*(centimes?|cts?)(?![\p{L}]))?`,
  "iuy",
);
const CENTS_END = new RegExp(
  String.raw`${SP}*(?:$|[.,;:!?)»\n/]|(?:par|HT|TTC|pour|chaque|le|la|à)(?![\p{L}]))`,
  "uy",
);
const CENTS_ONLY = new RegExp(String.raw`${SP}*(centimes?)(?![\p{L}])`, "iuy");
const PREFIX = new RegExp(String.raw`(?:€|EUR|CHF)${SP}*$`, "u");
const PERCENT = new RegExp(
  String.raw`${SP}*(?:%|pour${SP}*-?${SP}*cent(?![\p{L}])|pour${SP}+100(?!\d)|p\.${SP}*100(?!\d)|sur${SP}+(?:100|cent)(?![\p{L}\p{N}]))`,
  "iuy",
);

function currencyCode(word: string): string {
  const w = word.toLowerCase();
  return w.includes("franc") || w === "chf" ? "CHF" : "EUR";
}

function multiplierOf(prefix: string | undefined): number {
  if (prefix === undefined) return 1;
  return prefix.toLowerCase() === "k" ? 1e3 : 1e6;
}

/** « 50 » in « 74 € 50 » or « 74 euros et cinquante centimes ». */
function centsAfter(text: string, at: number): { cents: number; end: number } | null {
  const m = execAt(CENTS, text, at);
  if (m === null) return null;
  const [, et, written, unit] = m;
  const digits = /^\d/.test(written as string);
  const cents = digits ? Number(written) : parseFrenchNumber(written as string);
  if (cents === null || cents > 99) return null;
  const end = at + m[0].length;
  if (unit === undefined) {
    if (et !== undefined || (digits && (written as string).length !== 2)) return null;
    if (execAt(CENTS_END, text, end) === null) return null;
  }
  return { cents, end };
}

export function matchAmount(text: string, q: Quantity): UnitMatch | null {
  if (q.ordinal || q.literal !== undefined) return null;
  const m = execAt(CURRENCY, text, q.end);
  if (m === null) {
    const centsOnly = execAt(CENTS_ONLY, text, q.end);
    if (centsOnly === null) return null;
    return { type: "amount", value: `EUR:${canonicalMoney(q.value / 100)}`, end: q.end + centsOnly[0].length };
  }
  const code = currencyCode(m[2] as string);
  const multiplier = multiplierOf(m[1]);
  let value = q.value * multiplier;
  let end = q.end + m[0].length;
  if (Number.isInteger(q.value) && multiplier === 1) {
    const cents = centsAfter(text, end);
    if (cents !== null) {
      value += cents.cents / 100;
      end = cents.end;
    }
  }
  return {
    type: "amount",
    value: `${code}:${canonicalMoney(value)}`,
    end,
    spread: (n) => `${code}:${canonicalMoney(n * multiplier)}`,
  };
}

/** « € 50 », « CHF 50.– »: the currency before the number. */
export function matchPrefixedAmount(text: string, q: Quantity): UnitMatch | null {
  if (q.ordinal || q.literal !== undefined || q.words) return null;
  const before = text.slice(Math.max(0, q.start - 12), q.start);
  const m = PREFIX.exec(before);
  // In « 74 € 50 places » the « € » closes the amount before it.
  if (m === null || /\d[\s\u00A0\u202F]*$/u.test(before.slice(0, m.index))) return null;
  const code = currencyCode(m[0].trim());
  const suffix = /^\.?[-–](?![\p{N}])/u.exec(text.slice(q.end, q.end + 2));
  return {
    type: "amount",
    value: `${code}:${canonicalMoney(q.value)}`,
    start: q.start - m[0].length,
    end: q.end + (suffix?.[0].length ?? 0),
  };
}

export function matchPercent(text: string, q: Quantity): UnitMatch | null {
  if (q.ordinal || q.literal !== undefined) return null;
  const m = execAt(PERCENT, text, q.end);
  if (m === null) return null;
  return { type: "percent", value: canonicalNumber(q.value), end: q.end + m[0].length, spread: canonicalNumber };
}
