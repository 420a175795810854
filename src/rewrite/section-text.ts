import type { Run, Section, TableBlock } from "../model/types.js";

/**
 * The section as a provider receives it: the document model's plain text, except that each table is
 * written as a Markdown table, one line per row, cells between « | ». The model's text puts one
 * cell per line (its offsets need that), which loses the rows and columns: a reader of that text
 * can no longer tell which price goes with which service, and neither can a model. The first line of
 * a Markdown table holds the column names; a table without them gets an empty first line, so that
 * every reader of this text (the model, the offline rewrite) knows which case it is.
 */
export function requestText(section: Section): string {
  let out = "";
  let at = 0;
  for (const block of section.blocks) {
    if (block.type !== "table") continue;
    const start = block.start - section.start;
    const end = block.end - section.start;
    if (start < at || end > section.text.length) continue;
    out += section.text.slice(at, start) + markdownTable(block);
    at = end;
  }
  return out + section.text.slice(at);
}

interface CellLike {
  text: string;
  runs: readonly Run[];
}

export function markdownTable(table: Pick<TableBlock, "rows">): string {
  const rows = table.rows.filter((row) => row.some((cell) => cell.text.trim() !== ""));
  const width = Math.max(1, ...rows.map((row) => row.length));
  const header = hasHeaderRow(rows);
  const line = (cells: readonly string[]) => `| ${Array.from({ length: width }, (_, i) => escapeCell(cells[i] ?? "")).join(" | ")} |`;
  const body = header ? rows.slice(1) : rows;
  return [
    line(header ? rows[0]!.map((cell) => cellLine(cell.text)) : []),
    `|${" --- |".repeat(width)}`,
    ...body.map((row) => line(row.map((cell) => cellLine(cell.text)))),
  ].join("\n");
}

/** A cell on one line: its lines joined by « ; », or by a space after a line that ends with punctuation. */
export function cellLine(text: string): string {
  const lines = text.split("\n").map((line) => line.replace(/\s+/g, " ").trim()).filter((line) => line !== "");
  let out = "";
  for (const line of lines) {
    if (out === "") out = line;
    else out += /[.!?:;,…]$/u.test(out) ? ` ${line}` : ` ; ${line}`;
  }
  return out;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

const MAX_HEADER_WORDS = 8;

/**
 * Whether the first row names the columns. The documents rarely say it (mammoth drops Word's
 * « repeat header row »), so: a bold first row over a body that is not all bold, or a first row of
 * short labels (a few words, no final punctuation, no amount or bare number). A first row of data
 * (« Repas | 12 € ») or of sentences is not a header.
 */
export function hasHeaderRow(rows: readonly (readonly CellLike[])[]): boolean {
  if (rows.length < 2) return false;
  const first = rows[0]!;
  const filled = first.filter((cell) => cell.text.trim() !== "");
  if (filled.length === 0 || filled.length * 2 < first.length) return false;
  const body = rows.slice(1).flatMap((row) => row.filter((cell) => cell.text.trim() !== ""));
  if (filled.every(isBold) && !body.every(isBold) && filled.every((cell) => wordCount(cell.text) <= 2 * MAX_HEADER_WORDS)) return true;
  return filled.every((cell) => isLabel(cell.text));
}

function isBold(cell: CellLike): boolean {
  const runs = cell.runs.filter((run) => run.text.trim() !== "");
  return runs.length > 0 && runs.every((run) => run.bold === true);
}

function isLabel(text: string): boolean {
  const t = text.trim();
  return !t.includes("\n") && wordCount(t) <= MAX_HEADER_WORDS && !/[.;!?]$/u.test(t) && !/[€%$£]/u.test(t) && !/^[\d\s.,:/h-]+$/u.test(t);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== "").length;
}
