import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";
import type { List, ListItem, Nodes, PhrasingContent, Root, RootContent, Table } from "mdast";
import type { BlockInput, ListInput, ListItemInput, Run, RunStyle } from "../model/types.js";
import type { FormatReader, ReadResult } from "./types.js";
import { decodeText } from "./decode.js";
import { joinWrappedLines } from "./lines.js";
import { checkMarkdownComplexity } from "./markdown-guard.js";

export const readMarkdown: FormatReader = async (bytes, context) => {
  const text = decodeText(bytes).text;
  checkMarkdownComplexity(text, context);
  return parseMarkdown(text);
};

export function parseMarkdown(source: string): ReadResult {
  const tree: Root = fromMarkdown(source, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  const blocks: BlockInput[] = [];
  let skippedCode = 0;
  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === "heading") blocks.push({ type: "heading", level: node.depth, runs: phrasing(node.children) });
      else if (node.type === "paragraph") blocks.push({ type: "paragraph", runs: phrasing(node.children) });
      else if (node.type === "list") blocks.push(list(node));
      else if (node.type === "table") blocks.push(table(node));
      else if (node.type === "blockquote") visit(node.children);
      else if (node.type === "code") skippedCode++;
    }
  };
  visit(tree.children);
  const result: ReadResult = { blocks };
  if (skippedCode > 0) {
    result.warnings = [{ code: "markdown-code-skipped", message: `${skippedCode} bloc(s) de code ignoré(s) : ce n’est pas du texte à lire.` }];
  }
  return result;
}

function list(node: List): ListInput {
  const input: ListInput = { type: "list", ordered: node.ordered === true, items: node.children.map(listItem) };
  // « 3. CGU » keeps its number: renumbered from 1, the list would point to the wrong items.
  if (input.ordered && typeof node.start === "number" && node.start !== 1) input.firstNumber = node.start;
  return input;
}

function listItem(node: ListItem): ListItemInput {
  const runs: Run[] = [];
  const children: ListInput[] = [];
  for (const child of node.children) {
    if (child.type === "list") children.push(list(child));
    else if (child.type === "paragraph" || child.type === "heading") {
      if (runs.length > 0) runs.push({ text: "\n" });
      runs.push(...phrasing(child.children));
    }
  }
  return children.length > 0 ? { runs, children } : { runs };
}

function table(node: Table): BlockInput {
  return { type: "table", rows: node.children.map((row) => row.children.map((cell) => ({ runs: phrasing(cell.children) }))) };
}

/** Inline Markdown to runs; `<u>…</u>` is the usual way to underline in Markdown. */
function phrasing(nodes: PhrasingContent[], style: RunStyle = {}, state = { underline: false }): Run[] {
  const runs: Run[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case "text":
        runs.push({ ...style, ...(state.underline ? { underline: true } : {}), text: joinWrappedLines(node.value) });
        break;
      case "strong":
        runs.push(...phrasing(node.children, { ...style, bold: true }, state));
        break;
      case "emphasis":
        runs.push(...phrasing(node.children, { ...style, italic: true }, state));
        break;
      case "delete":
      case "link":
      case "linkReference":
        runs.push(...phrasing(node.children as PhrasingContent[], style, state));
        break;
      case "inlineCode":
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
        if ("children" in node) runs.push(...phrasing((node as Nodes & { children: PhrasingContent[] }).children, style, state));
    }
  }
  return runs;
}
