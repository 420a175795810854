import type { Block } from "../../model/types.js";
import { blockLines } from "../../rewrite/text.js";
import type { ConvertedSection, RewriteBlock } from "../../rewrite/types.js";
import { pointsTexts, ROOM, textHeight } from "./row-height.js";
import { SIZE } from "./layout.js";

/**
 * A section too long for one page is laid out as several rows of the review table, cut between
 * blocks, each continuation marked « (suite) » — so that a group reading it printed always knows which
 * passage a page continues. The original and the easy-to-read version are cut at the same share of
 * their height, so that each row shows what the other column says. (Word would split one long row by
 * itself, but with nothing to say that the top of the next page is the same passage.)
 */
export interface SectionPart {
  originalBlocks: Block[];
  rewriteBlocks: RewriteBlock[];
}

/** How full a part may get, as a share of the page: the estimate is rough, Word still splits a row that overflows. */
const PART_SHARE = 0.9;

export function sectionParts(section: ConvertedSection, widths: readonly number[]): SectionPart[] {
  const whole = [{ originalBlocks: section.originalBlocks, rewriteBlocks: section.rewrite.blocks }];
  const [original = 0, easy = 0, points = 0] = widths;
  // Only a rewrite of several blocks can be cut; a kept original (no blocks) stays one row.
  if (section.rewrite.blocks.length < 2) return whole;
  const easyHeights = section.rewrite.blocks.map((block) => textHeight(blockLines(block), easy, SIZE.easy));
  const originalHeights = section.originalBlocks.map((block) => textHeight(originalLines(block), original, SIZE.table));
  const title = textHeight([section.title], easy, SIZE.easy);
  const tallest = Math.max(title + sum(easyHeights), sum(originalHeights), textHeight(pointsTexts(section), points, SIZE.table));
  const count = Math.min(section.rewrite.blocks.length, Math.ceil(tallest / (ROOM * PART_SHARE)));
  if (count <= 1) return whole;
  const easyParts = distribute(section.rewrite.blocks, easyHeights, count);
  const originalParts = distribute(section.originalBlocks, originalHeights, count);
  const parts = easyParts.map((rewriteBlocks, i) => ({ rewriteBlocks, originalBlocks: originalParts[i] ?? [] }));
  // A part with nothing of the rewrite would be a row with only a continuation label: merged into the one before.
  const merged: SectionPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (last && part.rewriteBlocks.length === 0) last.originalBlocks.push(...part.originalBlocks);
    else merged.push({ rewriteBlocks: [...part.rewriteBlocks], originalBlocks: [...part.originalBlocks] });
  }
  return merged;
}

/** Blocks into `count` parts by where each block starts in the column's height: the first block is always in the first part. */
function distribute<T>(blocks: readonly T[], heights: readonly number[], count: number): T[][] {
  const total = sum(heights) || 1;
  const parts: T[][] = Array.from({ length: count }, () => []);
  let before = 0;
  blocks.forEach((block, i) => {
    parts[Math.min(count - 1, Math.floor((before / total) * count))]!.push(block);
    before += heights[i] ?? 0;
  });
  return parts;
}

function originalLines(block: Block): string[] {
  switch (block.type) {
    case "heading":
    case "paragraph":
      return [block.text];
    case "list":
      return block.items.map((item) => item.text);
    case "table":
      return block.rows.map((row) => row.map((cell) => cell.text).join(" "));
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
