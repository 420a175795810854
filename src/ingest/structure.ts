import type { BlockLayout, ListItemInput, TableCellInput } from "../model/types.js";

/** Structural clean-ups shared by the DOCX and ODT readers. */

/**
 * An item with no text of its own that only holds a nested list is how both formats write a list
 * that starts one level down (ODT always nests that way). Its children join the previous item;
 * without a previous item it stays, empty, to keep the nesting.
 */
export function foldEmptyItems(items: ListItemInput[]): ListItemInput[] {
  const out: ListItemInput[] = [];
  for (const item of items) {
    const empty = item.runs.every((run) => run.text.trim() === "");
    const previous = out[out.length - 1];
    if (empty && previous && item.children?.length) {
      previous.children = [...(previous.children ?? []), ...item.children];
    } else if (!empty || item.children?.length) {
      out.push(item);
    }
  }
  return out;
}

/** Pads rows with empty cells so that the table is a rectangle (spans leave holes). */
export function padRows(rows: TableCellInput[][]): TableCellInput[][] {
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  for (const row of rows) while (row.length < width) row.push({ runs: [] });
  return rows;
}

/** Only the layout fields the model knows (facts may carry reader-specific extras). */
export function layoutFields(facts: BlockLayout | undefined): BlockLayout | undefined {
  if (!facts) return undefined;
  const layout: BlockLayout = {};
  if (facts.alignment !== undefined) layout.alignment = facts.alignment;
  if (facts.lineSpacing !== undefined) layout.lineSpacing = facts.lineSpacing;
  if (facts.styleName !== undefined) layout.styleName = facts.styleName;
  return layout;
}
