import { W_CAP, W_SENTENCE_START, type UnitContext } from "../context.js";
import { defineDetector, type Report } from "../kinds/types.js";
import { formSet, phraseMatcher } from "./shared.js";
import { allocateMemoBit, memoized, WordList } from "../text/features.js";

const UNIT_VALUES: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50,
  soixante: 60, septante: 70, huitante: 80, octante: 80, nonante: 90, cent: 100, cents: 100, mille: 1000,
};
const UNITS: ReadonlyMap<string, number> = new Map(Object.entries(UNIT_VALUES));
/** The number words as a word list: one bit test per word (see text/features.ts). */
const NUMBER_WORDS = new WordList(UNITS.keys());

/**
 * Numbers written in words (« trois », « vingt-cinq », « deux cent cinquante »): FALC writes them in
 * digits. « un » / « une » alone are articles, never reported; idioms (« deux-roues », « se mettre en
 * quatre ») are listed as exceptions; « neuf » counts only before a plural noun (« un lit neuf »).
 */
export const spelledNumbers = defineDetector({
  params: {
    exclude: { type: "string[]", default: [] },
    ambiguous: { type: "string[]", default: [] },
  } as const,
  placeholders: ["value"],
  variants: [],
  compile: ({ params }) => {
    const exclude = phraseMatcher(params.exclude);
    const ambiguous = formSet(params.ambiguous);
    return (ctx: UnitContext, report: Report) => {
      const lowers = ctx.wordLower;
      for (let i = 0; i < ctx.wordCount; i++) {
        if (!isNumeralWord(ctx, i) || lowers[i] === "un" || lowers[i] === "une") continue;
        const flags = ctx.wordFlags[i]!;
        if ((flags & W_CAP) !== 0 && (flags & W_SENTENCE_START) === 0) continue;
        const idiom = exclude.size > 0 ? findIdiom(ctx, i, exclude) : -1;
        if (idiom >= 0) {
          i = idiom - 1;
          continue;
        }
        const sentence = ctx.wordSentence[i]!;
        let end = i + 1;
        while (end < ctx.wordCount && ctx.wordSentence[end] === sentence) {
          const next = lowers[end]!;
          if (isNumeralWord(ctx, end) && (next !== "un" && next !== "une" ? true : /^(?:cent|cents|mille)$/.test(lowers[end - 1]!))) end++;
          else if (next === "et" && /^(?:un|une|onze)$/.test(lowers[end + 1] ?? "")) end += 2;
          else break;
        }
        if (end === i + 1 && ambiguous.hasWord(ctx, i) && !/[sx]$/.test(lowers[i + 1] ?? "")) continue;
        const value = numberValue(lowers, i, end);
        const digits = value >= 10000 ? value.toLocaleString("fr-FR").replace(/\s/g, "\u00a0") : String(value);
        report({ start: ctx.wordStart[i]!, end: ctx.wordEnd[end - 1]!, data: { value: digits }, suggestion: digits });
        i = end - 1;
      }
    };
  },
});

/** « vingt-cinq », « quatre-vingt-dix »: answered once per word form (see text/forms.ts). */
const COMPOUND_NUMERAL = allocateMemoBit();
const isCompoundNumeral = (lower: string): boolean => lower.length > 6 && lower.includes("-") && isNumeral(lower);

function isNumeralWord(ctx: UnitContext, i: number): boolean {
  return NUMBER_WORDS.hasWord(ctx, i) || memoized(ctx.wordForm[i]!, COMPOUND_NUMERAL, isCompoundNumeral);
}

function isNumeral(lower: string): boolean {
  if (UNITS.has(lower)) return true;
  if (!lower.includes("-")) return false;
  const parts = lower.split("-");
  return parts.every((part) => UNITS.has(part) || part === "et") && parts.some((part) => part !== "et" && part !== "un" && part !== "une");
}

/** Word index just after an idiom that starts within the number at `i`, or -1. */
function findIdiom(ctx: UnitContext, i: number, exclude: ReturnType<typeof phraseMatcher>): number {
  for (let k = Math.max(0, i - 3); k <= i; k++) {
    const match = exclude.matchAt(ctx, k);
    if (match !== undefined && match.end > i) return match.end;
  }
  return -1;
}

/** French number words to a value: « quatre-vingt-dix-sept » 97, « deux mille vingt-cinq » 2025. */
function numberValue(lowers: readonly string[], first: number, end: number): number {
  let total = 0;
  let current = 0;
  for (let i = first; i < end; i++) {
    for (const part of lowers[i]!.split("-")) {
      if (part === "et") continue;
      const value = UNITS.get(part)!;
      if (value === 1000) {
        total += (current || 1) * 1000;
        current = 0;
      } else if (value === 100) {
        current = (current || 1) * 100;
      } else if (value === 20 && current % 100 === 4) {
        current = current - 4 + 80;
      } else {
        current += value;
      }
    }
  }
  return total + current;
}
