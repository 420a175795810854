import type { UnitContext } from "../context.js";
import { defineKind, type Report } from "./types.js";

const MEASURES = ["words-per-sentence", "sentences-per-paragraph", "sentences-per-line"] as const;
type Measure = (typeof MEASURES)[number];

/**
 * `metric`: a count compared with a threshold. Above `max` the rule reports at its severity; above
 * `errorAbove` (optional) it reports an error. Thresholds are conventions, set in the rule file.
 */
export const metric = defineKind({
  params: {
    measure: { type: "enum", values: MEASURES, required: true },
    max: { type: "number", min: 0, required: true },
    errorAbove: { type: "number", min: 0 },
  } as const,
  placeholders: ["count", "max"],
  variants: [],
  check: (params) => (params.errorAbove !== undefined && params.errorAbove <= params.max ? "« errorAbove » doit être plus grand que « max »." : undefined),
  compile: ({ params }) => {
    const max = params.max;
    const errorAbove = params.errorAbove;
    const count = COUNTERS[params.measure];
    return {
      unit: (ctx: UnitContext, report: Report) => {
        count(ctx, max, (start, end, value) => {
          // Two literals rather than a spread: `{ ...finding, severity }` is slow in V8, and this runs for every long sentence.
          const data = { count: value, max };
          report(errorAbove !== undefined && value > errorAbove ? { start, end, data, severity: "error" } : { start, end, data });
        });
      },
    };
  },
});

type Emit = (start: number, end: number, value: number) => void;

const COUNTERS: Record<Measure, (ctx: UnitContext, max: number, emit: Emit) => void> = {
  "words-per-sentence": (ctx, max, emit) => {
    for (let s = 0; s < ctx.sentences.length; s++) {
      const words = ctx.sentenceWordCount(s);
      if (words > max) {
        const range = ctx.sentenceRange(s);
        emit(range.start, range.end, words);
      }
    }
  },
  "sentences-per-paragraph": (ctx, max, emit) => {
    let sentences = 0;
    for (let s = 0; s < ctx.sentences.length; s++) if (ctx.sentenceWordCount(s) > 0) sentences++;
    if (sentences > max && ctx.sentences.length > 0) emit(ctx.sentences[0]!.start, ctx.sentenceRange(ctx.sentences.length - 1).end, sentences);
  },
  "sentences-per-line": (ctx, max, emit) => {
    let s = 0;
    let lineStart = 0;
    while (lineStart <= ctx.text.length && s < ctx.sentences.length) {
      const newline = ctx.text.indexOf("\n", lineStart);
      const lineEnd = newline < 0 ? ctx.text.length : newline;
      const first = s;
      while (s < ctx.sentences.length && ctx.sentences[s]!.start < lineEnd) s++;
      const inLine = s - first;
      if (inLine > max) emit(ctx.sentences[first + max]!.start, ctx.sentenceRange(s - 1).end, inLine);
      lineStart = lineEnd + 1;
    }
  },
};
