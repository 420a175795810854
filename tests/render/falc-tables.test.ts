import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import type { Element } from "@xmldom/xmldom";
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it } from "vitest";
import { convertFiles } from "../../src/commands/convert.js";
import { renderConvertJson } from "../../src/render/convert-json.js";
import { renderConvertMarkdown } from "../../src/render/convert-md.js";
import { A4, MARGIN } from "../../src/render/docx/common.js";
import { tableColumnWidths } from "../../src/render/docx/table.js";
import { renderFalcDocx } from "../../src/render/falc-docx.js";
import { renderReviewDocx } from "../../src/render/review-docx.js";
import type { ConvertResult, RewriteTable } from "../../src/rewrite/types.js";
import { buildConvertResult } from "../helpers/convert-result.js";
import { tempDir } from "../helpers/temp.js";
import { all, child, children, isBold, paragraphLines, readParts, text, val, W } from "./docx-xml.js";

/** Tables of the rewrite in the FALC DOCX, the review DOCX, the Markdown draft and the JSON report. */

const PAGE_TEXT_WIDTH = A4.short - 2 * MARGIN; // 9638 DXA

const PRICES: RewriteTable = {
  type: "table",
  intro: "Voici les prix :",
  header: ["Service", "Prix par jour", "Qui paie"],
  rows: [
    ["Hébergement en chambre seule", "**74,50 €**", "Vous ou l'aide sociale"],
    ["Repas d'un invité", "9,80 €", "Vous"],
    ["Blanchisserie", "", "La résidence"],
  ],
};

/** Seven columns whose longest words (« Renseignements », « individuelle »…) need more than the page. */
const WIDE: RewriteTable = {
  type: "table",
  header: ["Prestation", "Prix par jour", "Prix pour 30 jours", "Payé par", "Aide possible", "Remarque", "Renseignements"],
  rows: [["Hébergement", "74,50 €", "2 235,00 €", "Vous", "Aide sociale", "Chambre individuelle réservée", "Accueil"]],
};

/** The fixture result, its « Combien vous payez » section (index 2) rewritten with `tables`. */
function resultWith(...tables: RewriteTable[]): ConvertResult {
  const result = buildConvertResult();
  const sections = result.sections.map((section) =>
    section.index === 2 ? { ...section, rewrite: { ...section.rewrite, blocks: [section.rewrite.blocks[0]!, ...tables] } } : section,
  );
  return { ...result, sections };
}

const tablesIn = (node: Element) => children(node, "tbl");
const rowsOf = (table: Element) => children(table, "tr");
const cellsOf = (row: Element) => children(row, "tc");
const cellText = (cell: Element) => children(cell, "p").map(text).join("\n");
const body = (bytes: Uint8Array) => all(readParts(bytes).document, "body")[0]!;


describe("a table of the rewrite in the FALC DOCX", () => {
  let table: Element;
  let bodyElement: Element;

  beforeAll(async () => {
    bodyElement = body(await renderFalcDocx(resultWith(PRICES)));
    const tables = tablesIn(bodyElement);
    expect(tables).toHaveLength(1);
    table = tables[0]!;
  });

  it("holds the header and the rows, cell by cell, bold markers turned into bold runs", () => {
    expect(rowsOf(table).map((row) => cellsOf(row).map(cellText))).toEqual([
      ["Service", "Prix par jour", "Qui paie"],
      ["Hébergement en chambre seule", "74,50 €", "Vous ou l'aide sociale"],
      ["Repas d'un invité", "9,80 €", "Vous"],
      ["Blanchisserie", "", "La résidence"],
    ]);
    const price = all(cellsOf(rowsOf(table)[1]!)[1]!, "r");
    expect(price.map(isBold)).toEqual([true]);
    expect(all(table, "t").some((t) => (t.textContent ?? "").includes("**"))).toBe(false);
  });

  it("repeats a bold header row on each page, and no row breaks across pages", () => {
    const [header, ...rest] = rowsOf(table);
    expect(child(child(header!, "trPr"), "tblHeader")).toBeDefined();
    for (const run of all(header!, "r")) expect(isBold(run)).toBe(true);
    for (const row of rest) {
      expect(child(child(row, "trPr"), "tblHeader")).toBeUndefined();
      expect(child(child(row, "trPr"), "cantSplit")).toBeDefined();
      for (const run of all(row, "r").filter((r) => text(r) !== "74,50 €")) expect(isBold(run)).toBe(false);
    }
  });

  it("fits the page: fixed layout, DXA widths that add up to the text width, left-aligned, simple borders, no merged cells", () => {
    const tblPr = child(table, "tblPr")!;
    expect(val(child(tblPr, "tblLayout"), "type")).toBe("fixed");
    expect(val(child(tblPr, "tblW"), "type")).toBe("dxa");
    expect(Number(val(child(tblPr, "tblW"), "w"))).toBe(PAGE_TEXT_WIDTH);
    expect(["left", "start"]).toContain(val(child(tblPr, "jc")));
    const grid = children(child(table, "tblGrid")!, "gridCol").map((col) => Number(val(col, "w")));
    expect(grid).toHaveLength(3);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(PAGE_TEXT_WIDTH);
    // The long service names get the widest column.
    expect(grid[0]).toBeGreaterThan(grid[1]!);
    for (const side of ["top", "bottom", "left", "right", "insideH", "insideV"]) {
      expect(val(child(child(tblPr, "tblBorders"), side))).toBe("single");
    }
    expect(all(table, "gridSpan")).toHaveLength(0);
    expect(all(table, "vMerge")).toHaveLength(0);
    for (const jc of all(table, "jc").slice(1)) expect(val(jc)).toBe("left");
  });

  it("writes its text in Arial 14 like the body (no size below 14 pt, no font of its own)", () => {
    for (const sz of all(table, "sz")) expect(Number(val(sz))).toBe(28);
    expect(all(table, "rFonts")).toHaveLength(0); // the document default: Arial
    expect(all(table, "i")).toHaveLength(0);
    expect(all(table, "u")).toHaveLength(0);
  });

  it("keeps its intro just above it", () => {
    const nodes = Array.from(bodyElement.childNodes) as Element[];
    const at = nodes.indexOf(table);
    const intro = nodes.slice(0, at).reverse().find((n) => n.localName === "p")!;
    expect(text(intro)).toBe("Voici les prix :");
    expect(child(child(intro, "pPr"), "keepNext")).toBeDefined();
  });

  it("gives a table too wide for the page one bullet per row, one « colonne : valeur » line per cell", async () => {
    const wide = body(await renderFalcDocx(resultWith(WIDE)));
    expect(tablesIn(wide)).toHaveLength(0);
    const bullet = children(wide, "p").find((p) => text(p).startsWith("Prestation"))!;
    expect(child(child(bullet, "pPr"), "numPr")).toBeDefined();
    expect(paragraphLines(bullet)).toEqual([
      "Prestation : Hébergement",
      "Prix par jour : 74,50 €",
      "Prix pour 30 jours : 2 235,00 €",
      "Payé par : Vous",
      "Aide possible : Aide sociale",
      "Remarque : Chambre individuelle réservée",
      "Renseignements : Accueil",
    ]);
  });
});

describe("column widths", () => {
  const look = { width: 9000, size: 28, borderColor: "000000", after: 0 };

  it("add up to the room exactly, each column at least as wide as its longest word when there is room", () => {
    const widths = tableColumnWidths({ header: ["Service", "Prix"], rows: [["Hébergement en chambre individuelle", "74,50 €"]] }, look);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(9000);
    // « individuelle »: 12 characters at 14 pt × 0.55 em = 1848 DXA, plus the cell margins.
    expect(widths[0]).toBeGreaterThan(1848 + 200);
    expect(widths[0]! / widths[1]!).toBeGreaterThan(2);
  });

  it("share the room in proportion when even the longest words do not fit", () => {
    const widths = tableColumnWidths({ rows: [Array.from({ length: 8 }, () => "Anticonstitutionnellement")] }, look);
    expect(widths).toHaveLength(8);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(9000);
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThanOrEqual(8);
  });
});

describe("a table in the review DOCX", () => {
  it("shows the FALC table as « colonne : valeur » lines in the 14 pt column, where four columns would not fit", async () => {
    const review = body(await renderReviewDocx(resultWith(PRICES)));
    const row = rowsOf(tablesIn(review)[0]!)[3]!; // header, then one row per section: section 2
    const easy = cellsOf(row)[1]!;
    expect(tablesIn(easy)).toHaveLength(0);
    const rows = children(easy, "p").map(paragraphLines).filter((lines) => lines[0]!.startsWith("Service"));
    expect(rows).toEqual([
      ["Service : Hébergement en chambre seule", "Prix par jour : 74,50 €", "Qui paie : Vous ou l'aide sociale"],
      ["Service : Repas d'un invité", "Prix par jour : 9,80 €", "Qui paie : Vous"],
      ["Service : Blanchisserie", "Qui paie : La résidence"],
    ]);
  });

  it("nests a small table of the rewrite as a table when its words fit the column", async () => {
    const small: RewriteTable = { type: "table", header: ["Repas", "Prix"], rows: [["Midi", "9,80 €"], ["Soir", "7,20 €"]] };
    const review = body(await renderReviewDocx(resultWith(small)));
    const easy = cellsOf(rowsOf(tablesIn(review)[0]!)[3]!)[1]!;
    const nested = tablesIn(easy);
    expect(nested).toHaveLength(1);
    expect(rowsOf(nested[0]!).map((r) => cellsOf(r).map(cellText))).toEqual([
      ["Repas", "Prix"],
      ["Midi", "9,80 €"],
      ["Soir", "7,20 €"],
    ]);
    for (const sz of all(nested[0]!, "sz")) expect(Number(val(sz))).toBe(28);
    // A cell ends with a paragraph, as Word requires.
    expect(Array.from(easy.childNodes).filter((n) => n.nodeType === 1).pop()?.localName).toBe("p");
  });
});

describe("rows kept in one piece", () => {
  it("keeps a short section's review row whole, and lets a longer one break rather than leave a page blank", async () => {
    const result = buildConvertResult();
    const long = "Vous payez le prix de la chambre chaque mois avant le 10 du mois suivant.\n".repeat(40);
    const sections = result.sections.map((section) => (section.index === 4 ? { ...section, falc: long } : section));
    const review = body(await renderReviewDocx({ ...result, sections }));
    const rows = rowsOf(tablesIn(review)[0]!).slice(1);
    const whole = rows.map((row) => child(child(row, "trPr"), "cantSplit") !== undefined);
    // Section 0 of the fixture is a title and one sentence: whole. Sections 1 to 3 are estimated taller than
    // 30 % of the landscape page, and section 4 now holds 40 lines: they may break, the header row
    // repeating on the next page.
    expect(whole).toEqual([true, false, false, false, false]);
  });

  it("lets a table row with a very long cell break across pages", async () => {
    const long: RewriteTable = { type: "table", header: ["Service", "Détail"], rows: [["Repas", "Le repas est servi à midi. ".repeat(20)], ["Linge", "Compris"]] };
    const table = tablesIn(body(await renderFalcDocx(resultWith(long))))[0]!;
    expect(rowsOf(table).map((row) => child(child(row, "trPr"), "cantSplit") !== undefined)).toEqual([true, false, true]);
  });
});

describe("a table in the Markdown draft and the JSON report", () => {
  it("is a GFM table under its intro, « | » escaped, bold kept", () => {
    const withPipe: RewriteTable = { ...PRICES, rows: [...PRICES.rows, ["Code A | B", "1,00 €", "Vous"]] };
    const markdown = renderConvertMarkdown(resultWith(withPipe));
    expect(markdown).toContain(
      [
        "Voici les prix :",
        "",
        "| Service | Prix par jour | Qui paie |",
        "| --- | --- | --- |",
        "| Hébergement en chambre seule | **74,50 €** | Vous ou l'aide sociale |",
        "| Repas d'un invité | 9,80 € | Vous |",
        "| Blanchisserie |  | La résidence |",
        "| Code A \\| B | 1,00 € | Vous |",
      ].join("\n"),
    );
  });

  it("gets an empty header row when it has no column names", () => {
    const markdown = renderConvertMarkdown(resultWith({ type: "table", rows: [["Midi", "9,80 €"]] }));
    expect(markdown).toContain("|  |  |\n| --- | --- |\n| Midi | 9,80 € |");
  });

  it("keeps the block structure in the JSON report", () => {
    const report = JSON.parse(renderConvertJson(resultWith(PRICES)));
    expect(report.sections[2].blocks[1]).toEqual(PRICES);
  });
});

const hasSoffice = spawnSync("sh", ["-c", "command -v soffice"]).status === 0;

const EMJPM = "/work/shared/corpus/real-docs/emjpm-dgcs-guide-enquetes.docx";

describe.skipIf(!hasSoffice || !existsSync(EMJPM))("the review of a long real document rendered by LibreOffice", () => {
  // Its sections with a table are taller than a page: kept in one piece, LibreOffice looped on them.
  it("exports to PDF", async () => {
    const temp = tempDir("falc-review-render-");
    const outcome = await convertFiles([EMJPM], { env: {}, provider: "offline", cache: false, out: temp.dir, formats: ["docx"] });
    expect(outcome.exitCode).toBe(0);
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${temp.path("profile")}`, "--headless", "--convert-to", "pdf", "--outdir", temp.dir, temp.path("emjpm-dgcs-guide-enquetes.relecture.docx")],
      { stdio: "ignore", timeout: 120_000 },
    );
    expect(existsSync(temp.path("emjpm-dgcs-guide-enquetes.relecture.pdf"))).toBe(true);
  }, 180_000);
});

describe.skipIf(!hasSoffice)("a long table rendered by LibreOffice", () => {
  it("repeats its header row at the top of each page it runs onto", async () => {
    const temp = tempDir("falc-table-render-");
    const rows = Array.from({ length: 60 }, (_, i) => [`Service numéro ${i + 1}`, `${i + 1},00 €`]);
    const input = temp.write("long.falc.docx", await renderFalcDocx(resultWith({ type: "table", header: ["Service", "Prix"], rows })));
    execFileSync("soffice", [`-env:UserInstallation=file://${temp.path("profile")}`, "--headless", "--convert-to", "pdf", "--outdir", temp.dir, input], {
      stdio: "ignore",
      timeout: 120_000,
    });
    const parser = new PDFParse({ data: readFileSync(temp.path("long.falc.pdf")) });
    const pages = (await parser.getText()).pages.map((p) => p.text);
    await parser.destroy();
    const withRows = pages.filter((page) => /Service numéro \d+/.test(page));
    expect(withRows.length).toBeGreaterThanOrEqual(3);
    for (const page of withRows) expect(page).toMatch(/Service\s+Prix\s*\n/);
  }, 150_000);
});
