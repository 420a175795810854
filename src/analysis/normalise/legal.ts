/**
 * Legal references: articles of codes and of the contract itself, and numbered or dated acts.
 *
 * « article L. 311-4 du Code de l'action sociale et des familles », « art. L311-4 du CASF » and
 * « l'article L.311-4 CASF » are "art:L311-4:CASF"; « Article 3 » (a clause of the contract, often a
 * heading) is "art:3", because a rewrite that drops the clause number loses the reader's way to the
 * signed text. « loi n° 2002-2 du 2 janvier 2002 » is "loi:2002-2" plus a date fact for its date; an
 * act cited by its date only (« arrêté du 8 septembre 2003 ») is "arrete:2003-09-08", the span being
 * the words before the date so that the date stays a fact of its own.
 *
 * Keywords are matched in their usual capitalisations only (article, Article, ARTICLE): the letter
 * prefixes L, R, D, A of code articles are upper case and must not match a lower-case « l' ».
 */
import type { SpanMask } from "./spans.js";
import type { Fact } from "./types.js";
import { afterLetter, nextMatch } from "./scan.js";

const SP = String.raw`[\s\u00A0\u202F]`;
const REF = String.raw`(?:[LRDA]\.?${SP}*)?\d+(?:[-.]\d+)*(?:${SP}*(?:bis|ter|quater|quinquies))?(?![\p{L}\p{N}])|premier(?![\p{L}])|1er(?![\p{L}])`;
const CODES: ReadonlyArray<readonly [RegExp, string]> = [
  [/action sociale et des familles/iu, "CASF"],
  [/santé publique|sante publique/iu, "CSP"],
  [/sécurité sociale|securite sociale/iu, "CSS"],
  [/construction et de l['’]habitation/iu, "CCH"],
  [/collectivités territoriales|collectivites territoriales/iu, "CGCT"],
  [/procédure civile|procedure civile/iu, "CPC"],
  [/impôts|impots/iu, "CGI"],
  [/civil|c\.\s?civ/iu, "CCIV"],
  [/pénal|penal/iu, "CP"],
  [/travail/iu, "CT"],
  [/consommation/iu, "CCONS"],
  [/commerce/iu, "CCOM"],
  [/éducation|education/iu, "CEDUC"],
];
const CODE_NAME = String.raw`(?:action${SP}+sociale${SP}+et${SP}+des${SP}+familles|sant[ée]${SP}+publique|s[ée]curit[ée]${SP}+sociale|construction${SP}+et${SP}+de${SP}+l['’]habitation|g[ée]n[ée]ral${SP}+des${SP}+collectivit[ée]s${SP}+territoriales|proc[ée]dure${SP}+civile|g[ée]n[ée]ral${SP}+des${SP}+imp[ôo]ts|civil|p[ée]nal|travail|consommation|commerce|[ée]ducation)`;
const CODE_ABBR = String.raw`(?:CASF|CSP|CSS|CCH|CGCT|CGI|CPC|C\.${SP}?civ\.?)(?![\p{L}])`;
const CODE = String.raw`(?:${SP}*,?${SP}*(?:(?:du|de${SP}+la|de${SP}+l['’]|des)${SP}*)?(?:[Cc]ode${SP}+(?:de${SP}+l['’]|de${SP}+la${SP}+|du${SP}+|des${SP}+|de${SP}+)?(${CODE_NAME})(?![\p{L}])|(${CODE_ABBR})))`;
const ARTICLE = new RegExp(
  String.raw`(?:[lL]['’]${SP}?)?(?:[Aa]rticle(s?)|ARTICLE(S?)|[Aa]rt\.)${SP}*(${REF})((?:(?:${SP}*,${SP}*|${SP}+(?:et|à|au|ou)${SP}+)(?:${REF}))*)${CODE}?`,
  "dgu",
);
const LIST_ITEM = new RegExp(String.raw`(?:${SP}*,${SP}*|${SP}+(?:et|à|au|ou)${SP}+)(${REF})`, "gu");
const ACT = String.raw`(?:[Ll]oi(?:${SP}+organique)?|[Dd][ée]cret|[Oo]rdonnance|[Aa]rr[êe]t[ée](?:${SP}+(?:minist[ée]riel|pr[ée]fectoral))?|[Cc]irculaire|[Dd]irective)`;
const NUMBERED_ACT = new RegExp(
  String.raw`(${ACT})${SP}+(?:(?:n[°º]|no|numéro|N[°º])${SP}*)?(\d{2,4}-\d+(?:-\d+)?)(?![\p{N}])`,
  "gu",
);
const DATED_ACT = new RegExp(String.raw`(${ACT})${SP}+du${SP}+`, "gu");

function actKind(word: string): string {
  const w = word.toLowerCase();
  if (w.startsWith("loi")) return "loi";
  if (w.startsWith("d")) return "decret";
  if (w.startsWith("o")) return "ordonnance";
  if (w.startsWith("arr")) return "arrete";
  if (w.startsWith("c")) return "circulaire";
  return "directive";
}

/** « L. 311-4 » → « L311-4 », « premier » → « 1 »: the canonical article number. */
export function refValue(ref: string): string {
  if (/^(?:premier|1er)$/iu.test(ref)) return "1";
  return ref.replace(/[\s\u00A0\u202F]/gu, "").replace(/^([LRDA])\./u, "$1");
}

function codeValue(name: string | undefined, abbr: string | undefined): string | undefined {
  const written = name ?? abbr;
  if (written === undefined) return undefined;
  if (abbr !== undefined && !/^C\./u.test(abbr)) return abbr;
  return CODES.find(([re]) => re.test(written))?.[1];
}

function pushFact(out: Fact[], mask: SpanMask, text: string, start: number, end: number, value: string): void {
  mask.claim(start, end);
  out.push({ type: "legal-reference", value, text: text.slice(start, end), start, end });
}

function findArticles(text: string, mask: SpanMask, out: Fact[]): void {
  ARTICLE.lastIndex = 0;
  for (let m = nextMatch(ARTICLE, text, afterLetter); m !== null; m = nextMatch(ARTICLE, text, afterLetter)) {
    const start = m.index;
    const end = start + m[0].length;
    const firstEnd = m.indices?.[3]?.[1] ?? end;
    const list = m[4] as string;
    const plural = (m[1] ?? "") !== "" || (m[2] ?? "") !== "";
    if (!plural && list !== "") {
      // Only « articles 3 et 4 » lists several: in « article 12 et 30 jours », 30 is not an article.
      if (mask.isFree(start, firstEnd)) pushFact(out, mask, text, start, firstEnd, `art:${refValue(m[3] as string)}`);
      continue;
    }
    if (!mask.isFree(start, end)) continue;
    const code = codeValue(m[5], m[6]);
    const suffix = code === undefined ? "" : `:${code}`;
    const items: Array<{ ref: string; start: number; end: number }> = [{ ref: m[3] as string, start, end: firstEnd }];
    LIST_ITEM.lastIndex = 0;
    for (let item = LIST_ITEM.exec(list); item !== null; item = LIST_ITEM.exec(list)) {
      const at = firstEnd + item.index + item[0].length - (item[1] as string).length;
      items.push({ ref: item[1] as string, start: at, end: at + (item[1] as string).length });
    }
    // The code closes the last reference's span and applies to all of them.
    (items[items.length - 1] as { end: number }).end = end;
    for (const item of items) pushFact(out, mask, text, item.start, item.end, `art:${refValue(item.ref)}${suffix}`);
  }
}

function findNumberedActs(text: string, mask: SpanMask, out: Fact[]): void {
  NUMBERED_ACT.lastIndex = 0;
  for (let m = nextMatch(NUMBERED_ACT, text, afterLetter); m !== null; m = nextMatch(NUMBERED_ACT, text, afterLetter)) {
    const end = m.index + m[0].length;
    if (!mask.isFree(m.index, end)) continue;
    pushFact(out, mask, text, m.index, end, `${actKind(m[1] as string)}:${m[2]}`);
  }
}

/** Articles and numbered acts; runs before dates so that « 2002-2 » is never read as anything else. */
export function findLegalReferences(text: string, mask: SpanMask, out: Fact[]): void {
  findArticles(text, mask, out);
  findNumberedActs(text, mask, out);
}

/** Acts cited by their date only; runs after dates, whose facts it needs. */
export function findDatedActs(text: string, dates: readonly Fact[], mask: SpanMask, out: Fact[]): void {
  DATED_ACT.lastIndex = 0;
  for (let m = nextMatch(DATED_ACT, text, afterLetter); m !== null; m = nextMatch(DATED_ACT, text, afterLetter)) {
    const end = m.index + m[0].length;
    const date = dates.find((d) => d.type === "date" && d.start === end);
    if (date === undefined || !mask.isFree(m.index, end)) continue;
    const wordsEnd = m.index + m[0].trimEnd().length;
    pushFact(out, mask, text, m.index, wordsEnd, `${actKind(m[1] as string)}:${date.value}`);
  }
}
