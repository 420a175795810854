import { W_CLITIC, W_NUMBER, type UnitContext } from "../context.js";
import { defineDetector, type Report } from "../kinds/types.js";
import { formSet } from "./shared.js";
import { allocateMemoBit, memoized } from "../text/features.js";

/**
 * Length of the future stem when `form` ends like a conditional (stem in « r » + -ais, -ait, -ions,
 * -iez, -aient), else -1. Character codes only: this runs on every word.
 */
function stemLength(form: string): number {
  const n = form.length;
  const last = form.charCodeAt(n - 1);
  let ending: number;
  if (last === 116 /* t */) {
    if (form.charCodeAt(n - 2) !== 105 /* i */) ending = form.endsWith("aient") ? 5 : -1;
    else ending = form.charCodeAt(n - 3) === 97 /* a */ ? 3 : -1;
    if (ending < 0 && form.endsWith("aient")) ending = 5;
  } else if (last === 115 /* s */) {
    if (form.endsWith("ais")) ending = 3;
    else if (form.endsWith("ions")) ending = 4;
    else return -1;
  } else if (last === 122 /* z */) {
    ending = form.endsWith("iez") ? 3 : -1;
  } else {
    return -1;
  }
  if (ending < 0 || form.charCodeAt(n - ending - 1) !== 114 /* r */) return -1;
  return n - ending;
}

/**
 * Conditional mood: a verb form made of a future stem and an imperfect ending (« pourriez »,
 * « devrait », « serait », « prendrait »). The stem decides: « -er », « -ir » and the listed
 * irregular stems are conditional; imperfects of verbs in -irer (« tirait »), -drer (« cadrait »)
 * are listed as exceptions. « mais », « jamais », « frais » never match, having no future stem.
 */
export const conditional = defineDetector({
  params: {
    stemEndings: { type: "string[]", required: true },
    exactStems: { type: "string[]", default: [] },
    notStems: { type: "string[]", default: [] },
    exclude: { type: "string[]", default: [] },
  } as const,
  placeholders: [],
  variants: [],
  compile: ({ params }) => {
    const stemEndings = params.stemEndings;
    const exact = new Set(params.exactStems);
    const notStems = new Set(params.notStems);
    const exclude = formSet(params.exclude);
    const isConditional = (form: string): boolean => {
      if (form.length < 5) return false;
      const length = stemLength(form);
      if (length < 0 || (exclude.size > 0 && exclude.has(form))) return false;
      const stem = form.slice(0, length);
      if (notStems.has(stem)) return false;
      // A bare « -er »/« -ir » ending needs a letter before it (« ser-ait »); a longer listed stem
      // (« pourr-ait ») is a whole stem already.
      return exact.has(stem) || stemEndings.some((end) => stem.endsWith(end) && (end.length > 2 || stem.length > end.length));
    };
    /** The verb of the form (before a hyphen: « pourrait-il ») is a conditional. */
    const hasConditional = (lower: string): boolean => {
      if (lower.length < 5) return false;
      // Every conditional ending (-ais, -ait, -ions, -iez, -aient) ends in s, t or z.
      const last = lower.charCodeAt(lower.length - 1);
      if (last !== 115 && last !== 116 && last !== 122 && !lower.includes("-")) return false;
      const dash = lower.indexOf("-");
      return isConditional(dash > 0 ? lower.slice(0, dash) : lower);
    };
    // Answered once per word form (see text/forms.ts).
    const conditionalBit = allocateMemoBit();
    return (ctx: UnitContext, report: Report) => {
      for (let i = 0; i < ctx.wordCount; i++) {
        if ((ctx.wordFlags[i]! & (W_NUMBER | W_CLITIC)) !== 0 || !memoized(ctx.wordForm[i]!, conditionalBit, hasConditional)) continue;
        const dash = ctx.wordLower[i]!.indexOf("-");
        const start = ctx.wordStart[i]!;
        report({ start, end: dash > 0 ? start + dash : ctx.wordEnd[i]! });
      }
    };
  },
});
