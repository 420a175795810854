import { W_ALLCAPS, W_CAP, W_CLITIC, type UnitContext } from "../context.js";
import type { WordList } from "../text/features.js";
import type { Detector, Report } from "../kinds/types.js";
import { acronymKey } from "../lexicon/lexicons.js";
import { isRoman, romanValue, splitOrdinal } from "../text/roman.js";
import { formSet } from "./shared.js";

/**
 * Roman numerals, only where the context says they are numerals: before « siècle », after
 * « chapitre », « titre », « tome »…, or after a proper name (« Louis XIV »). Alone, « CDI », « MIX »
 * or « C » are too often something else. Weak contexts (« article », « annexe ») need two letters,
 * since « article L. 311-4 » cites a code, not a number. The letters must make a well-formed numeral
 * (« VIC » does not), the words must follow each other with only spaces between them, and an
 * everyday word (« Le », « De », « Ce » read as 50e, 500e, 100e) stays a word.
 */
export const romanNumerals: Detector = {
  params: {
    before: { type: "string[]", required: true },
    after: { type: "string[]", required: true },
    weakAfter: { type: "string[]", default: [] },
    minLength: { type: "integer", min: 1, default: 2 },
  },
  placeholders: ["value"],
  variants: [],
  compile: ({ params, lexicons }) => {
    const before = formSet(params.before as string[]);
    const after = formSet(params.after as string[]);
    const weakAfter = formSet(params.weakAfter as string[]);
    const minLength = params.minLength as number;
    return (ctx: UnitContext, report: Report) => {
      for (let i = 0; i < ctx.wordCount; i++) {
        if ((ctx.wordFlags[i]! & W_CAP) === 0 || !ROMAN_START.test(ctx.text.charAt(ctx.wordStart[i]!))) continue;
        const { numeral, suffix } = splitOrdinal(ctx.surface(i));
        // « VIC » is a name, not a misspelt 96 (XCVI); « Le », « De », « Ce » are words before all.
        if (numeral === "" || !isRoman(numeral) || (suffix !== "" && lexicons.common.hasWord(ctx, i))) continue;
        const sentence = ctx.wordSentence[i]!;
        const next = i + 1 < ctx.wordCount && ctx.wordSentence[i + 1] === sentence && spaceBetween(ctx, i, i + 1) ? i + 1 : -1;
        // « [Nom] Le », « # De »: a bracket or a sign between two words breaks the phrase.
        const previous = i > 0 && spaceBetween(ctx, i - 1, i) ? i - 1 : -1;
        const end = ctx.wordEnd[i]!;
        const strong = (next >= 0 && before.hasWord(ctx, next)) || (previous >= 0 && after.hasWord(ctx, previous));
        const citesCode = /^\s*[.-]?\s*\d/.test(ctx.text.slice(end, end + 3));
        const weak = previous >= 0 && weakAfter.hasWord(ctx, previous) && numeral.length >= 2 && !citesCode;
        // « Jean DIX » is a surname in capitals: after a name, a numeral that is also a word is a word.
        const afterName =
          previous >= 0 &&
          ctx.wordSentence[previous] === sentence &&
          isProperName(ctx, previous, lexicons.common) &&
          (numeral.length >= minLength || suffix !== "") &&
          !lexicons.common.hasWord(ctx, i);
        if (!strong && !weak && !afterName) continue;
        if (suffix === "" && !strong && lexicons.acronyms.has(acronymKey(numeral))) continue;
        const value = romanValue(numeral);
        const written = suffix === "" ? String(value) : `${value}${value === 1 && /^(?:er|re)$/.test(suffix) ? suffix : "e"}`;
        report({ start: ctx.wordStart[i]!, end, data: { value: written }, suggestion: written });
      }
    };
  },
};

const ROMAN_START = /[IVXLCDM]/;
const SPACES = /^[ \u00A0\u202F]+$/;

/** Only spaces between words `a` and `b`: no bracket, sign or line break that would part them. */
function spaceBetween(ctx: UnitContext, a: number, b: number): boolean {
  return SPACES.test(ctx.text.slice(ctx.wordEnd[a]!, ctx.wordStart[b]!));
}

function isProperName(ctx: UnitContext, j: number, common: WordList): boolean {
  const flags = ctx.wordFlags[j]!;
  return (flags & W_CAP) !== 0 && (flags & (W_ALLCAPS | W_CLITIC)) === 0 && !common.hasWord(ctx, j);
}
