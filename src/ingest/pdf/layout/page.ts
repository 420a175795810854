import { buildLines } from "../lines.js";
import { tablePieces, type Box, type FlowItem, type Line, type PageLines, type PdfTable, type TableAtom, type TextPiece } from "../types.js";
import { placeText, type Placed } from "./placed.js";
import { readingOrder, type Drawing } from "./regions.js";

type PageThing = { piece: TextPiece } | { table: PdfTable };

/**
 * Lays out one page: its text regions in reading order (columns, sidebars after the text they sit
 * beside), each read as lines, with the page's tables placed where they are read.
 * `nextRegion` numbers columns across the whole document, so that a line knows when it starts a
 * new column.
 */
export function layoutPage(page: number, pieces: TextPiece[], tables: PdfTable[], drawing: Drawing, nextRegion: () => number): PageLines {
  const placed: Placed<PageThing>[] = pieces.map((piece) => ({ ...placeText(piece), item: { piece } }));
  for (const table of tables) placed.push(placeTable(table));
  const flow: FlowItem[] = [];
  const columns = new Map<Box, number>();
  for (const region of readingOrder(placed, drawing)) {
    // Bands of one column are one flow: only a change of column is a break the paragraph logic must
    // look across. Text outside any column is the page's single flow, region 0, as on every page.
    const column = region.column;
    let id = 0;
    if (column) {
      id = columns.get(column) ?? nextRegion();
      columns.set(column, id);
    }
    const regionPieces: TextPiece[] = [];
    const atoms: TableAtom[] = [];
    for (const { item } of region.items) {
      if ("piece" in item) regionPieces.push(item.piece);
      else atoms.push({ kind: "table", page, table: item.table });
    }
    const lines = buildLines(regionPieces, page);
    for (const line of lines) {
      line.region = id;
      if (region.column) line.column = region.column;
    }
    flow.push(...interleave(lines, atoms));
  }
  return { page, lines: flow.filter((item): item is Line => !("kind" in item)), flow };
}

function placeTable(table: PdfTable): Placed<PageThing> {
  let letters = 0;
  for (const piece of tablePieces(table)) letters += piece.text.replace(/\s/g, "").length;
  const size = table.rows[0]?.[0]?.pieces[0]?.size ?? 10;
  return { box: table.box, letters, size, baseline: table.box.bottom, item: { table } };
}

/** Tables go before the first line that starts below their top edge. */
function interleave(lines: Line[], atoms: TableAtom[]): FlowItem[] {
  if (atoms.length === 0) return lines;
  const sorted = atoms.slice().sort((p, q) => p.table.box.top - q.table.box.top);
  const out: FlowItem[] = [];
  let next = 0;
  for (const line of lines) {
    while (next < sorted.length && sorted[next]!.table.box.top <= line.y) out.push(sorted[next++]!);
    out.push(line);
  }
  while (next < sorted.length) out.push(sorted[next++]!);
  return out;
}
