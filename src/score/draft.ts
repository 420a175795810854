import type { Block, FalcDocument } from "../model/types.js";
import { CREDITS_LABEL, DRAFT_NOTE, DRAFT_NOTICE, PROBLEMS_TITLE } from "./draft-notice.js";

/**
 * The blocks of a draft falc wrote that its readers are not meant to read: the notice that the draft
 * awaits their validation (one line in `.falc.md`, a box of four lines in `.falc.docx`) and the list
 * of facts to check (`.falc.md` only), the credits of the pictures. `falc score` leaves them out, so that the draft scores the
 * same in every format and as `convert` reports it. Found only by their exact text: a document
 * falc did not write has none.
 */
export function draftFurniture(document: FalcDocument): ReadonlySet<Block> {
  const skipped = new Set<Block>();
  const blocks = document.sections.flatMap((section) => section.blocks);
  const note = DRAFT_NOTE.map(normalise);
  const notice = normalise(DRAFT_NOTICE);
  const longest = Math.max(notice.length, ...note.map((line) => line.length));
  for (let i = 0; i < blocks.length; i++) {
    const text = textOf(blocks[i]!, longest);
    if (text === notice) skipped.add(blocks[i]!);
    else if (text === note[0] && note.every((line, j) => blocks[i + j] !== undefined && textOf(blocks[i + j]!, longest) === line)) {
      for (let j = 0; j < note.length; j++) skipped.add(blocks[i + j]!);
    }
  }
  if (skipped.size === 0) return skipped;
  // The credits of the pictures' banks, the draft's last line.
  const last = blocks[blocks.length - 1];
  if (last && last.type === "paragraph" && normalise(last.text).startsWith(`${CREDITS_LABEL} : `)) skipped.add(last);
  for (const section of document.sections) {
    if (normalise(section.title) === normalise(PROBLEMS_TITLE)) for (const block of section.blocks) skipped.add(block);
  }
  return skipped;
}

/** The normalised text of a paragraph or heading; undefined when it cannot be one of the lines sought. */
function textOf(block: Block, longest: number): string | undefined {
  if (block.type !== "paragraph" && block.type !== "heading") return undefined;
  // Normalising keeps every character but spaces and « * »: a block with more of the others than the
  // longest line sought is none of them, and is not normalised (a long document has thousands of blocks).
  if (keptAtLeast(block.text, longest + 1)) return undefined;
  return normalise(block.text);
}

/** Whether `text` has at least `count` characters that are neither white space nor « * ». */
function keptAtLeast(text: string, count: number): boolean {
  if (text.length < count) return false;
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x2a || (code <= 0x20) || (code >= 0x7f && WHITE.test(text.charAt(i)))) continue;
    if (++kept >= count) return true;
  }
  return false;
}

const WHITE = /[\s\u0085]/;

/** What the formats change in a line: bold marks, spaces (non-breaking before « : »), apostrophes. */
function normalise(text: string): string {
  return text.replace(/\*\*/g, "").replace(/[\s\u00a0\u202f]+/g, " ").replace(/’/g, "'").trim();
}
