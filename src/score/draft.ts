import type { Block, FalcDocument } from "../model/types.js";
import { DRAFT_NOTE, DRAFT_NOTICE, PROBLEMS_TITLE } from "../render/draft-notice.js";

/**
 * The blocks of a draft falc wrote that its readers are not meant to read: the notice that the draft
 * awaits their validation (one line in `.falc.md`, a box of four lines in `.falc.docx`) and the list
 * of facts to check (`.falc.md` only). `falc score` leaves them out, so that the draft scores the
 * same in every format and as `convert` reports it. Found only by their exact text: a document
 * falc did not write has none.
 */
export function draftFurniture(document: FalcDocument): ReadonlySet<Block> {
  const skipped = new Set<Block>();
  const blocks = document.sections.flatMap((section) => section.blocks);
  const note = DRAFT_NOTE.map(normalise);
  const notice = normalise(DRAFT_NOTICE);
  for (let i = 0; i < blocks.length; i++) {
    const text = textOf(blocks[i]!);
    if (text === notice) skipped.add(blocks[i]!);
    else if (text === note[0] && note.every((line, j) => blocks[i + j] !== undefined && textOf(blocks[i + j]!) === line)) {
      for (let j = 0; j < note.length; j++) skipped.add(blocks[i + j]!);
    }
  }
  if (skipped.size === 0) return skipped;
  for (const section of document.sections) {
    if (normalise(section.title) === normalise(PROBLEMS_TITLE)) for (const block of section.blocks) skipped.add(block);
  }
  return skipped;
}

function textOf(block: Block): string | undefined {
  return block.type === "paragraph" || block.type === "heading" ? normalise(block.text) : undefined;
}

/** What the formats change in a line: bold marks, spaces (non-breaking before « : »), apostrophes. */
function normalise(text: string): string {
  return text.replace(/\*\*/g, "").replace(/[\s\u00a0\u202f]+/g, " ").replace(/’/g, "'").trim();
}
