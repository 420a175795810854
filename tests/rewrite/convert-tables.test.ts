import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Element } from "@xmldom/xmldom";
import { afterEach, describe, expect, it } from "vitest";
import { convertFiles } from "../../src/commands/convert.js";
import { ingestFile } from "../../src/ingest/index.js";
import type { Block, FalcDocument, TableBlock } from "../../src/model/types.js";
import { sectionOfUserMessage } from "../../src/rewrite/prompt.js";
import type { RewriteResult } from "../../src/rewrite/types.js";
import { startMockAnthropic, wellBehavedRewrite, type MockAnthropic } from "../helpers/mock-anthropic.js";
import { tableDocx } from "../helpers/make-docx.js";
import { tempDir } from "../helpers/temp.js";
import { all, children, paragraphLines, readParts } from "../render/docx-xml.js";

/**
 * Tables through the whole convert pipeline: the original's table reaches the provider as a table,
 * comes back as a table block (or one item per row), and the written DOCX holds it as a table, read
 * back with falc's own DOCX reader.
 */

const tmp = tempDir("falc-tables-");
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "fixtures");
const CORPUS = "/work/shared/corpus/real-docs";
const KEY = "sk-ant-test-TABLES-1234";

const GRID = [
  ["Prestation", "Prix par jour", "Prix pour 30 jours", "Payé par", "Aide possible", "Remarque"],
  ["Hébergement", "74,50 €", "2 235,00 €", "Vous", "Aide sociale", "Chambre seule"],
  ["Repas d'un invité", "9,80 €", "", "Vous", "", "Prévenir 48 heures avant"],
  ["Blanchisserie", "3,20 €", "96,00 €", "Vous", "", ""],
];

const plain = (s: string) => s.replace(/\u00a0/g, " ").replace(/\s+/g, " ").trim();
const blocksOf = (document: FalcDocument): Block[] => document.sections.flatMap((s) => s.blocks);
const tablesOf = (document: FalcDocument) => blocksOf(document).filter((b): b is TableBlock => b.type === "table");
const cellTexts = (table: TableBlock) => table.rows.map((row) => row.map((cell) => plain(cell.text)));
const listItems = (document: FalcDocument) => blocksOf(document).flatMap((b) => (b.type === "list" ? b.items.map((i) => plain(i.text)) : []));

/** The lines of a paragraph of the review DOCX, a <w:br/> starting a new one, spaces collapsed. */
const reviewLines = (paragraph: Element) => paragraphLines(paragraph).map(plain);

/** The review table's cell in the « Version facile à lire » column for the section whose FALC title is `title`. */
function easyCell(reviewPath: string, title: string): Element {
  const parts = readParts(new Uint8Array(readFileSync(reviewPath)));
  const body = all(parts.document, "body")[0]!;
  const review = children(body, "tbl")[0]!;
  const row = children(review, "tr").find((tr) => {
    const easy = children(tr, "tc")[1];
    return easy !== undefined && plain(reviewLines(children(easy, "p")[0]!).join(" ")) === title;
  });
  expect(row, `ligne « ${title} »`).toBeDefined();
  return children(row!, "tc")[1]!;
}

describe("tables through falc convert, offline", () => {
  it("keeps the contract's price table as a table in the FALC DOCX, the Markdown and the JSON", async () => {
    const out = join(tmp.dir, "contrat");
    const outcome = await convertFiles([join(FIXTURES, "contrat-de-sejour.docx")], { env: {}, provider: "offline", cache: false, out });
    expect(outcome.exitCode).toBe(0);

    const falc = await ingestFile(join(out, "contrat-de-sejour.falc.docx"));
    const tables = tablesOf(falc);
    expect(tables).toHaveLength(1);
    expect(cellTexts(tables[0]!)).toEqual([
      ["Prestation", "Prix par jour", "Montant pour 30 jours", "À la charge de"],
      ["Hébergement (chambre individuelle)", "74,50 €", "2 235,00 €", "Résident ou aide sociale"],
      ["Dépendance GIR 1-2", "22,86 €", "685,80 €", "Département (APA) et résident"],
      ["Dépendance GIR 3-4", "14,51 €", "435,30 €", "Département (APA) et résident"],
      ["Dépendance GIR 5-6", "6,16 €", "184,80 €", "Résident"],
      ["Soins", "Forfait global", "Sans objet", "Assurance maladie (ARS)"],
    ]);
    // The header row is bold, the body is not.
    expect(tables[0]!.rows[0]!.every((cell) => cell.runs.every((run) => run.bold === true))).toBe(true);
    expect(tables[0]!.rows[1]![1]!.runs.some((run) => run.bold === true)).toBe(false);
    // No price on a bullet of its own any more.
    for (const price of ["74,50 €", "22,86 €", "685,80 €"]) expect(listItems(falc)).not.toContain(price);

    const markdown = readFileSync(join(out, "contrat-de-sejour.falc.md"), "utf8");
    expect(markdown).toContain(
      [
        "| Prestation | Prix par jour | Montant pour 30 jours | À la charge de |",
        "| --- | --- | --- | --- |",
        "| Hébergement (chambre individuelle) | 74,50 € | 2 235,00 € | Résident ou aide sociale |",
      ].join("\n"),
    );
    expect(markdown).not.toMatch(/^- \**74,50 €\**$/m);

    const report = JSON.parse(readFileSync(join(out, "contrat-de-sejour.falc.json"), "utf8"));
    const section = report.sections.find((s: { title: string }) => s.title === "4.1 Prix de journée");
    const table = section.blocks.find((b: { type: string }) => b.type === "table");
    expect(table.header).toEqual(["Prestation", "Prix par jour", "Montant pour 30 jours", "À la charge de"]);
    expect(table.rows[3]).toEqual(["Dépendance GIR 5-6", "6,16 €", "184,80 €", "Résident"]);
    expect(section.facts.missing).toEqual([]);
  });

  it("turns a six-column table into one item per row that names its columns", async () => {
    const input = tmp.write("grille.docx", await tableDocx("Les prix", "Voici les prix de la résidence :", GRID));
    const out = join(tmp.dir, "grille-hors-ligne");
    const outcome = await convertFiles([input], { env: {}, provider: "offline", cache: false, out });
    expect(outcome.exitCode).toBe(0);
    const falc = await ingestFile(join(out, "grille.falc.docx"));
    expect(tablesOf(falc)).toEqual([]);
    expect(listItems(falc)).toEqual([
      "Prestation : Hébergement, prix par jour : 74,50 €, prix pour 30 jours : 2 235,00 €, payé par : Vous, aide possible : Aide sociale, remarque : Chambre seule.",
      "Prestation : Repas d'un invité, prix par jour : 9,80 €, payé par : Vous, remarque : Prévenir 48 heures avant.",
      "Prestation : Blanchisserie, prix par jour : 3,20 €, prix pour 30 jours : 96,00 €, payé par : Vous.",
    ]);
    const markdown = readFileSync(join(out, "grille.falc.md"), "utf8");
    expect(markdown).toContain("Voici les prix de la résidence :\n\n- Prestation : Hébergement, prix par jour : **74,50 €**");
    expect(outcome.files[0]!.result.sections.every((s) => s.facts.missing.length === 0 && s.facts.added.length === 0)).toBe(true);
  });
});

describe("tables through falc convert, with the Anthropic provider (local mock server)", () => {
  let mock: MockAnthropic | undefined;
  afterEach(async () => {
    await mock?.close();
    mock = undefined;
  });

  const PRICE_ANSWER: RewriteResult = {
    title: "Le prix par jour",
    blocks: [
      {
        type: "paragraph",
        sentences: [
          "Le prix par jour pour l'hébergement est fixé chaque année par le président du Conseil départemental.",
          "Au 1er janvier 2026, ce prix est de **74,50 €** par jour pour une chambre seule.",
          "Ce prix comprend les services de base.",
          "Vous payez chaque mois, avant le 10 du mois suivant.",
        ],
      },
      {
        type: "table",
        intro: "Voici les prix à la date de signature :",
        header: ["Service", "Prix par jour", "Prix pour 30 jours", "Qui paie"],
        rows: [
          ["Hébergement en chambre seule", "**74,50 €**", "2 235,00 €", "Vous ou l'aide sociale"],
          ["Dépendance GIR 1-2", "22,86 €", "685,80 €", "Le Département et vous"],
          ["Dépendance GIR 3-4", "14,51 €", "435,30 €", "Le Département et vous"],
          ["Dépendance GIR 5-6", "6,16 €", "184,80 €", "Vous"],
          ["Soins", "Forfait global", "", "L'Assurance maladie"],
        ],
      },
    ],
    glossary: [],
  };

  it("sends the price table as a table, and writes the table block it gets back in every output", async () => {
    mock = await startMockAnthropic((request) => {
      const section = sectionOfUserMessage(request.userText);
      return section?.sectionTitle === "4.1 Prix de journée" ? { rewrite: PRICE_ANSWER } : { rewrite: wellBehavedRewrite(request) };
    });
    const out = join(tmp.dir, "contrat-mock");
    const outcome = await convertFiles([join(FIXTURES, "contrat-de-sejour.docx")], {
      env: { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: mock.url },
      cache: false,
      maxRepairs: 0,
      out,
    });
    expect(outcome.exitCode).toBe(0);

    const sent = mock.requests.map((r) => sectionOfUserMessage(r.userText)).find((s) => s?.sectionTitle === "4.1 Prix de journée")!;
    expect(sent.text).toContain(
      [
        "| Prestation | Tarif journalier | Montant pour trente jours | À la charge de |",
        "| --- | --- | --- | --- |",
        "| Hébergement (chambre individuelle) | 74,50 € | 2 235,00 € | Résident ou aide sociale |",
      ].join("\n"),
    );
    expect(sent.text).not.toContain("\nTarif journalier\n");

    const section = outcome.files[0]!.result.sections.find((s) => s.title === "Le prix par jour")!;
    expect(section.facts.missing).toEqual([]);
    expect(section.facts.added).toEqual([]);

    const falc = await ingestFile(join(out, "contrat-de-sejour.falc.docx"));
    const tables = tablesOf(falc);
    expect(tables).toHaveLength(1);
    expect(cellTexts(tables[0]!)).toEqual([
      ["Service", "Prix par jour", "Prix pour 30 jours", "Qui paie"],
      ["Hébergement en chambre seule", "74,50 €", "2 235,00 €", "Vous ou l'aide sociale"],
      ["Dépendance GIR 1-2", "22,86 €", "685,80 €", "Le Département et vous"],
      ["Dépendance GIR 3-4", "14,51 €", "435,30 €", "Le Département et vous"],
      ["Dépendance GIR 5-6", "6,16 €", "184,80 €", "Vous"],
      ["Soins", "Forfait global", "", "L'Assurance maladie"],
    ]);
    // **74,50 €** in a cell is a bold run, without its markers.
    expect(tables[0]!.rows[1]![1]!.runs).toEqual([{ text: "74,50 €", bold: true, fontFamily: "Arial", fontSizePt: 14 }]);

    // The review shows it too: in the « Version facile à lire » column, one « colonne : valeur » line per cell
    // (four columns at 14 pt do not fit a third of the page).
    const easy = easyCell(join(out, "contrat-de-sejour.relecture.docx"), "Le prix par jour");
    const rows = children(easy, "p").map(reviewLines).filter((lines) => lines[0]!.startsWith("Service :"));
    expect(rows).toEqual([
      ["Service : Hébergement en chambre seule", "Prix par jour : 74,50 €", "Prix pour 30 jours : 2 235,00 €", "Qui paie : Vous ou l'aide sociale"],
      ["Service : Dépendance GIR 1-2", "Prix par jour : 22,86 €", "Prix pour 30 jours : 685,80 €", "Qui paie : Le Département et vous"],
      ["Service : Dépendance GIR 3-4", "Prix par jour : 14,51 €", "Prix pour 30 jours : 435,30 €", "Qui paie : Le Département et vous"],
      ["Service : Dépendance GIR 5-6", "Prix par jour : 6,16 €", "Prix pour 30 jours : 184,80 €", "Qui paie : Vous"],
      ["Service : Soins", "Prix par jour : Forfait global", "Qui paie : L'Assurance maladie"],
    ]);

    const markdown = readFileSync(join(out, "contrat-de-sejour.falc.md"), "utf8");
    expect(markdown).toContain("Voici les prix à la date de signature :\n\n| Service | Prix par jour | Prix pour 30 jours | Qui paie |\n| --- | --- | --- | --- |");
    expect(markdown).toContain("| Soins | Forfait global |  | L'Assurance maladie |");
  });

  it("sends a six-column table as a table, and writes back the row items of the answer", async () => {
    const input = tmp.write("grille-mock.docx", await tableDocx("Les prix", "Voici les prix de la résidence :", GRID));
    const answer: RewriteResult = {
      title: "Les prix",
      blocks: [
        {
          type: "list",
          intro: "Voici les prix de la résidence :",
          items: [
            "Hébergement en chambre seule : **74,50 €** par jour, **2 235,00 €** pour 30 jours, à payer par vous ou par l'aide sociale.",
            "Repas d'un invité : **9,80 €**, à payer par vous. Prévenez 48 heures avant.",
            "Blanchisserie : **3,20 €** par jour, **96,00 €** pour 30 jours, à payer par vous.",
          ],
        },
        { type: "paragraph", sentences: ["Le prix peut changer chaque année."] },
      ],
      glossary: [],
    };
    mock = await startMockAnthropic(() => ({ rewrite: answer }));
    const out = join(tmp.dir, "grille-mock-out");
    const outcome = await convertFiles([input], { env: { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: mock.url }, cache: false, maxRepairs: 0, out });
    expect(outcome.exitCode).toBe(0);
    const sent = sectionOfUserMessage(mock.requests[0]!.userText)!.text;
    expect(sent).toBe(
      [
        "Les prix",
        "",
        "Voici les prix de la résidence :",
        "",
        "| Prestation | Prix par jour | Prix pour 30 jours | Payé par | Aide possible | Remarque |",
        "| --- | --- | --- | --- | --- | --- |",
        "| Hébergement | 74,50 € | 2 235,00 € | Vous | Aide sociale | Chambre seule |",
        "| Repas d'un invité | 9,80 € |  | Vous |  | Prévenir 48 heures avant |",
        "| Blanchisserie | 3,20 € | 96,00 € | Vous |  |  |",
        "",
        "Le prix peut changer chaque année.",
      ].join("\n"),
    );
    const falc = await ingestFile(join(out, "grille-mock.falc.docx"));
    expect(listItems(falc)).toEqual([
      "Hébergement en chambre seule : 74,50 € par jour, 2 235,00 € pour 30 jours, à payer par vous ou par l'aide sociale.",
      "Repas d'un invité : 9,80 €, à payer par vous. Prévenez 48 heures avant.",
      "Blanchisserie : 3,20 € par jour, 96,00 € pour 30 jours, à payer par vous.",
    ]);
    expect(outcome.files[0]!.result.sections[0]!.facts.missing).toEqual([]);
  });
});

describe.skipIf(!existsSync(join(CORPUS, "emjpm-dgcs-guide-enquetes.docx")))("the emjpm survey guide (real document)", () => {
  it("writes one item per row of the levels table, never one bullet per cell", async () => {
    const out = join(tmp.dir, "emjpm");
    const outcome = await convertFiles([join(CORPUS, "emjpm-dgcs-guide-enquetes.docx")], { env: {}, provider: "offline", cache: false, out, formats: ["md", "docx"] });
    expect(outcome.exitCode).toBe(0);
    const markdown = readFileSync(join(out, "emjpm-dgcs-guide-enquetes.falc.md"), "utf8");
    for (const header of ["NIVEAU", "DEFINITION", "INDICATIONS", "Niveau", "Définition", "Indications"]) {
      expect(markdown).not.toMatch(new RegExp(`^- ${header}$`, "m"));
    }
    expect(markdown).not.toMatch(/^- (?:VI|V|IV|III|II|I)$/m);
    // The table is there three times: six rows each, every row naming its level and its definition.
    const levels = markdown.split("\n").filter((line) => /^- Niveau : (?:VI|V|IV|III|II|I), définition : Personnel occupant des emplois/.test(line));
    expect(levels).toHaveLength(18);
    expect(markdown).toContain("- Question 1 : Type d’organisme gestionnaire. Vous avez le choix entre plusieurs types d’organisme gestionnaire.");

    const falc = await ingestFile(join(out, "emjpm-dgcs-guide-enquetes.falc.docx"));
    const items = listItems(falc);
    expect(items.filter((item) => item.startsWith("Niveau : V, définition :"))).toHaveLength(3);
    expect(items).not.toContain("NIVEAU");
    expect(items).not.toContain("Niveau");
  });
});
