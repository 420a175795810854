import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRuleSet } from "../../src/config/ruleset.js";
import { ingestFile } from "../../src/ingest/index.js";
import type { FalcDocument } from "../../src/model/types.js";
import type { Finding, SourcePosition } from "../../src/rules/finding.js";
import { analyzeDocument } from "../../src/score/analyze.js";
import { describeWhere } from "../../src/source/describe.js";
import { addSourcePositions } from "../../src/source/positions.js";
import { flaggedWords, letters, markdownWords, odtParagraphs, pageShows, pdfPageTexts, sourceSlice, squeeze, wordParagraphs, type SourceParagraph } from "../helpers/source-reading.js";
import { tempDir } from "../helpers/temp.js";

const tmp = tempDir();
const rules = loadRuleSet();

/** A finding on the `nth` occurrence of `words` in falc's rendering, placed by the code under test. */
function placed(document: FalcDocument, words: string, nth = 1): SourcePosition | undefined {
  let offset = -1;
  for (let i = 0; i < nth; i++) offset = document.text.indexOf(words, offset + 1);
  expect(offset, words).toBeGreaterThanOrEqual(0);
  const finding: Finding = { ruleId: "test", severity: "warning", message: "", line: 1, column: 1, offset, length: words.length, excerpt: words, excerptOffset: 0 };
  addSourcePositions(document, [finding]);
  return finding.source;
}

describe("source positions in Markdown and text (written by hand)", () => {
  it("count lines and columns in the file: front matter, block quotes, emphasis, references, list markers, tables", async () => {
    const path = tmp.write(
      "contrat.md",
      [
        "---",
        'title: "Contrat"',
        "---",
        "",
        "# Le contrat",
        "",
        "> Le résident **doit** payer &amp; signer",
        "> le contrat.",
        "",
        "- premier point",
        "  suite du *point*",
        "- second &eacute;lément",
        "",
        "| Prix | Montant |",
        "|---|---|",
        "| Repas | 8 `euros` |",
        "",
        "Le 😀 repas coûte cher.",
        "",
      ].join("\n"),
    );
    const document = await ingestFile(path);
    expect(document.title).toBe("Contrat");
    expect(placed(document, "Le contrat")).toEqual({ line: 5, column: 3, endLine: 5, endColumn: 13 });
    expect(placed(document, "doit")).toEqual({ line: 7, column: 17, endLine: 7, endColumn: 21 });
    // « &amp; » is one character of the rendering and five of the file.
    expect(placed(document, "payer & signer")).toEqual({ line: 7, column: 24, endLine: 7, endColumn: 42 });
    expect(placed(document, "signer le contrat")).toEqual({ line: 7, column: 36, endLine: 8, endColumn: 13 });
    expect(placed(document, "suite du point")).toEqual({ line: 11, column: 3, endLine: 11, endColumn: 18 });
    expect(placed(document, "élément")).toEqual({ line: 12, column: 10, endLine: 12, endColumn: 24 });
    expect(placed(document, "8 euros")).toEqual({ line: 16, column: 11, endLine: 16, endColumn: 19 });
    // An emoji is one column (code points), not two.
    expect(placed(document, "repas coûte")).toEqual({ line: 18, column: 6, endLine: 18, endColumn: 17 });
  });

  it("in a text file, with Windows line ends too: heading, joined lines, doubled spaces, list items and their continuation", async () => {
    const lines = ["CONTRAT DE SÉJOUR", "", "Le résident  paie", "le prix.", "", "- un point", "  qui continue", "\t- sous point", ""];
    for (const end of ["\n", "\r\n"]) {
      const document = await ingestFile(tmp.write(`texte-${end.length}.txt`, lines.join(end)));
      expect(placed(document, "CONTRAT DE SÉJOUR")).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 18 });
      expect(placed(document, "paie le prix")).toEqual({ line: 3, column: 14, endLine: 4, endColumn: 8 });
      expect(placed(document, "point qui continue")).toEqual({ line: 6, column: 6, endLine: 7, endColumn: 15 });
      expect(placed(document, "sous point")).toEqual({ line: 8, column: 4, endLine: 8, endColumn: 14 });
    }
  });

  it("are printed as a person uses them", () => {
    const finding = { line: 3, column: 9 };
    expect(describeWhere("contrat.md", { ...finding, source: { line: 9, column: 12, endLine: 9, endColumn: 20 } })).toBe("contrat.md:9:12");
    expect(describeWhere("contrat.docx", { ...finding, source: { paragraph: 3, headings: ["Article 4 – Conditions financières", "4.1 Prix de journée"] } })).toBe("contrat.docx § Article 4 › 4.1, paragraphe 3");
    expect(describeWhere("contrat.docx", { ...finding, source: { paragraph: 0, headings: ["Préambule"] } })).toBe("contrat.docx § Préambule (titre)");
    expect(describeWhere("contrat.docx", { ...finding, source: { paragraph: 2, headings: [], note: true } })).toBe("contrat.docx, notes, paragraphe 2");
    expect(describeWhere("guide.pdf", { ...finding, source: { page: 12 } })).toBe("guide.pdf p. 12");
    expect(describeWhere("guide.pdf", { ...finding, source: { page: 12, line: 4 } })).toBe("guide.pdf p. 12, ligne 4");
    expect(describeWhere("-", finding)).toBe("- (3:9 du texte lu)");
  });
});

describe("source positions on the fixtures (checked by hand)", () => {
  it("Markdown: « est établi » at 7:30, « EHPAD » at 3:1", async () => {
    const document = await ingestFile("fixtures/contrat-de-sejour.md");
    const file = analyzeDocument(document, rules);
    const at = (words: string, ruleId: string) => file.findings.find((f) => f.ruleId === ruleId && flaggedWords(f, document.text) === words);
    expect(at("est établi", "active-voice")?.source).toEqual({ line: 7, column: 30, endLine: 7, endColumn: 40 });
    expect(at("EHPAD", "no-acronyms-or-explain")?.source).toEqual({ line: 3, column: 1, endLine: 3, endColumn: 6 });
  });

  it("Word and LibreOffice: « soixante-quatorze » in Article 4 › 4.1, paragraph 1; the title is paragraph 0 of itself", async () => {
    for (const extension of ["docx", "odt"]) {
      const document = await ingestFile(`fixtures/contrat-de-sejour.${extension}`);
      expect(placed(document, "soixante-quatorze")).toEqual({ paragraph: 1, headings: ["Article 4 – Conditions financières", "4.1 Prix de journée"] });
      expect(placed(document, "Tarif dépendance et APA")).toEqual({ paragraph: 0, headings: ["Article 4 – Conditions financières", "4.2 Tarif dépendance et APA"] });
      // Paragraph 2 of « Article 3 – Durée du séjour » (the page shows it second under the heading).
      expect(placed(document, "Une période d'essai")).toEqual({ paragraph: 2, headings: ["Article 3 – Durée du séjour"] });
    }
  });

  it("PDF: the page and the line counted from the top of the page, running header and table rows included", async () => {
    const document = await ingestFile("fixtures/contrat-de-sejour.pdf");
    // Page 1 (looked at): line 1 the running header, 2 the title, 3 the address; line 14 the first bullet.
    expect(placed(document, "EHPAD Les Tilleuls – 14")).toEqual({ page: 1, line: 3 });
    expect(placed(document, "l'EHPAD Les Tilleuls")).toEqual({ page: 1, line: 14 });
    // Page 2: under the 10 lines of the price table, « Le tarif afférent » is line 20; « Au-delà de » ends line 38.
    expect(placed(document, "Le tarif afférent")).toEqual({ page: 2, line: 20 });
    expect(placed(document, "Au-delà de soixante-douze")).toEqual({ page: 2, line: 38 });
  });
});

/**
 * Every finding of a document against the file read another way: the Markdown or text at its line and
 * column, the Word or LibreOffice paragraph under its headings, the PDF page. Returns the findings that fail.
 */
async function checkAll(path: string): Promise<{ total: number; failed: string[] }> {
  const document = await ingestFile(path);
  const file = analyzeDocument(document, rules);
  const bytes = readFileSync(path);
  const format = document.source.format;
  const paragraphs: SourceParagraph[] = format === "docx" ? await wordParagraphs(bytes) : format === "odt" ? odtParagraphs(bytes) : [];
  const pages = format === "pdf" ? await pdfPageTexts(bytes) : [];
  const failed: string[] = [];
  for (const finding of file.findings) {
    const words = flaggedWords(finding, document.text);
    const source = finding.source;
    let ok = false;
    if (!source) ok = false;
    else if ("column" in source) ok = markdownWords(sourceSlice(bytes.toString("utf8"), source)) === squeeze(words);
    else if ("page" in source) ok = pageShows(pages, source.page, words);
    else if (source.note) ok = true;
    else {
      const candidates = paragraphs.filter((p) => p.paragraph === source.paragraph && JSON.stringify(p.headings) === JSON.stringify(source.headings));
      ok = candidates.some((p) => letters(p.text).includes(letters(words.split("\n")[0]!)));
    }
    if (!ok) failed.push(`${finding.ruleId} ${JSON.stringify(source)} « ${squeeze(words).slice(0, 60)} »`);
  }
  return { total: file.findings.length, failed };
}

describe("source positions: every finding of every fixture points at its words", () => {
  const fixtures = readdirSync("fixtures").filter((name) => /\.(md|docx|odt|pdf)$/.test(name) && name !== "README.md");
  it.each(fixtures)("%s", async (name) => {
    const { total, failed } = await checkAll(join("fixtures", name));
    expect(total).toBeGreaterThan(0);
    expect(failed).toEqual([]);
  });
});

const REAL = "/work/shared/corpus/real-docs";

describe.skipIf(!existsSync(REAL))("source positions on real documents", () => {
  const readable = ["emjpm-dgcs-guide-enquetes.docx", "evam-prise-en-charge-lunettes.docx", "idf-mag58-falc.odt", "capucine-projet_pedagogique_2018.pdf", "mdph-certificat-medical.pdf", "vao-annexe5-questionnaire-vacanciers.pdf"];
  it.each(readable.filter((name) => existsSync(join(REAL, name))))("%s: every finding", async (name) => {
    const { total, failed } = await checkAll(join(REAL, name));
    expect(total).toBeGreaterThan(50);
    expect(failed).toEqual([]);
  }, 120_000);
});
