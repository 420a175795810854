/**
 * A page's text cut into lines, and each line into chunks at the gaps that may separate table
 * cells: what unruled tables are looked for in.
 */
import { lineGroups } from "../lines.js";
import type { TextPiece } from "../types.js";

/** A gap wider than this (in em) between two pieces of a line separates cells. */
const CELL_GAP = 1.5;
/**
 * A narrower gap, still clearly wider than a word space, separates cells when the piece after it
 * starts (or the one before it ends) where a piece does on the line above or below: cells padded
 * by a few points, as HTML and office tables without borders are.
 */
const NARROW_CELL_GAP = 0.5;
/** How far apart (pt) two edges may be and still line up. */
const EDGE_TOLERANCE = 1;
/** Lines further apart than this (baseline to baseline, in em) are not rows of one table. */
export const MAX_ROW_SPACING = 3.2;
/** A list marker tabbed away from its item: part of the item, not a cell. */
const MARKER = /^(?:\d+(?:\.\d+)*[.)]?|[a-zA-Z][.)]|[IVXLC]+[.)]|[-–—*•●▪■◦○‣∙·◆◇►▸➢➤✓✔□❖\uF0A7\uF0B7\uF076\uF0D8\uF0FC\uF0A8\uF06E\uF071])$/u;

/** Pieces of a line between two cell gaps. */
export interface Chunk {
  left: number;
  right: number;
  pieces: TextPiece[];
}

/** A line of text: its baseline, its main font size, its chunks left to right. */
export interface TextRow {
  y: number;
  size: number;
  chunks: Chunk[];
}

/** An x range. */
export interface Interval {
  left: number;
  right: number;
}

/** The pieces' lines, top to bottom, each cut into chunks; pieces of blank text are left out by the caller. */
export function textRows(pieces: TextPiece[]): TextRow[] {
  const lines = lineGroups(pieces)
    .map((group) => group.sort((p, q) => p.x - q.x))
    .sort((p, q) => (p[0]?.y ?? 0) - (q[0]?.y ?? 0));
  const edges = lines.map(edgesOf);
  return lines.map((line, k) => {
    const near = (other: number) => {
      const neighbour = lines[other]?.[0];
      const own = line[0];
      return neighbour && own && Math.abs(neighbour.y - own.y) <= MAX_ROW_SPACING * Math.max(neighbour.size, own.size) ? edges[other] : undefined;
    };
    return toRow(line, [near(k - 1), near(k + 1)].filter((e): e is Edges => e !== undefined));
  });
}

/** Where a line's pieces start and end beside a gap wider than a word space. */
interface Edges {
  starts: number[];
  ends: number[];
}

function edgesOf(line: TextPiece[]): Edges {
  const starts: number[] = [];
  const ends: number[] = [];
  line.forEach((piece, k) => {
    const before = line[k - 1];
    if (!before || piece.x - before.right >= NARROW_CELL_GAP * piece.size) {
      starts.push(piece.x);
      if (before) ends.push(before.right);
    }
  });
  const last = line[line.length - 1];
  if (last) ends.push(last.right);
  return { starts, ends };
}

function splits(before: TextPiece, piece: TextPiece, neighbours: Edges[]): boolean {
  const gap = piece.x - before.right;
  const em = Math.max(piece.size, before.size);
  if (gap > CELL_GAP * em) return true;
  if (gap < NARROW_CELL_GAP * em) return false;
  const near = (values: number[], value: number) => values.some((v) => Math.abs(v - value) <= EDGE_TOLERANCE);
  return neighbours.some((edges) => near(edges.starts, piece.x) || near(edges.ends, before.right));
}

function toRow(pieces: TextPiece[], neighbours: Edges[]): TextRow {
  const chunks: Chunk[] = [];
  for (const piece of pieces) {
    const last = chunks[chunks.length - 1];
    const lastPiece = last?.pieces[last.pieces.length - 1];
    if (last && lastPiece && !splits(lastPiece, piece, neighbours)) {
      last.pieces.push(piece);
      last.right = Math.max(last.right, piece.right);
      continue;
    }
    chunks.push({ left: piece.x, right: piece.right, pieces: [piece] });
  }
  const first = chunks[0];
  const second = chunks[1];
  if (first && second && MARKER.test(textOf(first.pieces).trim())) {
    chunks.splice(0, 2, { left: first.left, right: second.right, pieces: [...first.pieces, ...second.pieces] });
  }
  const main = pieces.reduce((best, piece) => (piece.size > best.size ? piece : best));
  return { y: main.y, size: main.size, chunks };
}

export function textOf(pieces: TextPiece[]): string {
  let text = "";
  let previous: TextPiece | undefined;
  for (const piece of pieces) {
    if (previous && piece.x - previous.right > 0.15 * piece.size && !/\s$/.test(text)) text += " ";
    text += piece.text;
    previous = piece;
  }
  return text.replace(/\s+/g, " ").trim();
}
