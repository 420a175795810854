import type { UnitContext } from "../context.js";
import type { Detector, Report } from "../kinds/types.js";
import { phraseMatcher } from "./shared.js";
import type { MaskKind } from "../text/masks.js";

const NOT_QUANTITIES: readonly MaskKind[] = ["url", "email", "phone", "date", "time"];
const NUMBER = /\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?|\d+(?:,\d+)?/g;

/**
 * Percentages, big numbers and decimals are hard to picture: « la moitié », « 1 personne sur 4 »,
 * « beaucoup » say more. Prices are left alone (the amount is the information), as are years,
 * phone numbers, dates, postcodes and reference numbers (« n° 123456 »).
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
    const currency = (params.currency as string[]).map((c) => c.toLowerCase());
    const words = phraseMatcher([...(params.percentWords as string[]), ...(params.bigWords as string[])]);
    const percentWords = new Set(params.percentWords as string[]);
    const references = new Set((params.referenceWords as string[]).map((word) => word.toLowerCase()));
    const yearMin = params.yearMin as number;
    const yearMax = params.yearMax as number;
    return (ctx: UnitContext, report: Report) => {
      const text = ctx.text;
      if (/\d/.test(text)) {
        NUMBER.lastIndex = 0;
        for (let match = NUMBER.exec(text); match !== null; match = NUMBER.exec(text)) {
          const start = match.index;
          const end = start + match[0].length;
          if (isGlued(text, start, end) || ctx.isMasked(NOT_QUANTITIES, start, end)) continue;
          const after = text.slice(end, end + 12).toLowerCase();
          const percent = /^[\s\u00a0\u202f]?%/.exec(after);
          if (percent !== null) {
            report({ start, end: end + percent[0].length, variant: "percent" });
            continue;
          }
          if (isMoney(text, start, after, currency)) continue;
          const raw = match[0];
          if (raw.includes(",")) {
            if (flagDecimals) report({ start, end, variant: "decimal" });
            continue;
          }
          const plain = /^\d+$/.test(raw);
          const value = Number(raw.replace(/\D/g, ""));
          if (value < minValue) continue;
          if (plain && (raw.length >= 7 || (raw.length === 4 && value >= yearMin && value <= yearMax))) continue;
          if (plain && raw.length === 5 && /^\s+\p{Lu}/u.test(text.slice(end, end + 3))) continue;
          if (followsReference(ctx, start, references)) continue;
          report({ start, end });
        }
      }
      for (const match of words.findAll(ctx)) {
        report({ start: ctx.wordStart[match.first]!, end: ctx.wordEnd[match.end - 1]!, variant: percentWords.has(match.value) ? "percent" : "word" });
      }
    };
  },
};

/** « B2 », « 3e », « L311 »: digits glued to letters are codes or ordinals, not quantities. */
function isGlued(text: string, start: number, end: number): boolean {
  return /[\p{L}_\-/]/u.test(text.charAt(start - 1)) || /[\p{L}_/]/u.test(text.charAt(end));
}

function isMoney(text: string, start: number, after: string, currency: readonly string[]): boolean {
  const next = after.replace(/^[\s\u00a0\u202f]+/, "");
  if (currency.some((c) => next.startsWith(c) && !/\p{L}/u.test(next.charAt(c.length)))) return true;
  return /[€$£]\s?$/.test(text.slice(Math.max(0, start - 2), start));
}

function followsReference(ctx: UnitContext, start: number, references: Set<string>): boolean {
  const before = ctx.lower.slice(Math.max(0, start - 16), start);
  const words = before.split(/[\s\u00a0:]+/).filter(Boolean);
  const last = words[words.length - 1];
  return last !== undefined && (references.has(last) || last.endsWith("°"));
}
