import type { ConvertedSection } from "../rewrite/types.js";

const same = (text: string) => text.replace(/\*\*/g, "").trim().toLocaleLowerCase("fr");

/**
 * Whether a section of the draft gets its own heading: not the first one when it only repeats the
 * document's title, already at the top (a reader would see the same title twice).
 */
export function showsHeading(section: ConvertedSection, position: number, documentTitle: string): boolean {
  return !(position === 0 && same(section.title) === same(documentTitle));
}

/** The section's kept lines (a section too short to rewrite), minus a repeat of its heading or the document's title. */
export function keptLines(section: ConvertedSection, documentTitle: string): string[] {
  const titles = new Set([same(section.title), same(documentTitle)]);
  return section.falc.split("\n").filter((line) => line.trim() !== "" && !titles.has(same(line)));
}
