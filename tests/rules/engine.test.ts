import { describe, expect, it } from "vitest";
import { loadRuleSet } from "../../src/config/ruleset.js";
import { buildDocument } from "../../src/model/build.js";
import type { BlockInput, SourceFormat } from "../../src/model/types.js";
import { checkDocument, checkText, findingsForText } from "../../src/rules/engine.js";

const ruleSet = loadRuleSet();

function document(blocks: BlockInput[], format: SourceFormat = "docx", defaults?: Parameters<typeof buildDocument>[0]["defaults"]) {
  return buildDocument({ path: `contrat.${format}`, format, bytes: new Uint8Array([1, 2, 3]), blocks, ...(defaults ? { defaults } : {}) });
}

describe("findings are placed: line, column, excerpt, section", () => {
  it("gives 1-based line and column, the sentence as excerpt and the offset inside it", () => {
    const text = "Bonjour.\n\nVous arrivez le matin. Le contrat est signé par le directeur.";
    const finding = findingsForText(text, ruleSet, { only: ["active-voice"] })[0]!;
    expect(text.slice(finding.offset, finding.offset + finding.length)).toBe("est signé");
    expect(finding.line).toBe(3);
    expect(finding.column).toBe(35);
    expect(finding.excerpt).toBe("Le contrat est signé par le directeur.");
    expect(finding.excerpt.slice(finding.excerptOffset!, finding.excerptOffset! + finding.length)).toBe("est signé");
  });

  it("checks every unit of a document and names the section", () => {
    const doc = document([
      { type: "heading", level: 1, runs: [{ text: "Votre arrivée" }] },
      { type: "paragraph", runs: [{ text: "Vous arrivez le matin." }] },
      { type: "heading", level: 2, runs: [{ text: "Les repas" }] },
      { type: "list", ordered: false, items: [{ runs: [{ text: "Le déjeuner est servi à midi." }] }, { runs: [{ text: "Le dîner, etc." }] }] },
      { type: "table", rows: [[{ runs: [{ text: "Prix" }] }, { runs: [{ text: "Afin de payer, utilisez un chèque." }] }]] },
    ]);
    const findings = checkDocument(doc, ruleSet, { only: ["active-voice", "no-etc", "no-difficult-administrative-words"] });
    const summary = findings.map((f) => [f.ruleId, doc.text.slice(f.offset, f.offset + f.length), f.section]);
    expect(summary).toEqual([
      ["active-voice", "est servi", "Les repas"],
      ["no-etc", "etc.", "Les repas"],
      ["no-difficult-administrative-words", "Afin de", "Les repas"],
    ]);
    expect(findings[0]!.sectionIndex).toBe(1);
    for (const finding of findings) expect(finding.excerpt).toContain(doc.text.slice(finding.offset, finding.offset + finding.length));
  });

  it("remembers an acronym explained in an earlier paragraph, and reports it again in a new section", () => {
    const doc = document([
      { type: "heading", level: 1, runs: [{ text: "Vos droits" }] },
      { type: "paragraph", runs: [{ text: "La MDPH étudie votre dossier." }] },
      { type: "paragraph", runs: [{ text: "Écrivez encore à la MDPH." }] },
      { type: "heading", level: 1, runs: [{ text: "Vos aides" }] },
      { type: "paragraph", runs: [{ text: "La MDPH répond en 4 mois." }] },
    ]);
    const findings = checkDocument(doc, ruleSet, { only: ["no-acronyms-or-explain"] });
    expect(findings.map((f) => f.section)).toEqual(["Vos droits", "Vos aides"]);
  });
});

describe("layout rules read formatted blocks", () => {
  it("report one finding per block, with the block's range, using document defaults", () => {
    const doc = document(
      [
        { type: "paragraph", runs: [{ text: "Première ligne, " }, { text: "en italique", italic: true }, { text: " et ", italic: true }, { text: "encore." }] },
        { type: "paragraph", runs: [{ text: "Texte petit et justifié." }], layout: { alignment: "justify" } },
        { type: "list", ordered: false, items: [{ runs: [{ text: "Un élément", fontFamily: "Georgia" }] }, { runs: [{ text: "Un autre" }] }] },
      ],
      "docx",
      { fontSizePt: 12, fontFamily: "Arial" },
    );
    const findings = checkDocument(doc, ruleSet, { only: ["no-italics", "min-font-size-14", "left-aligned-not-justified", "sans-serif-font"] });
    const blocks = doc.sections[0]!.blocks;
    const byRule = (id: string) => findings.filter((f) => f.ruleId === id).map((f) => [f.offset, f.length]);
    expect(byRule("no-italics")).toEqual([[blocks[0]!.start, blocks[0]!.end - blocks[0]!.start]]);
    expect(byRule("min-font-size-14")).toHaveLength(3);
    expect(byRule("left-aligned-not-justified")).toEqual([[blocks[1]!.start, blocks[1]!.end - blocks[1]!.start]]);
    expect(byRule("sans-serif-font")).toEqual([[blocks[2]!.start, blocks[2]!.end - blocks[2]!.start]]);
    expect(findings.find((f) => f.ruleId === "min-font-size-14")!.message).toBe("Texte trop petit (12 points) : écrivez en 14 points au minimum.");
  });

  it("do not run on plain text, nor report what the format does not know", () => {
    const plain = document([{ type: "paragraph", runs: [{ text: "Bonjour." }] }], "txt", { fontSizePt: 10 });
    expect(checkDocument(plain, ruleSet, { only: ["min-font-size-14"] })).toEqual([]);
    const unknown = document([{ type: "paragraph", runs: [{ text: "Bonjour." }] }], "docx");
    expect(checkDocument(unknown, ruleSet, { only: ["min-font-size-14", "sans-serif-font", "line-spacing"] })).toEqual([]);
    expect(checkText("Bonjour.", ruleSet, { only: ["min-font-size-14"] })).toEqual([]);
  });

  it("accept a negation whose « pas » is in bold, as FALC writes it", () => {
    const bold = document([{ type: "paragraph", runs: [{ text: "Vous ne fumez " }, { text: "pas", bold: true }, { text: " dans la chambre." }] }]);
    expect(checkDocument(bold, ruleSet, { only: ["positive-sentences"] })).toEqual([]);
    const plain = document([{ type: "paragraph", runs: [{ text: "Vous ne fumez pas dans la chambre." }] }]);
    expect(checkDocument(plain, ruleSet, { only: ["positive-sentences"] })).toHaveLength(1);
  });

  it("report capitals made by a character style", () => {
    const doc = document([{ type: "paragraph", runs: [{ text: "Attention", allCaps: true }, { text: " : la porte ferme à 20 heures." }] }]);
    const findings = checkDocument(doc, ruleSet, { only: ["no-all-caps-words"] });
    expect(findings.map((f) => doc.text.slice(f.offset, f.offset + f.length))).toEqual(["Attention"]);
  });
});

describe("metric rules", () => {
  it("escalate a very long sentence to an error", () => {
    const words = (n: number): string => `Mot ${Array.from({ length: n - 2 }, () => "mot").join(" ")} fin.`;
    const findings = checkText(`${words(10)} ${words(15)} ${words(25)}`, ruleSet, { only: ["short-sentences"] });
    expect(findings.map((f) => f.severity)).toEqual(["warning", "error"]);
    expect(findings[0]!.message).toBe("Phrase longue : 15 mots. Visez 12 mots au plus : coupez-la en plusieurs phrases.");
  });

  it("count an elided word as one word (« l'école »)", () => {
    const twelve = "L'enfant va à l'école avec l'éducatrice et l'infirmière de l'établissement demain.";
    expect(checkText(twelve, ruleSet, { only: ["short-sentences"] })).toEqual([]);
  });
});
