/**
 * Unruled tables, the way Tabula's and pdfplumber's « stream » modes see them: consecutive lines
 * cut by wide gaps, whose gaps line up into empty vertical channels (gutters) from line to line.
 * Deliberately strict: two text columns side by side, a justified paragraph, a list whose markers
 * are tabbed from their text and a form of « Nom : » labels all line up too, and must stay text.
 */
import type { Box, PdfTableCell, TextPiece } from "../types.js";
import { hasProseColumn, isForm, isJustified, MIN_ROWS, readsAsTable } from "./aligned-checks.js";
import { textRows, MAX_ROW_SPACING, type Chunk, type Interval, type TextRow } from "./text-rows.js";

/** A gutter narrowed by later lines below this (in em) no longer separates columns. */
const MIN_GUTTER = 0.6;
/** Lines of one cell running on under a row: at most this many between two rows. */
const MAX_CONTINUATIONS = 2;

export interface AlignedTable {
  box: Box;
  rows: PdfTableCell[][];
  /** Every piece the table takes, whitespace included. */
  pieces: Set<TextPiece>;
}

/**
 * `boxes` are the page's form fields and rectangles: a checkbox before most cells tells a form's
 * options laid out in columns.
 */
export function findAlignedTables(pieces: TextPiece[], boxes: Box[] = []): AlignedTable[] {
  const rows = textRows(pieces.filter((piece) => piece.text.trim() !== ""));
  const smallBoxes = boxes.filter((box) => box.right - box.left <= 30 && box.bottom - box.top <= 30);
  const tables: AlignedTable[] = [];
  let start = 0;
  while (start < rows.length) {
    const run = (rows[start]?.chunks.length ?? 0) >= 2 ? growRun(rows, start) : undefined;
    const table = run && !isForm(run.rows, smallBoxes) && !isJustified(run.rows) ? toTable(run.rows, run.gutters) : undefined;
    if (run && table) {
      tables.push(table);
      start = run.end;
    } else start++;
  }
  // Blanks drawn between the cells belong to the table too.
  for (const piece of pieces) {
    if (piece.text.trim() !== "") continue;
    const y = piece.y - 0.3 * piece.size;
    const x = (piece.x + piece.right) / 2;
    const table = tables.find((t) => x >= t.box.left && x <= t.box.right && y >= t.box.top && y <= t.box.bottom);
    table?.pieces.add(piece);
  }
  return tables;
}

/**
 * The longest run of lines from `start` whose cells keep clear of the gutters: the gaps of its
 * first line, narrowed by every later line and widened by the new gaps later lines open where no
 * line above had text.
 */
function growRun(rows: TextRow[], start: number): { rows: TextRow[]; gutters: Interval[]; end: number } | undefined {
  const first = rows[start];
  if (!first) return undefined;
  let gutters = gaps(first.chunks).filter((gap) => gap.right - gap.left >= MIN_GUTTER * first.size);
  const occupied: Interval[] = [...first.chunks];
  const members: TextRow[] = [first];
  let pending: TextRow[] = [];
  // Lines taken on trust as a cell running on narrow the gutters too, undone if no row follows them.
  let committed = gutters;
  let end = start + 1;
  for (let k = start + 1; k < rows.length; k++) {
    const row = rows[k];
    const previous = pending[pending.length - 1] ?? members[members.length - 1];
    if (!row || !previous) break;
    if (row.y - previous.y > MAX_ROW_SPACING * Math.max(row.size, previous.size)) break;
    const narrowed = narrow(gutters, row.chunks, MIN_GUTTER * row.size);
    if (narrowed.length < gutters.length) break;
    if (row.chunks.length < 2) {
      if (pending.length >= MAX_CONTINUATIONS) break;
      gutters = narrowed;
      occupied.push(...row.chunks);
      pending.push(row);
      continue;
    }
    const opened = gaps(row.chunks)
      .flatMap((gap) => subtract(gap, occupied))
      .filter((gap) => gap.right - gap.left >= MIN_GUTTER * row.size && !narrowed.some((g) => overlaps(g, gap)));
    gutters = [...narrowed, ...opened].sort((a, b) => a.left - b.left);
    occupied.push(...row.chunks);
    members.push(...pending, row);
    pending = [];
    committed = gutters;
    end = k + 1;
  }
  if (members.filter((row) => row.chunks.length >= 2).length < MIN_ROWS) return undefined;
  return { rows: members, gutters: committed, end };
}

function gaps(chunks: Chunk[]): Interval[] {
  const result: Interval[] = [];
  for (let k = 1; k < chunks.length; k++) {
    const a = chunks[k - 1];
    const b = chunks[k];
    if (a && b) result.push({ left: a.right, right: b.left });
  }
  return result;
}

function overlaps(a: Interval, b: Interval): boolean {
  return a.left < b.right && b.left < a.right;
}

/** What is left of each gutter beside the chunks; a gutter split in two keeps its wider side. */
function narrow(gutters: Interval[], chunks: Interval[], minWidth: number): Interval[] {
  const result: Interval[] = [];
  for (const gutter of gutters) {
    const left = subtract(gutter, chunks).filter((part) => part.right - part.left >= minWidth);
    const widest = left.sort((a, b) => b.right - b.left - (a.right - a.left))[0];
    if (widest) result.push(widest);
  }
  return result;
}

function subtract(interval: Interval, cuts: Interval[]): Interval[] {
  let parts: Interval[] = [interval];
  for (const cut of cuts) {
    const next: Interval[] = [];
    for (const part of parts) {
      if (!overlaps(part, cut)) {
        next.push(part);
        continue;
      }
      if (cut.left > part.left) next.push({ left: part.left, right: cut.left });
      if (cut.right < part.right) next.push({ left: cut.right, right: part.right });
    }
    parts = next;
  }
  return parts;
}

/** Lays the run out in columns and keeps it only if it reads as a table. */
function toTable(rows: TextRow[], gutters: Interval[]): AlignedTable | undefined {
  let columns = gutters.slice();
  let cells = assign(rows, columns);
  // A column only one row uses is a stray gap (a title over two columns), not a column.
  for (;;) {
    const counts = columns.map((_, k) => k).concat(columns.length).map((col) => cells.filter((row) => row[col]!.length > 0).length);
    const sparse = counts.findIndex((count) => count < 2);
    if (sparse < 0 || columns.length === 0) break;
    columns.splice(Math.max(0, sparse - 1), 1);
    cells = assign(rows, columns);
  }
  if (columns.length === 0 || !readsAsTable(cells) || hasProseColumn(rows, columns)) return undefined;
  const all = rows.flatMap((row) => row.chunks.flatMap((chunk) => chunk.pieces));
  return {
    box: {
      left: Math.min(...all.map((p) => p.x)),
      right: Math.max(...all.map((p) => p.right)),
      top: Math.min(...all.map((p) => p.y - p.size)),
      bottom: Math.max(...all.map((p) => p.y + 0.25 * p.size)),
    },
    rows: cells.map((row) => row.map((pieces) => ({ pieces, colSpan: 1, rowSpan: 1 }))),
    pieces: new Set(all),
  };
}

/**
 * The pieces of each table row per column. A line of one chunk under a row is that row's cell
 * running on; the first line is always a row.
 */
function assign(rows: TextRow[], gutters: Interval[]): TextPiece[][][] {
  const result: TextPiece[][][] = [];
  for (const row of rows) {
    const continuation = row.chunks.length < 2 && result.length > 0;
    const cells: TextPiece[][] = continuation ? result[result.length - 1]! : Array.from({ length: gutters.length + 1 }, () => []);
    for (const chunk of row.chunks) {
      const column = gutters.filter((gutter) => gutter.right <= chunk.left + 0.01).length;
      cells[column]?.push(...chunk.pieces);
    }
    if (!continuation) result.push(cells);
  }
  return result;
}
