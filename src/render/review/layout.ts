import type { IParagraphOptions, IRunOptions, Paragraph, ParagraphChild, Table, TableCell } from "docx";
import { A4, MARGIN, markupRuns, type Docx } from "../docx/common.js";
import { frenchSpaces } from "../docx/markup.js";

/**
 * Page, sizes and colours of the review document. It is a working document for the facilitator,
 * so 11–12 pt is fine, except the easy-to-read text itself, shown at the 14 pt its readers will get.
 */

export const PAGE = { width: A4.long, height: A4.short, margin: MARGIN } as const;
/** Width between the margins, in twentieths of a point (DXA). */
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** Half-points. */
export const SIZE = { small: 20, table: 22, body: 24, easy: 28, subtitle: 28, heading: 32, title: 44 } as const;
export const COLOR = { alert: "C00000", muted: "595959", header: "D9D9D9", border: "808080", ok: "2E7D32" } as const;
/** Left plus right margin of a cell of the review tables (see `cell`): what a nested table loses of the column. */
export const CELL_PADDING = 230;

export const BULLETS = { easy: "relecture-puces-14", body: "relecture-puces-12" } as const;
export const STEPS = "relecture-etapes";

/** Splits `total` by percentages into whole DXA widths that add up exactly to `total`. */
export function columnWidths(total: number, percents: readonly number[]): number[] {
  const widths = percents.map((pct) => Math.floor((total * pct) / 100));
  const rest = total - widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1]! += rest;
  return widths;
}

type RunBase = Omit<IRunOptions, "text" | "children">;
type ParaBase = Omit<IParagraphOptions, "children" | "text">;

/** A paragraph of plain text (no markup), French spaces applied; line breaks inside the text are kept. */
export function textParagraph(d: Docx, text: string, run: RunBase = {}, paragraph: ParaBase = {}): Paragraph {
  return new d.Paragraph({ ...paragraph, children: textRuns(d, text, run) });
}

export function textRuns(d: Docx, text: string, run: RunBase = {}): ParagraphChild[] {
  return text.split(/\r?\n/).map((line, i) => new d.TextRun({ ...run, text: frenchSpaces(line), ...(i > 0 ? { break: 1 } : {}) }));
}

/** A paragraph whose `**key**` parts are bold. */
export function markupParagraph(d: Docx, text: string, run: RunBase = {}, paragraph: ParaBase = {}): Paragraph {
  return new d.Paragraph({ ...paragraph, children: markupRuns(d, text, run) });
}

/** A paragraph that starts with a bold label: « Date : samedi 28 novembre 2026 ». */
export function labelled(d: Docx, label: string, value: string, run: RunBase = {}, paragraph: ParaBase = {}): Paragraph {
  return new d.Paragraph({
    ...paragraph,
    children: [new d.TextRun({ ...run, text: `${frenchSpaces(label)}\u00a0: `, bold: true }), ...textRuns(d, value, run)],
  });
}

export function cell(d: Docx, width: number, children: (Paragraph | Table)[], options: { shading?: string } = {}): TableCell {
  return new d.TableCell({
    width: { size: width, type: d.WidthType.DXA },
    margins: { top: 80, bottom: 80, left: 115, right: 115 },
    ...(options.shading ? { shading: { type: d.ShadingType.CLEAR, color: "auto", fill: options.shading } } : {}),
    // A cell must hold at least one paragraph.
    children: children.length > 0 ? children : [new d.Paragraph({})],
  });
}

export function tableBorders(d: Docx) {
  const line = { style: d.BorderStyle.SINGLE, size: 4, color: COLOR.border };
  return { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };
}

export function numberingConfig(d: Docx) {
  const bullet = (reference: string, size: number) => ({
    reference,
    levels: [
      { level: 0, format: d.LevelFormat.BULLET, text: "•", alignment: d.AlignmentType.LEFT, style: { paragraph: { indent: { left: 397, hanging: 284 } }, run: { size, bold: true } } },
    ],
  });
  return {
    config: [
      bullet(BULLETS.easy, SIZE.easy),
      bullet(BULLETS.body, SIZE.body),
      {
        reference: STEPS,
        levels: [
          { level: 0, format: d.LevelFormat.DECIMAL, text: "%1.", alignment: d.AlignmentType.LEFT, style: { paragraph: { indent: { left: 510, hanging: 397 } }, run: { size: SIZE.body, bold: true } } },
        ],
      },
    ],
  };
}
