import { W_DATE, type UnitContext } from "../context.js";
import { WordList } from "../text/features.js";
import { SEVERITIES, type Severity } from "../finding.js";
import { defineDetector, type Report } from "../kinds/types.js";

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const WEEKDAYS = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
const NUMERIC = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$|^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_WORDS = new WordList(MONTHS);
const DAY = /^(?:1er|\d{1,2})$/;
const YEAR = /^\d{4}$/;

/**
 * Dates written in full with the weekday (« mardi 13 octobre 2015 »): a numeric date (03/04/2025) is
 * ambiguous and hard to read; a written date without its weekday is reported less severely. The
 * suggestion is the full date, weekday computed. Numeric dates are read day first, as in France.
 */
export const fullDates = defineDetector({
  params: {
    missingWeekdaySeverity: { type: "enum", values: SEVERITIES, default: "info" },
    checkWeekday: { type: "boolean", default: true },
  } as const,
  placeholders: ["date", "weekday"],
  variants: ["weekday", "wrong-weekday"],
  compile: ({ params }) => {
    const missingSeverity: Severity = params.missingWeekdaySeverity;
    const checkWeekday = params.checkWeekday;
    return (ctx: UnitContext, report: Report) => {
      for (let i = 0; i < ctx.wordCount; i++) {
        const flags = ctx.wordFlags[i]!;
        if ((flags & W_DATE) !== 0) {
          const date = numericDate(ctx.wordLower[i]!);
          if (date !== undefined) report({ start: ctx.wordStart[i]!, end: ctx.wordEnd[i]!, data: { date: spellDate(date) }, suggestion: spellDate(date) });
        } else if (checkWeekday && MONTH_WORDS.hasWord(ctx, i)) {
          writtenDate(ctx, i, missingSeverity, report);
        }
      }
    };
  },
});

function numericDate(lower: string): Date | undefined {
  const m = NUMERIC.exec(lower);
  if (m === null) return undefined;
  return m[1] !== undefined ? validDate(fullYear(m[3]!), Number(m[2]), Number(m[1])) : validDate(Number(m[4]), Number(m[5]), Number(m[6]));
}

/** « 13 octobre 2015 » around the month word `i`: checks the weekday before it. */
function writtenDate(ctx: UnitContext, i: number, missingSeverity: Severity, report: Report): void {
  const day = i - 1;
  const year = i + 1;
  if (day < 0 || year >= ctx.wordCount || !DAY.test(ctx.wordLower[day]!) || !YEAR.test(ctx.wordLower[year]!)) return;
  const sentence = ctx.wordSentence[i]!;
  if (ctx.wordSentence[day] !== sentence || ctx.wordSentence[year] !== sentence) return;
  const date = validDate(Number(ctx.wordLower[year]), MONTHS.indexOf(ctx.wordLower[i]!) + 1, ctx.wordLower[day] === "1er" ? 1 : Number(ctx.wordLower[day]));
  if (date === undefined) return;
  const weekday = WEEKDAYS[date.getUTCDay()]!;
  const spelled = spellDate(date);
  const end = ctx.wordEnd[year]!;
  const before = day - 1;
  if (before >= 0 && ctx.wordSentence[before] === sentence && WEEKDAYS.includes(ctx.wordLower[before]!)) {
    if (ctx.wordLower[before] !== weekday) report({ start: ctx.wordStart[before]!, end, variant: "wrong-weekday", data: { weekday, date: spelled }, suggestion: spelled });
    return;
  }
  report({ start: ctx.wordStart[day]!, end, variant: "weekday", severity: missingSeverity, data: { date: spelled }, suggestion: spelled });
}

function fullYear(year: string): number {
  const value = Number(year);
  if (year.length === 4) return value;
  return value < 70 ? 2000 + value : 1900 + value;
}

function validDate(year: number, month: number, day: number): Date | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 ? date : undefined;
}

/** « lundi 3 mars 2025 », « mercredi 1er janvier 2025 ». */
export function spellDate(date: Date): string {
  const day = date.getUTCDate();
  return `${WEEKDAYS[date.getUTCDay()]} ${day === 1 ? "1er" : day} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
