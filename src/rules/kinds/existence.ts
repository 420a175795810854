import type { UnitContext } from "../context.js";
import { PhraseMatcher } from "../lexicon/matcher.js";
import { expandPattern } from "../lexicon/patterns.js";
import { MASK_KINDS, overlaps, SpanClaims, type MaskKind, type Span } from "../text/masks.js";
import type { KindModule, Report } from "./types.js";

/**
 * `existence`: the mere presence of a pattern or a listed word is the problem (« etc. », brackets,
 * special characters). Patterns are JavaScript regular expressions (Unicode mode); words use the
 * lexicon syntax and match whole words.
 */
export const existence: KindModule = {
  shape: () => ({
    params: {
      patterns: { type: "regex[]", default: [] },
      words: { type: "string[]", default: [] },
      ignoreCase: { type: "boolean", default: false },
      skip: { type: "enum[]", values: MASK_KINDS, default: [] },
      exclude: { type: "regex[]", default: [] },
      suggestion: { type: "string" },
    },
    placeholders: [],
    variants: [],
  }),
  check: (params) =>
    (params.patterns as string[]).length === 0 && (params.words as string[]).length === 0 ? "il faut au moins un élément dans « patterns » ou « words »." : undefined,
  compile: ({ params }) => {
    const combined = combinePatterns(params.patterns as string[], params.ignoreCase ? "giu" : "gu");
    // Exclusions are multiline: « ^ » is the start of a line (a list number, a bullet).
    const excludes = (params.exclude as string[]).map((source) => new RegExp(source, "gmu"));
    const skip = params.skip as MaskKind[];
    const suggestion = params.suggestion as string | undefined;
    const words = new PhraseMatcher<true>();
    for (const word of params.words as string[]) for (const form of expandPattern(word)) words.add(form, true);
    return {
      unit: (ctx: UnitContext, report: Report) => {
        // Computed on the first match only: most units have none.
        let masked: Span[] | undefined;
        // The patterns are one regex (earlier ones win: « (MDPH) » as a pair, not its brackets alone);
        // listed words must not overlap what the patterns found.
        let taken: SpanClaims | undefined;
        const emit = (start: number, end: number): void => {
          masked ??= maskedSpans(ctx, skip, excludes);
          if (masked.length > 0 && overlaps(masked, start, end)) return;
          if (!(taken ??= new SpanClaims()).claim(start, end)) return;
          report(suggestion === undefined ? { start, end } : { start, end, suggestion });
        };
        if (combined !== undefined) forEachMatch(combined.regex, ctx.text, emit);
        if (words.size > 0) {
          for (const match of words.findAll(ctx)) emit(ctx.wordStart[match.first]!, ctx.wordEnd[match.end - 1]!);
        }
      },
    };
  },
};

/**
 * Several patterns as one regular expression, so that the text is scanned once: `(?<p0>…)|(?<p1>…)`.
 * At a given place the first pattern that matches wins, and matches never overlap.
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

/** Address/date/time masks plus the spans of the `exclude` patterns, sorted and merged. */
export function maskedSpans(ctx: UnitContext, skip: readonly MaskKind[], excludes: readonly RegExp[]): Span[] {
  const spans = skip.length > 0 ? [...ctx.masks(skip)] : [];
  if (excludes.length === 0) return spans;
  for (const pattern of excludes) forEachMatch(pattern, ctx.text, (start, end) => spans.push({ start, end }));
  spans.sort((a, b) => a.start - b.start);
  return spans;
}
