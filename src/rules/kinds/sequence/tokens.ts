import { W_ALLCAPS, W_CAP, W_CLITIC, W_CURRENCY, W_DATE, W_MASKED, W_NUMBER, W_PERCENT, W_SENTENCE_START, W_TIME_OR_PHONE, type UnitContext } from "../../context.js";
import { formSet, isBold, phraseMatcher, sharedBy } from "../../detectors/shared.js";
import { acronymKey, type CompiledLexicons } from "../../lexicon/lexicons.js";
import { nounForms } from "../../lexicon/inflect.js";
import { verbForms } from "../../lexicon/verbs.js";
import type { PhraseMatcher } from "../../lexicon/matcher.js";
import { WordList } from "../../text/features.js";
import type { TokenFlag, TokenSpec } from "./spec.js";

/** One token of a pattern, compiled: a test on a word, and how many words in a row it takes. */
export interface CompiledToken {
  min: number;
  max: number;
  /** End (exclusive word index) of the token matched at word `i`, or -1; the caller keeps it in the sentence. */
  at(ctx: UnitContext, i: number): number;
  /** The most words one match of the token can take. */
  span: number;
  /** Bits every word the token matches has (of a word list, of a phrase list, flags), when there are such bits. */
  gate?: Gate;
}

/**
 * A necessary condition on a word, as bits: a word passes when it has one of the `features` (it is in
 * one of these word lists), one of the `first` bits (an expression may start with it) or all the bits
 * of one of the `flags` masks. One or two integer tests: most words of a text fail them, and no
 * pattern is tried there.
 */
export interface Gate {
  features: number;
  first: number;
  flags: readonly number[];
}

export function passes(gate: Gate, ctx: UnitContext, i: number): boolean {
  if ((ctx.wordFeatures[i]! & gate.features) !== 0 || (ctx.wordFirst[i]! & gate.first) !== 0) return true;
  const flags = ctx.wordFlags[i]!;
  for (const mask of gate.flags) if ((flags & mask) === mask) return true;
  return false;
}

/** Whether some word of the unit may pass the gate: false when no word has any of the bits it asks for. */
export function mayPassInUnit(gate: Gate, ctx: UnitContext): boolean {
  if ((ctx.anyFeatures & gate.features) !== 0 || (ctx.anyFirst & gate.first) !== 0) return true;
  for (const mask of gate.flags) if ((ctx.anyFlags & mask) === mask) return true;
  return false;
}

export function unionGate(gates: readonly (Gate | undefined)[]): Gate | undefined {
  let out: Gate = { features: 0, first: 0, flags: [] };
  for (const gate of gates) {
    if (gate === undefined) return undefined;
    out = { features: out.features | gate.features, first: out.first | gate.first, flags: [...out.flags, ...gate.flags] };
  }
  return out;
}

const FLAG_BITS: Readonly<Record<TokenFlag, number>> = {
  number: W_NUMBER,
  capital: W_CAP,
  allcaps: W_ALLCAPS,
  clitic: W_CLITIC,
  "sentence-start": W_SENTENCE_START,
  masked: W_MASKED,
  percent: W_PERCENT,
  currency: W_CURRENCY,
  date: W_DATE,
  "time-or-phone": W_TIME_OR_PHONE,
};

const SPACES_ONLY = /^[ \u00A0\u202F]+$/;
/** The longest expression a `phrases` token is given room for when looking for an antipattern around a match. */
const PHRASE_SPAN = 8;

export type Test = (ctx: UnitContext, i: number) => boolean;

function bits(flags: readonly TokenFlag[] | undefined): number {
  let out = 0;
  for (const flag of flags ?? []) out |= FLAG_BITS[flag];
  return out;
}

function lemmaList(lemmas: readonly string[]): WordList {
  return sharedBy(`lemmas:${JSON.stringify(lemmas)}`, () => new WordList(lemmas.flatMap((lemma) => verbForms(lemma) ?? nounForms(lemma))));
}

function fullRegex(source: string, flags: string): RegExp {
  return new RegExp(`^(?:${source})$`, flags);
}

/**
 * The tests of one token, cheapest first: flag bits, word lists (one bit test each), then the
 * lexicons, styles and regular expressions, which only the few words left reach.
 */
function wordTests(spec: TokenSpec, lists: Readonly<Record<string, readonly string[]>>, lexicons: CompiledLexicons): Test[] {
  const tests: Test[] = [];
  const required = bits(spec.flags);
  const forbidden = bits(spec.notFlags);
  if (required !== 0 || forbidden !== 0) tests.push((ctx, i) => (ctx.wordFlags[i]! & required) === required && (ctx.wordFlags[i]! & forbidden) === 0);
  const inLists: WordList[] = [];
  const outLists: WordList[] = [];
  if (spec.words) inLists.push(formSet(spec.words));
  if (spec.list) inLists.push(formSet(lists[spec.list]!));
  if (spec.lemmas) inLists.push(lemmaList(spec.lemmas));
  if (spec.notWords) outLists.push(formSet(spec.notWords));
  if (spec.notList) outLists.push(formSet(lists[spec.notList]!));
  for (const list of inLists) tests.push((ctx, i) => list.hasWord(ctx, i));
  for (const list of outLists) tests.push((ctx, i) => !list.hasWord(ctx, i));
  if (spec.atLeast !== undefined) {
    const least = spec.atLeast;
    tests.push((ctx, i) => Number(ctx.wordLower[i]!.replace(/\D/g, "")) >= least);
  }
  if (spec.regex !== undefined) {
    const regex = fullRegex(spec.regex, "u");
    tests.push((ctx, i) => regex.test(ctx.wordLower[i]!));
  }
  if (spec.notRegex !== undefined) {
    const regex = fullRegex(spec.notRegex, "u");
    tests.push((ctx, i) => !regex.test(ctx.wordLower[i]!));
  }
  if (spec.surface !== undefined) {
    const regex = fullRegex(spec.surface, "u");
    tests.push((ctx, i) => regex.test(ctx.surface(i)));
  }
  if (spec.or) {
    const alternatives = spec.or.map((alternative) => all(wordTests(alternative, lists, lexicons)));
    tests.push((ctx, i) => alternatives.some((test) => test(ctx, i)));
  }
  if (spec.everyday !== undefined) {
    const wanted = spec.everyday;
    tests.push((ctx, i) => lexicons.common.hasWord(ctx, i) === wanted);
  }
  if (spec.acronym !== undefined) {
    const wanted = spec.acronym;
    tests.push((ctx, i) => lexicons.acronyms.has(acronymKey(ctx.surface(i))) === wanted);
  }
  if (spec.bold !== undefined) {
    const wanted = spec.bold;
    tests.push((ctx, i) => isBold(ctx, ctx.wordStart[i]!, ctx.wordEnd[i]!) === wanted);
  }
  if (spec.spaced) tests.push((ctx, i) => i > 0 && SPACES_ONLY.test(ctx.text.slice(ctx.wordEnd[i - 1]!, ctx.wordStart[i]!)));
  return tests;
}

function all(tests: readonly Test[]): Test {
  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0]!;
  return (ctx, i) => {
    for (const test of tests) if (!test(ctx, i)) return false;
    return true;
  };
}

/** The token's gate: from its phrase list, its word list or its flags, whichever has bits (a list past the index's 31 bits has none). */
function gateOf(spec: TokenSpec, lists: Readonly<Record<string, readonly string[]>>, phrases?: PhraseMatcher<string>): Gate | undefined {
  if (phrases !== undefined) return phrases.startBit === 0 ? undefined : { features: 0, first: phrases.startBit, flags: [] };
  const listed = spec.words ?? (spec.list !== undefined ? lists[spec.list] : undefined);
  const list = listed !== undefined ? formSet(listed) : spec.lemmas !== undefined ? lemmaList(spec.lemmas) : undefined;
  if (list !== undefined && list.indexBit !== 0) return { features: list.indexBit, first: 0, flags: [] };
  const required = bits(spec.flags);
  if (required !== 0) return { features: 0, first: 0, flags: [required] };
  if (spec.or !== undefined) return unionGate(spec.or.map((alternative) => gateOf(alternative, lists)));
  return undefined;
}

export function compileToken(spec: TokenSpec, lists: Readonly<Record<string, readonly string[]>>, lexicons: CompiledLexicons): CompiledToken {
  const test = all(wordTests(spec, lists, lexicons));
  const { min, max } = spec;
  const phrases = spec.phrases === undefined ? undefined : phraseMatcher(spec.phrases);
  const gate = gateOf(spec, lists, phrases);
  const token: CompiledToken =
    phrases === undefined
      ? { min, max, span: 1, at: (ctx, i) => (test(ctx, i) ? i + 1 : -1) }
      : {
          min,
          max,
          span: PHRASE_SPAN,
          // The other tests are on the expression's first word (« sentence-start », « bold »…).
          at: (ctx, i) => {
            const match = phrases.matchAt(ctx, i);
            return match !== undefined && test(ctx, i) ? match.end : -1;
          },
        };
  if (gate !== undefined) token.gate = gate;
  return token;
}

/** The gate of a row's first word: those of its optional first tokens and of its first required one. */
export function rowGate(row: readonly CompiledToken[]): Gate | undefined {
  const gates: (Gate | undefined)[] = [];
  for (const token of row) {
    gates.push(token.gate);
    if (token.min > 0) break;
  }
  return unionGate(gates);
}

/** Word index after the row matched forward from word `i`, every word in sentence `s`; -1 if it does not match. Quantifiers never give back. */
export function matchForward(ctx: UnitContext, row: readonly CompiledToken[], i: number, s: number): number {
  let j = i;
  for (const token of row) {
    let n = 0;
    while (n < token.max && j < ctx.wordCount && ctx.wordSentence[j] === s) {
      const end = token.at(ctx, j);
      if (end < 0) break;
      j = end;
      n++;
    }
    if (n < token.min) return -1;
  }
  return j;
}

/** First word index of the row matched backward, ending just before word `i`, in sentence `s`; -1 if it does not match. */
export function matchBackward(ctx: UnitContext, row: readonly CompiledToken[], i: number, s: number): number {
  let j = i;
  for (let k = row.length - 1; k >= 0; k--) {
    const token = row[k]!;
    let n = 0;
    // Tokens read backward are single words (the schema refuses `phrases` before a match).
    while (n < token.max && j > 0 && ctx.wordSentence[j - 1] === s && token.at(ctx, j - 1) === j) {
      j--;
      n++;
    }
    if (n < token.min) return -1;
  }
  return j;
}
