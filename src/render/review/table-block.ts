import type { Paragraph, Table } from "docx";
import type { Docx } from "../docx/common.js";
import { docxTable, rowPairs, rowRuns, tableFits, type TableContent } from "../docx/table.js";
import { BULLETS, COLOR, SIZE } from "./layout.js";

/**
 * A table inside a column of the review table (the original's, or the rewrite's). A nested table
 * when every column can hold its longest word in the room of the column; otherwise one paragraph
 * per row, one « colonne : valeur » line per cell, which stays readable at any width. (A six-column
 * table nested in a third of a landscape page breaks its words letter by letter.)
 */
export function reviewTable(d: Docx, content: TableContent, room: { width: number; size: number }): (Paragraph | Table)[] {
  const look = { width: room.width, size: room.size, borderColor: COLOR.border, headerFill: COLOR.header, after: 40 };
  if (tableFits(content, look)) {
    // Word needs a paragraph between two tables, and the one after gives the table its space below.
    return [docxTable(d, content, look), new d.Paragraph({ spacing: { before: 0, after: 80 }, children: [] })];
  }
  return rowPairs(content).map((pairs, r) => {
    const children = rowRuns(d, pairs, room.size);
    return new d.Paragraph({
      keepLines: true,
      // One bullet per row groups the lines of that row.
      numbering: { reference: room.size >= SIZE.easy ? BULLETS.easy : BULLETS.body, level: 0 },
      spacing: { before: r === 0 ? 0 : 60, after: 60 },
      children,
    });
  });
}
