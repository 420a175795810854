import { countWords } from "../analysis/words.js";
import type { Block, BlockInput, HeadingBlock, Section } from "./types.js";
import { runsText } from "./render.js";
import { countBlockWords } from "./token-tapes.js";

export interface SectioningOptions {
  /** Headings of this level or above (1 = top) start a new section. */
  headingLevel: number;
  /** A section longer than this is split at block boundaries, never inside a list or a table. */
  maxWords: number;
}

export const DEFAULT_SECTIONING: SectioningOptions = { headingLevel: 2, maxWords: 400 };

/**
 * Titles of legal and administrative documents typed as plain paragraphs: « Article 3 », « ARTICLE 3 –
 * Tarifs », « Chapitre II : Vie collective », « Titre premier ». Only used when a document has no
 * heading styles at all, since a styled document tells us its structure itself.
 */
const STRUCTURAL_TITLE =
  /^(article|chapitre|titre|section|partie|annexe)\s+(\d+(\.\d+)*|[IVXLC]+|premier|première|unique|[A-Z])\b\s*([.:–—-].{0,100})?$/i;
const STRUCTURAL_TITLE_MAX_WORDS = 14;

export function promoteStructuralTitles(inputs: BlockInput[]): BlockInput[] {
  if (inputs.some((block) => block.type === "heading")) return inputs;
  return inputs.map((block) => {
    if (block.type !== "paragraph") return block;
    const text = runsText(block.runs).trim();
    if (text.includes("\n") || countWords(text) > STRUCTURAL_TITLE_MAX_WORDS) return block;
    if (!STRUCTURAL_TITLE.test(text)) return block;
    const level = /^(chapitre|titre|partie)/i.test(text) ? 1 : 2;
    return { type: "heading", level, runs: block.runs, ...(block.layout ? { layout: block.layout } : {}), ...(block.origin ? { origin: block.origin } : {}) };
  });
}

/** Splits rendered blocks into sections at headings, then splits long sections on the word budget. */
export function splitSections(blocks: Block[], text: string, options: SectioningOptions, fallbackTitle: string): Section[] {
  const groups: { title: string; level: number; madeUp: boolean; blocks: Block[] }[] = [];
  for (const block of blocks) {
    const startsSection = block.type === "heading" && block.level <= options.headingLevel;
    const current = groups[groups.length - 1];
    if (startsSection || current === undefined) {
      const heading = block.type === "heading";
      groups.push({ title: heading ? block.text.replace(/\s+/g, " ") : fallbackTitle, level: heading ? block.level : 0, madeUp: !heading, blocks: [block] });
    } else {
      current.blocks.push(block);
    }
  }
  const titles = new TitleFinder(blocks);
  const sections: Section[] = [];
  for (const group of groups) {
    for (const part of splitOnBudget(group.blocks, options.maxWords)) {
      const first = part.blocks[0]!;
      let title = group.title;
      let madeUp = group.madeUp;
      if (sections.length > 0 && part.continued) {
        // A part keeps the heading it starts with; else it is the sequel of the nearest heading before it.
        const own = first.type === "heading" && titles.isReal(first) ? first.text.replace(/\s+/g, " ") : undefined;
        // The group's own heading, when real, is among those before; a date or page line is not.
        const base = titles.nearestBefore(first) ?? (group.madeUp ? group.title : undefined);
        title = own ?? (base === undefined ? CONTINUED_TITLE : `${base} (suite)`);
        madeUp = own === undefined;
      }
      sections.push(makeSection(sections.length, title, group.level, madeUp, part, text));
    }
  }
  return sections;
}

/** Label of a part of a long section when no heading before it may title it (only a date or a page line). */
const CONTINUED_TITLE = "Suite du document";

const MONTH = "janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre";
/** « Novembre 2017 », « 12 mars 2024 », « 01/03/2026 », « 2017-2018 »: a date, not what a part is about. */
const DATE_ONLY = new RegExp(
  String.raw`^(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(?:\d{1,2}(?:er)?\s+)?(?:${MONTH})\s+\d{4}$|^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$|^(?:ann[ée]e\s+)?\d{4}(?:\s*[-–/]\s*\d{4})?$`,
  "iu",
);
/** « Page 3 », « 3/12 », « - 3 - »: a page number. */
const PAGE_NUMBER = /^(?:page\s*)?[-–]?\s*\d+\s*[-–]?(?:\s*(?:\/|sur)\s*\d+)?$/iu;
/** A heading met this often is a running header the page furniture filter let through. */
const FURNITURE_REPEATS = 3;

/**
 * Which headings may title a part of a long section: not a date (a cover's « Novembre 2017 »), not a
 * page number, not a line repeated on every page.
 */
class TitleFinder {
  private readonly counts = new Map<string, number>();
  private readonly headings: HeadingBlock[];
  private real: HeadingBlock[] | undefined;

  constructor(blocks: readonly Block[]) {
    this.headings = blocks.filter((block): block is HeadingBlock => block.type === "heading");
    for (const heading of this.headings) {
      const key = normalised(heading.text);
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    }
  }

  isReal(heading: HeadingBlock): boolean {
    const key = normalised(heading.text);
    return key !== "" && /\p{L}/u.test(key) && !DATE_ONLY.test(key) && !PAGE_NUMBER.test(key) && (this.counts.get(key) ?? 0) < FURNITURE_REPEATS;
  }

  /** The text of the nearest real heading before `block`, at any level. */
  nearestBefore(block: Block): string | undefined {
    // Headings come in reading order, so a binary search finds it: a long document has thousands of parts.
    this.real ??= this.headings.filter((heading) => this.isReal(heading));
    let low = 0;
    let high = this.real.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.real[mid]!.start < block.start) low = mid + 1;
      else high = mid;
    }
    return low === 0 ? undefined : this.real[low - 1]!.text.replace(/\s+/g, " ");
  }
}

function normalised(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function splitOnBudget(blocks: Block[], maxWords: number): Part[] {
  const parts: Part[] = [];
  let current: Block[] = [];
  let counts: number[] = [];
  let words = 0;
  let hasBody = false;
  for (const block of blocks) {
    const blockWords = countBlockWords(block);
    if (hasBody && words + blockWords > maxWords) {
      parts.push({ blocks: current, words: counts, continued: parts.length > 0 });
      current = [];
      counts = [];
      words = 0;
      hasBody = false;
    }
    current.push(block);
    counts.push(blockWords);
    words += blockWords;
    if (block.type !== "heading") hasBody = true;
  }
  if (current.length > 0) parts.push({ blocks: current, words: counts, continued: parts.length > 0 });
  return parts;
}

/** Blocks of one section, with the word count of each (blocks never share a word: see makeSection). */
interface Part {
  blocks: Block[];
  words: number[];
  continued: boolean;
}

function makeSection(index: number, title: string, level: number, madeUp: boolean, part: Part, text: string): Section {
  const blocks = part.blocks;
  const start = blocks[0]!.start;
  const end = blocks[blocks.length - 1]!.end;
  // A word never runs across the line breaks between blocks, so the section's count is the sum of
  // its blocks' counts: the text is not tokenized a second time.
  let wordCount = 0;
  for (const words of part.words) wordCount += words;
  const section: Section = { index, title, level, blocks, start, end, text: text.slice(start, end), wordCount };
  if (madeUp) section.titleMadeUp = true;
  return section;
}
