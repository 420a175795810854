/**
 * Years counted from the current one: « les revenus de l’année n-2 », « l’exercice N-1 ». Such a year is
 * a fact (value "N-2", type date): a rewrite must keep it, and « l’année dernière » for « n-2 » is a
 * changed year. A FALC writer says it in words instead (« il y a 2 ans », « l’année dernière »), so
 * those words are hints of the same value; and since « il y a 2 ans » also reads as a length of 2
 * years, the original's relative year implies that length: the rewrite's « 2 ans » is « à vérifier »
 * (is it the calendar year n-2?), never « ajoutée ».
 */
import type { Hint } from "./implicit.js";
import type { SpanMask } from "./spans.js";
import type { Fact } from "./types.js";

const SP = String.raw`[\s\u00A0\u202F]`;
/** « n-2 » alone is too short to trust (« niveau N-1 » of a hierarchy): a word of years comes before it. */
const RELATIVE_YEAR = new RegExp(
  String.raw`(?<![\p{L}])(?:années?|annees?|exercices?|revenus|ressources|an)${SP}+[nN]${SP}*([-−–+])${SP}*([1-9])(?![\p{L}\p{N}])`,
  "giu",
);
const YEARS_AGO = new RegExp(String.raw`(?<![\p{L}])il${SP}+y${SP}+a${SP}+([1-9]|un|deux|trois|quatre|cinq)${SP}+ans?(?![\p{L}])`, "giu");
const NAMED = new RegExp(
  String.raw`(?<![\p{L}])(?:(l['’]année${SP}+(?:dernière|derniere|passée|passee|précédente|precedente)|l['’]an${SP}+(?:dernier|passé|passe))|(l['’]année${SP}+(?:prochaine|suivante)|l['’]an${SP}+prochain)|(cette${SP}+année|l['’]année${SP}+en${SP}+cours))(?![\p{L}])`,
  "giu",
);
const WORD_NUMBER: Readonly<Record<string, number>> = { un: 1, deux: 2, trois: 3, quatre: 4, cinq: 5 };

function relativeValue(sign: string, n: number): string {
  return n === 0 ? "N" : `N${sign === "+" ? "+" : "-"}${n}`;
}

/** The relative years of `text` as facts, claiming their span. */
export function findRelativeYears(text: string, mask: SpanMask, out: Fact[]): void {
  RELATIVE_YEAR.lastIndex = 0;
  for (let m = RELATIVE_YEAR.exec(text); m !== null; m = RELATIVE_YEAR.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!mask.isFree(start, end)) continue;
    mask.claim(start, end);
    out.push({ type: "date", value: relativeValue(m[1] as string, Number(m[2])), text: m[0], start, end });
  }
}

/**
 * What words say of relative years: « n-2 » implies a length of 2 years; « il y a 2 ans » and
 * « l’année dernière » are the years N-2 and N-1 in words.
 */
export function relativeYearHints(text: string): Hint[] {
  const out: Hint[] = [];
  const hint = (tier: Hint["tier"], type: Fact["type"], value: string, m: RegExpExecArray): void => {
    out.push({ tier, fact: { type, value, text: m[0], start: m.index, end: m.index + m[0].length } });
  };
  RELATIVE_YEAR.lastIndex = 0;
  for (let m = RELATIVE_YEAR.exec(text); m !== null; m = RELATIVE_YEAR.exec(text)) hint("implied", "duration", `P${m[2]}Y`, m);
  YEARS_AGO.lastIndex = 0;
  for (let m = YEARS_AGO.exec(text); m !== null; m = YEARS_AGO.exec(text)) {
    const written = (m[1] as string).toLowerCase();
    hint("same", "date", relativeValue("-", WORD_NUMBER[written] ?? Number(written)), m);
  }
  NAMED.lastIndex = 0;
  for (let m = NAMED.exec(text); m !== null; m = NAMED.exec(text)) {
    hint("same", "date", m[1] !== undefined ? "N-1" : m[2] !== undefined ? "N+1" : "N", m);
  }
  return out;
}
