import type { Box, Ruling } from "../types.js";
import { drawnGutters, findGutters, type Gutter } from "./gutters.js";
import type { Placed } from "./placed.js";

/**
 * Reading order of a page, found from its white space (a recursive XY-cut): the page is cut into
 * horizontal bands at empty strips, a band is cut into columns at a gutter (an empty vertical strip
 * that runs the band's whole height), and each column is read the same way, top to bottom. Bands
 * that share a gutter are one multi-column block, so that paragraph gaps which happen to line up in
 * both columns do not interleave them. A column inside a drawn frame (a sidebar) is read after
 * the text it sits beside; a drawn vertical line that runs the band's height separates columns even
 * when they hold only short labels.
 */

/** What the page draws that tells its layout. */
export interface Drawing {
  /** Rectangles: a column inside one is a sidebar. */
  frames: Box[];
  /** Vertical rulings: column separators. */
  separators: Ruling[];
}

const NO_DRAWING: Drawing = { frames: [], separators: [] };

export interface Region<T> {
  items: Placed<T>[];
  /** The text column the region belongs to when the page was cut into columns. */
  column?: Box;
}

/** Strips emptier than this (in em) between two bands of text split them. */
const BAND_GAP_EM = 0.35;
/** Beyond this depth the page is read as it is: real layouts are never nested this deep. */
const MAX_DEPTH = 8;

/** The page's regions in reading order. `frames` are drawn rectangles (sidebars, boxes). */
export function readingOrder<T>(items: Placed<T>[], drawing: Drawing = NO_DRAWING): Region<T>[] {
  const regions: Region<T>[] = [];
  const separators = drawing.separators.filter((ruling) => ruling.orientation === "vertical");
  cut(items, undefined, { frames: drawing.frames, separators }, 0, regions);
  return regions;
}

function cut<T>(items: Placed<T>[], column: Box | undefined, drawing: Drawing, depth: number, out: Region<T>[]): void {
  if (items.length === 0) return;
  if (depth >= MAX_DEPTH || items.length === 1) {
    out.push(region(items, column));
    return;
  }
  // A drawn line that runs the whole region, crossed by no text, parts it before anything else. White
  // space alone does not: a heading under a sidebar leaves a gutter beside it but follows both.
  const whole = drawnGutters(items, drawing.separators);
  const bands: Band<T>[] = whole.length > 0 ? [{ items, top: 0, bottom: 0 }] : splitBands(items);
  const blocks = whole.length > 0 ? [{ items, gutters: whole }] : mergeBandsByGutter(bands, drawing.separators);
  if (blocks.length === 1 && blocks[0]!.gutters.length === 0) {
    out.push(region(items, column));
    return;
  }
  for (const block of blocks) {
    if (block.gutters.length === 0) {
      if (blocks.length === 1) out.push(region(block.items, column));
      else cut(block.items, column, drawing, depth + 1, out);
      continue;
    }
    const columns = splitColumns(block.items, block.gutters);
    for (const side of orderColumns(columns, drawing.frames)) cut(side.items, side.box, drawing, depth + 1, out);
  }
}

function region<T>(items: Placed<T>[], column: Box | undefined): Region<T> {
  return column ? { items, column } : { items };
}

interface Band<T> {
  items: Placed<T>[];
  top: number;
  bottom: number;
}

/** Cuts at every empty horizontal strip wider than a fraction of the text size. */
function splitBands<T>(items: Placed<T>[]): Band<T>[] {
  const sorted = items.slice().sort((p, q) => p.box.top - q.box.top);
  const bands: Band<T>[] = [];
  let current: Band<T> | undefined;
  for (const item of sorted) {
    const gap = BAND_GAP_EM * item.size;
    if (current && item.box.top <= current.bottom + gap) {
      current.items.push(item);
      current.bottom = Math.max(current.bottom, item.box.bottom);
      continue;
    }
    current = { items: [item], top: item.box.top, bottom: item.box.bottom };
    bands.push(current);
  }
  return bands;
}

interface Block<T> {
  items: Placed<T>[];
  gutters: Gutter[];
}


/** Consecutive bands cut by the same gutter are read as one multi-column block. */
function mergeBandsByGutter<T>(bands: Band<T>[], separators: Ruling[]): Block<T>[] {
  const blocks: Block<T>[] = [];
  for (const band of bands) {
    const previous = blocks[blocks.length - 1];
    const own = findGutters(band.items, separators);
    // Only a band that is itself set in columns continues the block above: a heading under two
    // columns fits beside their gutter, but it starts what follows them.
    if (previous && previous.gutters.length > 0 && own.length > 0 && sharesGutter(previous.gutters, own)) {
      const merged = previous.items.concat(band.items);
      const gutters = findGutters(merged, separators);
      if (gutters.length > 0 && sharesGutter(previous.gutters, gutters)) {
        previous.items = merged;
        previous.gutters = gutters;
        continue;
      }
    }
    blocks.push({ items: band.items, gutters: own });
  }
  return blocks;
}

function sharesGutter(before: Gutter[], after: Gutter[]): boolean {
  return before.some((g) => after.some((h) => h.left < g.right && g.left < h.right));
}

interface Column<T> {
  items: Placed<T>[];
  box: Box;
}

function splitColumns<T>(items: Placed<T>[], gutters: Gutter[]): Column<T>[] {
  const edges = gutters.map((gutter) => (gutter.left + gutter.right) / 2);
  const columns: Placed<T>[][] = edges.map(() => []);
  columns.push([]);
  for (const item of items) {
    const centre = (item.box.left + item.box.right) / 2;
    let index = edges.findIndex((edge) => centre < edge);
    if (index < 0) index = edges.length;
    columns[index]!.push(item);
  }
  return columns.filter((column) => column.length > 0).map((column) => ({ items: column, box: boxOf(column) }));
}

function boxOf<T>(items: Placed<T>[]): Box {
  return {
    left: Math.min(...items.map((item) => item.box.left)),
    top: Math.min(...items.map((item) => item.box.top)),
    right: Math.max(...items.map((item) => item.box.right)),
    bottom: Math.max(...items.map((item) => item.box.bottom)),
  };
}

/** Left to right, except that a framed column (a sidebar) comes after the text it sits beside. */
function orderColumns<T>(columns: Column<T>[], frames: Box[]): Column<T>[] {
  const framed = columns.map((column) => frames.some((frame) => encloses(frame, column.box)));
  if (framed.every(Boolean) || !framed.some(Boolean)) return columns;
  return [...columns.filter((_, index) => !framed[index]), ...columns.filter((_, index) => framed[index])];
}

function encloses(frame: Box, box: Box): boolean {
  const slack = 2;
  return frame.left - slack <= box.left && frame.right + slack >= box.right && frame.top - slack <= box.top && frame.bottom + slack >= box.bottom;
}
