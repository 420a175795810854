import type { UnitContext } from "../context.js";
import { defineDetector, type Report } from "../kinds/types.js";
import { capsRuns, classifyCaps } from "../text/caps.js";

/**
 * Words in capitals, typed (« IMPORTANT », a title in capitals) or by a character style (Word's
 * « Majuscules »). Acronyms, Roman numerals and surnames are classified apart (text/caps.ts) and
 * left to their own rules. A run of capital words is one finding.
 */
export const allCaps = defineDetector({
  params: {
    minLength: { type: "integer", min: 2, default: 3 },
    checkStyle: { type: "boolean", default: true },
  } as const,
  placeholders: [],
  variants: ["style"],
  compile: ({ params, lexicons }) => {
    const { minLength, checkStyle } = params;
    return (ctx: UnitContext, report: Report) => {
      const classes = classifyCaps(ctx, lexicons);
      if (classes.size > 0) {
        for (const run of capsRuns(ctx, classes)) {
          const shouting = run.filter((i) => classes.get(i) === "word" && ctx.wordLength(i) >= minLength);
          if (shouting.length === 0) continue;
          const first = run.find((i) => classes.get(i) !== undefined && classes.get(i) !== "name")!;
          const last = [...run].reverse().find((i) => classes.get(i) !== undefined && classes.get(i) !== "name")!;
          report({ start: ctx.wordStart[first]!, end: ctx.wordEnd[last]! });
        }
      }
      if (!checkStyle || ctx.runs === undefined) return;
      for (const run of ctx.runs) {
        if (run.allCaps !== true) continue;
        const text = ctx.text.slice(run.start, run.end);
        const letters = text.replace(/[^\p{L}]/gu, "").length;
        if (letters < minLength) continue;
        const lead = text.length - text.trimStart().length;
        report({ start: run.start + lead, end: run.start + text.trimEnd().length, variant: "style" });
      }
    };
  },
});
