import type { ConvertedSection } from "../../rewrite/types.js";
import { lines } from "../docx/markup.js";
import { CELL_PADDING, PAGE, SIZE } from "./layout.js";
import { secondReaderLines } from "../meaning-points.js";
import { groupFindings, meaningLine } from "./points.js";

/**
 * Whether a section's row of the review table surely fits in `share` of a page, from a rough,
 * generous estimate of each column's height. Only such a row is kept in one piece (`cantSplit`): LibreOffice
 * cannot lay out a row that may not split but is taller than a page (a long section, a table of the
 * original): it loops, then gives up on the PDF export.
 */
export function fitsOnePage(section: ConvertedSection, widths: readonly number[], share = 1): boolean {
  const [original = 0, easy = 0, points = 0] = widths;
  const heights = [
    textHeight(section.original.split("\n"), original, SIZE.table),
    textHeight([section.title, ...section.falc.split("\n")], easy, SIZE.easy),
    textHeight(pointsTexts(section), points, SIZE.table),
  ];
  return Math.max(...heights) <= ROOM * share;
}

/** Points of the page's height inside its margins, less the repeated header row and a safety margin. */
export const ROOM = ((PAGE.height - 2 * PAGE.margin) / 20 - 40) * 0.85;
/** Arial's characters are about half an em wide; a little more, so that lines are over-counted. */
const CHAR_EM = 0.55;

export function textHeight(paragraphs: readonly string[], widthDxa: number, sizeHalfPoints: number): number {
  const pt = sizeHalfPoints / 2;
  const perLine = Math.max(8, Math.floor((widthDxa - CELL_PADDING) / (pt * 20 * CHAR_EM)));
  return paragraphs.reduce((sum, text) => {
    const length = lines(text).join(" ").length;
    // 1.2 lines of height per line of text, and the space after each paragraph.
    return sum + Math.max(1, Math.ceil(length / perLine)) * pt * 1.2 + 4;
  }, 0);
}

/** What the « Points à vérifier » column holds, as text (see points.ts). */
export function pointsTexts(section: ConvertedSection): string[] {
  const facts = [
    ...[...section.facts.missing, ...section.facts.added, ...(section.facts.toCheck ?? [])].map((fact) => `⚠ Information manquante : ${fact.text} (information)`),
    ...(section.facts.meaning ?? []).map(meaningLine),
    ...secondReaderLines(section).map((line) => `${line.label} ${line.text}`),
  ];
  const { shown } = groupFindings(section.findings);
  return ["Lisibilité : 00 avant, 00 après (sur 100)", ...facts, ...shown.flatMap((group) => [`À vérifier : ${group.message} (00 fois)`, `« ${group.excerpt} »`]), "… et 00 autres remarques"];
}
