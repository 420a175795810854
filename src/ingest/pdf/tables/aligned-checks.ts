/**
 * What tells a run of aligned lines from a table: text columns, justified text, lists, forms of
 * labels and blanks or of checkboxes line up as well, and must stay text.
 */
import type { Box, TextPiece } from "../types.js";
import { textOf, type Chunk, type Interval, type TextRow } from "./text-rows.js";

/** A table has at least this many lines cut into cells. */
export const MIN_ROWS = 3;
/** A cell of more words than this is prose. */
const LONG_CELL_WORDS = 6;
/** Tables with a larger share of prose cells are text columns. */
const MAX_LONG_SHARE = 0.2;
/** A line of running text has at least this many words… */
const PROSE_WORDS = 3;
/** …and fills this share of its column's width, unless it goes on a sentence. */
const FULL_LINE = 0.85;
/** A column with this share of running-text lines is a text column. */
const PROSE_SHARE = 0.5;
/** A table with this share of cells starting in lowercase is text cut by wide spaces. */
const LOWERCASE_SHARE = 0.4;
/** Lines starting and ending this close (in em) to the run's extremes fill its width… */
const JUSTIFIED_EDGE = 0.1;
/** …and a run with this share of such lines is justified text. */
const JUSTIFIED_SHARE = 0.8;
const STARTS_WITH_BULLET = /^[-–—*•●▪■◦○‣∙·◆◇►▸➢➤✓✔□❖\uF0A7\uF0B7\uF076\uF0D8\uF0FC\uF0A8\uF06E\uF071]\s/u;
/** A blank to fill in: underscores, dots, ellipses. */
const FILLER = /^[\s_.…·-]+$/u;
/** Checkbox glyphs, and the Wingdings boxes Word exports as private-use characters. */
const BOX_GLYPH = /^[☐☑☒❑❒□■\uF06F\uF0A8\uF071\uF0FE\uF0FD]/u;
/** A form's share of options with a checkbox before them, above which it is a form, not a table. */
const MAX_TICKED_SHARE = 0.3;
/** A checkbox is at most this tall and wide (in em of the text beside it). */
const BOX_SIZE = 2.2;

/**
 * Justified text: its lines of few, long words open wide gaps (stretched spaces, or words placed one
 * by one), and since every line starts and ends at the margins, the gaps before the last words line
 * up. A table rarely fills the same width on nearly every row.
 */
export function isJustified(rows: TextRow[]): boolean {
  const cut = rows.filter((row) => row.chunks.length >= 2);
  const left = Math.min(...cut.map((row) => row.chunks[0]?.left ?? Infinity));
  const right = Math.max(...cut.map((row) => row.chunks[row.chunks.length - 1]?.right ?? -Infinity));
  const full = cut.filter((row) => {
    const tolerance = JUSTIFIED_EDGE * row.size;
    return Math.abs((row.chunks[0]?.left ?? 0) - left) <= tolerance && Math.abs((row.chunks[row.chunks.length - 1]?.right ?? 0) - right) <= tolerance;
  });
  return full.length >= JUSTIFIED_SHARE * cut.length;
}

/** Options with a checkbox before them: drawn, a form field, or a box glyph. */
export function isForm(rows: TextRow[], boxes: Box[]): boolean {
  let chunks = 0;
  let ticked = 0;
  for (const row of rows) {
    for (const chunk of row.chunks) {
      chunks++;
      if (BOX_GLYPH.test(textOf(chunk.pieces)) || boxes.some((box) => ticks(box, chunk, row))) ticked++;
    }
  }
  return chunks > 0 && ticked / chunks > MAX_TICKED_SHARE;
}

function ticks(box: Box, chunk: Chunk, row: TextRow): boolean {
  const em = row.size;
  if (box.right - box.left > BOX_SIZE * em || box.bottom - box.top > BOX_SIZE * em) return false;
  const beside = box.right >= chunk.left - 1.5 * em && box.right <= chunk.left + 0.5 * em;
  const level = box.top < row.y + 0.3 * em && box.bottom > row.y - em;
  return beside && level;
}

/**
 * Whether a column holds lines of running text: most of its lines either go on a sentence (start in
 * lowercase) or fill the column's width with several words, as justified or wrapped text does.
 * Table cells start with a capital or a digit and vary in width.
 */
export function hasProseColumn(rows: TextRow[], gutters: Interval[]): boolean {
  const columns: Chunk[][] = Array.from({ length: gutters.length + 1 }, () => []);
  for (const row of rows) {
    for (const chunk of row.chunks) columns[gutters.filter((gutter) => gutter.right <= chunk.left + 0.01).length]?.push(chunk);
  }
  return columns.some((chunks) => {
    if (chunks.length === 0) return false;
    const widest = Math.max(...chunks.map((chunk) => chunk.right - chunk.left));
    const prose = chunks.filter((chunk) => {
      const text = textOf(chunk.pieces);
      const words = text.split(" ").length;
      const goesOn = /^\p{Ll}/u.test(text) && words >= PROSE_WORDS;
      const fills = words >= PROSE_WORDS + 1 && chunk.right - chunk.left >= FULL_LINE * widest;
      return goesOn || fills;
    });
    return prose.length >= PROSE_SHARE * chunks.length;
  });
}

export function readsAsTable(rows: TextPiece[][][]): boolean {
  const filled = rows.filter((row) => row.filter((cell) => cell.length > 0).length >= 2);
  if (filled.length < MIN_ROWS) return false;
  // Lines filling disjoint columns in turn are the lines of cells centred on a taller row, which
  // lines cannot lay out.
  for (let k = 1; k < rows.length; k++) {
    const above = rows[k - 1] ?? [];
    const below = rows[k] ?? [];
    if (!above.some((cell, col) => cell.length > 0 && (below[col]?.length ?? 0) > 0)) return false;
  }
  const texts = rows.flatMap((row) => row.filter((cell) => cell.length > 0).map(textOf));
  if (texts.length === 0) return false;
  const share = (test: (text: string) => boolean) => texts.filter(test).length / texts.length;
  // Text columns and paragraphs: long runs of words, or words going on a sentence (cells start
  // with a capital or a digit, short values such as « oui », « non », « h » aside).
  if (share((text) => text.split(" ").length > LONG_CELL_WORDS) > MAX_LONG_SHARE) return false;
  if (share((text) => /^\p{Ll}/u.test(text) && (text.match(/\p{L}/gu)?.length ?? 0) > 3) >= LOWERCASE_SHARE) return false;
  // Two columns of list items.
  if (share((text) => STARTS_WITH_BULLET.test(text)) >= 0.5) return false;
  // A form: « Nom : » labels and blanks to fill in.
  if (share((text) => FILLER.test(text)) > 0.25) return false;
  const labels = rows.map((row) => row[0] ?? []).filter((cell) => cell.length > 0).map(textOf);
  if (labels.length > 0 && labels.filter((text) => /:$/.test(text)).length / labels.length >= 0.5) return false;
  if (share((text) => /:$/.test(text)) >= 0.4) return false;
  return true;
}
