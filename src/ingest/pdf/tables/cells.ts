/**
 * Puts the page's text into the cells of ruled grids, and lays the cells out as table rows.
 */
import type { Box, PdfTableCell, TextPiece } from "../types.js";
import type { Grid, GridCell } from "./ruled.js";

/** Where a piece's glyphs sit around its baseline, in em: the middle of a lowercase letter. */
const MIDDLE_ABOVE_BASELINE = 0.3;

/** The point that decides which cell a piece belongs to. */
export function centreOf(piece: TextPiece): { x: number; y: number } {
  return { x: (piece.x + piece.right) / 2, y: piece.y - MIDDLE_ABOVE_BASELINE * piece.size };
}

export function contains(box: Box, x: number, y: number): boolean {
  return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
}

/** A grid's cells, each with the pieces drawn in it. */
export interface FilledGrid {
  grid: Grid;
  pieces: TextPiece[][];
  box: Box;
}

/**
 * Gives each piece to the cell holding its centre. A piece running across a column border (one text
 * run covering two cells, as some generators write a row) is cut there, at the character its
 * average glyph width puts on the border. Returns the pieces left outside every cell.
 */
export function fillGrids(grids: Grid[], pieces: TextPiece[]): { filled: FilledGrid[]; outside: TextPiece[] } {
  const filled: FilledGrid[] = grids.map((grid) => ({ grid, pieces: grid.cells.map(() => []), box: unionBox(grid.cells.map((cell) => cell.box)) }));
  const outside: TextPiece[] = [];
  for (const piece of pieces) {
    if (!place(piece, filled)) outside.push(piece);
  }
  return { filled, outside };
}

function place(piece: TextPiece, filled: FilledGrid[]): boolean {
  const centre = centreOf(piece);
  const edge = 0.25 * piece.size;
  for (const entry of filled) {
    if (piece.right < entry.box.left || piece.x > entry.box.right || !(centre.y >= entry.box.top && centre.y <= entry.box.bottom)) continue;
    const { cells } = entry.grid;
    const first = cellAt(cells, piece.x + edge, centre.y);
    const last = cellAt(cells, piece.right - edge, centre.y);
    if (first !== undefined && last !== undefined && first !== last) {
      for (const part of split(piece, cells, centre.y)) {
        const partCentre = centreOf(part);
        const index = cellAt(cells, partCentre.x, partCentre.y);
        if (index !== undefined) entry.pieces[index]?.push(part);
      }
      return true;
    }
    const index = cellAt(cells, centre.x, centre.y);
    if (index !== undefined) {
      entry.pieces[index]?.push(piece);
      return true;
    }
  }
  return false;
}

function cellAt(cells: GridCell[], x: number, y: number): number | undefined {
  const index = cells.findIndex((cell) => contains(cell.box, x, y));
  return index < 0 ? undefined : index;
}

/** Cuts a piece at the cell borders it crosses, preferring a space near each cut. */
function split(piece: TextPiece, cells: GridCell[], y: number): TextPiece[] {
  const text = piece.text;
  const width = piece.right - piece.x;
  if (text.length < 2 || width <= 0) return [piece];
  const perChar = width / text.length;
  const borders = [
    ...new Set(cells.filter((c) => y >= c.box.top && y <= c.box.bottom && c.box.left > piece.x && c.box.left < piece.right).map((c) => c.box.left)),
  ].sort((a, b) => a - b);
  const cuts: number[] = [];
  for (const border of borders) {
    let cut = Math.round((border - piece.x) / perChar);
    for (let shift = 0; shift <= 2; shift++) {
      if (text[cut - shift] === " ") {
        cut -= shift;
        break;
      }
      if (text[cut + shift] === " ") {
        cut += shift;
        break;
      }
    }
    if (cut > (cuts[cuts.length - 1] ?? 0) && cut < text.length) cuts.push(cut);
  }
  const parts: TextPiece[] = [];
  let start = 0;
  for (const end of [...cuts, text.length]) {
    const part = text.slice(start, end);
    if (part.trim() !== "") parts.push({ ...piece, text: part, x: piece.x + start * perChar, right: piece.x + end * perChar });
    start = end;
  }
  return parts;
}

/**
 * The rows of a grid: each row lists the cells whose top-left slot is in it, left to right. A merged
 * cell appears once; the slots it covers in later rows and columns are left out, as in HTML, so its
 * position follows from colSpan and rowSpan. A slot no cell covers (a notch in the table's outline)
 * gets an empty cell, so that positions still follow from the spans.
 */
export function layoutRows(grid: Grid, pieces: TextPiece[][]): PdfTableCell[][] {
  const owner: (number | undefined)[][] = Array.from({ length: grid.rows }, () => Array<number | undefined>(grid.cols).fill(undefined));
  grid.cells.forEach((cell, index) => {
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
        const row = owner[r];
        if (row) row[c] = index;
      }
    }
  });
  const rows: PdfTableCell[][] = [];
  for (let r = 0; r < grid.rows; r++) {
    const row: PdfTableCell[] = [];
    for (let c = 0; c < grid.cols; c++) {
      const index = owner[r]?.[c];
      if (index === undefined) {
        row.push({ pieces: [], colSpan: 1, rowSpan: 1 });
        continue;
      }
      const cell = grid.cells[index];
      if (!cell || cell.row !== r || cell.col !== c) continue;
      row.push({ pieces: pieces[index] ?? [], colSpan: cell.colSpan, rowSpan: cell.rowSpan });
    }
    rows.push(row);
  }
  return rows;
}

export function unionBox(boxes: Box[]): Box {
  return {
    left: Math.min(...boxes.map((b) => b.left)),
    top: Math.min(...boxes.map((b) => b.top)),
    right: Math.max(...boxes.map((b) => b.right)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
  };
}

/**
 * A cell's text in reading order, lines joined by a space: for inspection and tests; the reader
 * builds real lines from the pieces.
 */
export function cellText(pieces: TextPiece[]): string {
  const sorted = pieces.slice().sort((p, q) => p.y - q.y || p.x - q.x);
  const lines: TextPiece[][] = [];
  for (const piece of sorted) {
    const line = lines[lines.length - 1];
    const head = line?.[0];
    if (line && head && Math.abs(piece.y - head.y) <= 0.45 * Math.max(piece.size, head.size)) line.push(piece);
    else lines.push([piece]);
  }
  return lines
    .map((line) => {
      let text = "";
      let previous: TextPiece | undefined;
      for (const piece of line.sort((p, q) => p.x - q.x)) {
        if (previous && piece.x - previous.right > 0.15 * piece.size) text += " ";
        text += piece.text;
        previous = piece;
      }
      return text;
    })
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}
