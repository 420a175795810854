import type { UnitContext } from "../context.js";
import { SEVERITIES, type Severity } from "../finding.js";
import type { Detector, Report } from "../kinds/types.js";

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
const WEEKDAYS = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
const NUMERIC = /\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})\b|\b(\d{4})-(\d{2})-(\d{2})\b/g;
const WRITTEN = new RegExp(`\\b(1er|\\d{1,2})[\\s\\u00a0]+(${MONTHS.join("|")})[\\s\\u00a0]+(\\d{4})\\b`, "gu");

/**
 * Dates written in full with the weekday (« mardi 13 octobre 2015 »): a numeric date (03/04/2025) is
 * ambiguous and hard to read; a written date without its weekday is reported less severely. The
 * suggestion is the full date, weekday computed. Numeric dates are read day first, as in France.
 */
export const fullDates: Detector = {
  params: {
    missingWeekdaySeverity: { type: "enum", values: SEVERITIES, default: "info" },
    checkWeekday: { type: "boolean", default: true },
  },
  placeholders: ["date", "weekday"],
  variants: ["weekday", "wrong-weekday"],
  compile: ({ params }) => {
    const missingSeverity = params.missingWeekdaySeverity as Severity;
    const checkWeekday = params.checkWeekday as boolean;
    return (ctx: UnitContext, report: Report) => {
      const text = ctx.text;
      if (!/\d/.test(text)) return;
      NUMERIC.lastIndex = 0;
      for (let m = NUMERIC.exec(text); m !== null; m = NUMERIC.exec(text)) {
        const [day, month, year] = m[1] !== undefined ? [Number(m[1]), Number(m[2]), fullYear(m[3]!)] : [Number(m[6]), Number(m[5]), Number(m[4])];
        const date = validDate(year, month, day);
        if (date === undefined) continue;
        report({ start: m.index, end: m.index + m[0].length, data: { date: spellDate(date) }, suggestion: spellDate(date) });
      }
      if (!checkWeekday) return;
      // Month names are matched on the lowercase text: a case-insensitive Unicode regex is much slower.
      const lower = ctx.lower;
      WRITTEN.lastIndex = 0;
      for (let m = WRITTEN.exec(lower); m !== null; m = WRITTEN.exec(lower)) {
        const day = m[1] === "1er" ? 1 : Number(m[1]);
        const date = validDate(Number(m[3]), MONTHS.indexOf(m[2]!) + 1, day);
        if (date === undefined) continue;
        const weekday = WEEKDAYS[date.getUTCDay()]!;
        const windowStart = Math.max(0, m.index - 12);
        const before = /(\p{L}+)[\s\u00a0]+$/u.exec(ctx.lower.slice(windowStart, m.index));
        const written = before?.[1];
        const span = { start: m.index, end: m.index + m[0].length };
        if (written !== undefined && WEEKDAYS.includes(written)) {
          if (written !== weekday) {
            report({ start: windowStart + before!.index, end: span.end, variant: "wrong-weekday", data: { weekday, date: spellDate(date) }, suggestion: spellDate(date) });
          }
          continue;
        }
        report({ ...span, variant: "weekday", severity: missingSeverity, data: { date: spellDate(date) }, suggestion: spellDate(date) });
      }
    };
  },
};

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
