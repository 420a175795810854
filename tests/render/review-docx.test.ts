import type { Element } from "@xmldom/xmldom";
import { beforeAll, describe, expect, it } from "vitest";
import { renderReviewDocx } from "../../src/render/review-docx.js";
import { REVIEW_STEPS } from "../../src/render/review/cover.js";
import { TEXT_WIDTH } from "../../src/render/review/layout.js";
import { groupFindings, MAX_FINDING_GROUPS, shortExcerpt } from "../../src/render/review/points.js";
import { COLUMN_TITLES } from "../../src/render/review/table.js";
import { VALIDATION_FIELDS } from "../../src/render/review/validation.js";
import type { ConvertResult } from "../../src/rewrite/types.js";
import type { Finding } from "../../src/rules/finding.js";
import { buildConvertResult } from "../helpers/convert-result.js";
import { all, bodyParagraphs, child, children, isBold, readParts, text, val, type DocxParts } from "./docx-xml.js";

const plain = (s: string) => s.replace(/\u00a0/g, " ").replace(/\*\*/g, "").replace(/\s+/g, " ").trim();

let result: ConvertResult;
let parts: DocxParts;
let tables: Element[];

beforeAll(async () => {
  result = buildConvertResult();
  parts = readParts(await renderReviewDocx(result));
  tables = children(all(parts.document, "body")[0]!, "tbl");
});

const rowsOf = (table: Element) => children(table, "tr");
const cellsOf = (row: Element) => children(row, "tc");
const cellText = (cell: Element) => children(cell, "p").map(text).map(plain);

function finding(ruleId: string, severity: Finding["severity"], message: string, excerpt = "Vous payez la facture avant le 10 du mois suivant."): Finding {
  return { ruleId, severity, message, line: 1, column: 1, offset: 0, length: 4, excerpt, excerptOffset: 0 };
}

describe("the review document (.relecture.docx)", () => {
  it("is landscape A4", () => {
    const size = all(parts.document, "pgSz")[0]!;
    expect(val(size, "orient")).toBe("landscape");
    expect(Number(val(size, "w"))).toBeGreaterThan(Number(val(size, "h")));
    expect([val(size, "w"), val(size, "h")]).toEqual(["16838", "11906"]);
  });

  it("opens with a cover page: document, date, tool, scores, facts, how to run the review", () => {
    const cover = bodyParagraphs(parts.document).map(text).map(plain);
    const joined = cover.join("\n");
    expect(joined).toContain("Contrat de séjour");
    expect(joined).toContain("Document d'origine : contrat-de-sejour.docx");
    expect(joined).not.toContain("/home/direction");
    expect(joined).toContain("Date de la réécriture : samedi 28 novembre 2026");
    expect(joined).toContain("anthropic, modèle claude-sonnet-4-6");
    expect(joined).toContain(`Score de lisibilité : ${result.score.before} avant, ${result.score.after} après (sur 100)`);
    expect(joined).toContain("Informations vérifiées : 7");
    for (const step of REVIEW_STEPS) expect(cover).toContain(plain(step));
  });

  it("shows missing and added facts prominently on the cover, in bold red", () => {
    const paragraphs = bodyParagraphs(parts.document);
    const alert = paragraphs.find((p) => text(p).includes("1 information de l'original manque"))!;
    expect(alert).toBeDefined();
    const run = all(alert, "r")[0]!;
    expect(isBold(run)).toBe(true);
    expect(val(child(child(run, "rPr"), "color"))).toBe("C00000");
    const texts = paragraphs.map(text).map(plain);
    expect(texts).toContain("Comment arrêter le contrat : trente jours (durée)");
    expect(texts.some((t) => t.includes("1 information ajoutée n'est pas dans l'original"))).toBe(true);
    expect(texts).toContain("Comment arrêter le contrat : 15 € (montant)");
  });

  it("says that every fact was found when none is missing or added", async () => {
    const clean = buildConvertResult();
    for (const section of clean.sections) section.facts = { ...section.facts, missing: [], added: [] };
    const texts = bodyParagraphs(readParts(await renderReviewDocx(clean)).document).map(text).map(plain);
    expect(texts).toContain("✔ Les 7 informations vérifiées sont toutes dans la version facile à lire. Aucune information n'a été ajoutée.");
    expect(texts.join("\n")).not.toContain("⚠");
  });

  it("has a four-column table with DXA widths and a fixed layout", () => {
    expect(tables).toHaveLength(2);
    const table = tables[0]!;
    // The table's own grid: a table of the original nested in a cell has its own.
    const grid = children(child(table, "tblGrid")!, "gridCol").map((col) => Number(val(col, "w")));
    expect(grid).toHaveLength(4);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(grid[0]).toBeCloseTo(TEXT_WIDTH * 0.3, -1);
    const tblPr = child(table, "tblPr");
    expect(val(child(tblPr, "tblW"), "type")).toBe("dxa");
    expect(val(child(tblPr, "tblLayout"), "type")).toBe("fixed");
    for (const row of rowsOf(table)) {
      expect(cellsOf(row).map((cell) => val(child(child(cell, "tcPr"), "tcW"), "type"))).toEqual(["dxa", "dxa", "dxa", "dxa"]);
    }
  });

  it("repeats its header row on every page", () => {
    const header = rowsOf(tables[0]!)[0]!;
    const trPr = child(header, "trPr");
    expect(child(trPr, "tblHeader")).toBeDefined();
    expect(child(trPr, "cantSplit")).toBeDefined();
    expect(cellsOf(header).map((cell) => cellText(cell).join(" "))).toEqual([...COLUMN_TITLES]);
    for (const row of rowsOf(tables[0]!).slice(1)) expect(child(child(row, "trPr"), "tblHeader")).toBeUndefined();
  });

  it("has one row per section: the original as written, the rewrite one sentence per line, points, the readers' form", () => {
    const rows = rowsOf(tables[0]!).slice(1);
    expect(rows).toHaveLength(result.sections.length);
    rows.forEach((row, i) => {
      const section = result.sections[i]!;
      const [original, easy, , opinion] = cellsOf(row).map(cellText) as [string[], string[], string[], string[]];
      // The two checkboxes (their glyph is a symbol, not text) in a small table whose one row may not split.
      const boxes = children(cellsOf(row)[3]!, "tbl");
      expect(boxes).toHaveLength(1);
      expect(child(child(rowsOf(boxes[0]!)[0]!, "trPr"), "cantSplit")).toBeDefined();
      expect(cellText(cellsOf(rowsOf(boxes[0]!)[0]!)[0]!).map((line) => line.trim())).toEqual(["Compris", "Pas compris"]);
      expect(original[0]).toBe(section.originalBlocks[0]!.text);
      expect(easy[0]).toBe(section.title);
      const expected = section.rewrite.blocks.flatMap((block) => (block.type === "paragraph" ? block.sentences : block.type === "list" ? [...(block.intro ? [block.intro] : []), ...block.items] : []));
      expect(easy.slice(1)).toEqual(expected.map(plain));
      // Then the remarks area, left empty.
      expect(opinion.map((line) => line.trim())).toEqual(["Remarques :", ""]);
    });
    // The original's table is a table again, nested in the cell, its first row the repeated header.
    const nested = children(cellsOf(rows[2]!)[0]!, "tbl");
    expect(nested).toHaveLength(1);
    expect(rowsOf(nested[0]!).map((row) => cellsOf(row).map((cell) => cellText(cell).join(" ")))).toEqual([
      ["Prestation", "Tarif"],
      ["Hébergement (prix de journée)", "74,50 €"],
      ["Repas d'un invité", "9,80 €"],
    ]);
    expect(child(child(rowsOf(nested[0]!)[0]!, "trPr"), "tblHeader")).toBeDefined();
    const termination = cellText(cellsOf(rows[3]!)[0]!);
    expect(termination).toContain("• manquement grave ou répété au règlement de fonctionnement ;");
  });

  it("shows the rewrite at 14 pt, with bold key parts and real bullets", () => {
    const easy = cellsOf(rowsOf(tables[0]!)[4]!)[1]!; // row 0 is the header: row 4 is section 3
    const sizes = all(easy, "sz").map((sz) => Number(val(sz)));
    expect(sizes.length).toBeGreaterThan(5);
    for (const size of sizes) expect(size).toBe(28);
    expect(all(easy, "r").filter(isBold).map(text)).toContain("quand vous voulez");
    expect(children(easy, "p").filter((p) => child(child(p, "pPr"), "numPr"))).toHaveLength(3);
  });

  it("lists missing and added facts first in « Points à vérifier », then the rule findings", () => {
    const points = cellText(cellsOf(rowsOf(tables[0]!)[4]!)[2]!);
    expect(points[1]).toBe("⚠ Information manquante : trente jours (durée)");
    expect(points[2]).toBe("⚠ Information ajoutée : 15 € (montant)");
    const section = result.sections[3]!;
    expect(section.findings.length).toBeGreaterThan(0);
    expect(points.some((p) => p.includes(plain(section.findings[0]!.message)))).toBe(true);
  });

  it("caps the findings shown and says how many are left", async () => {
    const busy = buildConvertResult();
    const target = busy.sections[1]!;
    target.findings = Array.from({ length: 11 }, (_, i) => finding(`regle-${i}`, i === 10 ? "error" : "info", `Remarque numéro ${i}.`));
    const row = rowsOf(children(all(readParts(await renderReviewDocx(busy)).document, "body")[0]!, "tbl")[0]!)[2]!;
    const points = cellText(cellsOf(row)[2]!);
    expect(points.filter((p) => p.startsWith("À corriger") || p.startsWith("Conseil"))).toHaveLength(MAX_FINDING_GROUPS);
    expect(points.findIndex((p) => p.startsWith("À corriger : Remarque numéro 10."))).toBe(1);
    // 11 rules, 5 shown: 6 left for the report.
    expect(points).toContain("… et 6 autres remarques");
  });

  it("ends with a validation table to fill in by hand, and the reminder that only readers validate", () => {
    const validation = tables[1]!;
    const rows = rowsOf(validation);
    expect(rows.map((row) => cellText(cellsOf(row)[0]!)[0])).toEqual(VALIDATION_FIELDS.map((field) => field.label));
    for (const row of rows) expect(cellText(cellsOf(row)[1]!).join("")).toBe("");
    const after = bodyParagraphs(parts.document).map(text).map(plain);
    expect(after).toContain("Seules les personnes qui vont lire ce texte peuvent le valider.");
  });

  it("numbers pages « Page X sur Y »", () => {
    expect(parts.footers.join("")).toMatch(/PAGE<\/w:instrText>[\s\S]*> sur <[\s\S]*NUMPAGES<\/w:instrText>/);
  });
});

describe("grouping findings for the « Points à vérifier » column", () => {
  it("groups by rule, puts errors first, counts what is left out", () => {
    const findings = [
      finding("phrase-longue", "warning", "Phrase longue : 17 mots."),
      finding("negation", "info", "Phrase négative (« ne pas »)."),
      finding("phrase-longue", "warning", "Phrase longue : 21 mots."),
      finding("sigle", "error", "Sigle non expliqué : « CVS »."),
    ];
    const { shown, hidden } = groupFindings(findings, 2);
    expect(shown).toEqual([
      { severity: "error", message: "Sigle non expliqué : « CVS ».", excerpt: findings[3]!.excerpt, count: 1 },
      { severity: "warning", message: "Phrase longue : 17 mots.", excerpt: findings[0]!.excerpt, count: 2 },
    ]);
    expect(hidden).toBe(1);
  });

  it("shortens long excerpts around the finding, at word boundaries", () => {
    const excerpt = `${"Le résident s'engage à respecter ".repeat(3)}le règlement de fonctionnement ${"de l'établissement et ses annexes ".repeat(3)}`;
    const at = excerpt.indexOf("règlement");
    const short = shortExcerpt({ excerpt, excerptOffset: at });
    expect(short.length).toBeLessThanOrEqual(96);
    expect(short).toContain("règlement");
    expect(short.startsWith("… ")).toBe(true);
    expect(short.endsWith(" …")).toBe(true);
    expect(shortExcerpt({ excerpt: "- Vous payez.", excerptOffset: 2 })).toBe("Vous payez.");
  });
});

describe("the review document's bytes", () => {
  it("are the same for the same result, whatever else the process rendered before", async () => {
    const first = await renderReviewDocx(result);
    // docx numbers bookmarks with one counter per process: another document in between moves it on.
    await renderReviewDocx(buildConvertResult());
    const again = await renderReviewDocx(result);
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    // Numbered from 1 in document order, each start with its end.
    const ids = all(readParts(again).document, "bookmarkStart").map((mark) => val(mark, "id"));
    expect(ids.slice(0, 3)).toEqual(["1", "2", "3"]);
    expect(all(readParts(again).document, "bookmarkEnd").map((mark) => val(mark, "id")).sort()).toEqual([...ids].sort());
  });
});
