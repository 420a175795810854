import type { Paragraph, ParagraphChild, Table } from "docx";
import type { Block, ListBlock, Run, TableBlock } from "../../model/types.js";
import { hasHeaderRow } from "../../rewrite/section-text.js";
import type { Docx } from "../docx/common.js";
import type { TableContent } from "../docx/table.js";
import { SIZE } from "./layout.js";
import { reviewTable } from "./table-block.js";

/**
 * The « Original » column: the section as written, so the group can compare. Headings in bold,
 * list items with « • » (or their number), tables as tables (or one « colonne : valeur » line per
 * cell when they are too wide for the column); the original's bold is kept,
 * its other formatting is not (the column is for reading, not for checking layout).
 */

const SPACING = { spacing: { before: 0, after: 80 } };
const INDENT_PER_DEPTH = 284;

/** `width`: the room inside the column, for a table of the original. */
export function originalParagraphs(d: Docx, blocks: readonly Block[], fallbackText: string, width: number): (Paragraph | Table)[] {
  if (blocks.length === 0) return fallbackText.split(/\n+/).filter((line) => line.trim() !== "").map((line) => plain(d, line));
  return blocks.flatMap((block) => blockParagraphs(d, block, width));
}

function blockParagraphs(d: Docx, block: Block, width: number): (Paragraph | Table)[] {
  switch (block.type) {
    case "heading":
      return [new d.Paragraph({ ...SPACING, children: runs(d, block.runs, true) })];
    case "paragraph":
      return [new d.Paragraph({ ...SPACING, children: runs(d, block.runs, false) })];
    case "list":
      return listParagraphs(d, block, 0);
    case "table":
      return reviewTable(d, originalTable(block), { width, size: SIZE.table });
  }
}

/** The original's rows, the first one as column names when it reads as such (as the model was told). */
function originalTable(table: TableBlock): TableContent {
  const rows = table.rows.filter((row) => row.some((cell) => cell.text.trim() !== ""));
  const width = Math.max(1, ...rows.map((row) => row.length));
  const texts = rows.map((row) => Array.from({ length: width }, (_, i) => row[i]?.text ?? ""));
  return hasHeaderRow(rows) ? { header: texts[0]!, rows: texts.slice(1) } : { rows: texts };
}

function listParagraphs(d: Docx, list: ListBlock, depth: number): Paragraph[] {
  return list.items.flatMap((item, i) => {
    const marker = list.ordered ? `${(list.firstNumber ?? 1) + i}.` : "•";
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
