import type { UnitContext } from "../../context.js";
import type { CompiledLexicons } from "../../lexicon/lexicons.js";
import type { MaskKind } from "../../text/masks.js";
import type { PatternSpec, Reading } from "./spec.js";
import { compileToken, matchBackward, matchForward, passes, rowGate, type CompiledToken, type Gate } from "./tokens.js";

/** How far the text conditions of a pattern look around a match, in characters. */
const TEXT_WINDOW = 80;

export interface CompiledPattern {
  index: number;
  tokens?: readonly CompiledToken[];
  text?: RegExp;
  skip: readonly MaskKind[];
  before?: readonly CompiledToken[];
  after?: readonly CompiledToken[];
  notBefore?: readonly CompiledToken[];
  notAfter?: readonly CompiledToken[];
  textBefore?: RegExp;
  notTextBefore?: RegExp;
  textAfter?: RegExp;
  notTextAfter?: RegExp;
  variant?: string;
  suggestion?: string;
  read?: Reading;
  alone: boolean;
  /** The most words a match can take (for the antipatterns around a match). */
  span: number;
  /** Bits the first word of a match has, when the tokens give them. */
  gate?: Gate;
}

export function compilePattern(spec: PatternSpec, index: number, lists: Readonly<Record<string, readonly string[]>>, lexicons: CompiledLexicons): CompiledPattern {
  const row = (tokens: PatternSpec["tokens"]) => tokens?.map((token) => compileToken(token, lists, lexicons));
  const regex = (source: string | undefined, flags: string) => (source === undefined ? undefined : new RegExp(source, flags));
  const tokens = row(spec.tokens);
  const pattern: CompiledPattern = { index, skip: spec.skip, alone: spec.alone, span: tokens?.reduce((sum, token) => sum + token.max * token.span, 0) ?? 0 };
  if (tokens) {
    pattern.tokens = tokens;
    const gate = rowGate(tokens);
    if (gate) pattern.gate = gate;
  }
  if (spec.text !== undefined) pattern.text = new RegExp(spec.text, "gu");
  for (const key of ["before", "after", "notBefore", "notAfter"] as const) {
    const compiled = row(spec[key]);
    if (compiled) pattern[key] = compiled;
  }
  for (const key of ["textBefore", "notTextBefore", "textAfter", "notTextAfter"] as const) {
    const compiled = regex(spec[key], "u");
    if (compiled) pattern[key] = compiled;
  }
  if (spec.variant !== undefined) pattern.variant = spec.variant;
  if (spec.suggestion !== undefined) pattern.suggestion = spec.suggestion;
  if (spec.read !== undefined) pattern.read = spec.read;
  return pattern;
}

/** Whether the text around [start, end) meets the pattern's text conditions. */
export function textContextHolds(ctx: UnitContext, pattern: CompiledPattern, start: number, end: number): boolean {
  if (pattern.textBefore || pattern.notTextBefore) {
    const before = ctx.text.slice(Math.max(0, start - TEXT_WINDOW), start);
    if (pattern.textBefore && !pattern.textBefore.test(before)) return false;
    if (pattern.notTextBefore && pattern.notTextBefore.test(before)) return false;
  }
  if (pattern.textAfter || pattern.notTextAfter) {
    const after = ctx.text.slice(end, end + TEXT_WINDOW);
    if (pattern.textAfter && !pattern.textAfter.test(after)) return false;
    if (pattern.notTextAfter && pattern.notTextAfter.test(after)) return false;
  }
  return true;
}

/** End word (exclusive) of the word pattern matched from word `i`, its context included in the checks; -1 if none. */
export function matchWords(ctx: UnitContext, pattern: CompiledPattern, i: number): number {
  if (pattern.gate !== undefined && !passes(pattern.gate, ctx, i)) return -1;
  const s = ctx.wordSentence[i]!;
  const end = matchForward(ctx, pattern.tokens!, i, s);
  if (end <= i) return -1;
  if (pattern.before && matchBackward(ctx, pattern.before, i, s) < 0) return -1;
  if (pattern.notBefore && matchBackward(ctx, pattern.notBefore, i, s) >= 0) return -1;
  if (pattern.after && matchForward(ctx, pattern.after, end, s) < 0) return -1;
  if (pattern.notAfter && matchForward(ctx, pattern.notAfter, end, s) >= 0) return -1;
  return textContextHolds(ctx, pattern, ctx.wordStart[i]!, ctx.wordEnd[end - 1]!) ? end : -1;
}

/**
 * Whether one of the antipatterns matches words shared with [first, end): LanguageTool's
 * antipatterns, the turns a rule must leave alone (« s'est engagé », « étant donné »).
 */
export function covered(ctx: UnitContext, antipatterns: readonly CompiledPattern[], first: number, end: number): boolean {
  for (const anti of antipatterns) {
    for (let c = Math.max(0, first - anti.span + 1); c < end; c++) {
      const stop = matchWords(ctx, anti, c);
      if (stop > first) return true;
    }
  }
  return false;
}
