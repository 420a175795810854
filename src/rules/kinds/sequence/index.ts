import type { UnitContext } from "../../context.js";
import { quotedList } from "../../message.js";
import { isRoman, romanValue, splitOrdinal } from "../../text/roman.js";
import { forEachMatch } from "../existence.js";
import { defineKind, type Report, type ReportInput } from "../types.js";
import { compilePattern, covered, matchWords, textContextHolds, type CompiledPattern } from "./match.js";
import { mayPassInUnit, passes, unionGate, type Gate } from "./tokens.js";
import { listReferences, validateCount, validateEscalate, validateLists, validatePatterns, variantsOf, type CountSpec, type PatternSpec } from "./spec.js";

/**
 * `sequence`: word patterns in the manner of LanguageTool's rules, written as data (see spec.ts):
 * tokens with word lists, lemmas, flags and regular expressions, gaps, context before and after,
 * antipatterns. At each word the patterns are tried in their order; the first that matches wins and
 * the next search starts after it, so one rule never reports the same words twice. Character patterns
 * (`text`) look for signs (« ; », « !! ») in the text itself.
 *
 * Besides reporting each match, a rule can escalate (`escalate`: several matches in one sentence,
 * a double negation) or count (`count`: a sentence with more links or commas than `max` is reported
 * whole, with what was counted).
 */
export const sequence = defineKind({
  params: {
    lists: { type: "custom", default: {}, validate: validateLists },
    patterns: { type: "custom", default: [], validate: (value: unknown, path: string) => validatePatterns(value, path, undefined) },
    antipatterns: { type: "custom", default: [], validate: (value: unknown, path: string) => validatePatterns(value, path, undefined) },
    escalate: { type: "custom", validate: validateEscalate },
    count: { type: "custom", validate: validateCount },
  } as const,
  placeholders: ["count", "max", "matches", "value"],
  variants: variantsOf,
  check: (params) => {
    if (params.patterns.length === 0 && params.count === undefined) return "il faut « patterns » ou « count ».";
    const anti = params.antipatterns.findIndex((pattern) => pattern.tokens === undefined);
    if (anti >= 0) return `« antipatterns[${anti}] » doit avoir « tokens ».`;
    const known = new Set(Object.keys(params.lists));
    const references = [
      ...listReferences(params.patterns, "patterns"),
      ...listReferences(params.antipatterns, "antipatterns"),
      ...listReferences(params.count?.patterns ?? [], "count.patterns"),
    ];
    const missing = references.find((reference) => !known.has(reference.name));
    return missing === undefined ? undefined : `« ${missing.where} » nomme la liste « ${missing.name} », absente de « lists ».`;
  },
  compile: ({ params, lexicons }) => {
    const compile = (specs: readonly PatternSpec[]) => specs.map((spec, index) => compilePattern(spec, index, params.lists, lexicons));
    const all = compile(params.patterns);
    const words = patternSet(all.filter((pattern) => pattern.tokens !== undefined));
    const texts = all.filter((pattern) => pattern.text !== undefined);
    const antipatterns = compile(params.antipatterns);
    const hasAlone = all.some((pattern) => pattern.alone);
    const escalate = params.escalate;
    const count = params.count === undefined ? undefined : compileCount(params.count, compile);
    return {
      unit: (ctx: UnitContext, report: Report) => {
        let found: Found[] | undefined;
        if (words.list.length > 0) scanWords(ctx, words, antipatterns, (pattern, first, end) => (found ??= []).push({ pattern, start: ctx.wordStart[first]!, end: ctx.wordEnd[end - 1]!, sentence: ctx.wordSentence[first]! }));
        for (const pattern of texts) {
          forEachMatch(pattern.text!, ctx.text, (start, end) => {
            if (pattern.skip.length > 0 && ctx.isMasked(pattern.skip, start, end)) return;
            if (!textContextHolds(ctx, pattern, start, end)) return;
            (found ??= []).push({ pattern, start, end, sentence: ctx.sentenceAt(start) });
          });
        }
        if (found !== undefined) {
          if (hasAlone) found = withoutLoneInCompany(found);
          const perSentence = escalate === undefined ? undefined : countBySentence(found);
          for (const match of found) {
            const input = reportOf(ctx, match);
            const many = perSentence?.get(match.sentence) ?? 0;
            if (escalate !== undefined && many >= escalate.atLeast) {
              input.variant = escalate.variant;
              if (escalate.severity !== undefined) input.severity = escalate.severity;
              input.data = { ...input.data, count: many };
            }
            report(input);
          }
        }
        if (count !== undefined) reportCounts(ctx, count, report);
      },
    };
  },
});

/** Word patterns, with one gate for them all when each has one. */
interface PatternSet {
  list: readonly CompiledPattern[];
  gate: Gate | undefined;
}

function patternSet(list: readonly CompiledPattern[]): PatternSet {
  return { list, gate: unionGate(list.map((pattern) => pattern.gate)) };
}

interface Found {
  pattern: CompiledPattern;
  start: number;
  end: number;
  sentence: number;
}

/** Word patterns over the unit: the first pattern that matches at a word wins, the next search starts after it. */
function scanWords(ctx: UnitContext, patterns: PatternSet, antipatterns: readonly CompiledPattern[], emit: (pattern: CompiledPattern, first: number, end: number) => void): void {
  const { gate } = patterns;
  if (gate !== undefined && !mayPassInUnit(gate, ctx)) return;
  for (let i = 0; i < ctx.wordCount; i++) {
    if (gate !== undefined && !passes(gate, ctx, i)) continue;
    for (const pattern of patterns.list) {
      const end = matchWords(ctx, pattern, i);
      if (end < 0 || (antipatterns.length > 0 && covered(ctx, antipatterns, i, end))) continue;
      emit(pattern, i, end);
      i = end - 1;
      break;
    }
  }
}

/** `alone` patterns are dropped from the sentences where another pattern matched (the same finding, said once). */
function withoutLoneInCompany(found: Found[]): Found[] {
  const company = new Set(found.filter((match) => !match.pattern.alone).map((match) => match.sentence));
  return company.size === 0 ? found : found.filter((match) => !match.pattern.alone || !company.has(match.sentence));
}

function countBySentence(found: readonly Found[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const match of found) counts.set(match.sentence, (counts.get(match.sentence) ?? 0) + 1);
  return counts;
}

function reportOf(ctx: UnitContext, match: Found): ReportInput {
  const { pattern } = match;
  const input: ReportInput = { start: match.start, end: match.end };
  if (pattern.variant !== undefined) input.variant = pattern.variant;
  if (pattern.suggestion !== undefined) input.suggestion = pattern.suggestion;
  if (pattern.read === "roman") {
    const value = readRoman(ctx.text.slice(match.start, match.end));
    if (value !== undefined) {
      input.data = { value };
      input.suggestion = value;
    }
  }
  return input;
}

/** « XXIe » → « 21e », « Ier » → « 1er », « XIV » → « 14 ». */
function readRoman(word: string): string | undefined {
  const { numeral, suffix } = splitOrdinal(word);
  if (!isRoman(numeral)) return undefined;
  const value = romanValue(numeral);
  return suffix === "" ? String(value) : `${value}${value === 1 && /^(?:er|re)$/.test(suffix) ? suffix : "e"}`;
}

interface CompiledCount {
  max: number;
  patterns: PatternSet;
  signs: readonly Sign[];
  variant?: string;
}

/** A sign counted in a sentence: one character is looked for with indexOf, anything else with its regular expression. */
type Sign = { char: string } | { regex: RegExp };

function compileCount(spec: CountSpec, compile: (specs: readonly PatternSpec[]) => CompiledPattern[]): CompiledCount {
  const signs = spec.signs.map((source): Sign => (/^[^\\^$.*+?()[\]{}|]$/u.test(source) ? { char: source } : { regex: new RegExp(source, "gu") }));
  const count: CompiledCount = { max: spec.max, patterns: patternSet(compile(spec.patterns)), signs };
  if (spec.variant !== undefined) count.variant = spec.variant;
  return count;
}

/** A sentence with more matches than `max` is reported whole, with the words in text order, then the signs. */
function reportCounts(ctx: UnitContext, count: CompiledCount, report: Report): void {
  // Word spans (start and end offsets, in pairs) per sentence: sliced only for a sentence that is reported.
  let perSentence: Map<number, number[]> | undefined;
  if (count.patterns.list.length > 0) {
    scanWords(ctx, count.patterns, [], (_pattern, first, end) => {
      const sentence = ctx.wordSentence[first]!;
      let spans = (perSentence ??= new Map()).get(sentence);
      if (spans === undefined) perSentence.set(sentence, (spans = []));
      spans.push(ctx.wordStart[first]!, ctx.wordEnd[end - 1]!);
    });
  }
  for (let s = 0; s < ctx.sentences.length; s++) {
    const spans = perSentence?.get(s);
    let total = spans === undefined ? 0 : spans.length / 2;
    let signs: string[] | undefined;
    const sentenceText = ctx.sentences[s]!.text;
    for (const sign of count.signs) {
      const seen = countSign(sign, sentenceText);
      total += seen.length;
      if (seen.length > 0) (signs ??= []).push(...seen);
    }
    if (total <= count.max) continue;
    const texts: string[] = [];
    for (let k = 0; spans !== undefined && k < spans.length; k += 2) texts.push(ctx.lower.slice(spans[k], spans[k + 1]));
    const { start, end } = ctx.sentenceRange(s);
    const input: ReportInput = { start, end, data: { count: total, max: count.max, matches: quotedList([...new Set([...texts, ...(signs ?? [])])]) } };
    if (count.variant !== undefined) input.variant = count.variant;
    report(input);
  }
}

function countSign(sign: Sign, text: string): string[] {
  const out: string[] = [];
  if ("char" in sign) {
    for (let i = text.indexOf(sign.char); i >= 0; i = text.indexOf(sign.char, i + 1)) out.push(sign.char);
  } else {
    forEachMatch(sign.regex, text, (_start, _end, match) => out.push(match[0]));
  }
  return out;
}
