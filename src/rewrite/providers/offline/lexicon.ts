import { UnitContext } from "../../../rules/context.js";
import type { PhraseMatch } from "../../../rules/lexicon/matcher.js";
import { compileLexicons, type CompiledLexicons, type DifficultHit } from "../../../rules/lexicon/lexicons.js";
import { plural } from "../../../rules/lexicon/inflect.js";
import { conjugateLike, pronounPerson } from "../../../rules/lexicon/verbs.js";
import type { RuleSet } from "../../../rules/schema.js";
import type { GlossaryEntry } from "../../types.js";
import { parseFrenchNumber } from "../../../analysis/normalise/index.js";
import { ELIDE, UNELIDE, capitalise, inRanges, quotedRanges, sameCase, startsWithVowelSound } from "./french.js";
import { SAFE_SUBSTITUTIONS, type SafeSubstitution } from "./safe-words.js";

/**
 * Step 5: plain words for the administrative words of the lexicon, with the same matcher the checker
 * uses (inflected forms, elisions), applied only where `safe-words.ts` allows it. Around the
 * replacement the grammar is kept: the « de / du / des » an expression ends with is carried over
 * (« lors du départ » → « pendant le départ », « en raison du bruit » → « à cause du bruit »), verbs
 * are conjugated like the original (« qui lui sont délivrées » → « qui lui sont données »),
 * elisions are redone on both sides (« que au préalable » never appears), a capital at the start of
 * the sentence is kept. Text between quotes is cited verbatim and never changed.
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
const GRAMMAR_WORDS = /(?<![\p{L}])(?:de|du|des|d'|à|au|aux|que|qu'|le|la|les|l'|un|une|en|par|pour|sur|dans|sous|si)(?![\p{L}])/iu;
const CLAUSE_END = /^[\s\u00A0]*(?:[.,;:!?)»]|$)/u;
const NEXT_WORD = /^([\s\u00A0]+)([\p{L}][\p{L}'’-]*)/u;

export interface LexiconTools {
  compiled: CompiledLexicons;
}

const toolsCache = new WeakMap<RuleSet, LexiconTools>();

export function lexiconTools(ruleSet: RuleSet): LexiconTools {
  let tools = toolsCache.get(ruleSet);
  if (tools === undefined) {
    tools = { compiled: compileLexicons(ruleSet.lexicons) };
    toolsCache.set(ruleSet, tools);
  }
  return tools;
}

function subjectPerson(ctx: UnitContext, first: number): number | undefined {
  for (let k = first - 1; k >= Math.max(0, first - 3); k--) {
    const person = pronounPerson(ctx.wordLower[k]);
    if (person !== undefined) return person;
    if (!NOT_SUBJECT.has(ctx.wordLower[k]!)) return undefined;
  }
  return undefined;
}

/** Whether a second complement, joined by « et / ou », shares the preposition ending at word `end`. */
function coordinated(ctx: UnitContext, end: number): boolean {
  const rest = clauseAfter(ctx.text, ctx.wordEnd[end - 1]!);
  const next = end < ctx.wordCount ? ctx.wordLower[end]! : "";
  return (INFINITIVE.test(next) ? COORDINATED_VERB : COORDINATED_NOUN).test(rest);
}

/** The rest of the clause after an offset: up to the next comma, semicolon or colon. */
function clauseAfter(text: string, from: number): string {
  const rest = text.slice(from);
  const stop = rest.search(/[,;:]/u);
  return stop < 0 ? rest : rest.slice(0, stop);
}

function numberAbove1(word: string | undefined): boolean {
  if (word === undefined) return false;
  if (/^\d/.test(word)) return Number(word.replace(/[^\d]/g, "")) > 1;
  const value = parseFrenchNumber(word);
  return value !== null && value > 1;
}

interface Plan {
  start: number;
  end: number;
  text: string;
  /** First word index the plan changes (the word before, when its elision is redone). */
  firstWord: number;
}

function allowed(ctx: UnitContext, match: PhraseMatch<DifficultHit>, rule: SafeSubstitution): boolean {
  const next = match.end < ctx.wordCount ? ctx.wordLower[match.end] : undefined;
  if (rule.clauseEnd && !CLAUSE_END.test(ctx.text.slice(ctx.wordEnd[match.end - 1]!))) return false;
  if (rule.notBefore !== undefined && next !== undefined && rule.notBefore.includes(next)) return false;
  if (rule.beforeNumber && !numberAbove1(next)) return false;
  return true;
}

/** The replacement words, conjugated, agreed and with the final preposition carried over. */
function replacementWords(ctx: UnitContext, match: PhraseMatch<DifficultHit>, rule: SafeSubstitution): string[] | null {
  const { entry, verb } = match.value;
  const words = ctx.wordLower.slice(match.first, match.end);
  const rep = rule.use.split(" ");
  if (entry.inflect === "verb") {
    const before = match.first > 0 ? ctx.wordLower[match.first - 1] : undefined;
    // A pronominal verb means something else (« s'acquitter de »).
    if (verb === undefined || before === "se" || before === "s'") return null;
    const form = conjugateLike(verb, words[0]!, rep[0]!, subjectPerson(ctx, match.first));
    if (form === undefined) return null;
    rep[0] = form;
  }
  const tail = words[words.length - 1]!;
  if (words.length > 1 && PREPOSITIONS.has(tail)) {
    const last = rep[rep.length - 1]!;
    if (PREPOSITIONS.has(last)) rep[rep.length - 1] = ((last === "à" || last === "au" || last === "aux") ? AS_A : AS_DE)[tail]!;
    // « en application de l'article… et du décret… », « afin de lire et de signer »: the second
    // complement needs the preposition about to be dropped.
    else if (coordinated(ctx, match.end)) return null;
    else if (BARE[tail] !== "") rep.push(BARE[tail]!);
  }
  if (rule.noun) {
    if (entry.match[0]!.includes("(s)") && /s$/.test(words[0]!)) rep[0] = plural(rep[0]!);
    const before = match.first > 0 ? ctx.wordLower[match.first - 1]! : "";
    if (startsWithVowelSound(words[0]!) !== startsWithVowelSound(rep[0]!) && ARTICLE_BEFORE.has(before)) return null;
  }
  if (rule.agree) rep[rep.length - 1] += /é(e?s?)$/u.exec(tail)?.[1] ?? "";
  return rep;
}

function plan(ctx: UnitContext, match: PhraseMatch<DifficultHit>, quotes: ReadonlyArray<[number, number]>): Plan | null {
  const rule = SAFE_SUBSTITUTIONS.get(match.value.entry.match[0] ?? "");
  if (rule === undefined || !match.value.entry.replace.includes(rule.use)) return null;
  let start = ctx.wordStart[match.first]!;
  const end = ctx.wordEnd[match.end - 1]!;
  if (inRanges(quotes, start, end) || !allowed(ctx, match, rule)) return null;
  const rep = replacementWords(ctx, match, rule);
  if (rep === null) return null;
  if (!/[\p{L}\p{N}]/u.test(ctx.text.slice(0, start)) && /^\p{Lu}/u.test(ctx.text.charAt(start))) rep[0] = capitalise(rep[0]!);
  let prefix = "";
  let firstWord = match.first;
  if (match.first > 0) {
    const k = match.first - 1;
    const before = ctx.wordLower[k]!;
    const vowel = startsWithVowelSound(rep[0]!);
    const glued = ctx.wordEnd[k] === start;
    let redone: string | undefined;
    if (before.endsWith("'") && glued && !vowel) {
      const full = UNELIDE[before];
      if (full === undefined) return null;
      redone = `${full} `;
    } else if (!before.endsWith("'") && vowel && ELIDE[before] !== undefined && !glued) {
      const elided = ELIDE[before]!;
      redone = elided.endsWith("'") ? elided : `${elided} `;
    }
    if (redone !== undefined) {
      prefix = sameCase(ctx.surface(k), redone);
      start = ctx.wordStart[k]!;
      firstWord = k;
    }
  }
  let text = rep.filter((w) => w !== "").join(" ");
  // « afin d'obtenir » → « pour obtenir »: the clitic was glued to the next word.
  if (ctx.text.charAt(end - 1) === "'" && !text.endsWith("'")) text += " ";
  return { start, end, text: prefix + text, firstWord };
}

/** Redoes the elision between the replacement and the word after it (« ce » + « avenant » → « cet avenant »). */
function joinNext(replacement: string, rest: string): { text: string; consumed: number } {
  const next = NEXT_WORD.exec(rest);
  if (next === null) return { text: replacement, consumed: 0 };
  const cut = replacement.lastIndexOf(" ");
  const head = replacement.slice(0, cut + 1);
  const last = replacement.slice(cut + 1);
  const nextWord = next[2]!.toLowerCase();
  if (last.toLowerCase() === "si" && (nextWord === "il" || nextWord === "ils")) {
    return { text: `${head}${sameCase(last, "s'")}`, consumed: next[1]!.length };
  }
  const elided = ELIDE[last.toLowerCase()];
  if (elided === undefined || !startsWithVowelSound(nextWord)) return { text: replacement, consumed: 0 };
  if (!elided.endsWith("'")) return { text: `${head}${sameCase(last, elided)}`, consumed: 0 };
  return { text: `${head}${sameCase(last, elided)}`, consumed: next[1]!.length };
}

export function substituteWords(text: string, tools: LexiconTools): string {
  const ctx = new UnitContext(text, 0, 0, new Map());
  const matches = tools.compiled.difficult.findAll(ctx);
  if (matches.length === 0) return text;
  const quotes = quotedRanges(text);
  let out = text;
  // Right to left, so offsets before a change stay valid; a match that would touch a word already
  // changed on its right is skipped.
  let limit = ctx.wordCount;
  for (let i = matches.length - 1; i >= 0; i--) {
    const match = matches[i]!;
    if (match.end > limit) continue;
    const p = plan(ctx, match, quotes);
    if (p === null) continue;
    const joined = joinNext(p.text, out.slice(p.end));
    out = out.slice(0, p.start) + joined.text + out.slice(p.end + joined.consumed);
    limit = p.firstWord;
  }
  return out;
}

/** The word just before `offset`, in lower case, with an elided « l’ », « d’ » kept as « l' », « d' ». */
function wordBefore(text: string, offset: number): string {
  const match = /([\p{L}-]+['’]?)\s*$/u.exec(text.slice(Math.max(0, offset - 40), offset));
  return (match?.[1] ?? "").toLowerCase().replace(/’/g, "'");
}

/** The lexicon's difficult words still in a text, with an explanation for the glossary. */
export function difficultWordsIn(text: string, tools: LexiconTools): Array<{ key: unknown; entry: GlossaryEntry }> {
  const ctx = new UnitContext(text, 0, 0, new Map());
  const out: Array<{ key: unknown; entry: GlossaryEntry }> = [];
  for (const match of tools.compiled.difficult.findAll(ctx)) {
    const { entry, verb } = match.value;
    const start = ctx.wordStart[match.first]!;
    const end = ctx.wordEnd[match.end - 1]!;
    // A verb is given in the infinitive (« lui incombant » → « incomber »), with the rest of its expression.
    let word = verb === undefined ? text.slice(start, end) : verb + text.slice(ctx.wordEnd[match.first]!, end);
    word = word.replace(/[’]/g, "'").replace(/(?<![\p{L}])(d|qu)'$/u, (_m, c: string) => (c === "d" ? "de" : "que"));
    if (/^\p{Lu}(?!\p{Lu})/u.test(word)) word = word.charAt(0).toLowerCase() + word.slice(1);
    // A connector (« sous réserve de » → « si ») explains nothing on its own: only words go to the glossary.
    if (entry.explain === undefined && GRAMMAR_WORDS.test(word)) continue;
    if (entry.explainAfter !== undefined && !entry.explainAfter.includes(wordBefore(text, start))) continue;
    out.push({ key: entry, entry: { word, explanation: entry.explain ?? entry.replace.join(" ou ") } });
  }
  return out;
}
