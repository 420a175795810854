import type {
  Block,
  BlockInput,
  ListBlock,
  ListInput,
  ListItem,
  Run,
  SourceMark,
  TableBlock,
  TableCell,
  TableInput,
  TextUnit,
} from "./types.js";

/** Blocks are separated by a blank line, list items and table cells by a line break. */
export const BLOCK_SEPARATOR = "\n\n";
export const LINE_SEPARATOR = "\n";

/**
 * Renders ingested blocks into one plain text and gives every block, list item and table cell
 * its offsets in it. The rendering is stable: the same blocks always give the same text.
 */
export function renderBlocks(inputs: BlockInput[]): { text: string; blocks: Block[] } {
  const writer = new TextWriter();
  const blocks: Block[] = [];
  for (const input of inputs) {
    if (isEmptyBlock(input)) continue;
    if (blocks.length > 0) writer.write(BLOCK_SEPARATOR);
    blocks.push(renderBlock(input, writer));
  }
  return { text: writer.text, blocks };
}

class TextWriter {
  // Pieces joined once at the end: reading back a growing concatenation (for a list's or a table's
  // text) would flatten the whole text each time, which is quadratic in the number of lists.
  private readonly pieces: string[] = [];
  offset = 0;

  get text(): string {
    return this.pieces.join("");
  }

  /** Where the next piece goes: `textSince` joins what was written after it. */
  get mark(): number {
    return this.pieces.length;
  }

  textSince(mark: number): string {
    return this.pieces.slice(mark).join("");
  }

  write(text: string): void {
    if (text.length === 0) return;
    this.pieces.push(text);
    this.offset += text.length;
  }

  /** Writes `runs` as one unit and returns its range. */
  unit(runs: Run[], origin: SourceMark[] | undefined): TextUnit {
    const cleaned = normaliseRuns(runs);
    const start = this.offset;
    const text = cleaned.length === 1 ? cleaned[0]!.text : cleaned.map((run) => run.text).join("");
    this.write(text);
    return origin ? { text, start, end: this.offset, runs: cleaned, origin } : { text, start, end: this.offset, runs: cleaned };
  }
}

function renderBlock(input: BlockInput, writer: TextWriter): Block {
  switch (input.type) {
    case "heading":
      return { type: "heading", level: input.level, ...writer.unit(input.runs, input.origin), ...layoutOf(input) };
    case "paragraph":
      return { type: "paragraph", ...writer.unit(input.runs, input.origin), ...layoutOf(input) };
    case "list":
      return renderList(input, writer, 0, { first: true });
    case "table":
      return renderTable(input, writer);
  }
}

function layoutOf(input: BlockInput): { layout?: BlockInput["layout"] } {
  return input.layout ? { layout: input.layout } : {};
}

function renderList(input: ListInput, writer: TextWriter, depth: number, state: { first: boolean }): ListBlock {
  const start = writer.offset;
  const mark = writer.mark;
  const items: ListItem[] = [];
  for (const item of input.items) {
    if (!state.first) writer.write(LINE_SEPARATOR);
    state.first = false;
    const unit = writer.unit(item.runs, item.origin);
    const children = (item.children ?? [])
      .filter((child) => !isEmptyBlock(child))
      .map((child) => renderList(child, writer, depth + 1, state));
    items.push({ ...unit, depth, children });
  }
  const end = writer.offset;
  const numbering = input.ordered && input.firstNumber !== undefined && input.firstNumber !== 1 ? { firstNumber: input.firstNumber } : {};
  return { type: "list", ordered: input.ordered, ...numbering, items, start, end, text: writer.textSince(mark), ...layoutOf(input) };
}

function renderTable(input: TableInput, writer: TextWriter): TableBlock {
  const start = writer.offset;
  const mark = writer.mark;
  let first = true;
  const rows: TableCell[][] = input.rows.map((row) =>
    row.map((cell) => {
      if (runsText(cell.runs).trim() === "") {
        return { text: "", start: writer.offset, end: writer.offset, runs: [] };
      }
      if (!first) writer.write(LINE_SEPARATOR);
      first = false;
      return writer.unit(cell.runs, cell.origin);
    }),
  );
  const end = writer.offset;
  return { type: "table", rows, start, end, text: writer.textSince(mark), ...layoutOf(input) };
}

export function runsText(runs: Run[]): string {
  return runs.map((run) => run.text).join("");
}

function isEmptyBlock(input: BlockInput): boolean {
  switch (input.type) {
    case "heading":
    case "paragraph":
      return runsText(input.runs).trim() === "";
    case "list":
      return input.items.every((item) => runsText(item.runs).trim() === "" && (item.children ?? []).every(isEmptyBlock));
    case "table":
      return input.rows.every((row) => row.every((cell) => runsText(cell.runs).trim() === ""));
  }
}

/**
 * Collapses the white space that formats leave behind (tabs, runs of spaces, blank lines inside a
 * paragraph) and trims the unit, while keeping single line breaks (one sentence per line is a FALC
 * layout) and non-breaking spaces (French typography puts them before « : ; ! ? » and in numbers).
 */
export function normaliseRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  let previous = BREAK; // so that leading white space is dropped
  for (const run of runs) {
    const source = run.text.includes("\r") ? run.text.replace(/\r\n?/g, "\n") : run.text;
    // Unchanged stretches are copied in one slice: most runs need no change at all.
    let text = "";
    let from = 0;
    for (let i = 0; i < source.length; i++) {
      const code = source.charCodeAt(i);
      if (code === 10) {
        if (previous === BREAK) {
          text += source.slice(from, i);
          from = i + 1;
          continue;
        }
        if (previous === SPACE) {
          text = (text + source.slice(from, i)).slice(0, -1); // "a \n" → "a\n"
          from = i;
        }
        previous = BREAK;
      } else if (code === 32 || code === 9 || code === 11 || code === 12) {
        if (previous !== OTHER) {
          text += source.slice(from, i);
          from = i + 1;
          continue;
        }
        if (code !== 32) {
          text += source.slice(from, i) + " ";
          from = i + 1;
        }
        previous = SPACE;
      } else {
        previous = OTHER;
      }
    }
    text = from === 0 ? source : text + source.slice(from);
    if (text.length > 0) out.push({ ...run, text });
  }
  trimEnd(out);
  return out;
}

const BREAK = 0;
const SPACE = 1;
const OTHER = 2;

function trimEnd(runs: Run[]): void {
  while (runs.length > 0) {
    const last = runs[runs.length - 1]!;
    const trimmed = last.text.replace(/[ \n]+$/, "");
    if (trimmed.length > 0) {
      last.text = trimmed;
      return;
    }
    runs.pop();
  }
}
