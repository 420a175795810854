import type { Paragraph, ParagraphChild } from "docx";
import type { Block, ListBlock, Run } from "../../model/types.js";
import type { Docx } from "../docx/common.js";
import { SIZE } from "./layout.js";

/**
 * The « Original » column: the section as written, so the group can compare. Headings in bold,
 * list items with « • » (or their number), tables one row per line; the original's bold is kept,
 * its other formatting is not (the column is for reading, not for checking layout).
 */

const SPACING = { spacing: { before: 0, after: 80 } };
const INDENT_PER_DEPTH = 284;

export function originalParagraphs(d: Docx, blocks: readonly Block[], fallbackText: string): Paragraph[] {
  if (blocks.length === 0) return fallbackText.split(/\n+/).filter((line) => line.trim() !== "").map((line) => plain(d, line));
  return blocks.flatMap((block) => blockParagraphs(d, block));
}

function blockParagraphs(d: Docx, block: Block): Paragraph[] {
  switch (block.type) {
    case "heading":
      return [new d.Paragraph({ ...SPACING, keepNext: true, children: runs(d, block.runs, true) })];
    case "paragraph":
      return [new d.Paragraph({ ...SPACING, children: runs(d, block.runs, false) })];
    case "list":
      return listParagraphs(d, block, 0);
    case "table":
      return block.rows.map((row) => plain(d, row.map((cell) => cell.text.replace(/\s+/g, " ").trim()).join(" | ")));
  }
}

function listParagraphs(d: Docx, list: ListBlock, depth: number): Paragraph[] {
  return list.items.flatMap((item, i) => {
    const marker = list.ordered ? `${i + 1}.` : "•";
    const indent = INDENT_PER_DEPTH * (depth + 1);
    const own = new d.Paragraph({
      ...SPACING,
      indent: { left: indent, hanging: INDENT_PER_DEPTH },
      children: [new d.TextRun({ text: `${marker}\t`, size: SIZE.table }), ...runs(d, item.runs, false)],
      tabStops: [{ type: d.TabStopType.LEFT, position: indent }],
    });
    return [own, ...item.children.flatMap((child) => listParagraphs(d, child, depth + 1))];
  });
}

function plain(d: Docx, text: string): Paragraph {
  return new d.Paragraph({ ...SPACING, children: [new d.TextRun({ text, size: SIZE.table })] });
}

/** Runs as read; line breaks inside a run become real breaks. */
function runs(d: Docx, source: readonly Run[], bold: boolean): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const run of source) {
    run.text.split("\n").forEach((piece, i) => {
      out.push(new d.TextRun({ text: piece, size: SIZE.table, ...(bold || run.bold ? { bold: true } : {}), ...(i > 0 ? { break: 1 } : {}) }));
    });
  }
  return out;
}
