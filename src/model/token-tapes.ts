import { recordTokens, type TokenTape } from "../analysis/token-tape.js";
import type { Block, TextUnit } from "./types.js";

/**
 * Tokens of the headings and paragraphs, kept from the word count that cuts sections (sections.ts)
 * until the rule engine reads the same unit: a long text is then scanned once, not twice. Each tape
 * is handed out once and dropped, so a document's tokens are never all held for long.
 */
const tapes = new WeakMap<TextUnit, TokenTape>();

/** The number of words of a block (countWords of its text), keeping a heading's or a paragraph's tokens. */
export function countBlockWords(block: Block): number {
  const tape = recordTokens(block.text);
  // A list's or a table's text is not one unit: its items and cells are read one by one.
  if (block.type === "heading" || block.type === "paragraph") tapes.set(block, tape);
  return tape.words;
}

/** The tokens kept for `unit`, when its text has not changed since, handed out once. */
export function takeTokens(unit: TextUnit): TokenTape | undefined {
  const tape = tapes.get(unit);
  if (tape === undefined) return undefined;
  tapes.delete(unit);
  return tape.text === unit.text ? tape : undefined;
}
