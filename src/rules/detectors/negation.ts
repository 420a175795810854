import { W_SENTENCE_START, type UnitContext } from "../context.js";
import { SEVERITIES, type Severity } from "../finding.js";
import type { Detector, Report } from "../kinds/types.js";
import { formSet, isBold } from "./shared.js";
import { WordList } from "../text/features.js";

/**
 * Negative sentences: « ne / n' » followed within a few words by pas, plus, jamais, rien… One finding
 * per negation, from « ne » to the negative word. « ne … que » means « only » and is not a negation;
 * neither is « ne … plus que ». A negation whose negative word is in bold is accepted: that is how
 * FALC texts show a negation they cannot avoid. Two negations in one sentence are reported more
 * severely (double negation).
 */
export const negation: Detector = {
  params: {
    negators: { type: "string[]", required: true },
    maxGap: { type: "integer", min: 1, max: 8, default: 4 },
    bareNegators: { type: "string[]", default: [] },
    acceptBold: { type: "boolean", default: true },
    doubleSeverity: { type: "enum", values: SEVERITIES, default: "warning" },
  },
  placeholders: ["count"],
  variants: ["double"],
  compile: ({ params }) => {
    const negators = formSet(params.negators as string[]);
    const bare = formSet(params.bareNegators as string[]);
    const maxGap = params.maxGap as number;
    const acceptBold = params.acceptBold as boolean;
    const doubleSeverity = params.doubleSeverity as Severity;
    return (ctx: UnitContext, report: Report) => {
      let found: { start: number; end: number; sentence: number }[] | undefined;
      for (let i = 0; i < ctx.wordCount; i++) {
        if (NE.hasWord(ctx, i)) {
          const j = negatorAfter(ctx, i, negators, maxGap);
          if (j < 0) continue;
          if (acceptBold && isBold(ctx, ctx.wordStart[j]!, ctx.wordEnd[j]!)) continue;
          (found ??= []).push({ start: ctx.wordStart[i]!, end: ctx.wordEnd[j]!, sentence: ctx.wordSentence[i]! });
          i = j;
        } else if ((ctx.wordFlags[i]! & W_SENTENCE_START) !== 0 && bare.hasWord(ctx, i)) {
          if (acceptBold && isBold(ctx, ctx.wordStart[i]!, ctx.wordEnd[i]!)) continue;
          (found ??= []).push({ start: ctx.wordStart[i]!, end: ctx.wordEnd[i]!, sentence: ctx.wordSentence[i]! });
        }
      }
      if (found === undefined) return;
      const perSentence = new Map<number, number>();
      for (const f of found) perSentence.set(f.sentence, (perSentence.get(f.sentence) ?? 0) + 1);
      for (const f of found) {
        const count = perSentence.get(f.sentence)!;
        if (count >= 2) report({ start: f.start, end: f.end, variant: "double", severity: doubleSeverity, data: { count } });
        else report({ start: f.start, end: f.end });
      }
    };
  },
};

const NE = new WordList(["ne", "n'"]);

/** Index of the negative word that closes « ne » at `i`, or -1 (none, or a restrictive « ne … que »). */
function negatorAfter(ctx: UnitContext, i: number, negators: WordList, maxGap: number): number {
  const sentence = ctx.wordSentence[i]!;
  for (let j = i + 1; j <= i + 1 + maxGap && j < ctx.wordCount; j++) {
    if (ctx.wordSentence[j] !== sentence) return -1;
    const lower = ctx.wordLower[j]!;
    if (lower === "que" || lower === "qu'") return -1;
    if (negators.hasWord(ctx, j)) {
      // « il n'y a plus que deux places »: « only », not a negation.
      if (lower === "plus" && j + 1 < ctx.wordCount && ctx.canon(j + 1) === "que") return -1;
      return j;
    }
  }
  return -1;
}
