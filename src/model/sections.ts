import { countWords } from "../analysis/words.js";
import type { Block, BlockInput, Section } from "./types.js";
import { runsText } from "./render.js";

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
    return { type: "heading", level, runs: block.runs, ...(block.layout ? { layout: block.layout } : {}) };
  });
}

/** Splits rendered blocks into sections at headings, then splits long sections on the word budget. */
export function splitSections(blocks: Block[], text: string, options: SectioningOptions, fallbackTitle: string): Section[] {
  const groups: { title: string; level: number; blocks: Block[] }[] = [];
  for (const block of blocks) {
    const startsSection = block.type === "heading" && block.level <= options.headingLevel;
    const current = groups[groups.length - 1];
    if (startsSection || current === undefined) {
      groups.push({
        title: block.type === "heading" ? block.text.replace(/\s+/g, " ") : fallbackTitle,
        level: block.type === "heading" ? block.level : 0,
        blocks: [block],
      });
    } else {
      current.blocks.push(block);
    }
  }
  const sections: Section[] = [];
  for (const group of groups) {
    for (const part of splitOnBudget(group.blocks, options.maxWords)) {
      const title = sections.length > 0 && part.continued ? `${group.title} (suite)` : group.title;
      sections.push(makeSection(sections.length, title, group.level, part.blocks, text));
    }
  }
  return sections;
}

function splitOnBudget(blocks: Block[], maxWords: number): { blocks: Block[]; continued: boolean }[] {
  const parts: { blocks: Block[]; continued: boolean }[] = [];
  let current: Block[] = [];
  let words = 0;
  for (const block of blocks) {
    const blockWords = countWords(block.text);
    const hasBody = current.some((b) => b.type !== "heading");
    if (hasBody && words + blockWords > maxWords) {
      parts.push({ blocks: current, continued: parts.length > 0 });
      current = [];
      words = 0;
    }
    current.push(block);
    words += blockWords;
  }
  if (current.length > 0) parts.push({ blocks: current, continued: parts.length > 0 });
  return parts;
}

function makeSection(index: number, title: string, level: number, blocks: Block[], text: string): Section {
  const start = blocks[0]!.start;
  const end = blocks[blocks.length - 1]!.end;
  const sectionText = text.slice(start, end);
  return { index, title, level, blocks, start, end, text: sectionText, wordCount: countWords(sectionText) };
}
