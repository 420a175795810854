import { strToU8, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { readDocx } from "../../src/ingest/docx/index.js";
import { ParagraphMatcher, overlayRuns } from "../../src/ingest/docx/align.js";
import type { XmlParagraph } from "../../src/ingest/docx/paragraphs.js";
import { DEFAULT_LIMITS, type ReadResult } from "../../src/ingest/types.js";
import { buildDocument } from "../../src/model/build.js";
import type { BlockInput, ListInput, Run } from "../../src/model/types.js";
import { isFalcError } from "../../src/errors.js";
import { expectConsistentOffsets } from "../helpers/offsets.js";
import { expectInputError } from "../helpers/temp.js";
import { layoutDocx, patchZip, structureDocx, themeFontDocx, trackedChangesDocx } from "../helpers/make-docx.js";

const context = (path = "tests/contrat.docx") => ({ path, limits: DEFAULT_LIMITS });
const read = (bytes: Uint8Array, path?: string) => readDocx(bytes, context(path));
const textOf = (runs: Run[]) => runs.map((run) => run.text).join("");
const blockText = (block: BlockInput) => (block.type === "heading" || block.type === "paragraph" ? textOf(block.runs) : "");

describe("DOCX structure", () => {
  let bytes: Uint8Array;
  let result: ReadResult;
  beforeAll(async () => {
    bytes = await structureDocx();
    result = await read(bytes);
  });

  it("keeps blocks in order with their types and heading levels (Title and Subtitle included)", () => {
    const summary = result.blocks.map((block) => (block.type === "heading" ? `h${block.level}:${blockText(block)}` : block.type));
    expect(summary).toEqual([
      "h1:Contrat de séjour",
      "h2:Résidence Les Tilleuls",
      "h1:Article 1 – Objet du contrat",
      "paragraph",
      "h2:Les documents à fournir",
      "list",
      "h2:Les étapes",
      "list",
      "h3:Les prix",
      "table",
      "paragraph",
      "paragraph",
      "paragraph",
    ]);
  });

  it("keeps bold, italic and underline runs", () => {
    const paragraph = result.blocks[3]!;
    if (paragraph.type !== "paragraph") throw new Error("expected a paragraph");
    expect(textOf(paragraph.runs)).toBe("Le résident doit lire ce contrat avec attention.");
    const styled = (text: string) => paragraph.runs.find((run) => run.text.trim() === text);
    expect(styled("doit")?.bold).toBe(true);
    expect(styled("ce contrat")?.italic).toBe(true);
    expect(styled("attention")?.underline).toBe(true);
    // Nothing in this file names a font or a size: Word (and LibreOffice) show Times New Roman 10 pt.
    expect(paragraph.runs.find((run) => run.text.includes("Le résident"))).toEqual({ text: "Le résident ", fontFamily: "Times New Roman", fontSizePt: 10 });
  });

  it("nests bullet lists and tells numbered lists apart", () => {
    const bullets = result.blocks[5] as ListInput;
    expect(bullets.ordered).toBe(false);
    expect(bullets.items.map((item) => textOf(item.runs))).toEqual(["La carte d’identité", "L’attestation de la CAF"]);
    const nested = bullets.items[0]!.children![0]!;
    expect(nested.items.map((item) => textOf(item.runs))).toEqual(["L’original", "Une copie"]);
    const steps = result.blocks[7] as ListInput;
    expect(steps.ordered).toBe(true);
    expect(steps.items.map((item) => textOf(item.runs))).toEqual(["Lire le contrat", "Signer le contrat"]);
    expect(steps.items[1]!.children![0]!.items.map((item) => textOf(item.runs))).toEqual(["Signer chaque page"]);
  });

  it("reads tables as rows of cells", () => {
    const table = result.blocks[9]!;
    if (table.type !== "table") throw new Error("expected a table");
    expect(table.rows.map((row) => row.map((cell) => textOf(cell.runs)))).toEqual([
      ["Prestation", "Prix"],
      ["Repas", "12 € par jour"],
      ["Blanchisserie", "Comprise"],
    ]);
  });

  it("drops the footnote mark from the text and puts the note at the end, with a warning", () => {
    expect(blockText(result.blocks[10]!)).toBe("Le prix peut changer chaque année.");
    expect(blockText(result.blocks[12]!).trim()).toBe("Voir l’annexe des tarifs.");
    expect(result.warnings?.map((w) => w.code)).toContain("notes-moved");
  });

  it("leaves a bold « Article 2 » line as a paragraph in a document that has heading styles", () => {
    expect(result.blocks[11]).toMatchObject({ type: "paragraph", runs: [{ text: "Article 2", bold: true }] });
  });

  it("takes the title from the document properties and builds consistent offsets", () => {
    expect(result.metadataTitle).toBe("Contrat de séjour – Résidence Les Tilleuls");
    const document = buildDocument({ path: "contrat.docx", format: "docx", bytes, ...result });
    expect(document.title).toBe("Contrat de séjour – Résidence Les Tilleuls");
    expect(document.text).toContain("Le résident doit lire ce contrat avec attention.");
    expectConsistentOffsets(document);
  });

  it("matches every paragraph with its XML (no layout warning)", () => {
    expect(result.warnings?.map((w) => w.code)).not.toContain("docx-layout-partial");
    const headings = result.blocks.filter((block) => block.type === "heading");
    expect(headings.every((block) => block.layout?.styleName !== undefined)).toBe(true);
  });
});

describe("DOCX layout after style inheritance", () => {
  let result: ReadResult;
  beforeAll(async () => {
    result = await read(await layoutDocx());
  });
  const paragraph = (start: string) => {
    const block = result.blocks.find((b) => blockText(b).startsWith(start));
    if (!block || (block.type !== "paragraph" && block.type !== "heading")) throw new Error(`no paragraph « ${start} »`);
    return block;
  };

  it("gives the document defaults (docDefaults + Normal)", () => {
    expect(result.defaults).toEqual({ fontFamily: "Times New Roman", fontSizePt: 11, alignment: "justify", lineSpacing: 1, styleName: "Normal" });
  });

  it("reads Times New Roman 11 pt justified from the defaults", () => {
    const block = paragraph("Le règlement");
    expect(block.layout).toEqual({ alignment: "justify", lineSpacing: 1, styleName: "Normal" });
    expect(block.runs).toEqual([{ text: "Le règlement s’applique à tous les résidents.", fontFamily: "Times New Roman", fontSizePt: 11 }]);
  });

  it("makes a heading of a custom style with an outline level", () => {
    expect(paragraph("Les horaires de visite")).toMatchObject({ type: "heading", level: 2, layout: { styleName: "Titre maison" }, runs: [{ bold: true, fontSizePt: 16 }] });
  });

  it("reads Arial 14 pt, left, 1.5 lines from a style based on Normal", () => {
    const block = paragraph("Vous pouvez");
    expect(block.layout).toEqual({ alignment: "left", lineSpacing: 1.5, styleName: "FALC texte" });
    expect(block.runs[0]).toMatchObject({ fontFamily: "Arial", fontSizePt: 14 });
    expect(block.runs[0]).not.toHaveProperty("bold");
  });

  it("inherits through two levels of basedOn", () => {
    const block = paragraph("C’est important");
    expect(block.layout).toEqual({ alignment: "left", lineSpacing: 1.5, styleName: "FALC important" });
    expect(block.runs).toEqual([{ text: "C’est important.", bold: true, fontFamily: "Arial", fontSizePt: 14 }]);
  });

  it("applies character styles and direct run formatting on top", () => {
    const runs = paragraph("Un mot").runs;
    expect(runs.find((run) => run.text === "accentué")).toEqual({ text: "accentué", italic: true, allCaps: true, fontFamily: "Arial", fontSizePt: 14 });
    expect(runs.find((run) => run.text === "plus grand")).toEqual({ text: "plus grand", fontFamily: "Verdana", fontSizePt: 18 });
  });

  it("maps alignments and converts exact line spacing to a multiple", () => {
    expect(paragraph("Un texte centré").layout).toEqual({ alignment: "center", lineSpacing: 1.09, styleName: "Centré" });
    expect(paragraph("Un texte à droite").layout?.alignment).toBe("right");
    expect(paragraph("Un texte réparti").layout?.alignment).toBe("justify");
  });

  it("reads variants: « Normal » without w:default (LibreOffice), lengths with units (Strict OOXML)", async () => {
    const variant = patchZip(await layoutDocx(), {
      "word/styles.xml": (xml) => xml.replace('w:styleId="Normal" w:default="1"', 'w:styleId="Normal"').replace('w:line="360"', 'w:line="18pt"'),
    });
    const read2 = await read(variant);
    expect(read2.defaults).toMatchObject({ styleName: "Normal", alignment: "justify" });
    expect(read2.blocks.find((b) => blockText(b).startsWith("Vous pouvez"))?.layout?.lineSpacing).toBe(1.5);
  });

  it("toggles bold when both the paragraph style and the character style set it (ECMA-376 §17.7.3)", () => {
    const runs = paragraph("Tout est en gras").runs;
    expect(runs.find((run) => run.text.includes("Tout est en gras"))?.bold).toBe(true);
    expect(runs.find((run) => run.text.includes("sauf ces mots"))).not.toHaveProperty("bold");
    expect(runs.find((run) => run.text.includes("et pas ceux-ci"))?.bold).toBe(true);
  });
});

describe("DOCX theme fonts and tracked changes", () => {
  it("resolves asciiTheme to the theme's minor and major Latin fonts", async () => {
    const result = await read(await themeFontDocx());
    expect(result.defaults).toMatchObject({ fontFamily: "Luciole", fontSizePt: 12 });
    expect(result.blocks[0]).toMatchObject({ type: "heading", level: 1, runs: [{ fontFamily: "Atkinson Hyperlegible", fontSizePt: 16 }] });
    expect(result.blocks[1]).toMatchObject({ type: "paragraph", runs: [{ text: "Bienvenue dans la résidence.", fontFamily: "Luciole", fontSizePt: 12 }] });
  });

  it("reads tracked changes as accepted, with a warning", async () => {
    const result = await read(await trackedChangesDocx());
    expect(result.blocks.map(blockText)).toEqual(["Le repas coûte 12 euros."]);
    expect(result.blocks[0]!.layout).toBeDefined();
    expect(result.warnings?.map((w) => w.code)).toEqual(["tracked-changes"]);
  });
});

describe("DOCX alignment of mammoth's paragraphs with the XML", () => {
  const xml = (text: string, style: Partial<Run> = {}): XmlParagraph => ({
    key: text.replace(/[^\p{L}\p{N}]/gu, ""),
    runs: [{ text, ...style }],
    facts: { alignment: "left", lineSpacing: 1 },
  });

  it("skips XML paragraphs mammoth left out and counts the paragraphs it cannot match", () => {
    const matcher = new ParagraphMatcher([xml("Un"), xml(""), xml("Zone de texte"), xml("Deux"), xml("Trois")]);
    expect(matcher.match("Un")?.runs[0]!.text).toBe("Un");
    expect(matcher.match("Deux")?.runs[0]!.text).toBe("Deux");
    expect(matcher.match("Inconnu")).toBeUndefined();
    expect(matcher.match("Trois")?.runs[0]!.text).toBe("Trois");
    expect(matcher.match("")).toBeUndefined();
    expect(matcher.failures).toBe(1);
  });

  it("splits mammoth's runs where the XML formatting changes, spaces going with the run that holds them", () => {
    const paragraph: XmlParagraph = {
      key: "Legrandsoleil",
      runs: [{ text: "Le ", fontSizePt: 11 }, { text: "grand", bold: true, fontSizePt: 11 }, { text: " soleil", underline: true, fontSizePt: 11 }],
      facts: {},
    };
    expect(overlayRuns([{ text: "Le grand soleil" }], paragraph)).toEqual([
      { text: "Le ", fontSizePt: 11 },
      { text: "grand", bold: true, fontSizePt: 11 },
      { text: " soleil", underline: true, fontSizePt: 11 },
    ]);
  });
});

describe("bad DOCX files fail with a French error naming the file", () => {
  it("a truncated file", async () => {
    const bytes = await structureDocx();
    await expectInputError(read(bytes.subarray(0, bytes.byteLength >> 1), "coupé.docx"), "corrupt-file", "coupé.docx");
  });

  it("random bytes", async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    await expectInputError(read(bytes, "hasard.docx"), "corrupt-file", "hasard.docx");
  });

  it("a Word package without word/document.xml (incomplete) or a ZIP that is no Word package at all", async () => {
    const incomplete = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "docProps/core.xml": strToU8("<cp:coreProperties/>") });
    await expectInputError(read(incomplete, "incomplet.docx"), "corrupt-file", "incomplet.docx");
    const other = zipSync({ "notes.txt": strToU8("bonjour"), "photo.jpg": new Uint8Array(16) });
    await expectInputError(read(other, "archive.docx"), "format-mismatch", "archive.docx");
  });

  it("a document.xml that is not well-formed XML", async () => {
    const bytes = patchZip(await structureDocx(), { "word/document.xml": (xml) => xml.replace("</w:body>", "") });
    await expectInputError(read(bytes, "cassé.docx"), "corrupt-file", "cassé.docx");
  });

  it("a zip bomb: the declared sizes are refused before anything is inflated", async () => {
    const bytes = zipSync({ "word/document.xml": new Uint8Array(3 * 1024 * 1024).fill(0x61) });
    const limits = { ...DEFAULT_LIMITS, maxUncompressedBytes: 1024 * 1024 };
    const error = await readDocx(bytes, { path: "bombe.docx", limits }).catch((e: unknown) => e);
    expect(isFalcError(error) && error.code).toBe("zip-bomb");
    expect(isFalcError(error) && error.message).toContain("bombe.docx");
  });
});

describe("hostile nesting (found by the ingestion fuzz test)", () => {
  const nestTables = (xml: string, depth: number) =>
    xml.replace("<w:body>", `<w:body>${"<w:tbl><w:tr><w:tc>".repeat(depth)}<w:p><w:r><w:t>Cellule profonde.</w:t></w:r></w:p>${"</w:tc></w:tr></w:tbl>".repeat(depth)}`);

  it("tables nested 50 000 deep are refused cleanly instead of overflowing the stack", async () => {
    const bytes = patchZip(await structureDocx(), { "word/document.xml": (xml) => nestTables(xml, 50_000) });
    await expectInputError(read(bytes, "gigogne.docx"), "too-complex", "gigogne.docx");
  });

  it("nesting below the limit is still read, by our walker and by mammoth", async () => {
    const bytes = patchZip(await structureDocx(), { "word/document.xml": (xml) => nestTables(xml, 300) });
    const result = await read(bytes);
    expect(result.blocks.some((block) => block.type === "table")).toBe(true);
    expect(JSON.stringify(result.blocks)).toContain("Cellule profonde.");
  });
});
