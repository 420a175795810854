import type { Box, Ruling, TextPiece } from "../types.js";

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
/** A separator must run at least this share of the band's height. */
const SEPARATOR_SPAN = 0.8;

/** Something placed on the page: a piece of text, or an atom such as a table read as a whole. */
export interface Placed<T> {
  box: Box;
  /** Letters in it (0 for white space): what makes a side of a gutter a column of text. */
  letters: number;
  /** Font size, for the gaps measured in em. */
  size: number;
  /** Baseline, to tell rows of cells from columns of text. */
  baseline: number;
  /** The text, for a piece of text: how a line ends tells a wrapped label from a list of fields. */
  text?: string;
  item: T;
}

export interface Region<T> {
  items: Placed<T>[];
  /** The text column the region belongs to when the page was cut into columns. */
  column?: Box;
}

/** A gutter must be at least this wide, in em of the band's text. */
const GUTTER_EM = 0.9;
/** Strips emptier than this (in em) between two bands of text split them. */
const BAND_GAP_EM = 0.35;
/** A column of text has lines at least this long (median, in letters): bullets and numbers do not. */
const COLUMN_MIN_LETTERS = 18;
/** A side of a gutter narrower than this (em) is a margin note, a number or a marker column. */
const COLUMN_MIN_WIDTH_EM = 6;
/** Beyond this depth the page is read as it is: real layouts are never nested this deep. */
const MAX_DEPTH = 8;

export function placeText(piece: TextPiece): Placed<TextPiece> {
  return {
    box: { left: piece.x, right: Math.max(piece.right, piece.x), top: piece.y - 0.8 * piece.size, bottom: piece.y + 0.2 * piece.size },
    letters: countLetters(piece.text),
    size: piece.size,
    baseline: piece.y,
    text: piece.text,
    item: piece,
  };
}

function countLetters(text: string): number {
  let count = 0;
  for (const char of text) if (/[\p{L}\p{N}]/u.test(char)) count++;
  return count;
}

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

interface Gutter {
  left: number;
  right: number;
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

/** Empty vertical strips running the whole height of `items`, with a column of text on each side. */
function findGutters<T>(items: Placed<T>[], separators: Ruling[]): Gutter[] {
  const visible = items.filter((item) => item.letters > 0);
  if (visible.length < 2) return [];
  const size = medianSize(visible);
  const spans = visible.map((item) => [item.box.left, item.box.right] as const).sort((p, q) => p[0] - q[0]);
  const candidates: Gutter[] = [];
  let reach = spans[0]![1];
  for (const [left, right] of spans) {
    if (left - reach >= GUTTER_EM * size) candidates.push({ left: reach, right: left });
    reach = Math.max(reach, right);
  }
  if (candidates.length === 0) return [];
  const accepted: Gutter[] = [];
  let leftEdge = -Infinity;
  for (const [index, gutter] of candidates.entries()) {
    if (isStretchedSpace(gutter, visible)) continue;
    const rightEdge = candidates[index + 1]?.left ?? Infinity;
    const leftSide = visible.filter((item) => item.box.right <= gutter.left + 0.01 && item.box.left >= leftEdge);
    const rightSide = visible.filter((item) => item.box.left >= gutter.right - 0.01 && item.box.right <= rightEdge);
    const drawn = separates(separators, gutter, visible);
    const columnar = (side: Placed<T>[]) => isTextColumn(side, size) || isWrappedLabel(side);
    // A wrapped label beside one line (a title and its legend, a field and a two-line label) is read
    // after that line, whole.
    const besideOneLine = labelBesideLine(leftSide, rightSide) || labelBesideLine(rightSide, leftSide);
    if ((drawn && leftSide.length > 0 && rightSide.length > 0) || (columnar(leftSide) && columnar(rightSide)) || besideOneLine) {
      accepted.push(gutter);
      leftEdge = gutter.right;
    }
  }
  return accepted;
}

/** Word spaces of one justified line differ by less than this ratio (kerning, rounding). */
const EVEN_SPACING = 1.15;

/**
 * A justified line with few words (a bold heading over two lines, a short line forced to the full
 * width) stretches every word space alike, sometimes past a gutter's width; two such lines can leave
 * an empty strip between two « wrapped labels ». A real gutter is wider than the word spaces of
 * the lines it parts, while a justified line spaces all its words evenly: the candidate is a word
 * space when a line crossing it, set in one size, has at least three other gaps between its words
 * and all of them, the candidate's included, are equal. Producers that write a whole line as one
 * piece give no such gaps, and nothing changes for them.
 */
function isStretchedSpace<T>(gutter: Gutter, visible: Placed<T>[]): boolean {
  const rows = new Map<number, Placed<T>[]>();
  for (const item of visible) {
    const key = [...rows.keys()].find((baseline) => Math.abs(baseline - item.baseline) <= 0.2 * item.size) ?? item.baseline;
    rows.set(key, [...(rows.get(key) ?? []), item]);
  }
  for (const row of rows.values()) {
    const sorted = row.slice().sort((p, q) => p.box.left - q.box.left);
    const sizes = sorted.map((item) => item.size);
    if (Math.max(...sizes) > EVEN_SPACING * Math.min(...sizes)) continue;
    const gaps: number[] = [];
    let crosses = false;
    for (let i = 1; i < sorted.length; i++) {
      const [before, after] = [sorted[i - 1]!, sorted[i]!];
      const gap = after.box.left - before.box.right;
      if (before.box.right <= gutter.left + 0.01 && after.box.left >= gutter.right - 0.01) crosses = true;
      // Pieces touching are one word in two fonts, not a space.
      if (gap > 0.1 * after.size) gaps.push(gap);
    }
    if (!crosses || gaps.length < 4) continue;
    if (Math.max(...gaps) <= EVEN_SPACING * Math.min(...gaps)) return true;
  }
  return false;
}

function drawnGutters<T>(items: Placed<T>[], separators: Ruling[]): Gutter[] {
  if (separators.length === 0) return [];
  const visible = items.filter((item) => item.letters > 0);
  return findGutters(items, separators).filter((gutter) => separates(separators, gutter, visible));
}

/** Whether a drawn vertical line inside the gap runs (nearly) the whole height of the text. */
function separates<T>(separators: Ruling[], gap: Gutter, items: Placed<T>[]): boolean {
  if (separators.length === 0) return false;
  const top = Math.min(...items.map((item) => item.box.top));
  const bottom = Math.max(...items.map((item) => item.box.bottom));
  const height = bottom - top;
  return separators.some((ruling) => {
    if (ruling.at < gap.left || ruling.at > gap.right) return false;
    const covered = Math.min(ruling.to, bottom) - Math.max(ruling.from, top);
    return covered >= SEPARATOR_SPAN * height;
  });
}

/** Lines of the side, rebuilt roughly from baselines: enough to judge line length. */
interface SideLine {
  baseline: number;
  letters: number;
  /** Text of the line's rightmost piece: how the line ends. */
  end: string;
  right: number;
}

function sideLines<T>(items: Placed<T>[]): SideLine[] {
  const lines: (SideLine & { size: number })[] = [];
  // Largest text first: a line's baseline is its main text's, and a superscript (« 1er », a note
  // call) raised above it then joins it instead of making a line of its own above.
  const bySize = items.slice().sort((p, q) => q.size - p.size);
  for (const item of bySize) {
    let line = lines.find((existing) => Math.abs(existing.baseline - item.baseline) <= 0.4 * Math.max(item.size, existing.size));
    if (!line) {
      line = { baseline: item.baseline, letters: 0, end: "", right: -Infinity, size: item.size };
      lines.push(line);
    }
    line.letters += item.letters;
    if (item.box.right > line.right && (item.text ?? "").trim() !== "") {
      line.right = item.box.right;
      line.end = (item.text ?? "").trim();
    }
  }
  return lines.map(({ size: _, ...line }) => line).sort((p, q) => p.baseline - q.baseline);
}

/**
 * The line sits between the label's first and last lines, as a title beside a two-line legend or a
 * field beside a two-line label does. A line level with the label's first line is rather a line
 * whose end wrapped back under its start (« ANNEXE 5 → Modèle du questionnaire… / tourisme »).
 */
function labelBesideLine<T>(label: Placed<T>[], other: Placed<T>[]): boolean {
  if (!isWrappedLabel(label)) return false;
  const lines = sideLines(other);
  if (lines.length !== 1 || lines[0]!.letters < 3) return false;
  const own = sideLines(label);
  const baseline = lines[0]!.baseline;
  const size = medianSize(label);
  return baseline > own[0]!.baseline + 0.3 * size && baseline < own[own.length - 1]!.baseline - 0.3 * size;
}

/**
 * A short label wrapped on two or three lines (« N° d’immatriculation / sécurité sociale : »): set
 * beside another one, each is read whole before the other. Lines that each end a field (« Nom : »,
 * « Prénom : ») are rows read across instead.
 */
function isWrappedLabel<T>(side: Placed<T>[]): boolean {
  const lines = sideLines(side);
  if (lines.length < 2 || lines.length > 3) return false;
  if (lines.reduce((sum, line) => sum + line.letters, 0) < 8) return false;
  return lines.slice(0, -1).every((line) => line.end !== "" && !/[:;.!?…_]$/u.test(line.end));
}

/**
 * A column of text: several lines, most of them long enough to be wrapped prose, and room for it.
 * A column of bullets, numbers, page numbers or short labels is not one.
 */
function isTextColumn<T>(side: Placed<T>[], size: number): boolean {
  if (side.length === 0) return false;
  const left = Math.min(...side.map((item) => item.box.left));
  const right = Math.max(...side.map((item) => item.box.right));
  if (right - left < COLUMN_MIN_WIDTH_EM * size) return false;
  const lines = sideLines(side);
  if (lines.length < 2) return false;
  const lengths = lines.map((line) => line.letters).sort((p, q) => p - q);
  return (lengths[Math.floor(lengths.length / 2)] ?? 0) >= COLUMN_MIN_LETTERS;
}

function medianSize<T>(items: Placed<T>[]): number {
  const sizes = items.map((item) => item.size).sort((p, q) => p - q);
  return sizes[Math.floor(sizes.length / 2)] ?? 10;
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
