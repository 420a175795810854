import { describe, expect, it } from "vitest";
import { renderBlocks } from "../../src/model/render.js";
import type { BlockInput } from "../../src/model/types.js";

const list = (items: string[], nested?: string[]): BlockInput => ({
  type: "list",
  ordered: false,
  items: items.map((text, i) => ({ runs: [{ text }], ...(i === 0 && nested ? { children: [{ type: "list" as const, ordered: true, items: nested.map((n) => ({ runs: [{ text: n }] })) }] } : {}) })),
});

describe("renderBlocks", () => {
  it("gives lists and tables their own text, as it stands in the document's text", () => {
    const { text, blocks } = renderBlocks([
      { type: "paragraph", runs: [{ text: "Bienvenue  à\tla  maison. " }] },
      list(["Le repas", "La toilette"], ["à midi", "le soir"]),
      { type: "table", rows: [[{ runs: [{ text: "Lundi" }] }, { runs: [] }], [{ runs: [{ text: "Mardi" }] }, { runs: [{ text: "Oui" }] }]] },
      list(["Les visites"]),
    ]);
    expect(text).toBe("Bienvenue à la maison.\n\nLe repas\nà midi\nle soir\nLa toilette\n\nLundi\nMardi\nOui\n\nLes visites");
    expect(blocks.map((block) => block.text)).toEqual([
      "Bienvenue à la maison.",
      "Le repas\nà midi\nle soir\nLa toilette",
      "Lundi\nMardi\nOui",
      "Les visites",
    ]);
    const nested = blocks[1]!.type === "list" ? blocks[1]!.items[0]!.children[0]! : undefined;
    expect(nested?.text).toBe("\nà midi\nle soir");
    expect(text.slice(nested!.start, nested!.end)).toBe("\nà midi\nle soir");
  });

  it("keeps every block's offsets right over thousands of lists", () => {
    const inputs = Array.from({ length: 3000 }, (_, i) => list([`Point ${i}`, "Fin"]));
    const { text, blocks } = renderBlocks(inputs);
    expect(blocks).toHaveLength(3000);
    expect(blocks[2999]!.start).toBe(text.length - "Point 2999\nFin".length);
    for (const block of [blocks[0]!, blocks[1500]!, blocks[2999]!]) expect(text.slice(block.start, block.end)).toBe(block.text);
  });
});
