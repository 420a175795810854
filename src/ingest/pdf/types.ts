/** Geometry is in PDF points, in display space: x grows to the right, y grows downwards. */

/** One styled piece of text from pdfjs, on one baseline. */
export interface TextPiece {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  right: number;
  size: number;
  bold: boolean;
  italic: boolean;
  font: string | undefined;
}

/** Consecutive characters of a line that share a style. */
export interface Span {
  text: string;
  size: number;
  bold: boolean;
  italic: boolean;
  font: string | undefined;
}

export interface Line {
  /** 1-based page number. */
  page: number;
  /** 1-based line on the page, counted from the top (lines side by side at one height share it). */
  number?: number;
  text: string;
  spans: Span[];
  x: number;
  right: number;
  y: number;
  /** Dominant font size, weighted by characters. */
  size: number;
  /** Nearly all letters are bold. */
  bold: boolean;
  /** Gaps between pieces far wider than a word space: cells of a table row, tab stops. */
  wideGaps: number;
  /** Where the text starts when a list marker is drawn apart from it (« • », tab, text). */
  afterMarkerX?: number;
  /** The layout region the line was read in (unique in the document): a new region is a new column or band. */
  region?: number;
  /** The text column the line sits in, when its page is set in columns. */
  column?: Box;
}

/** A table read as a whole, in the flow of a page's lines. */
export interface TableAtom {
  kind: "table";
  page: number;
  table: PdfTable;
}

/** What a page gives to read, in reading order. */
export type FlowItem = Line | TableAtom;

export function isTableAtom(item: FlowItem): item is TableAtom {
  return "kind" in item && item.kind === "table";
}

/** Every piece of text of a table, cell after cell. */
export function tablePieces(table: PdfTable): TextPiece[] {
  return table.rows.flatMap((row) => row.flatMap((cell) => cell.pieces));
}

export interface PageLines {
  page: number;
  /** The page's lines in reading order. */
  lines: Line[];
  /** The same lines with the page's tables among them, in reading order. */
  flow: FlowItem[];
}

/** An axis-aligned box in display space. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A horizontal or vertical stroke drawn on the page (a line, or a thin rectangle's long side). */
export interface Ruling {
  orientation: "horizontal" | "vertical";
  /** For a horizontal ruling: its y; for a vertical one: its x. */
  at: number;
  /** Extent along the ruling: x range for horizontal, y range for vertical. */
  from: number;
  to: number;
}

/** What the page draws besides text, in display space: what tables, boxes and scans are seen from. */
export interface PageGraphics {
  rulings: Ruling[];
  /** Filled or stroked rectangles larger than a ruling: frames of sidebars, shaded boxes, cells. */
  rects: Box[];
  /** Where images are painted. */
  images: Box[];
  /**
   * Boxes of the annotations drawn on the page (form fields: text inputs, checkboxes), whose
   * appearance is not read into rulings and rects. Optional: absent when not collected.
   */
  fields?: Box[];
  width: number;
  height: number;
}

/** One cell of a table found on a PDF page. */
export interface PdfTableCell {
  /** The pieces of text drawn inside the cell. */
  pieces: TextPiece[];
  /** Columns this cell spans (1 when not merged). */
  colSpan: number;
  /** Rows this cell spans (1 when not merged). */
  rowSpan: number;
}

/** A table found on one page: ruled (from drawn lines) or aligned (from columns of text). */
export interface PdfTable {
  page: number;
  box: Box;
  kind: "ruled" | "aligned";
  /**
   * Rows top to bottom, cells left to right, as in HTML: a merged cell appears once, in the row of its
   * top-left slot, and the slots it covers further right or in later rows are left out (so a row can
   * be shorter than the table is wide); a slot no cell covers (a notch in a ruled table's outline)
   * holds an empty cell. Every slot is thus accounted for by walking rows with colSpan/rowSpan.
   * Aligned tables have no merged cells: every row has one cell per column, empty ones included.
   */
  rows: PdfTableCell[][];
}
