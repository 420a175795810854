import { W_CURRENCY, W_DATE, W_NUMBER, W_PERCENT, W_TIME_OR_PHONE, type UnitContext } from "../context.js";
import type { Detector, Report } from "../kinds/types.js";
import { phraseMatcher } from "./shared.js";

const PLAIN_NUMBER = /^\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?$|^\d+(?:,\d+)?$/;

/**
 * Percentages, big numbers and decimals are hard to picture: « la moitié », « 1 personne sur 4 »,
 * « beaucoup » say more. Prices are left alone (the amount is the information), as are years,
 * phone numbers, dates, postcodes and reference numbers (« n° 123456 »). Quantities are the
 * tokenizer's: « 15 % » is one percent token, « 74,50 € » one currency token.
 */
export const bigNumbers: Detector = {
  params: {
    minValue: { type: "number", min: 1, default: 1000 },
    flagDecimals: { type: "boolean", default: true },
    currency: { type: "string[]", default: [] },
    percentWords: { type: "string[]", default: [] },
    bigWords: { type: "string[]", default: [] },
    referenceWords: { type: "string[]", default: [] },
    yearMin: { type: "integer", default: 1000 },
    yearMax: { type: "integer", default: 2199 },
  },
  placeholders: [],
  variants: ["percent", "decimal", "word"],
  compile: ({ params }) => {
    const minValue = params.minValue as number;
    const flagDecimals = params.flagDecimals as boolean;
    const currency = new Set((params.currency as string[]).map((c) => c.toLowerCase()));
    const words = phraseMatcher([...(params.percentWords as string[]), ...(params.bigWords as string[])]);
    const percentWords = new Set(params.percentWords as string[]);
    const references = new Set((params.referenceWords as string[]).map((word) => word.toLowerCase()));
    const yearMin = params.yearMin as number;
    const yearMax = params.yearMax as number;
    return (ctx: UnitContext, report: Report) => {
      for (let i = 0; i < ctx.wordCount; i++) {
        const flags = ctx.wordFlags[i]!;
        if ((flags & W_NUMBER) === 0 || (flags & (W_CURRENCY | W_DATE | W_TIME_OR_PHONE)) !== 0) continue;
        const start = ctx.wordStart[i]!;
        const end = ctx.wordEnd[i]!;
        if ((flags & W_PERCENT) !== 0) {
          report({ start, end, variant: "percent" });
          continue;
        }
        const raw = ctx.wordLower[i]!;
        if (!PLAIN_NUMBER.test(raw) || isGlued(ctx.text, start, end)) continue;
        if (i + 1 < ctx.wordCount && currency.has(ctx.wordLower[i + 1]!)) continue;
        if (/[€$£]\s?$/.test(ctx.text.slice(Math.max(0, start - 2), start))) continue;
        if (raw.includes(",")) {
          if (flagDecimals) report({ start, end, variant: "decimal" });
          continue;
        }
        const plain = /^\d+$/.test(raw);
        const value = Number(raw.replace(/\D/g, ""));
        if (value < minValue) continue;
        if (plain && (raw.length >= 7 || (raw.length === 4 && value >= yearMin && value <= yearMax))) continue;
        if (plain && raw.length === 5 && /^\s+\p{Lu}/u.test(ctx.text.slice(end, end + 3))) continue;
        if (followsReference(ctx, i, references)) continue;
        report({ start, end });
      }
      if (words.size === 0) return;
      for (const match of words.findAll(ctx)) {
        report({ start: ctx.wordStart[match.first]!, end: ctx.wordEnd[match.end - 1]!, variant: percentWords.has(match.value) ? "percent" : "word" });
      }
    };
  },
};

/** « B2 », « L311 »: digits glued to letters are codes, not quantities. */
function isGlued(text: string, start: number, end: number): boolean {
  return /[\p{L}_\-/]/u.test(text.charAt(start - 1)) || /[\p{L}_/]/u.test(text.charAt(end));
}

/** « n° 123456 », « dossier 45678 », « article 1240 »: a reference, not a quantity. */
function followsReference(ctx: UnitContext, i: number, references: Set<string>): boolean {
  if (i === 0) return false;
  const previous = ctx.wordLower[i - 1]!.replace(/\.$/, "");
  return references.has(previous) || previous.endsWith("°");
}
