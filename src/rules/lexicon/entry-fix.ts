import { parseFrenchNumber } from "../../analysis/normalise/numbers.js";
import type { UnitContext } from "../context.js";
import { startsWithVowelSound } from "../fix/french.js";
import { plural } from "./inflect.js";
import type { DifficultHit } from "./lexicons.js";
import type { PhraseMatch } from "./matcher.js";
import { conjugateLike, pronounPerson } from "./verbs.js";
import type { EntryFix } from "./entry-fix-spec.js";

/*
 * How an entry's `fix` (entry-fix-spec.ts) is written in place of the words matched: with the grammar
 * of the sentence around it, or not at all where that grammar would break.
 */

const PREPOSITIONS = new Set(["de", "d'", "du", "des", "à", "au", "aux"]);
const AS_DE: Readonly<Record<string, string>> = { de: "de", "d'": "d'", du: "du", des: "des", à: "de", au: "du", aux: "des" };
const AS_A: Readonly<Record<string, string>> = { de: "à", "d'": "à", du: "au", des: "aux", à: "à", au: "au", aux: "aux" };
/** What is left of a final preposition when the replacement has none (« lors du » → « pendant le »). */
const BARE: Readonly<Record<string, string>> = { de: "", "d'": "", à: "", du: "le", au: "le", des: "les", aux: "les" };
const ARTICLE_BEFORE = new Set(["le", "la", "l'", "de", "d'", "du", "ce", "cet", "cette", "que", "qu'", "ma", "ta", "sa", "mon", "ton", "son"]);
const NOT_SUBJECT = new Set(["ne", "n'", "se", "s'", "me", "m'", "te", "t'", "nous", "vous", "en", "y", "lui", "leur"]);
const COORDINATED_NOUN = /\s(?:et|ou)\s+(?:du|des|de|d['’]|à|au|aux)[\s\p{L}]/u;
const COORDINATED_VERB = /\s(?:et|ou)\s+(?:de\s|d['’]|à\s)/u;
const INFINITIVE = /^(?:\p{L}+(?:er|ir|re|oir)|être|avoir)$/u;
const CLAUSE_END = /^[\s\u00A0]*(?:[.,;:!?)»]|$)/u;

function subjectPerson(ctx: UnitContext, first: number): number | undefined {
  for (let k = first - 1; k >= Math.max(0, first - 3); k--) {
    const person = pronounPerson(ctx.wordLower[k]);
    if (person !== undefined) return person;
    if (!NOT_SUBJECT.has(ctx.wordLower[k]!)) return undefined;
  }
  return undefined;
}

/** The rest of the clause after an offset: up to the next comma, semicolon or colon. */
function clauseAfter(text: string, from: number): string {
  const rest = text.slice(from);
  const stop = rest.search(/[,;:]/u);
  return stop < 0 ? rest : rest.slice(0, stop);
}

/** Whether a second complement, joined by « et / ou », shares the preposition ending at word `end`. */
function coordinated(ctx: UnitContext, end: number): boolean {
  const rest = clauseAfter(ctx.text, ctx.wordEnd[end - 1]!);
  const next = end < ctx.wordCount ? ctx.wordLower[end]! : "";
  return (INFINITIVE.test(next) ? COORDINATED_VERB : COORDINATED_NOUN).test(rest);
}

function numberAbove1(word: string | undefined): boolean {
  if (word === undefined) return false;
  if (/^\d/.test(word)) return Number(word.replace(/[^\d]/g, "")) > 1;
  const value = parseFrenchNumber(word);
  return value !== null && value > 1;
}

function allowed(ctx: UnitContext, match: PhraseMatch<DifficultHit>, fix: EntryFix): boolean {
  const next = match.end < ctx.wordCount ? ctx.wordLower[match.end] : undefined;
  if (fix.clauseEnd && !CLAUSE_END.test(ctx.text.slice(ctx.wordEnd[match.end - 1]!))) return false;
  if (fix.notBefore !== undefined && next !== undefined && fix.notBefore.includes(next)) return false;
  if (fix.beforeNumber && !numberAbove1(next)) return false;
  return true;
}

/**
 * The words that may replace a matched entry, in the place of the words matched: conjugated like the
 * verb they replace (« qui lui sont délivrées » → « qui lui sont données »), the « de / du / des »
 * the expression ends with carried over (« lors du départ » → « pendant le départ »), agreed; or
 * undefined where the grammar would break. Elisions and capitals around them are the fixer's.
 */
export function safeReplacement(ctx: UnitContext, match: PhraseMatch<DifficultHit>): string | undefined {
  const { entry, verb } = match.value;
  const fix = entry.fix;
  if (fix === undefined || !allowed(ctx, match, fix)) return undefined;
  const words = ctx.wordLower.slice(match.first, match.end);
  const rep = fix.use.split(" ");
  if (entry.inflect === "verb") {
    const before = match.first > 0 ? ctx.wordLower[match.first - 1] : undefined;
    // A pronominal verb means something else (« s'acquitter de »).
    if (verb === undefined || before === "se" || before === "s'") return undefined;
    const form = conjugateLike(verb, words[0]!, rep[0]!, subjectPerson(ctx, match.first));
    if (form === undefined) return undefined;
    rep[0] = form;
  }
  const tail = words[words.length - 1]!;
  if (words.length > 1 && PREPOSITIONS.has(tail)) {
    const last = rep[rep.length - 1]!;
    if (PREPOSITIONS.has(last)) rep[rep.length - 1] = (last === "à" || last === "au" || last === "aux" ? AS_A : AS_DE)[tail]!;
    // « en application de l'article… et du décret… », « afin de lire et de signer »: the second
    // complement needs the preposition about to be dropped.
    else if (coordinated(ctx, match.end)) return undefined;
    else if (BARE[tail] !== "") rep.push(BARE[tail]!);
  }
  if (fix.noun) {
    if (entry.match[0]!.includes("(s)") && /s$/.test(words[0]!)) rep[0] = plural(rep[0]!);
    const before = match.first > 0 ? ctx.wordLower[match.first - 1]! : "";
    if (startsWithVowelSound(words[0]!) !== startsWithVowelSound(rep[0]!) && ARTICLE_BEFORE.has(before)) return undefined;
  }
  if (fix.agree) rep[rep.length - 1] += /é(e?s?)$/u.exec(tail)?.[1] ?? "";
  return rep.filter((word) => word !== "").join(" ");
}
