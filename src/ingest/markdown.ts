import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";
import type { List, ListItem, Nodes, PhrasingContent, Root, RootContent, Table } from "mdast";
import type { BlockInput, ListInput, ListItemInput, Run, RunStyle, SourceMark } from "../model/types.js";
import { Locator } from "../model/locate.js";
import type { FormatReader, ReadResult } from "./types.js";
import { decodeText } from "./decode.js";
import { joinWrappedLines } from "./lines.js";
import { checkMarkdownComplexity } from "./markdown-guard.js";
import { blankFrontMatter } from "./front-matter.js";
import { alignedMarks } from "./origin.js";

export const readMarkdown: FormatReader = async (bytes, context) => {
  const text = decodeText(bytes).text;
  checkMarkdownComplexity(text, context);
  return parseMarkdown(text);
};

export function parseMarkdown(text: string): ReadResult {
  const { source, title } = blankFrontMatter(text);
  const tree: Root = fromMarkdown(source, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  const reader = new MarkdownReader(source);
  const blocks: BlockInput[] = [];
  let skippedCode = 0;
  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === "heading") blocks.push({ type: "heading", level: node.depth, ...reader.unit(node.children) });
      else if (node.type === "paragraph") blocks.push({ type: "paragraph", ...reader.unit(node.children) });
      else if (node.type === "list") blocks.push(reader.list(node));
      else if (node.type === "table") blocks.push(reader.table(node));
      else if (node.type === "blockquote") visit(node.children);
      else if (node.type === "code") skippedCode++;
    }
  };
  visit(tree.children);
  const result: ReadResult = { blocks };
  if (title) result.metadataTitle = title;
  if (skippedCode > 0) {
    result.warnings = [{ code: "markdown-code-skipped", message: `${skippedCode} bloc(s) de code ignoré(s) : ce n’est pas du texte à lire.` }];
  }
  return result;
}

/** Where a unit's runs are read, and how many kept characters precede the next one (see SourceMark). */
interface UnitState {
  marks: SourceMark[];
  at: number;
  underline: boolean;
}

class MarkdownReader {
  private readonly locator: Locator;

  constructor(private readonly source: string) {
    this.locator = new Locator(source);
  }

  unit(nodes: PhrasingContent[]): { runs: Run[]; origin?: SourceMark[] } {
    const state: UnitState = { marks: [], at: 0, underline: false };
    const runs = this.phrasing(nodes, {}, state);
    return state.marks.length > 0 ? { runs, origin: state.marks } : { runs };
  }

  list(node: List): ListInput {
    const input: ListInput = { type: "list", ordered: node.ordered === true, items: node.children.map((item) => this.listItem(item)) };
    // « 3. CGU » keeps its number: renumbered from 1, the list would point to the wrong items.
    if (input.ordered && typeof node.start === "number" && node.start !== 1) input.firstNumber = node.start;
    return input;
  }

  table(node: Table): BlockInput {
    return { type: "table", rows: node.children.map((row) => row.children.map((cell) => this.unit(cell.children))) };
  }

  private listItem(node: ListItem): ListItemInput {
    const runs: Run[] = [];
    const children: ListInput[] = [];
    const state: UnitState = { marks: [], at: 0, underline: false };
    for (const child of node.children) {
      if (child.type === "list") children.push(this.list(child));
      else if (child.type === "paragraph" || child.type === "heading") {
        if (runs.length > 0) runs.push({ text: "\n" });
        runs.push(...this.phrasing(child.children, {}, state));
      }
    }
    const item: ListItemInput = children.length > 0 ? { runs, children } : { runs };
    if (state.marks.length > 0) item.origin = state.marks;
    return item;
  }

  /** Inline Markdown to runs; `<u>…</u>` is the usual way to underline in Markdown. */
  private phrasing(nodes: PhrasingContent[], style: RunStyle, state: UnitState): Run[] {
    const runs: Run[] = [];
    for (const node of nodes) {
      switch (node.type) {
        case "text": {
          const text = joinWrappedLines(node.value);
          this.place(text, node, state);
          runs.push({ ...style, ...(state.underline ? { underline: true } : {}), text });
          break;
        }
        case "strong":
          runs.push(...this.phrasing(node.children, { ...style, bold: true }, state));
          break;
        case "emphasis":
          runs.push(...this.phrasing(node.children, { ...style, italic: true }, state));
          break;
        case "delete":
        case "link":
        case "linkReference":
          runs.push(...this.phrasing(node.children as PhrasingContent[], style, state));
          break;
        case "inlineCode":
          this.place(node.value, node, state);
          runs.push({ ...style, text: node.value });
          break;
        case "break":
          runs.push({ text: "\n" });
          break;
        case "html":
          if (/^<u>$/i.test(node.value)) state.underline = true;
          else if (/^<\/u>$/i.test(node.value)) state.underline = false;
          break;
        default:
          if ("children" in node) runs.push(...this.phrasing((node as Nodes & { children: PhrasingContent[] }).children, style, state));
      }
    }
    return runs;
  }

  /** Marks where `text` (read from `node`) sits in the source. */
  private place(text: string, node: PhrasingContent, state: UnitState): void {
    const from = node.position?.start.offset;
    const to = node.position?.end.offset;
    if (from === undefined || to === undefined) {
      state.at += alignedMarks(text, "", 0, 0, this.locator, state.at, []) - state.at;
      return;
    }
    state.at = alignedMarks(text, this.source, from, to, this.locator, state.at, state.marks);
  }
}
