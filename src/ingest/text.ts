import type { BlockInput, ListInput, ListItemInput, SourceMark } from "../model/types.js";
import type { FormatReader, ReadResult } from "./types.js";
import { decodeText } from "./decode.js";
import { joinWrappedLines } from "./lines.js";
import { keptCount, lineMarks } from "./origin.js";

/**
 * Plain text: paragraphs are separated by blank lines; lines that start with a bullet or a number
 * are list items; a lone short line in capitals, or numbered like « 2. Les tarifs » and followed by
 * text, is a heading. Everything else is a paragraph, with wrapped lines joined.
 */
const BULLET = /^(\s*)([-*•–—▪◦‣·]|\d{1,3}[.)]|[a-z][.)])\s+(.*)$/u;
const ORDERED_MARKER = /^(\d{1,3}[.)]|[a-z][.)])$/;
const NUMBERED_HEADING = /^((?:\d{1,2}\.)+\d{0,2}|[IVXLC]{1,6}\.)\s+(\p{Lu}.{0,90})$/u;
const MAX_HEADING_WORDS = 12;

export const readText: FormatReader = async (bytes) => {
  const { text, encoding } = decodeText(bytes);
  const result = parsePlainText(text);
  if (encoding === "windows-1252") {
    (result.warnings ??= []).push({
      code: "encoding-windows-1252",
      message: "Le fichier n’est pas en UTF-8 : il a été lu comme un texte Windows-1252 (ANSI).",
    });
  }
  return result;
};

/** A line of the file and its number (1-based): blocks keep where they were read. */
interface SourceLine {
  text: string;
  line: number;
}

export function parsePlainText(text: string): ReadResult {
  const blocks: BlockInput[] = [];
  const normalised = text.replace(/\r\n?/g, "\n");
  const chunks = normalised.split(/\n[ \t]*\n/);
  let lineNumber = 1;
  chunks.forEach((chunk, index) => {
    const all = chunk.split("\n").map((line, i) => ({ text: line, line: lineNumber + i }));
    // The separator holds two line breaks: the chunk's own lines, then the blank line.
    lineNumber += all.length + 1;
    const lines = all.filter((line) => line.text.trim() !== "");
    if (lines.length === 0) return;
    const heading = headingOf(lines, index < chunks.length - 1);
    if (heading) blocks.push(heading);
    else blocks.push(...linesToBlocks(lines));
  });
  return { blocks };
}

function headingOf(lines: SourceLine[], followedByText: boolean): BlockInput | undefined {
  if (lines.length !== 1 || !followedByText) return undefined;
  const line = lines[0]!.text.trim();
  if (line.split(/\s+/).length > MAX_HEADING_WORDS || /[.,;!?]$/.test(line)) return undefined;
  const letters = line.replace(/[^\p{L}]/gu, "");
  const origin = marksOf([lines[0]!]);
  if (letters.length >= 3 && letters === letters.toUpperCase()) {
    return { type: "heading", level: 1, runs: [{ text: line }], origin };
  }
  const numbered = NUMBERED_HEADING.exec(line);
  if (numbered) {
    const depth = numbered[1]!.split(".").filter(Boolean).length;
    return { type: "heading", level: Math.min(depth, 6), runs: [{ text: line }], origin };
  }
  return undefined;
}

/** Marks for lines whose text is read as is, one after the other (white space is never counted). */
function marksOf(lines: SourceLine[], firstColumn = 1): SourceMark[] {
  const marks: SourceMark[] = [];
  let at = 0;
  lines.forEach((line, i) => {
    at = lineMarks(line.text, line.line, i === 0 ? firstColumn : 1, at, marks);
  });
  return marks;
}

function linesToBlocks(lines: SourceLine[]): BlockInput[] {
  const blocks: BlockInput[] = [];
  let prose: SourceLine[] = [];
  let list: { input: ListInput; baseIndent: number } | undefined;
  const flushProse = () => {
    if (prose.length > 0) blocks.push({ type: "paragraph", runs: [{ text: joinWrappedLines(prose.map((line) => line.text).join("\n")) }], origin: marksOf(prose) });
    prose = [];
  };
  for (const source of lines) {
    const line = source.text;
    const bullet = BULLET.exec(line);
    if (bullet) {
      flushProse();
      const indent = bullet[1]!.length;
      const rest = bullet[3]!;
      const item: ListItemInput = { runs: [{ text: rest }], origin: marksOf([{ text: rest, line: source.line }], 1 + codePoints(line.slice(0, line.length - rest.length))) };
      if (!list) {
        list = { input: { type: "list", ordered: ORDERED_MARKER.test(bullet[2]!), items: [] }, baseIndent: indent };
        blocks.push(list.input);
      }
      addItem(list.input, item, indent > list.baseIndent + 1, ORDERED_MARKER.test(bullet[2]!));
      continue;
    }
    const lastItem = list ? lastOf(list.input) : undefined;
    if (lastItem && /^\s+\S|^\s*\p{Ll}/u.test(line)) {
      const run = lastItem.runs[0]!;
      lineMarks(line, source.line, 1, keptCount(run.text), (lastItem.origin ??= []));
      run.text = `${run.text} ${line.trim()}`;
      continue;
    }
    list = undefined;
    prose.push(source);
  }
  flushProse();
  return blocks;
}

function addItem(list: ListInput, item: ListItemInput, nested: boolean, ordered: boolean): void {
  const parent = list.items[list.items.length - 1];
  if (!nested || !parent) {
    list.items.push(item);
    return;
  }
  const children = (parent.children ??= []);
  let child = children[children.length - 1];
  if (!child) {
    child = { type: "list", ordered, items: [] };
    children.push(child);
  }
  child.items.push(item);
}

function lastOf(list: ListInput): ListItemInput | undefined {
  const last = list.items[list.items.length - 1];
  const nested = last?.children?.[last.children.length - 1];
  return nested ? nested.items[nested.items.length - 1] : last;
}

function codePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xdc00 || code > 0xdfff) count++;
  }
  return count;
}
