import type { IParagraphOptions, IRunOptions, Paragraph } from "docx";
import type { RewriteBlock } from "../../rewrite/types.js";
import { markupRuns, type Docx } from "../docx/common.js";
import { lines } from "../docx/markup.js";
import { floatingPictureRun, REVIEW_PICTURE, type BlockPicture } from "../docx/pictogram.js";

/**
 * A block of the « Version facile à lire » column with its picture (issue 13). The picture floats at
 * the block's left, anchored in its first paragraph, and the block's text is indented past it. No
 * nested table: falc reads this cell back when the staff corrects it, and a table there would read as
 * a table of the text. A block shorter than its picture gets room below it, so that the next block
 * never flows beside a picture that is not its own.
 */

export interface PictureBlockLook {
  run: Omit<IRunOptions, "text" | "children">;
  first: Pick<IParagraphOptions, "spacing">;
  next: Pick<IParagraphOptions, "spacing">;
  bullets: string;
}

/** The bullets' own indent (layout.ts), moved past the picture. */
const LIST_INDENT = { left: 397, hanging: 284 };
const TWIPS_PER_CM = 1440 / 2.54;
/**
 * A line of 14 pt text as the review document sets it (a little more than 1.2 em), and Arial's narrowest
 * average character: lines are under-counted, so the room below errs large.
 */
const LINE_TWIPS = 14 * 20 * 1.25;
const CHAR_TWIPS = 14 * 20 * 0.42;

export function pictureBlock(d: Docx, block: Exclude<RewriteBlock, { type: "table" }>, picture: BlockPicture, width: number, look: PictureBlockLook): Paragraph[] {
  const intro = block.type === "paragraph" ? block.sentences.flatMap(lines) : lines(block.intro ?? "");
  const items = block.type === "list" ? block.items.flatMap(lines) : [];
  const texts = [...intro.map((text) => ({ text, item: false })), ...items.map((text) => ({ text, item: true }))];
  const room = roomBelow(texts.map((t) => t.text), width - REVIEW_PICTURE.indent, look);
  return texts.map(({ text, item }, i) => {
    const base = i === 0 ? look.first.spacing : look.next.spacing;
    const spacing = i === texts.length - 1 ? { ...base, after: Math.max(base?.after ?? 0, room) } : base;
    const indent = item ? { left: REVIEW_PICTURE.indent + LIST_INDENT.left, hanging: LIST_INDENT.hanging } : { left: REVIEW_PICTURE.indent };
    return new d.Paragraph({
      spacing,
      indent,
      ...(item ? { numbering: { reference: look.bullets, level: 0 } } : {}),
      children: [...(i === 0 ? [floatingPictureRun(d, picture)] : []), ...markupRuns(d, text, look.run)],
    });
  });
}

/** Space after the block's last line so that the block is at least as tall as its picture (a rough, generous guess of its lines). */
function roomBelow(texts: readonly string[], width: number, look: PictureBlockLook): number {
  const perLine = Math.max(8, Math.floor(width / CHAR_TWIPS));
  const gaps = (texts.length - 1) * (look.next.spacing?.after ?? 0);
  const height = texts.reduce((sum, text) => sum + Math.max(1, Math.ceil(text.length / perLine)) * LINE_TWIPS, 0) + gaps;
  const picture = REVIEW_PICTURE.sizeCm * TWIPS_PER_CM + 180;
  return Math.max(0, Math.round(picture - height));
}
