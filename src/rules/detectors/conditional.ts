import { W_CLITIC, W_NUMBER, type UnitContext } from "../context.js";
import type { Detector, Report } from "../kinds/types.js";
import { formSet } from "./shared.js";

const ENDINGS = ["aient", "ions", "iez", "ais", "ait"];

/**
 * Conditional mood: a verb form made of a future stem and an imperfect ending (« pourriez »,
 * « devrait », « serait », « prendrait »). The stem decides: « -er », « -ir » and the listed
 * irregular stems are conditional; imperfects of verbs in -irer (« tirait »), -drer (« cadrait »)
 * are listed as exceptions. « mais », « jamais », « frais » never match, having no future stem.
 */
export const conditional: Detector = {
  params: {
    stemEndings: { type: "string[]", required: true },
    exactStems: { type: "string[]", default: [] },
    notStems: { type: "string[]", default: [] },
    exclude: { type: "string[]", default: [] },
  },
  placeholders: [],
  variants: [],
  compile: ({ params }) => {
    const stemEndings = params.stemEndings as string[];
    const exact = new Set(params.exactStems as string[]);
    const notStems = new Set(params.notStems as string[]);
    const exclude = formSet(params.exclude as string[]);
    const isConditional = (form: string): boolean => {
      if (form.length < 5 || exclude.has(form)) return false;
      for (const ending of ENDINGS) {
        if (!form.endsWith(ending)) continue;
        const stem = form.slice(0, -ending.length);
        if (!stem.endsWith("r") || notStems.has(stem)) return false;
        // A bare « -er »/« -ir » ending needs a letter before it (« ser-ait »); a longer listed stem
        // (« pourr-ait ») is a whole stem already.
        return exact.has(stem) || stemEndings.some((end) => stem.endsWith(end) && (end.length > 2 || stem.length > end.length));
      }
      return false;
    };
    return (ctx: UnitContext, report: Report) => {
      for (let i = 0; i < ctx.wordCount; i++) {
        const lower = ctx.wordLower[i]!;
        if ((ctx.wordFlags[i]! & (W_NUMBER | W_CLITIC)) !== 0 || lower.length < 5) continue;
        // Every conditional ending (-ais, -ait, -ions, -iez, -aient) ends in s, t or z.
        const last = lower.charCodeAt(lower.length - 1);
        if (last !== 115 && last !== 116 && last !== 122 && !lower.includes("-")) continue;
        const dash = lower.indexOf("-");
        const form = dash > 0 ? lower.slice(0, dash) : lower;
        const start = ctx.wordStart[i]!;
        if (isConditional(form)) report({ start, end: dash > 0 ? start + dash : ctx.wordEnd[i]! });
      }
    };
  },
};
