import type { UnitContext } from "../context.js";
import { PhraseMatcher } from "../lexicon/matcher.js";
import { expandPattern } from "../lexicon/patterns.js";
import { MASK_KINDS, SpanClaims, type MaskKind, type Span } from "../text/masks.js";
import { sharedBy } from "../detectors/shared.js";
import { defineKind, type Report } from "./types.js";

/**
 * `existence`: the mere presence of a pattern or a listed word is the problem (« etc. », brackets,
 * special characters). Patterns are JavaScript regular expressions (Unicode mode); words use the
 * lexicon syntax and match whole words.
 */
export const existence = defineKind({
  params: {
    patterns: { type: "regex[]", default: [] },
    words: { type: "string[]", default: [] },
    ignoreCase: { type: "boolean", default: false },
    skip: { type: "enum[]", values: MASK_KINDS, default: [] },
    exclude: { type: "regex[]", default: [] },
    suggestion: { type: "string" },
  } as const,
  placeholders: [],
  variants: [],
  check: (params) => (params.patterns.length === 0 && params.words.length === 0 ? "il faut au moins un élément dans « patterns » ou « words »." : undefined),
  compile: ({ params }) => {
    // One regex per pattern: a few simple scans are faster than one alternation of them.
    const flags = params.ignoreCase ? "giu" : "gu";
    const patterns = params.patterns.map((source) => new RegExp(source, flags));
    // Exclusions are multiline: « ^ » is the start of a line (a list number, a bullet).
    const excludes = params.exclude.map((source) => new RegExp(source, "gmu"));
    const skip: readonly MaskKind[] = params.skip;
    const suggestion = params.suggestion;
    const listed = params.words;
    const words = listed.length === 0 ? EMPTY : sharedBy(`existence:${JSON.stringify(listed)}`, () => {
      const matcher = new PhraseMatcher<true>();
      for (const word of listed) for (const form of expandPattern(word)) matcher.add(form, true);
      return matcher;
    });
    return {
      unit: (ctx: UnitContext, report: Report) => {
        // Exclusions are looked for on the lines of the matches only: most units have no match.
        let excludedLines: Map<number, Span[]> | undefined;
        // Earlier patterns win (« (MDPH) » as a pair, not its brackets alone); listed words must not
        // overlap what the patterns found.
        let taken: SpanClaims | undefined;
        const emit = (start: number, end: number): void => {
          if (skip.length > 0 && ctx.isMasked(skip, start, end)) return;
          if (excludes.length > 0 && excludedOnLine(ctx, excludes, (excludedLines ??= new Map()), start, end)) return;
          if (!(taken ??= new SpanClaims()).claim(start, end)) return;
          report(suggestion === undefined ? { start, end } : { start, end, suggestion });
        };
        for (const pattern of patterns) forEachMatch(pattern, ctx.text, emit);
        if (words.size > 0) {
          for (const match of words.findAll(ctx)) emit(ctx.wordStart[match.first]!, ctx.wordEnd[match.end - 1]!);
        }
      },
    };
  },
});

/**
 * Several patterns as one regular expression, so that the text is scanned once: `(?<p0>…)|(?<p1>…)`.
 * At a given place the first pattern that matches wins, and matches never overlap. Worth it for many
 * patterns (the abbreviations); for two or three, separate scans are faster.
 */
export function combinePatterns(sources: readonly string[], flags: string): { regex: RegExp; which: (match: RegExpExecArray) => number } | undefined {
  if (sources.length === 0) return undefined;
  const regex = new RegExp(sources.map((source, i) => `(?<p${i}>${source})`).join("|"), flags);
  const which = (match: RegExpExecArray): number => {
    for (let i = 0; i < sources.length; i++) if (match.groups![`p${i}`] !== undefined) return i;
    return -1;
  };
  return { regex, which };
}

const EMPTY = new PhraseMatcher<true>();

export function forEachMatch(pattern: RegExp, text: string, emit: (start: number, end: number, match: RegExpExecArray) => void): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    emit(match.index, match.index + match[0].length, match);
  }
}

/** True when [start, end) overlaps a span of an `exclude` pattern on its line (lines are scanned once each). */
function excludedOnLine(ctx: UnitContext, excludes: readonly RegExp[], cache: Map<number, Span[]>, start: number, end: number): boolean {
  const lineStart = ctx.text.lastIndexOf("\n", start - 1) + 1;
  let spans = cache.get(lineStart);
  if (spans === undefined) {
    const newline = ctx.text.indexOf("\n", start);
    const line = ctx.text.slice(lineStart, newline < 0 ? ctx.text.length : newline);
    spans = [];
    for (const pattern of excludes) forEachMatch(pattern, line, (s, e) => spans!.push({ start: lineStart + s, end: lineStart + e }));
    cache.set(lineStart, spans);
  }
  return spans.some((span) => span.start < end && start < span.end);
}
