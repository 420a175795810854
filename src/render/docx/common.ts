import type { Footer, IRunOptions, ParagraphChild } from "docx";
import { formatFullDate } from "../../analysis/normalise/index.js";
import { frenchSpaces, parseBold } from "./markup.js";
import { runDate } from "./package.js";

/** The docx module, loaded on demand: it costs tens of milliseconds that `falc score` never needs. */
export type Docx = typeof import("docx");

export function loadDocx(): Promise<Docx> {
  return import("docx");
}

export const FONT = "Arial";
export const LANGUAGE = { value: "fr-FR" } as const;
/** A4 in twentieths of a point. */
export const A4 = { short: 11906, long: 16838 } as const;
/** 2 cm. */
export const MARGIN = 1134;

/** Runs of a sentence, `**key**` parts in bold. `base` carries size, colour…; it never sets bold off where the markup wants it. */
export function markupRuns(d: Docx, text: string, base: Omit<IRunOptions, "text" | "children"> = {}): ParagraphChild[] {
  return parseBold(text).map((span) => new d.TextRun({ ...base, text: frenchSpaces(span.text), ...(span.bold ? { bold: true } : {}) }));
}

/** « Page 3 sur 12 », with PAGE and NUMPAGES fields that every word processor updates. */
export function pageFooter(d: Docx, sizeHalfPoints: number): Footer {
  return new d.Footer({
    children: [
      new d.Paragraph({
        alignment: d.AlignmentType.LEFT,
        spacing: { before: 0, after: 0, line: 240, lineRule: d.LineRuleType.AUTO },
        children: [
          new d.TextRun({ size: sizeHalfPoints, children: ["Page ", d.PageNumber.CURRENT, " sur ", d.PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

/** « samedi 28 novembre 2026 », the run's date in local time (the day the user ran falc). */
export function frenchDate(iso: string): string {
  return formatFullDate(runDate(iso));
}

/** The file name shown to people: no folders (they may reveal a user name), « entrée standard » for `-`. */
export function displayName(path: string): string {
  if (path === "-") return "entrée standard";
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}
