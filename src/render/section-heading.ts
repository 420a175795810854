import { PREAMBLE_TITLE } from "../model/build.js";
import type { ConvertedSection } from "../rewrite/types.js";

const same = (text: string) => text.replace(/\*\*/g, "").trim().toLocaleLowerCase("fr");

/**
 * Whether a section of the draft gets its own heading: not when falc made the title up (« Début du
 * document », a « … (suite) » part: the text just goes on), nor the first one when it only repeats
 * the document's title, already at the top (a reader would see the same title twice).
 */
export function showsHeading(section: ConvertedSection, position: number, documentTitle: string): boolean {
  if (section.titleMadeUp === true) return false;
  return !(position === 0 && same(section.title) === same(documentTitle));
}

/**
 * Where a section is, for a note of the draft (« Information manquante dans « Les repas » »): its
 * title, or for a title falc made up, a place the reader can find (« au début du document », « dans
 * la suite de « Les repas » »), since that title is nowhere in the draft.
 */
export function sectionPlace(section: ConvertedSection): string {
  if (section.titleMadeUp !== true) return `dans « ${section.title} »`;
  const base = / \(suite\)$/.test(section.title) ? section.title.slice(0, -" (suite)".length) : undefined;
  if (base !== undefined && base !== PREAMBLE_TITLE) return `dans la suite de « ${base} »`;
  return base === undefined && section.index > 0 ? "dans la suite du document" : "au début du document";
}

/** The section's kept lines (a section too short to rewrite), minus a repeat of its heading or the document's title. */
export function keptLines(section: ConvertedSection, documentTitle: string): string[] {
  const titles = new Set([same(section.title), same(documentTitle)]);
  return section.falc.split("\n").filter((line) => line.trim() !== "" && !titles.has(same(line)));
}
