import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadRuleSet } from "../../src/config/ruleset.js";
import { ingestFile } from "../../src/ingest/index.js";
import { DRAFT_NOTE, GLOSSARY_TITLE, renderFalcDocx } from "../../src/render/falc-docx.js";
import { parseBold, stripBold } from "../../src/render/docx/markup.js";
import type { ConvertResult } from "../../src/rewrite/types.js";
import { checkDocument } from "../../src/rules/engine.js";
import { buildConvertResult } from "../helpers/convert-result.js";
import { tempDir } from "../helpers/temp.js";
import { all, bodyParagraphs, child, isBold, readParts, styleById, text, val, type DocxParts } from "./docx-xml.js";

const LAYOUT_RULES = ["sans-serif-font", "min-font-size-14", "left-aligned-not-justified", "no-italics", "no-underline", "line-spacing"];
const plain = (s: string) => stripBold(s).replace(/\u00a0/g, " ").replace(/\s+/g, " ").trim();

let result: ConvertResult;
let bytes: Uint8Array;
let parts: DocxParts;

beforeAll(async () => {
  result = buildConvertResult();
  bytes = await renderFalcDocx(result);
  parts = readParts(bytes);
});

describe("markup", () => {
  it("turns **key** into bold spans and nothing else", () => {
    expect(parseBold("Vous payez **74,50 €** par jour.")).toEqual([
      { text: "Vous payez ", bold: false },
      { text: "74,50 €", bold: true },
      { text: " par jour.", bold: false },
    ]);
    expect(parseBold("2 * 3 = _six_ # ok")).toEqual([{ text: "2 * 3 = _six_ # ok", bold: false }]);
    // An unmatched marker is dropped, its text stays plain.
    expect(parseBold("**Important** : lisez **ceci")).toEqual([
      { text: "Important", bold: true },
      { text: " : lisez ceci", bold: false },
    ]);
  });
});

describe("the easy-to-read draft (.falc.docx)", () => {
  it("sets Arial 14 pt, 1.5 line spacing and left alignment as document defaults", () => {
    const defaults = all(parts.styles, "docDefaults")[0]!;
    expect(val(all(defaults, "rFonts")[0], "ascii")).toBe("Arial");
    expect(Number(val(all(defaults, "sz")[0]))).toBe(28);
    const spacing = all(defaults, "spacing")[0];
    expect(val(spacing, "line")).toBe("360");
    expect(val(spacing, "lineRule")).toBe("auto");
    expect(val(all(defaults, "jc")[0])).toBe("left");
  });

  it("never goes below 14 pt, never justifies, never narrows the line spacing", () => {
    const sizes = all(parts.document, "sz").map((e) => Number(val(e)));
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(28);
    for (const doc of [parts.document, parts.styles]) {
      for (const jc of all(doc, "jc")) expect(["both", "distribute"]).not.toContain(val(jc));
    }
    for (const spacing of all(parts.document, "spacing")) {
      const line = val(spacing, "line");
      if (line !== undefined) expect(Number(line)).toBeGreaterThanOrEqual(360);
    }
  });

  it("has headings larger than the text and bold", () => {
    for (const id of ["Title", "Heading1"]) {
      const style = styleById(parts.styles, id)!;
      expect(Number(val(all(style, "sz")[0]))).toBeGreaterThan(28);
      expect(all(style, "b").length).toBe(1);
      // Italics stated off, never on.
      expect(all(style, "i").filter((i) => !["0", "false"].includes(val(i) ?? "true"))).toHaveLength(0);
    }
  });

  it("uses no italics and no underline", () => {
    expect(all(parts.document, "i")).toHaveLength(0);
    expect(all(parts.document, "u")).toHaveLength(0);
  });

  it("writes the title, the note, then one paragraph per sentence, list item and glossary entry, in order", () => {
    const expected: string[] = [result.title, ...DRAFT_NOTE];
    for (const section of result.sections) {
      if (section.rewrite.blocks.length === 0) continue; // the title-only section is already the document title
      expected.push(section.title);
      for (const block of section.rewrite.blocks) {
        if (block.type === "paragraph") expected.push(...block.sentences);
        else if (block.type === "list") expected.push(...(block.intro ? [block.intro] : []), ...block.items);
      }
    }
    expected.push(GLOSSARY_TITLE, ...result.glossary.map((entry) => `${entry.word} : ${entry.explanation}`));
    expect(bodyParagraphs(parts.document).map(text).map(plain)).toEqual(expected.map(plain));
    expect(text(all(parts.document, "body")[0]!)).not.toContain("**");
  });

  it("puts each **key** part in a bold run", () => {
    const boldTexts = new Set(all(parts.document, "r").filter(isBold).map(text));
    const keys = result.sections.flatMap((section) =>
      section.rewrite.blocks.flatMap((block) => (block.type === "paragraph" ? block.sentences : block.type === "list" ? [block.intro ?? "", ...block.items] : [])),
    );
    const marked = keys.flatMap((sentence) => parseBold(sentence).filter((span) => span.bold).map((span) => span.text.replace(/\u00a0/g, " ")));
    expect(marked.length).toBeGreaterThan(10);
    for (const key of marked) expect([...boldTexts].map(plain)).toContain(plain(key));
    // Plain words stay plain.
    expect([...boldTexts].map(plain)).not.toContain("Un jour coûte");
  });

  it("makes list items real Word bullets", () => {
    const items = bodyParagraphs(parts.document).filter((p) => child(child(p, "pPr"), "numPr"));
    expect(items.map(text)).toContain("votre chambre,");
    expect(items).toHaveLength(9);
    const numId = val(child(child(child(items[0]!, "pPr"), "numPr"), "numId"));
    const num = all(parts.numbering!, "num").find((n) => val(n, "numId") === numId)!;
    const abstractId = val(child(num, "abstractNumId"));
    const abstract = all(parts.numbering!, "abstractNum").find((a) => val(a, "abstractNumId") === abstractId)!;
    expect(val(all(abstract, "numFmt")[0])).toBe("bullet");
  });

  it("ends with the glossary « Les mots difficiles », each word in bold", () => {
    const paragraphs = bodyParagraphs(parts.document);
    const at = paragraphs.findIndex((p) => text(p) === GLOSSARY_TITLE);
    expect(at).toBeGreaterThan(0);
    expect(val(child(child(paragraphs[at]!, "pPr"), "pStyle"))).toBe("Heading1");
    const entries = paragraphs.slice(at + 1);
    expect(entries).toHaveLength(result.glossary.length);
    entries.forEach((entry, i) => {
      const first = all(entry, "r")[0]!;
      expect(isBold(first)).toBe(true);
      expect(plain(text(first))).toBe(`${result.glossary[i]!.word} :`);
      expect(plain(text(entry))).toContain(result.glossary[i]!.explanation);
    });
  });

  it("says near the top that the draft must be validated by its readers before any logo", () => {
    const texts = bodyParagraphs(parts.document).slice(1, 1 + DRAFT_NOTE.length).map(text).map(plain);
    expect(texts.join(" ")).toMatch(/brouillon/);
    expect(texts.join(" ")).toMatch(/logo « Facile à lire » seulement après/);
  });

  it("numbers pages « Page X sur Y » with PAGE and NUMPAGES fields", () => {
    expect(parts.footers).toHaveLength(1);
    const footer = parts.footers[0]!;
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
    expect(footer).toContain(">Page <");
    expect(footer).toContain("> sur <");
  });

  it("turns automatic hyphenation off", () => {
    expect(val(all(parts.settings, "autoHyphenation")[0])).toBe("false");
  });

  it("writes core properties with timestamps taken from the run, so the file is reproducible", async () => {
    expect(parts.core).toContain("<dc:title>Contrat de séjour</dc:title>");
    expect(parts.core).toContain("<dc:creator>falc</dc:creator>");
    expect(parts.core).toMatch(/<dc:description>[^<]*relire et valider[^<]*<\/dc:description>/);
    expect(parts.core).toMatch(/<dcterms:created [^>]*>2026-11-28T10:15:00Z<\/dcterms:created>/);
    expect(parts.core).toMatch(/<dcterms:modified [^>]*>2026-11-28T10:15:00Z<\/dcterms:modified>/);
    expect(Buffer.from(await renderFalcDocx(buildConvertResult())).equals(Buffer.from(bytes))).toBe(true);
    const later = await renderFalcDocx(buildConvertResult({ date: "2026-12-01T08:00:00.000Z" }));
    expect(readParts(later).core).toContain(">2026-12-01T08:00:00Z</dcterms:created>");
  });

  it("passes falc's own layout rules when read back", async () => {
    const ruleSet = loadRuleSet();
    expect(ruleSet.rules.filter((rule) => LAYOUT_RULES.includes(rule.id)).map((rule) => rule.id).sort()).toEqual([...LAYOUT_RULES].sort());
    const temp = tempDir();
    const document = await ingestFile(temp.write("contrat.falc.docx", bytes));
    expect(document.text).toContain("Un jour coûte 74,50 €.");
    expect(document.defaults).toMatchObject({ fontFamily: "Arial", fontSizePt: 14, lineSpacing: 1.5, alignment: "left" });
    expect(checkDocument(document, ruleSet, { only: LAYOUT_RULES })).toEqual([]);
  });

  it("a document laid out without those rules does fail them (the check is not vacuous)", async () => {
    const { Document, Packer, Paragraph, TextRun, AlignmentType } = await import("docx");
    const bad = new Document({
      sections: [{ children: [new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun({ text: "Vous payez le loyer chaque mois.", italics: true, font: "Times New Roman", size: 22 })] })] }],
    });
    const temp = tempDir();
    const document = await ingestFile(temp.write("mauvais.docx", new Uint8Array(await Packer.toBuffer(bad))));
    const ids = new Set(checkDocument(document, loadRuleSet(), { only: LAYOUT_RULES }).map((f) => f.ruleId));
    expect([...ids].sort()).toEqual(["left-aligned-not-justified", "line-spacing", "min-font-size-14", "no-italics", "sans-serif-font"]);
  });
});

describe("the renderers load docx and fflate lazily", () => {
  it("have no value import of either at module level", () => {
    const root = join(import.meta.dirname, "../../src/render");
    const files = ["falc-docx.ts", "review-docx.ts", ...readdirSync(join(root, "docx")).map((f) => `docx/${f}`), ...readdirSync(join(root, "review")).map((f) => `review/${f}`)];
    for (const file of files) {
      const source = readFileSync(join(root, file), "utf8");
      expect(source, file).not.toMatch(/^import (?!type )[^;]*from "(docx|fflate)";/m);
    }
  });
});

const titleTmp = tempDir("falc-title-");

describe("the document title in the draft", () => {
  it("is not repeated as the first section's heading, in the DOCX or the Markdown", async () => {
    const { convertFiles } = await import("../../src/commands/convert.js");
    const { renderConvertMarkdown } = await import("../../src/render/convert-md.js");
    const out = titleTmp.path("out");
    const outcome = await convertFiles(["fixtures/livret-d-accueil.docx"], { env: {}, provider: "offline", cache: false, formats: [], out });
    const result = outcome.files[0]!.result;
    expect(result.sections[0]!.title).toBe(result.title); // the fixture's first section repeats the title
    const markdown = renderConvertMarkdown(result);
    expect(markdown.split("\n").filter((line) => line.replace(/^#+ /, "") === result.title)).toEqual([`# ${result.title}`]);
    expect(markdown).toContain("SESSAD Les Passerelles"); // the first section's content is still there
    const paragraphs = bodyParagraphs(readParts(await renderFalcDocx(result)).document).map(text);
    expect(paragraphs.filter((p) => p === result.title)).toHaveLength(1);
    expect(paragraphs.some((p) => p.includes("SESSAD Les Passerelles"))).toBe(true);
  });
});
