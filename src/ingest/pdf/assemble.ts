import type { BlockInput, DocumentWarning, ListInput, ListItemInput, Run, SourceMark, TableInput } from "../../model/types.js";
import { keptCount } from "../origin.js";
import { layoutOf } from "./alignment.js";
import type { Group, ItemGroup, TextGroup } from "./groups.js";
import { findTablesOfContents, isHeading, numberedRunsAsLists, tableOfContentsWarning } from "./outline.js";
import { tableBlock } from "./table-block.js";
import { joinKind } from "./hyphenation.js";
import type { BodyMetrics } from "./metrics.js";
import type { Line, Span } from "./types.js";

const MAX_LEVEL = 6;

/** Turns line groups into the model's blocks: headings with levels, paragraphs, nested lists. */
export function assembleBlocks(read: Group[], compounds: ReadonlySet<string>, body: BodyMetrics): { blocks: BlockInput[]; warnings: DocumentWarning[] } {
  const toc = findTablesOfContents(read);
  const groups = numberedRunsAsLists(read.filter((group) => !toc.groups.has(group)));
  const warnings = toc.pages.length > 0 ? [tableOfContentsWarning(toc.pages)] : [];
  const levels = headingLevels(groups);
  const blocks: BlockInput[] = [];
  /** The last table written and the page it ends on, for a table that goes on over a page break. */
  let lastTable: { block: TableInput; page: number } | undefined;
  const lists = new ListBuilder(blocks);
  for (const group of groups) {
    if (group.kind === "item") {
      const origin: SourceMark[] = [];
      lists.add(group, joinLines(group.lines, compounds, markerLength(group), origin), origin);
      continue;
    }
    lists.close();
    if (group.kind === "table") {
      const table = tableBlock(group.table, (lines, origin) => joinLines(lines, compounds, 0, origin));
      if (!table) continue;
      // A table cut by a page break goes on at the top of the next page with the same columns:
      // one table for the reader, so that each row stays under its column names.
      const continued = lastTable && blocks[blocks.length - 1] === lastTable.block && lastTable.page === group.table.page - 1;
      if (lastTable && continued && width(lastTable.block) === width(table)) {
        lastTable.block.rows.push(...table.rows);
        lastTable.page = group.table.page;
        continue;
      }
      blocks.push(table);
      lastTable = { block: table, page: group.table.page };
      continue;
    }
    const origin: SourceMark[] = [];
    const runs = joinLines(group.lines, compounds, 0, origin);
    const level = levels.get(group);
    const block: BlockInput = level === undefined ? { type: "paragraph", runs, origin } : { type: "heading", level, runs, origin };
    const layout = layoutOf(group.lines, body);
    if (layout) block.layout = layout;
    blocks.push(block);
  }
  return { blocks, warnings };
}

function width(table: { rows: unknown[][] }): number {
  return Math.max(0, ...table.rows.map((row) => row.length));
}

function markerLength(group: ItemGroup): number {
  const first = group.lines[0];
  return first ? first.text.length - group.marker.rest.length : 0;
}

/**
 * Larger fonts rank higher: the largest heading size is level 1, the next one level 2, and so on;
 * bold at body size comes last.
 */
function headingLevels(groups: Group[]): Map<TextGroup, number> {
  const headings = groups.filter((group): group is TextGroup => group.kind === "text" && isHeading(group));
  const sizes = [...new Set(headings.map(groupSize))].sort((p, q) => q - p);
  const levels = new Map<TextGroup, number>();
  for (const group of headings) levels.set(group, Math.min(MAX_LEVEL, sizes.indexOf(groupSize(group)) + 1));
  return levels;
}

function groupSize(group: TextGroup): number {
  return Math.round(Math.max(...group.lines.map((line) => line.size)) * 2) / 2;
}

/** Consecutive items make one list; an item whose marker sits further right opens a nested list. */
class ListBuilder {
  private stack: { list: ListInput; markerX: number }[] = [];

  constructor(private readonly blocks: BlockInput[]) {}

  add(group: ItemGroup, runs: Run[], origin: SourceMark[]): void {
    const item: ListItemInput = { runs, origin };
    const tolerance = 0.6 * (group.lines[0]?.size ?? 10);
    while (this.stack.length > 0 && (this.stack[this.stack.length - 1]?.markerX ?? 0) > group.markerX + tolerance) this.stack.pop();
    const top = this.stack[this.stack.length - 1];
    if (top && Math.abs(top.markerX - group.markerX) <= tolerance) {
      if (top.list.ordered === group.marker.ordered) {
        top.list.items.push(item);
        return;
      }
      this.stack.pop();
    }
    const list: ListInput = { type: "list", ordered: group.marker.ordered, items: [item] };
    const first = group.marker.number;
    if (group.marker.ordered && first !== undefined && first !== 1) list.firstNumber = first;
    const parent = this.stack[this.stack.length - 1];
    const parentItem = parent?.list.items[parent.list.items.length - 1];
    if (parentItem) (parentItem.children ??= []).push(list);
    else this.blocks.push(list);
    this.stack.push({ list, markerX: group.markerX });
  }

  close(): void {
    this.stack = [];
  }
}

/**
 * The group's text as runs: lines joined by a space, or glued where a word was cut by a hyphen. Each
 * line's page and number go to `origin`.
 */
export function joinLines(lines: Line[], compounds: ReadonlySet<string>, skip: number, origin?: SourceMark[]): Run[] {
  const runs: Run[] = [];
  let previous: string | undefined;
  let kept = 0;
  for (const [index, line] of lines.entries()) {
    const spans = index === 0 ? dropPrefix(line.spans, skip) : line.spans;
    if (previous !== undefined) {
      const kind = joinKind(previous, line.text, compounds);
      const last = runs[runs.length - 1];
      if (last && kind === "join") {
        if (keptCount(last.text.slice(-1)) > 0) kept--;
        last.text = last.text.slice(0, -1);
      } else if (last && kind === "space") last.text += " ";
    }
    origin?.push(line.number === undefined ? { at: kept, page: line.page } : { at: kept, page: line.page, line: line.number });
    for (const span of spans) {
      pushRun(runs, span);
      kept += keptCount(span.text);
    }
    previous = line.text;
  }
  const last = runs[runs.length - 1];
  if (last) last.text = last.text.replace(/\u00AD$/u, "");
  return runs;
}

function dropPrefix(spans: Span[], count: number): Span[] {
  if (count === 0) return spans;
  const out: Span[] = [];
  let left = count;
  for (const span of spans) {
    if (left >= span.text.length) {
      left -= span.text.length;
      continue;
    }
    out.push(left > 0 ? { ...span, text: span.text.slice(left).trimStart() } : span);
    left = 0;
  }
  return out;
}

function pushRun(runs: Run[], span: Span): void {
  const last = runs[runs.length - 1];
  if (last && sameStyle(last, span)) {
    last.text += span.text;
    return;
  }
  const run: Run = { text: span.text, fontSizePt: span.size };
  if (span.bold) run.bold = true;
  if (span.italic) run.italic = true;
  if (span.font) run.fontFamily = span.font;
  runs.push(run);
}

function sameStyle(run: Run, span: Span): boolean {
  return run.fontSizePt === span.size && Boolean(run.bold) === span.bold && Boolean(run.italic) === span.italic && run.fontFamily === span.font;
}
