import { expect } from "vitest";
import type { FalcDocument, ListBlock, TextRange } from "../../src/model/types.js";

/** Every section, block, list item and table cell must point at its own text in the document. */
export function expectConsistentOffsets(document: FalcDocument): void {
  const check = (unit: TextRange & { text: string }) => expect(document.text.slice(unit.start, unit.end)).toBe(unit.text);
  const checkList = (list: ListBlock): void => {
    for (const item of list.items) {
      check(item);
      item.children.forEach(checkList);
    }
  };
  for (const section of document.sections) {
    check(section);
    for (const block of section.blocks) {
      check(block);
      if (block.type === "list") checkList(block);
      if (block.type === "table") block.rows.flat().forEach(check);
    }
  }
}
