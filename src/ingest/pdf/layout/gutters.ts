import type { Ruling } from "../types.js";
import type { Placed } from "./placed.js";

/**
 * Where a band of text may be cut into columns: empty vertical strips with a column of text on each
 * side (prose, a label wrapped on two lines, or anything beside a drawn vertical line), never the
 * evenly stretched word spaces of a justified line.
 */

export interface Gutter {
  left: number;
  right: number;
}

/** A separator must run at least this share of the band's height. */
const SEPARATOR_SPAN = 0.8;
/** A gutter must be at least this wide, in em of the band's text. */
const GUTTER_EM = 0.9;
/** A column of text has lines at least this long (median, in letters): bullets and numbers do not. */
const COLUMN_MIN_LETTERS = 18;
/** A side of a gutter narrower than this (em) is a margin note, a number or a marker column. */
const COLUMN_MIN_WIDTH_EM = 6;

/** Empty vertical strips running the whole height of `items`, with a column of text on each side. */
export function findGutters<T>(items: Placed<T>[], separators: Ruling[]): Gutter[] {
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

export function drawnGutters<T>(items: Placed<T>[], separators: Ruling[]): Gutter[] {
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
