import type { DocumentWarning } from "../../model/types.js";
import { endsSentence, type Group, type ItemGroup, type TextGroup } from "./groups.js";
import { isLeaderLine } from "./line-ends.js";
import { matchMarker } from "./markers.js";
import type { Line } from "./types.js";

/**
 * Decisions about the document's outline that need the whole sequence of groups: which groups are
 * headings, where a table of contents is, and which runs of bold numbered lines are a list.
 */

/** Heading limits: longer blocks in a large or bold font are emphasised paragraphs. */
const LARGE_HEADING_MAX_LINES = 3;
const LARGE_HEADING_MAX_WORDS = 30;
const STRONG_HEADING_MAX_LINES = 2;
const STRONG_HEADING_MAX_WORDS = 22;
/** Large plain (not bold) text longer than this is a lead paragraph. */
const LEAD_MIN_WORDS = 15;

const MONTHS = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre";
/**
 * A date, a year or a version alone (« Novembre 2017 », « 12/03/2024 », « 2018-2019 », « V2 ») is a
 * cover or revision mark: as a title it would name every section after it.
 */
const DATE_ONLY = new RegExp(
  `^(?:(?:mis à jour|mise à jour|version|édition|le)\\s+(?:du\\s+|le\\s+)?)?(?:(?:\\d{1,2}(?:er)?\\s+)?(?:${MONTHS})\\s+\\d{4}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}(?:\\s*[-–/]\\s*\\d{4})?|v?\\d+(?:\\.\\d+)*)$`,
  "iu",
);

function wordCount(lines: Line[]): number {
  let count = 0;
  for (const line of lines) count += line.text.split(" ").filter(Boolean).length;
  return count;
}

export function groupText(group: TextGroup | ItemGroup): string {
  return group.lines.map((line) => line.text).join(" ").replace(/\s+/g, " ").trim();
}

/** A form's blank to fill in (« …………… », « ______ », « ........ »): its label is a question, not a title. */
const FORM_BLANK = /[_…]{3,}|\.{5,}/u;

/** An address to type, set apart in bold: a link or an e-mail address is not a title. */
const ADDRESS_ONLY = /^(?:(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)$/iu;

export function isHeading(group: TextGroup): boolean {
  if (group.style === "body") return false;
  const text = groupText(group);
  if (DATE_ONLY.test(text.replace(/[.,;:]$/, "")) || FORM_BLANK.test(text)) return false;
  if (group.lines.every((line) => ADDRESS_ONLY.test(line.text.trim()))) return false;
  const words = wordCount(group.lines);
  if (group.style === "large") {
    // A long run of large plain text is a lead paragraph (a « chapô »), not a title.
    const plain = group.lines.some((line) => !line.bold);
    if (plain && words > LEAD_MIN_WORDS) return false;
    // « Nuisibles pour les uns, les pesticides sont jugés indispensables par d’autres. »: a sentence.
    const last = group.lines[group.lines.length - 1]?.text ?? "";
    if (words >= 8 && /[.!]$/.test(last)) return false;
    return group.lines.length <= LARGE_HEADING_MAX_LINES && words <= LARGE_HEADING_MAX_WORDS;
  }
  const last = group.lines[group.lines.length - 1]?.text ?? "";
  return group.lines.length <= STRONG_HEADING_MAX_LINES && words <= STRONG_HEADING_MAX_WORDS && !/[,;]$/.test(last) && !endsSentence(last);
}

/**
 * « 1. Accueil », « 2. Horaires », « 3. Repas » set in bold one after the other, with no text between
 * them, are the items of a numbered list, not three titles: turned into list items, they keep their
 * numbers.
 */
export function numberedRunsAsLists(groups: Group[]): Group[] {
  const out: Group[] = [];
  let index = 0;
  while (index < groups.length) {
    const run = numberedHeadingRun(groups, index);
    if (run.length >= 2) {
      out.push(...run);
      index += run.length;
      continue;
    }
    out.push(groups[index]!);
    index++;
  }
  return out;
}

function numberedHeadingRun(groups: Group[], start: number): ItemGroup[] {
  const run: ItemGroup[] = [];
  let expected: number | undefined;
  for (let index = start; index < groups.length; index++) {
    const group = groups[index]!;
    if (group.kind !== "text" || !isHeading(group)) break;
    const first = group.lines[0];
    const marker = first ? matchMarker(first.text) : undefined;
    if (!first || !marker?.ordered || marker.number === undefined) break;
    if (expected !== undefined && marker.number !== expected) break;
    expected = marker.number + 1;
    const textX = first.x + (first.right - first.x) * ((first.text.length - marker.rest.length) / first.text.length);
    run.push({ kind: "item", marker, markerX: first.x, textX, lines: group.lines });
  }
  return run;
}

// ---- Tables of contents ----

const TOC_TITLE = /^(?:table des mati[èe]res|sommaire|table of contents|contents|plan du document)\s*:?$/iu;
export interface TableOfContents {
  groups: Set<Group>;
  pages: number[];
}

/**
 * A table of contents lists the headings that follow it: read as text it would be rewritten, scored
 * and checked as if it were content. Found from its title (« Sommaire », « Table des matières »)
 * followed by entries that name later headings or end with dotted leaders and a page number, or from
 * a run of leader lines without a title.
 */
export function findTablesOfContents(groups: Group[]): TableOfContents {
  const found = new Set<Group>();
  const headingTexts = laterHeadings(groups);
  let index = 0;
  while (index < groups.length) {
    const group = groups[index]!;
    const titled = group.kind !== "table" && TOC_TITLE.test(groupText(group));
    const entries = tocEntries(groups, titled ? index + 1 : index, headingTexts);
    const leaderLines = entries.reduce((count, entry) => count + entry.lines.filter((line) => isLeaderLine(line.text)).length, 0);
    const enough = titled ? entries.length >= 2 || leaderLines >= 2 : leaderLines >= 3;
    if (enough) {
      if (titled) found.add(group);
      for (const entry of entries) found.add(entry);
      index += entries.length + (titled ? 1 : 0);
      continue;
    }
    index++;
  }
  const pages = new Set<number>();
  for (const group of found) if (group.kind !== "table") for (const line of group.lines) pages.add(line.page);
  return { groups: found, pages: [...pages].sort((p, q) => p - q) };
}

/**
 * Entries from `start` on; one entry that matches nothing is tolerated between two that do. Once
 * entries with leaders were seen, only entries with leaders count: the first heading of the text
 * after the table of contents names a later heading too when the document repeats its titles.
 */
function tocEntries(groups: Group[], start: number, headings: Map<string, number>): (TextGroup | ItemGroup)[] {
  const entries: (TextGroup | ItemGroup)[] = [];
  let misses = 0;
  let leadered = false;
  for (let index = start; index < groups.length; index++) {
    const group = groups[index]!;
    if (group.kind === "table") break;
    const leaders = hasLeaders(group);
    leadered ||= leaders;
    const namesLater = !leadered && (headings.get(normalise(groupText(group))) ?? -1) > index;
    const isEntry = leaders || namesLater;
    if (isEntry) {
      misses = 0;
      entries.push(group);
      continue;
    }
    if (misses > 0 || wordCount(group.lines) > 20) break;
    misses++;
    entries.push(group);
  }
  if (misses > 0) entries.pop();
  return entries;
}

function hasLeaders(group: TextGroup | ItemGroup): boolean {
  return group.lines.some((line) => isLeaderLine(line.text));
}

/** The last index at which each heading text appears. */
function laterHeadings(groups: Group[]): Map<string, number> {
  const headings = new Map<string, number>();
  for (const [index, group] of groups.entries()) {
    if (group.kind === "text" && group.style !== "body") headings.set(normalise(groupText(group)), index);
  }
  return headings;
}

/** Text of a title without its number, punctuation or case: « III. Une journée » = « Une journée ». */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/^(?:[ivxlc]+|\d+(?:\.\d+)*|[a-z])[.)]?\s+/u, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function tableOfContentsWarning(pages: number[]): DocumentWarning {
  const where = pages.length === 1 ? `page ${pages[0]}` : `pages ${pages.join(", ")}`;
  return {
    code: "pdf-table-of-contents",
    message: `La table des matières (${where}) a été reconnue : elle n’est ni analysée ni réécrite.`,
  };
}
