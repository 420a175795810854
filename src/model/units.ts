import type { Block, TextUnit } from "./types.js";

/**
 * The text units of a block in reading order: a heading or paragraph itself, each list item then its
 * sub-items, each table cell row by row. `skipEmptyCells`: leave out table cells without text, which
 * have no place of their own (an empty range).
 */
export function blockUnits(block: Block, options: { skipEmptyCells?: boolean } = {}): TextUnit[] {
  switch (block.type) {
    case "heading":
    case "paragraph":
      return [block];
    case "list": {
      const units: TextUnit[] = [];
      const walk = (items: typeof block.items): void => {
        for (const item of items) {
          units.push(item);
          for (const child of item.children) walk(child.items);
        }
      };
      walk(block.items);
      return units;
    }
    case "table": {
      const cells = block.rows.flat();
      return options.skipEmptyCells ? cells.filter((cell) => cell.end > cell.start) : cells;
    }
  }
}
