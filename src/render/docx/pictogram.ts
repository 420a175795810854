import { CREDITS_LABEL } from "../../score/draft-notice.js";
import type { ImageRun, Paragraph, Table } from "docx";
import { imageKey, type PictogramChoice, type PictogramPlan, type PictureImage } from "../../pictograms/types.js";
import type { Docx } from "./common.js";
import { markupRuns } from "./common.js";

/**
 * The picture beside an idea (issue 13). In the FALC document, a block with a picture is a borderless
 * row of two cells, as in FALC booklets: the picture on the left, about 2.5 cm, its top level with the
 * block's first line; the text on the right. Its alternative text is the keyword it was chosen for.
 */

export interface BlockPicture {
  choice: PictogramChoice;
  image: PictureImage;
  /** The drawing's id in the document: docx would number drawings from a counter shared by every render. */
  id: number;
}

/** Twentieths of a point in a centimetre, and pixels (docx sizes images in pixels at 96 dpi). */
const TWIPS_PER_CM = 1440 / 2.54;
const PIXELS_PER_CM = 96 / 2.54;

/** The pictures of one section's blocks, by block position. */
export function sectionPictures(plan: PictogramPlan | undefined, sectionIndex: number): Map<number, BlockPicture> {
  const out = new Map<number, BlockPicture>();
  for (const choice of plan?.sections.get(sectionIndex) ?? []) {
    const image = plan!.images.get(imageKey(choice));
    // Unique in a document (a section has at most 300 blocks), and the same at every render.
    if (image) out.set(choice.block, { choice, image, id: 1 + sectionIndex * 1000 + choice.block });
  }
  return out;
}

/** The picture, fitted in a square of `sizeCm`, inline or floating; its alternative text is the keyword. */
export function pictureRun(d: Docx, picture: BlockPicture, sizeCm: number, floating?: ConstructorParameters<Docx["ImageRun"]>[0]["floating"]): ImageRun {
  const { image, choice } = picture;
  const scale = (sizeCm * PIXELS_PER_CM) / Math.max(image.width, image.height);
  const transformation = { width: Math.round(image.width * scale), height: Math.round(image.height * scale) };
  const altText = { id: String(picture.id), name: choice.keyword, description: choice.keyword, title: choice.keyword };
  const common = { transformation, altText, ...(floating ? { floating } : {}) };
  if (image.type === "svg" && image.fallback) {
    return new d.ImageRun({ type: "svg", data: image.data, fallback: { type: "png", data: image.fallback }, ...common });
  }
  if (image.type === "svg") throw new Error(`picture ${choice.file} has no PNG rendering`);
  return new d.ImageRun({ type: image.type, data: image.data, ...common });
}

export interface PictureRowLook {
  /** Width of the text area, in twentieths of a point. */
  width: number;
  /** Side of the picture's square. */
  sizeCm: number;
  /** Space before the block's first paragraph: the picture gets the same, so that their tops meet. */
  before: number;
  /** Keep the row on one page (a short block). */
  keep: boolean;
}

/** A block with its picture: one borderless row, picture cell then text cell. */
export function pictureRow(d: Docx, picture: BlockPicture, content: (Paragraph | Table)[], look: PictureRowLook): Table {
  const none = { style: d.BorderStyle.NONE, size: 0, color: "FFFFFF" };
  const borders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
  // The picture's column: its square and half a centimetre of white before the text.
  const pictureWidth = Math.round((look.sizeCm + 0.5) * TWIPS_PER_CM);
  const textWidth = look.width - pictureWidth;
  const margins = { top: 0, bottom: 0, left: 0, right: 0 };
  const image = new d.Paragraph({
    keepNext: false,
    // Single spacing: at 1.5 lines, the picture's line would push it below the text's first line.
    spacing: { before: look.before, after: 0, line: 240, lineRule: d.LineRuleType.AUTO },
    children: [pictureRun(d, picture, look.sizeCm)],
  });
  return new d.Table({
    width: { size: look.width, type: d.WidthType.DXA },
    columnWidths: [pictureWidth, textWidth],
    layout: d.TableLayoutType.FIXED,
    borders,
    rows: [
      new d.TableRow({
        ...(look.keep ? { cantSplit: true } : {}),
        children: [
          new d.TableCell({ width: { size: pictureWidth, type: d.WidthType.DXA }, margins, borders, verticalAlign: d.VerticalAlign.TOP, children: [image] }),
          new d.TableCell({ width: { size: textWidth, type: d.WidthType.DXA }, margins, borders, verticalAlign: d.VerticalAlign.TOP, children: content }),
        ],
      }),
    ],
  });
}

/** « Images : OpenMoji (openmoji.org), licence CC BY-SA 4.0. » — one line naming every bank used and its licence. */
export function creditsText(plan: PictogramPlan | undefined): string | undefined {
  if (!plan || plan.banks.length === 0) return undefined;
  const parts = plan.banks.map((bank) => {
    const licences = new Set<string>();
    if (bank.licence) licences.add(bank.licence);
    // Pictures whose index gives their own licence are credited with it too.
    for (const choices of plan.sections.values()) for (const choice of choices) if (choice.bank === bank.id && choice.licence) licences.add(choice.licence);
    const named = bank.builtin ? [...licences] : [bank.label, ...licences];
    return named.length > 0 ? named.join(", ") : bank.label;
  });
  return `${CREDITS_LABEL} : ${parts.join(" ; ")}.`;
}

export function creditsParagraph(d: Docx, plan: PictogramPlan | undefined, options: { before: number; size?: number }): Paragraph[] {
  const text = creditsText(plan);
  if (text === undefined) return [];
  return [new d.Paragraph({ spacing: { before: options.before, after: 0 }, children: markupRuns(d, text, options.size ? { size: options.size } : {}) })];
}

/** In the review document's narrow column: a smaller picture, floating at the left of its block, the block's text indented past it. */
export const REVIEW_PICTURE = { sizeCm: 1.5, indent: Math.round(1.8 * TWIPS_PER_CM) } as const;

const EMU_PER_TWIP = 635;

/** The picture as the first run of its block's first paragraph, anchored there at the column's left edge. */
export function floatingPictureRun(d: Docx, picture: BlockPicture): ImageRun {
  return pictureRun(d, picture, REVIEW_PICTURE.sizeCm, {
    horizontalPosition: { relative: d.HorizontalPositionRelativeFrom.COLUMN, offset: 0 },
    verticalPosition: { relative: d.VerticalPositionRelativeFrom.PARAGRAPH, offset: 0 },
    // Text that comes after a short block flows round the picture rather than under it.
    wrap: { type: d.TextWrappingType.SQUARE, side: d.TextWrappingSide.RIGHT },
    margins: { right: 114 * EMU_PER_TWIP, bottom: 57 * EMU_PER_TWIP },
    allowOverlap: false,
    layoutInCell: true,
  });
}
