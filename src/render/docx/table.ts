import type { ParagraphChild, Table, TableRow } from "docx";
import { markupRuns, type Docx } from "./common.js";
import { frenchSpaces, lines, stripBold } from "./markup.js";

/**
 * A table of the rewrite (or of the original) as a Word table: the column names in bold in a header
 * row repeated on every page, simple single borders, no merged cells, left-aligned text, a fixed
 * layout whose column widths add up exactly to the room given (LibreOffice and Google Docs lay out
 * automatic widths poorly). Widths follow the content: a column of amounts is narrow, a column of
 * services wide, and no column is narrower than its longest word when the room allows it.
 */

export interface TableContent {
  header?: readonly string[];
  rows: readonly (readonly string[])[];
}

export interface TableLook {
  /** Room for the whole table, in twentieths of a point (DXA). */
  width: number;
  /** Font size, in half-points. */
  size: number;
  borderColor: string;
  /** Background of the header row. */
  headerFill?: string;
  /** Space after each paragraph of a cell, in DXA. */
  after: number;
}

const MARGIN = { top: 60, bottom: 60, left: 100, right: 100 } as const;
/** Average width of a character of Arial, as a share of its size: a little more than half an em. */
const CHAR_EM = 0.55;
/** Bold is wider. */
const BOLD_EM = 0.6;
/** Characters of the longest cell of a row kept in one piece. */
const MAX_UNSPLIT_CELL = 300;

export function docxTable(d: Docx, content: TableContent, look: TableLook): Table {
  const widths = tableColumnWidths(content, look);
  const line = { style: d.BorderStyle.SINGLE, size: 6, color: look.borderColor };
  const row = (cells: readonly string[], header: boolean): TableRow =>
    new d.TableRow({
      ...(header ? { tableHeader: true } : {}),
      // Kept in one piece unless a cell is long enough to make the row taller than a page, which
      // LibreOffice cannot lay out.
      ...(cells.every((cell) => cell.length <= MAX_UNSPLIT_CELL) ? { cantSplit: true } : {}),
      children: widths.map(
        (width, i) =>
          new d.TableCell({
            width: { size: width, type: d.WidthType.DXA },
            margins: MARGIN,
            ...(header && look.headerFill ? { shading: { type: d.ShadingType.CLEAR, color: "auto", fill: look.headerFill } } : {}),
            children: cellParagraphs(d, cells[i] ?? "", header, look),
          }),
      ),
    });
  return new d.Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: d.WidthType.DXA },
    columnWidths: widths,
    layout: d.TableLayoutType.FIXED,
    alignment: d.AlignmentType.LEFT,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [...(content.header ? [row(content.header, true)] : []), ...content.rows.map((cells) => row(cells, false))],
  });
}

function cellParagraphs(d: Docx, text: string, header: boolean, look: TableLook) {
  const texts = lines(text);
  const base = { size: look.size, ...(header ? { bold: true } : {}) };
  if (texts.length === 0) return [new d.Paragraph({ spacing: { before: 0, after: 0 }, children: [] })];
  return texts.map(
    (line, i) =>
      new d.Paragraph({
        alignment: d.AlignmentType.LEFT,
        keepLines: true,
        spacing: { before: 0, after: i === texts.length - 1 ? 0 : look.after },
        children: markupRuns(d, line, base),
      }),
  );
}

/** How wide a column needs to be: for its longest word (`min`) and for its longest cell on one line (`want`). */
function columnNeeds(content: TableContent, look: TableLook): { min: number; want: number }[] {
  const width = Math.max(content.header?.length ?? 0, ...content.rows.map((row) => row.length), 1);
  const pt = look.size / 2;
  const padding = MARGIN.left + MARGIN.right + 40;
  return Array.from({ length: width }, (_, i) => {
    let min = 0;
    let want = 0;
    const measure = (cell: string | undefined, bold: boolean) => {
      const em = (bold ? BOLD_EM : CHAR_EM) * pt * 20;
      for (const line of lines(stripBold(cell ?? ""))) {
        want = Math.max(want, line.length * em);
        for (const word of line.split(" ")) min = Math.max(min, word.length * em);
      }
    };
    measure(content.header?.[i], true);
    for (const row of content.rows) measure(row[i], false);
    return { min: Math.ceil(min) + padding, want: Math.ceil(Math.max(want, min)) + padding };
  });
}

/** Whether every column can be as wide as its longest word in the room given. */
export function tableFits(content: TableContent, look: TableLook): boolean {
  return columnNeeds(content, look).reduce((sum, need) => sum + need.min, 0) <= look.width;
}

/**
 * Widths in whole DXA that add up to `look.width`: each column gets what its content wants when
 * there is room for all, the room left shared in proportion; otherwise each gets its longest word
 * and the rest goes to the columns that want more.
 */
export function tableColumnWidths(content: TableContent, look: TableLook): number[] {
  const needs = columnNeeds(content, look);
  const total = look.width;
  const sumMin = needs.reduce((sum, n) => sum + n.min, 0);
  const sumWant = needs.reduce((sum, n) => sum + n.want, 0);
  let widths: number[];
  if (sumWant <= total) widths = needs.map((n) => (n.want * total) / sumWant);
  else if (sumMin <= total) {
    const extra = sumWant - sumMin;
    widths = needs.map((n) => n.min + ((n.want - n.min) * (total - sumMin)) / extra);
  } else widths = needs.map((n) => (n.min * total) / sumMin);
  const whole = widths.map((w) => Math.floor(w));
  whole[whole.length - 1]! += total - whole.reduce((a, b) => a + b, 0);
  return whole;
}

/**
 * A table too wide for its room, row by row: one « colonne : valeur » pair per cell, the value's
 * lines kept apart (a cell listing diplomas), empty cells left out, a cell without a column name
 * given alone.
 */
export function rowPairs(content: TableContent): { label: string; value: string[] }[][] {
  return content.rows
    .map((row) =>
      row
        .map((cell, i) => ({ label: stripBold(content.header?.[i] ?? "").trim(), value: lines(cell) }))
        .filter((pair) => pair.value.length > 0),
    )
    .filter((pairs) => pairs.length > 0);
}

/** The runs of one row: a line per cell, « colonne : » in bold, a break between the lines of a value. */
export function rowRuns(d: Docx, pairs: ReturnType<typeof rowPairs>[number], size?: number): ParagraphChild[] {
  const base = size === undefined ? {} : { size };
  const children: ParagraphChild[] = [];
  for (const { label, value } of pairs) {
    if (children.length > 0) children.push(new d.TextRun({ ...base, break: 1 }));
    if (label !== "") children.push(new d.TextRun({ ...base, text: `${frenchSpaces(label)}\u00a0: `, bold: true }));
    value.forEach((line, i) => {
      if (i > 0) children.push(new d.TextRun({ ...base, break: 1 }));
      children.push(...markupRuns(d, line, base));
    });
  }
  return children;
}
