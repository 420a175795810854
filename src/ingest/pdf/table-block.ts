import type { Run, SourceMark, TableCellInput, TableInput } from "../../model/types.js";
import { buildLines } from "./lines.js";
import type { Line, PdfTable } from "./types.js";

/**
 * A PDF table as the model's table block. The model has no merged cells: a merged cell keeps its
 * text in its top-left slot and leaves the slots it covers empty, so that every row has as many
 * cells as the table has columns and a value stays under its column's name.
 */
export function tableBlock(table: PdfTable, join: (lines: Line[], origin: SourceMark[]) => Run[]): TableInput | undefined {
  const grid: (TableCellInput | undefined)[][] = table.rows.map(() => []);
  for (const [rowIndex, row] of table.rows.entries()) {
    let column = 0;
    for (const cell of row) {
      while (grid[rowIndex]![column] !== undefined) column++;
      const origin: SourceMark[] = [];
      const runs = join(buildLines(cell.pieces, table.page), origin);
      for (let down = 0; down < Math.max(1, cell.rowSpan); down++) {
        const target = grid[rowIndex + down];
        if (!target) break;
        for (let across = 0; across < Math.max(1, cell.colSpan); across++) {
          target[column + across] = down === 0 && across === 0 ? { runs, origin } : { runs: [] };
        }
      }
      column += Math.max(1, cell.colSpan);
    }
  }
  const width = Math.max(0, ...grid.map((row) => row.length));
  const rows = grid.map((row) => Array.from({ length: width }, (_, index) => row[index] ?? { runs: [] }));
  const kept = rows.filter((row) => row.some((cell) => cell.runs.some((run) => run.text.trim() !== "")));
  if (kept.length === 0) return undefined;
  return { type: "table", rows: kept };
}
