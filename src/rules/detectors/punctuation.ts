import type { UnitContext } from "../context.js";
import type { Detector, Report } from "../kinds/types.js";
import type { MaskKind } from "../text/masks.js";

const REPEATED = /[!?]{2,}/g;
const URL_ONLY: readonly MaskKind[] = ["url"];
const LINE_END = /[ \t\u00a0\u202f]*(?:\r?\n|$)/y;

/** A semicolon that ends a line ends a list item (« les EHPAD ; »): list punctuation, not two sentences. */
function endsLine(text: string, i: number): boolean {
  LINE_END.lastIndex = i + 1;
  return LINE_END.test(text);
}

/**
 * Simple punctuation: full stop, comma, question mark, a colon before a list. Reported: each
 * semicolon (a full stop does the job), a sentence with many commas (several ideas or a long list
 * better set as bullets), and doubled « !! » / « ?! ».
 */
export const punctuation: Detector = {
  params: {
    maxCommas: { type: "integer", min: 1, default: 3 },
    semicolons: { type: "boolean", default: true },
    repeated: { type: "boolean", default: true },
  },
  placeholders: ["count", "max"],
  variants: ["commas", "repeated"],
  compile: ({ params }) => {
    const maxCommas = params.maxCommas as number;
    const semicolons = params.semicolons as boolean;
    const repeated = params.repeated as boolean;
    return (ctx: UnitContext, report: Report) => {
      const text = ctx.text;
      if (semicolons) {
        for (let i = text.indexOf(";"); i >= 0; i = text.indexOf(";", i + 1)) {
          if (endsLine(text, i) || ctx.isMasked(URL_ONLY, i, i + 1) || /&[a-z]+$|&#\d+$/i.test(text.slice(Math.max(0, i - 8), i))) continue;
          report({ start: i, end: i + 1 });
        }
      }
      for (let s = 0; s < ctx.sentences.length; s++) {
        const sentence = ctx.sentences[s]!;
        let commas = 0;
        for (let i = sentence.text.indexOf(","); i >= 0; i = sentence.text.indexOf(",", i + 1)) {
          // Decimal commas (« 1,5 ») are not punctuation.
          if (!/\d/.test(sentence.text.charAt(i - 1)) || !/\d/.test(sentence.text.charAt(i + 1))) commas++;
        }
        if (commas > maxCommas) {
          const { start, end } = ctx.sentenceRange(s);
          report({ start, end, variant: "commas", data: { count: commas, max: maxCommas } });
        }
      }
      if (repeated && (text.includes("!") || text.includes("?"))) {
        REPEATED.lastIndex = 0;
        for (let m = REPEATED.exec(text); m !== null; m = REPEATED.exec(text)) report({ start: m.index, end: m.index + m[0].length, variant: "repeated" });
      }
    };
  },
};
