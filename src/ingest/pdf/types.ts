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
}

export interface PageLines {
  page: number;
  lines: Line[];
}
