/**
 * Ruled tables, the way pdfplumber's and Tabula's « lattice » modes see them: the page's rulings
 * are joined, grouped into connected networks, and each network's rulings give a grid whose slots
 * are merged wherever no ruling separates them. A merged region that is a rectangle closed on all
 * four sides is a cell; one spanning several slots is a merged cell.
 */
import type { Box, Ruling } from "../types.js";
import { mergeRulings, SNAP_TOLERANCE } from "./rulings.js";

/** A ruling may stop this short (pt) of the one it meets and still meet it. */
const INTERSECT_TOLERANCE = 3;
/**
 * Rulings closer than this (pt) across their direction are one grid line: a double border, or a
 * cell border drawn beside the table's frame. Slots thinner than this are no cells.
 */
const GRID_TOLERANCE = 4;
/** A network with more slots than this is hatching or a drawing, not a table worth the time. */
const MAX_SLOTS = 40_000;

/** A cell of a grid: its box, and its slot in the grid (top-left) with the slots it spans. */
export interface GridCell {
  box: Box;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/** Connected cells of one network of rulings, on a grid of `rows` × `cols` slots. */
export interface Grid {
  cells: GridCell[];
  rows: number;
  cols: number;
}

/** The grids of cells the page's rulings close. */
export function findGrids(rulings: Ruling[]): Grid[] {
  const horizontals = mergeRulings(rulings, "horizontal");
  const verticals = mergeRulings(rulings, "vertical");
  const grids: Grid[] = [];
  for (const network of networks(horizontals, verticals)) {
    if (network.horizontals.length < 2 || network.verticals.length < 2) continue;
    grids.push(...gridsOf(network.horizontals, network.verticals));
  }
  return grids;
}

function meets(h: Ruling, v: Ruling): boolean {
  return (
    v.at >= h.from - INTERSECT_TOLERANCE &&
    v.at <= h.to + INTERSECT_TOLERANCE &&
    h.at >= v.from - INTERSECT_TOLERANCE &&
    h.at <= v.to + INTERSECT_TOLERANCE
  );
}

/** Rulings connected through their intersections. */
function networks(horizontals: Ruling[], verticals: Ruling[]): { horizontals: Ruling[]; verticals: Ruling[] }[] {
  const parent = Array.from({ length: horizontals.length + verticals.length }, (_, k) => k);
  const find = (k: number): number => {
    let root = k;
    while (parent[root] !== root) root = parent[root] ?? root;
    while (parent[k] !== root) {
      const next = parent[k] ?? root;
      parent[k] = root;
      k = next;
    }
    return root;
  };
  horizontals.forEach((h, i) => {
    verticals.forEach((v, j) => {
      if (meets(h, v)) parent[find(i)] = find(horizontals.length + j);
    });
  });
  const groups = new Map<number, { horizontals: Ruling[]; verticals: Ruling[] }>();
  const groupOf = (k: number) => {
    const root = find(k);
    let group = groups.get(root);
    if (!group) {
      group = { horizontals: [], verticals: [] };
      groups.set(root, group);
    }
    return group;
  };
  horizontals.forEach((h, i) => groupOf(i).horizontals.push(h));
  verticals.forEach((v, j) => groupOf(horizontals.length + j).verticals.push(v));
  return [...groups.values()];
}

/** Grid lines: ruling positions clustered, each line keeping the rulings drawn on it. */
interface GridLine {
  at: number;
  rulings: Ruling[];
}

function gridLines(rulings: Ruling[]): GridLine[] {
  const sorted = rulings.slice().sort((p, q) => p.at - q.at);
  const lines: GridLine[] = [];
  for (const ruling of sorted) {
    const last = lines[lines.length - 1];
    if (last && ruling.at - (last.rulings[last.rulings.length - 1]?.at ?? last.at) <= GRID_TOLERANCE) {
      last.rulings.push(ruling);
      continue;
    }
    lines.push({ at: ruling.at, rulings: [ruling] });
  }
  for (const line of lines) line.at = line.rulings.reduce((sum, r) => sum + r.at, 0) / line.rulings.length;
  return lines;
}

/** Whether the line is drawn all the way from `from` to `to`. */
function drawn(line: GridLine, from: number, to: number): boolean {
  return line.rulings.some((r) => r.from <= from + SNAP_TOLERANCE && r.to >= to - SNAP_TOLERANCE);
}

function gridsOf(horizontals: Ruling[], verticals: Ruling[]): Grid[] {
  const ys = gridLines(horizontals);
  const xs = gridLines(verticals);
  const cols = xs.length - 1;
  const rows = ys.length - 1;
  if (cols < 1 || rows < 1 || cols * rows > MAX_SLOTS) return [];
  const x = (i: number) => xs[i]?.at ?? 0;
  const y = (j: number) => ys[j]?.at ?? 0;
  // Whether the border on the left of slot (i, j), or on its top, is drawn.
  const leftDrawn = (i: number, j: number) => {
    const line = xs[i];
    return line !== undefined && drawn(line, y(j), y(j + 1));
  };
  const topDrawn = (i: number, j: number) => {
    const line = ys[j];
    return line !== undefined && drawn(line, x(i), x(i + 1));
  };

  // Slots with no drawn border between them belong to one region.
  const slot = (i: number, j: number) => j * cols + i;
  const parent = Array.from({ length: cols * rows }, (_, k) => k);
  const find = (k: number): number => {
    while (parent[k] !== k) {
      const up = parent[k] ?? k;
      parent[k] = parent[up] ?? up;
      k = up;
    }
    return k;
  };
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      if (i + 1 < cols && !leftDrawn(i + 1, j)) parent[find(slot(i + 1, j))] = find(slot(i, j));
      if (j + 1 < rows && !topDrawn(i, j + 1)) parent[find(slot(i, j + 1))] = find(slot(i, j));
    }
  }
  const regions = new Map<number, { i0: number; i1: number; j0: number; j1: number; count: number }>();
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const root = find(slot(i, j));
      const region = regions.get(root);
      if (!region) regions.set(root, { i0: i, i1: i, j0: j, j1: j, count: 1 });
      else {
        region.i0 = Math.min(region.i0, i);
        region.i1 = Math.max(region.i1, i);
        region.j0 = Math.min(region.j0, j);
        region.j1 = Math.max(region.j1, j);
        region.count++;
      }
    }
  }

  const cells: GridCell[] = [];
  for (const { i0, i1, j0, j1, count } of regions.values()) {
    const colSpan = i1 - i0 + 1;
    const rowSpan = j1 - j0 + 1;
    // Not a rectangle: the space around cells, or inside a frame with a table drawn in it.
    if (count !== colSpan * rowSpan) continue;
    if (!closed(i0, i1, j0, j1, leftDrawn, topDrawn)) continue;
    cells.push({ box: { left: x(i0), top: y(j0), right: x(i1 + 1), bottom: y(j1 + 1) }, row: j0, col: i0, rowSpan, colSpan });
  }
  return connected(cells);
}

function closed(
  i0: number,
  i1: number,
  j0: number,
  j1: number,
  leftDrawn: (i: number, j: number) => boolean,
  topDrawn: (i: number, j: number) => boolean,
): boolean {
  for (let i = i0; i <= i1; i++) if (!topDrawn(i, j0) || !topDrawn(i, j1 + 1)) return false;
  for (let j = j0; j <= j1; j++) if (!leftDrawn(i0, j) || !leftDrawn(i1 + 1, j)) return false;
  return true;
}

/** Cells sharing a border belong to one table; each table's grid keeps only its own lines. */
function connected(cells: GridCell[]): Grid[] {
  const parent = cells.map((_, k) => k);
  const find = (k: number): number => {
    while (parent[k] !== k) k = parent[k] ?? k;
    return k;
  };
  for (let a = 0; a < cells.length; a++) {
    for (let b = a + 1; b < cells.length; b++) {
      const p = cells[a];
      const q = cells[b];
      if (p && q && adjacent(p, q)) parent[find(b)] = find(a);
    }
  }
  const groups = new Map<number, GridCell[]>();
  cells.forEach((cell, k) => {
    const root = find(k);
    const group = groups.get(root);
    if (group) group.push(cell);
    else groups.set(root, [cell]);
  });
  return [...groups.values()].map(compact);
}

function adjacent(p: GridCell, q: GridCell): boolean {
  const rowsOverlap = p.row < q.row + q.rowSpan && q.row < p.row + p.rowSpan;
  const colsOverlap = p.col < q.col + q.colSpan && q.col < p.col + p.colSpan;
  const sideBySide = p.col + p.colSpan === q.col || q.col + q.colSpan === p.col;
  const stacked = p.row + p.rowSpan === q.row || q.row + q.rowSpan === p.row;
  return (rowsOverlap && sideBySide) || (colsOverlap && stacked);
}

/** Renumbers a table's rows and columns on the grid lines its own cells use. */
function compact(cells: GridCell[]): Grid {
  const colLines = [...new Set(cells.flatMap((c) => [c.col, c.col + c.colSpan]))].sort((a, b) => a - b);
  const rowLines = [...new Set(cells.flatMap((c) => [c.row, c.row + c.rowSpan]))].sort((a, b) => a - b);
  const colIndex = new Map(colLines.map((line, k) => [line, k]));
  const rowIndex = new Map(rowLines.map((line, k) => [line, k]));
  const renumbered = cells.map((c) => {
    const col = colIndex.get(c.col) ?? 0;
    const row = rowIndex.get(c.row) ?? 0;
    return {
      box: c.box,
      col,
      row,
      colSpan: (colIndex.get(c.col + c.colSpan) ?? col + 1) - col,
      rowSpan: (rowIndex.get(c.row + c.rowSpan) ?? row + 1) - row,
    };
  });
  renumbered.sort((p, q) => p.row - q.row || p.col - q.col);
  return { cells: renumbered, rows: rowLines.length - 1, cols: colLines.length - 1 };
}
