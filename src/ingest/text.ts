import type { BlockInput, ListInput, ListItemInput } from "../model/types.js";
import type { FormatReader, ReadResult } from "./types.js";
import { decodeText } from "./decode.js";
import { joinWrappedLines } from "./lines.js";

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

export function parsePlainText(text: string): ReadResult {
  const blocks: BlockInput[] = [];
  const chunks = text.replace(/\r\n?/g, "\n").split(/\n[ \t]*\n/);
  chunks.forEach((chunk, index) => {
    const lines = chunk.split("\n").filter((line) => line.trim() !== "");
    if (lines.length === 0) return;
    const heading = headingOf(lines, index < chunks.length - 1);
    if (heading) blocks.push(heading);
    else blocks.push(...linesToBlocks(lines));
  });
  return { blocks };
}

function headingOf(lines: string[], followedByText: boolean): BlockInput | undefined {
  if (lines.length !== 1 || !followedByText) return undefined;
  const line = lines[0]!.trim();
  if (line.split(/\s+/).length > MAX_HEADING_WORDS || /[.,;!?]$/.test(line)) return undefined;
  const letters = line.replace(/[^\p{L}]/gu, "");
  if (letters.length >= 3 && letters === letters.toUpperCase()) {
    return { type: "heading", level: 1, runs: [{ text: line }] };
  }
  const numbered = NUMBERED_HEADING.exec(line);
  if (numbered) {
    const depth = numbered[1]!.split(".").filter(Boolean).length;
    return { type: "heading", level: Math.min(depth, 6), runs: [{ text: line }] };
  }
  return undefined;
}

function linesToBlocks(lines: string[]): BlockInput[] {
  const blocks: BlockInput[] = [];
  let prose: string[] = [];
  let list: { input: ListInput; baseIndent: number } | undefined;
  const flushProse = () => {
    if (prose.length > 0) blocks.push({ type: "paragraph", runs: [{ text: joinWrappedLines(prose.join("\n")) }] });
    prose = [];
  };
  for (const line of lines) {
    const bullet = BULLET.exec(line);
    if (bullet) {
      flushProse();
      const indent = bullet[1]!.length;
      const item: ListItemInput = { runs: [{ text: bullet[3]! }] };
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
      run.text = `${run.text} ${line.trim()}`;
      continue;
    }
    list = undefined;
    prose.push(line);
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
