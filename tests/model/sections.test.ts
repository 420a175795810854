import { describe, expect, it } from "vitest";
import { PREAMBLE_TITLE, buildDocument } from "../../src/model/build.js";
import type { BlockInput } from "../../src/model/types.js";

const bytes = new TextEncoder().encode("x");
const h = (level: number, text: string): BlockInput => ({ type: "heading", level, runs: [{ text }] });
/** A paragraph of exactly `n` words. */
const words = (n: number): BlockInput => ({ type: "paragraph", runs: [{ text: `${Array.from({ length: n }, () => "jeu").join(" ")}.` }] });
const build = (blocks: BlockInput[]) => buildDocument({ path: "projet.pdf", format: "pdf", bytes, blocks }, { maxWords: 100 });
const titles = (blocks: BlockInput[]) => build(blocks).sections.map((s) => [s.title, s.titleMadeUp ?? false]);

describe("titles of the parts of a long section", () => {
  it("a part is the sequel of the nearest real heading, never of a cover date", () => {
    // Budget 100 words. Section « Novembre 2017 »: 2 + 4 + 60 words, then 60 + 3 (a part that ends
    // on the next heading), then 60, then 60, each part closed when the next paragraph would pass 100.
    expect(
      titles([h(1, "Projet pédagogique"), h(2, "Novembre 2017"), h(3, "1. Accueil de l’enfant"), words(60), words(60), h(3, "2. La familiarisation"), words(60), words(60)]),
    ).toEqual([
      ["Projet pédagogique", false],
      ["Novembre 2017", false],
      ["1. Accueil de l’enfant (suite)", true],
      ["2. La familiarisation (suite)", true],
      ["2. La familiarisation (suite)", true],
    ]);
  });

  it("a part that starts with a heading takes it as its own, real title", () => {
    // 5 + 95 = 100 words; the 2 of « Les repas » would pass 100: the second part starts with it.
    expect(titles([h(2, "La vie à la crèche"), words(95), h(3, "Les repas"), words(60)])).toEqual([
      ["La vie à la crèche", false],
      ["Les repas", false],
    ]);
  });

  it("with only a date or a page line before it, a part is « Suite du document »", () => {
    expect(titles([h(2, "Novembre 2017"), words(60), words(60)])).toEqual([
      ["Novembre 2017", false],
      ["Suite du document", true],
    ]);
    // A heading met on every page (three times here) is a running header, not a title.
    const header = h(3, "Crèche Capucine – projet");
    expect(titles([h(2, "Accueil"), header, words(60), header, words(60), header, words(30)]).map(([title]) => title)).toEqual(["Accueil", "Accueil (suite)"]);
  });

  it("the text before the first heading, and its parts, are made-up titles", () => {
    expect(titles([words(60), words(60), h(2, "Article 1")])).toEqual([
      [PREAMBLE_TITLE, true],
      [`${PREAMBLE_TITLE} (suite)`, true],
      ["Article 1", false],
    ]);
  });
});
