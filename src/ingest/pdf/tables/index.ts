/**
 * Tables on a PDF page: ruled ones from the drawn grid, then unruled ones from text alignment
 * among the pieces left. Precision comes first: text wrongly taken for a table is lost as prose,
 * while a table missed is still read, row by row, as lines.
 */
import type { PageGraphics, PdfTable, TextPiece } from "../types.js";
import { findAlignedTables } from "./aligned.js";
import { fillGrids, layoutRows, unionBox, type FilledGrid } from "./cells.js";
import { findGrids } from "./ruled.js";

export { cellText } from "./cells.js";

export interface PageTables {
  /** Top to bottom. */
  tables: PdfTable[];
  /** The pieces in no table, in their original order. */
  rest: TextPiece[];
}

/**
 * The tables of one page (`page` is 1-based) and the pieces outside them. Pieces drawn across a
 * ruled column border are cut there, so a table's cells may hold pieces that are not in `pieces`.
 */
export function findTables(pieces: TextPiece[], graphics: PageGraphics, page: number): PageTables {
  try {
    const ruled = findRuledTables(pieces, graphics, page);
    const aligned = findAlignedTables(ruled.rest, [...(graphics.fields ?? []), ...graphics.rects]);
    const taken = new Set<TextPiece>();
    for (const table of aligned) for (const piece of table.pieces) taken.add(piece);
    const tables: PdfTable[] = [
      ...ruled.tables,
      ...aligned.map((table): PdfTable => ({ page, box: table.box, kind: "aligned", rows: table.rows })),
    ];
    tables.sort((a, b) => a.box.top - b.box.top || a.box.left - b.box.left);
    return { tables, rest: ruled.rest.filter((piece) => !taken.has(piece)) };
  } catch {
    // Odd geometry must never cost the page its text.
    return { tables: [], rest: pieces };
  }
}

function findRuledTables(pieces: TextPiece[], graphics: PageGraphics, page: number): PageTables {
  const grids = findGrids(graphics.rulings);
  if (grids.length === 0) return { tables: [], rest: pieces };
  // Grids that turn out not to be tables give their pieces back, uncut: hence filling twice.
  const kept = fillGrids(grids, pieces).filled.filter(isTable).map((entry) => entry.grid);
  if (kept.length === 0) return { tables: [], rest: pieces };
  const { filled, outside } = fillGrids(kept, pieces);
  const tables = filled.map(
    ({ grid, pieces: cellPieces }): PdfTable => ({
      page,
      box: unionBox(grid.cells.map((cell) => cell.box)),
      kind: "ruled",
      rows: layoutRows(grid, cellPieces),
    }),
  );
  return { tables, rest: outside };
}

/**
 * At least two rows and two columns, with text in two rows and two columns: a framed paragraph, a
 * page border, a row of boxes or a column of labels beside their input boxes are frames, not
 * tables. A grid of three columns or more is a table even with text in its first column only: the
 * rows of a grid to fill in, continued from the page before without its header.
 */
function isTable({ grid, pieces }: FilledGrid): boolean {
  if (grid.rows < 2 || grid.cols < 2) return false;
  const rows = new Set<number>();
  const cols = new Set<number>();
  grid.cells.forEach((cell, index) => {
    if (!pieces[index]?.some((piece) => piece.text.trim() !== "")) return;
    rows.add(cell.row);
    cols.add(cell.col);
  });
  return rows.size >= 2 && (cols.size >= 2 || grid.cols >= 3);
}
