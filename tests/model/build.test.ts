import { describe, expect, it } from "vitest";
import { buildDocument } from "../../src/model/build.js";
import type { Block, BlockInput, FalcDocument } from "../../src/model/types.js";

const bytes = new TextEncoder().encode("x");
const p = (text: string): BlockInput => ({ type: "paragraph", runs: [{ text }] });
const h = (level: number, text: string): BlockInput => ({ type: "heading", level, runs: [{ text }] });
const build = (blocks: BlockInput[], sectioning = {}) => buildDocument({ path: "doc.md", format: "md", bytes, blocks }, sectioning);

function everyUnit(document: FalcDocument): { text: string; start: number; end: number }[] {
  const units: { text: string; start: number; end: number }[] = [];
  const visit = (block: Block) => {
    units.push(block);
    if (block.type === "list") {
      const items = (list: typeof block): void => list.items.forEach((item) => (units.push(item), item.children.forEach(items)));
      items(block);
    }
    if (block.type === "table") block.rows.flat().forEach((cell) => units.push(cell));
  };
  document.sections.forEach((section) => (units.push(section), section.blocks.forEach(visit)));
  return units;
}

describe("buildDocument", () => {
  it("gives every block, item and cell offsets that point back into the plain text", () => {
    const document = build([
      h(1, "Contrat de séjour"),
      { type: "paragraph", runs: [{ text: "Le prix est de " }, { text: "74,50 €", bold: true }, { text: " par jour." }] },
      { type: "list", ordered: false, items: [{ runs: [{ text: "repas" }], children: [{ type: "list", ordered: true, items: [{ runs: [{ text: "midi" }] }] }] }, { runs: [{ text: "linge" }] }] },
      { type: "table", rows: [[{ runs: [{ text: "Prestation" }] }, { runs: [{ text: "" }] }], [{ runs: [{ text: "Repas" }] }, { runs: [{ text: "8 €" }] }]] },
    ]);
    expect(document.text).toBe("Contrat de séjour\n\nLe prix est de 74,50 € par jour.\n\nrepas\nmidi\nlinge\n\nPrestation\nRepas\n8 €");
    for (const unit of everyUnit(document)) expect(document.text.slice(unit.start, unit.end)).toBe(unit.text);
    expect(document.title).toBe("Contrat de séjour");
    expect(document.source.sha256).toHaveLength(64);
  });

  it("collapses stray white space but keeps line breaks and non-breaking spaces", () => {
    const document = build([p("  Le  prix\t est :\u00a074,50\u202f€ \n\n Par jour.  ")]);
    expect(document.text).toBe("Le prix est :\u00a074,50\u202f€\nPar jour.");
  });

  it("drops empty blocks", () => {
    const document = build([p("   "), h(1, ""), p("Texte.")]);
    expect(document.sections).toHaveLength(1);
    expect(document.text).toBe("Texte.");
  });
});

describe("sections", () => {
  it("starts a section at each heading of the configured level or above", () => {
    const blocks = [p("Préambule."), h(1, "Titre"), p("a."), h(2, "Sous-titre"), p("b."), h(3, "Détail"), p("c.")];
    expect(build(blocks).sections.map((s) => s.title)).toEqual(["Début du document", "Titre", "Sous-titre"]);
    expect(build(blocks, { headingLevel: 3 }).sections.map((s) => s.title)).toEqual(["Début du document", "Titre", "Sous-titre", "Détail"]);
    expect(build(blocks, { headingLevel: 1 }).sections.map((s) => s.title)).toEqual(["Début du document", "Titre"]);
  });

  it("finds « Article N » titles when the document has no heading styles", () => {
    const document = build([p("Contrat."), p("Article 1 – Objet"), p("Le contrat fixe les règles."), p("ARTICLE 2 : Durée"), p("Il dure un an."), p("Chapitre II")]);
    expect(document.sections.map((s) => s.title)).toEqual(["Début du document", "Article 1 – Objet", "ARTICLE 2 : Durée", "Chapitre II"]);
  });

  it("does not take a sentence that starts with « Article » for a title", () => {
    const document = build([p("Article 3 du code : le résident peut partir quand il veut, après avoir prévenu la direction.")]);
    expect(document.sections).toHaveLength(1);
    expect(document.sections[0]!.blocks[0]!.type).toBe("paragraph");
  });

  it("splits a long section between paragraphs, never inside a list", () => {
    const sentence = (n: number) => Array.from({ length: n }, (_, i) => `mot${i}`).join(" ") + ".";
    const longList: BlockInput = { type: "list", ordered: false, items: Array.from({ length: 30 }, () => ({ runs: [{ text: sentence(10) }] })) };
    const document = build([h(1, "Règles"), p(sentence(150)), p(sentence(150)), longList, p(sentence(50))], { maxWords: 200 });
    expect(document.sections.map((s) => s.title)).toEqual(["Règles", "Règles (suite)", "Règles (suite)", "Règles (suite)"]);
    const listSection = document.sections.find((s) => s.blocks.some((b) => b.type === "list"))!;
    expect(listSection.blocks.filter((b) => b.type === "list")).toHaveLength(1);
    expect(listSection.wordCount).toBe(300);
  });
});
