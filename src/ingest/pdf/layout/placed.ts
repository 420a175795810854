import type { Box, TextPiece } from "../types.js";

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
