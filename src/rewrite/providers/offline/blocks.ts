import { endsMidSentence } from "./check.js";
import { parseMarkdownTable, type SourceTable } from "./tables.js";

/**
 * The request's text back into blocks. The pipeline gives each section as plain text: blocks
 * separated by a blank line, one list item per line, tables as Markdown tables (one row per line,
 * cells between « | »), the section heading first. A
 * one-line block without final punctuation is a heading inside the section (« 4.1 Prix de
 * journée ») or a label line (an address); a block of several lines is a list, unless its lines are
 * one paragraph wrapped by hand (each line runs on in lower case into the next).
 */

export type SourceBlock =
  | { kind: "label"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[] }
  | ({ kind: "table" } & SourceTable);

const MAX_LABEL_WORDS = 12;
const ENDS_LIKE_SENTENCE = /[.!?:;,…]["»”)]*$/u;

function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}

function isLabel(line: string): boolean {
  return !ENDS_LIKE_SENTENCE.test(line) && /\p{L}/u.test(line) && line.split(/\s+/).length <= MAX_LABEL_WORDS;
}

function isWrappedParagraph(lines: readonly string[]): boolean {
  for (let i = 0; i + 1 < lines.length; i++) {
    if (/[.!?:;]$/u.test(lines[i]!) || !/^\p{Ll}/u.test(lines[i + 1]!)) return false;
  }
  return true;
}

/** The blocks, and whether the text began with the section's title (which is then left out). */
export function readSourceBlocks(text: string, title: string): { blocks: SourceBlock[]; titleInText: boolean } {
  const chunks = text.replace(/\r\n?/g, "\n").split(/\n[ \t]*\n/);
  const blocks: SourceBlock[] = [];
  let first = true;
  let titleInText = false;
  for (const chunk of chunks) {
    const lines = chunk.split("\n").map((l) => l.trim()).filter((l) => l !== "");
    if (lines.length === 0) continue;
    if (first && lines.length === 1 && title.trim() !== "" && normalise(lines[0]!) === normalise(title)) {
      first = false;
      titleInText = true;
      continue;
    }
    first = false;
    const table = parseMarkdownTable(lines);
    if (table !== null) {
      blocks.push({ kind: "table", ...table });
    } else if (lines.length === 1) {
      const line = lines[0]!;
      blocks.push(isLabel(line) ? { kind: "label", text: line } : { kind: "paragraph", text: line });
    } else if (isWrappedParagraph(lines)) {
      blocks.push({ kind: "paragraph", text: lines.join(" ") });
    } else {
      blocks.push({ kind: "list", items: lines });
    }
  }
  return { blocks: joinBrokenSentences(blocks), titleInText };
}

/**
 * A sentence cut by the layout (a page or column break read as a new paragraph): « … réunion de
 * fonctionnement et de » then « CHAQUE réunion pédagogique. ». Read apart, the first half would get a
 * full stop and the second a capital. Joined when the first stops on a word that cannot end a sentence,
 * or on a comma before a lower-case word.
 */
function joinBrokenSentences(blocks: readonly SourceBlock[]): SourceBlock[] {
  const out: SourceBlock[] = [];
  for (const block of blocks) {
    const previous = out[out.length - 1];
    if (previous !== undefined && (previous.kind === "paragraph" || previous.kind === "label") && (block.kind === "paragraph" || block.kind === "label")) {
      const end = endsMidSentence(previous.text);
      if (end === "word" || (end === "comma" && /^\p{Ll}/u.test(block.text))) {
        out[out.length - 1] = { kind: "paragraph", text: `${previous.text} ${block.text}` };
        continue;
      }
    }
    out.push(block);
  }
  return out;
}
