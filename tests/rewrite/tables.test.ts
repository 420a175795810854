import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadRuleSet } from "../../src/config/ruleset.js";
import { ingestFile } from "../../src/ingest/index.js";
import { buildDocument } from "../../src/model/build.js";
import type { BlockInput, Run } from "../../src/model/types.js";
import { parseAnswer } from "../../src/rewrite/answer.js";
import { checkFacts } from "../../src/rewrite/fidelity.js";
import { buildPrompt, buildUserMessage } from "../../src/rewrite/prompt.js";
import { rewriteSection } from "../../src/rewrite/providers/offline/index.js";
import { headerCase, parseMarkdownTable, rowItem, staysTable } from "../../src/rewrite/providers/offline/tables.js";
import { lexiconTools } from "../../src/rewrite/providers/offline/lexicon.js";
import { hasHeaderRow, requestText } from "../../src/rewrite/section-text.js";
import { rewriteToText } from "../../src/rewrite/text.js";

const ruleSet = loadRuleSet();
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "fixtures");

const r = (text: string, bold = false): Run[] => [{ text, ...(bold ? { bold: true } : {}) }];
const table = (rows: string[][], boldFirst = false): BlockInput => ({
  type: "table",
  rows: rows.map((row, i) => row.map((text) => ({ runs: r(text, boldFirst && i === 0) }))),
});

function documentOf(blocks: BlockInput[]) {
  return buildDocument({ path: "test.docx", format: "docx", bytes: new Uint8Array([1]), blocks });
}

const PRICES = [
  ["Prestation", "Tarif journalier", "Montant pour trente jours", "À la charge de"],
  ["Hébergement (chambre individuelle)", "74,50 €", "2 235,00 €", "Résident ou aide sociale"],
  ["Dépendance GIR 5-6", "6,16 €", "184,80 €", "Résident"],
  ["Soins", "Forfait global", "Sans objet", "Assurance maladie (ARS)"],
];

describe("the section text sent to a provider", () => {
  const document = documentOf([
    { type: "heading", level: 2, runs: r("Les prix") },
    { type: "paragraph", runs: r("Voici les tarifs :") },
    table(PRICES),
    { type: "paragraph", runs: r("Le prix change au 1er janvier.") },
  ]);
  const section = document.sections[0]!;

  it("writes a table as a Markdown table, one line per row, and leaves the rest as the model's text", () => {
    expect(requestText(section)).toBe(
      [
        "Les prix",
        "",
        "Voici les tarifs :",
        "",
        "| Prestation | Tarif journalier | Montant pour trente jours | À la charge de |",
        "| --- | --- | --- | --- |",
        "| Hébergement (chambre individuelle) | 74,50 € | 2 235,00 € | Résident ou aide sociale |",
        "| Dépendance GIR 5-6 | 6,16 € | 184,80 € | Résident |",
        "| Soins | Forfait global | Sans objet | Assurance maladie (ARS) |",
        "",
        "Le prix change au 1er janvier.",
      ].join("\n"),
    );
    // The model's text (and its offsets) is untouched: one cell per line.
    expect(section.text).toContain("Prestation\nTarif journalier\nMontant pour trente jours");
  });

  it("puts the table in the user message as a table, and tells the model when to keep one", () => {
    const prompt = buildPrompt(ruleSet);
    const message = buildUserMessage({ documentTitle: "Contrat", sectionIndex: 0, sectionTitle: "Les prix", text: requestText(section) }, prompt);
    expect(message).toContain("| Dépendance GIR 5-6 | 6,16 € | 184,80 € | Résident |");
    expect(prompt.system).toContain('Écris-le dans un bloc "table"');
    expect(prompt.system).toContain("2 à 4 colonnes");
    expect(prompt.system).toContain("N'écris jamais un élément de liste par case");
  });

  it("marks a table without column names with an empty first row, escapes « | », joins a cell's lines", () => {
    const doc = documentOf([
      table([
        ["Question 1 : Type d’organisme", "Vous avez le choix entre plusieurs types. Indiquez le chiffre 1."],
        ["Adresse", "12 rue des Lilas\n72000 Le Mans"],
        ["Code", "A | B"],
      ]),
    ]);
    expect(requestText(doc.sections[0]!)).toBe(
      [
        "|  |  |",
        "| --- | --- |",
        "| Question 1 : Type d’organisme | Vous avez le choix entre plusieurs types. Indiquez le chiffre 1. |",
        "| Adresse | 12 rue des Lilas ; 72000 Le Mans |",
        "| Code | A \\| B |",
      ].join("\n"),
    );
  });

  it("tells a header row from a first row of data", () => {
    const cells = (rows: string[][], bold = false) => rows.map((row, i) => row.map((text) => ({ text, runs: r(text, bold && i === 0) })));
    expect(hasHeaderRow(cells(PRICES))).toBe(true);
    expect(hasHeaderRow(cells([["Repas", "12 € par jour"], ["Linge", "Compris"]]))).toBe(false);
    expect(hasHeaderRow(cells([["Jour", "Heure"]]))).toBe(false); // one row: nothing to name
    // Long, but bold over a plain body: Word's header row.
    const bold = cells([["Ce que vous devez payer chaque mois", "Ce que paie le Département"], ["74,50 €", "22,86 €"]], true);
    expect(hasHeaderRow(bold)).toBe(true);
  });
});

describe("the table block of an answer", () => {
  const answer = (block: object) => parseAnswer({ title: "Les prix", blocks: [block], glossary: [] });

  it("accepts a table, keeps its empty cells, drops empty rows and an empty header", () => {
    expect(
      answer({ type: "table", intro: "Voici les prix :", header: ["Service", " Prix "], rows: [["Repas", "**9,80 €**"], ["", ""], ["Linge", ""]] }),
    ).toEqual({
      ok: true,
      result: {
        title: "Les prix",
        blocks: [{ type: "table", intro: "Voici les prix :", header: ["Service", "Prix"], rows: [["Repas", "**9,80 €**"], ["Linge", ""]] }],
        glossary: [],
      },
    });
    expect(answer({ type: "table", header: ["", ""], rows: [["Repas", "9,80 €"]] })).toEqual({
      ok: true,
      result: { title: "Les prix", blocks: [{ type: "table", rows: [["Repas", "9,80 €"]] }], glossary: [] },
    });
  });

  it("rejects a row that does not match the header, markup in a cell, a cell that is not text", () => {
    const uneven = answer({ type: "table", header: ["Service", "Prix"], rows: [["Repas", "9,80 €"], ["Linge"]] });
    expect(uneven.ok === false && uneven.problems).toEqual([
      "« blocks[0].rows[1] » a 1 cellules, mais l'en-tête (« header ») en a 2 : donnez le même nombre de cellules à chaque ligne, \"\" pour une case vide.",
    ]);
    const html = answer({ type: "table", rows: [["Repas", "<b>9,80 €</b>"]] });
    expect(html.ok === false && html.problems[0]).toContain("« blocks[0].rows[0][1] » contient une balise HTML");
    const number = answer({ type: "table", rows: [["Repas", 9.8]] });
    expect(number.ok === false && number.problems).toEqual(["« blocks[0].rows[0][1] » doit être un texte (reçu : un nombre)."]);
    const extra = answer({ type: "table", rows: [["a", "b"]], caption: "Prix" });
    expect(extra.ok === false && extra.problems[0]).toContain("clé inconnue « caption »");
  });

  it("keeps the column names of a table without rows, as a list", () => {
    expect(answer({ type: "table", intro: "Les colonnes :", header: ["Service", "Prix"], rows: [["", ""]] })).toEqual({
      ok: true,
      result: { title: "Les prix", blocks: [{ type: "list", intro: "Les colonnes :", items: ["Service", "Prix"] }], glossary: [] },
    });
  });

  it("is seen by the fidelity guard: a price missing from a cell is a missing fact", () => {
    const original = documentOf([table([["Service", "Prix"], ["Repas", "9,80 €"], ["Linge", "3,20 €"]])]).sections[0]!.text;
    const kept = { title: "Prix", glossary: [], blocks: [{ type: "table" as const, header: ["Service", "Prix"], rows: [["Repas", "9,80 €"], ["Linge", "3,20 €"]] }] };
    expect(rewriteToText(kept, { title: false })).toBe("Service\nPrix\nRepas\n9,80 €\nLinge\n3,20 €");
    expect(checkFacts(original, rewriteToText(kept)).missing).toEqual([]);
    const lost = { ...kept, blocks: [{ type: "table" as const, header: ["Service", "Prix"], rows: [["Repas", "9,80 €"], ["Linge", ""]] }] };
    expect(checkFacts(original, rewriteToText(lost)).missing).toEqual([{ type: "amount", text: "3,20 €" }]);
  });
});

describe("tables in the offline rewrite", () => {
  const compiled = lexiconTools(ruleSet).compiled;

  it("reads back the Markdown table of the request", () => {
    expect(parseMarkdownTable(["| A | B |", "| --- | --- |", "| 1 | x \\| y |", "|  |  |", "| 2 |"])).toEqual({ header: ["A", "B"], rows: [["1", "x | y"], ["2", ""]] });
    expect(parseMarkdownTable(["|  |  |", "| --- | --- |", "| 1 | 2 |"])).toEqual({ rows: [["1", "2"]] });
    expect(parseMarkdownTable(["| A | B |", "| 1 | 2 |"])).toBeNull();
  });

  it("keeps a table of 2 to 4 columns and short cells, nothing else", () => {
    expect(staysTable({ header: ["Service", "Prix"], rows: [["Repas", "9,80 €"]] })).toBe(true);
    expect(staysTable({ rows: [["Repas"], ["Linge"]] })).toBe(false);
    expect(staysTable({ rows: [["a", "b", "c", "d", "e"]] })).toBe(false);
    expect(staysTable({ rows: [["Repas", "Le repas est servi à midi. Il est compris dans le prix."]] })).toBe(false);
    expect(staysTable({ rows: [["Diplômes", "CAP ; BEP"]] })).toBe(false);
    // A grid of boxes to tick stays a grid, even when a cell holds two questions.
    const grid = {
      header: ["Entretien personnel", "Seul", "Avec aide ponctuelle", "Autres précisions"],
      rows: [
        ["Fait sa toilette", "", "", ""],
        ["Est énurétique la nuit", "", "", "Utilise des protections ? Sont-elles fournies ?"],
      ],
    };
    expect(staysTable(grid)).toBe(true);
    const schedule = { header: ["Prescription", "Matin", "Midi", "Soir", "Coucher"], rows: [["Médicament 1 et doses prescrites :", "", "", "", ""]] };
    expect(staysTable(schedule)).toBe(true);
  });

  it("writes a row as one item that names its columns, empty cells left out", () => {
    expect(rowItem(["Niveau", "Définition", "Exemples"], ["V", "Un travail d'exécution.", "CAP ; BEP"])).toBe("Niveau : V, définition : Un travail d'exécution. Exemples : CAP, BEP.");
    expect(rowItem(["Jour", "Matin", "Soir"], ["Lundi", "", "Cinéma"])).toBe("Jour : Lundi, soir : Cinéma.");
    expect(rowItem(undefined, ["Repas", "9,80 €"])).toBe("Repas : 9,80 €.");
    expect(rowItem(undefined, ["Question 1 : Type d’organisme", "Vous avez le choix entre plusieurs types."])).toBe(
      "Question 1 : Type d’organisme. Vous avez le choix entre plusieurs types.",
    );
  });

  it("writes column names in capitals in lower case, accents back, acronyms kept", () => {
    expect(headerCase("DEFINITION", ruleSet.lexicons, compiled)).toBe("Définition");
    expect(headerCase("NIVEAU DU CAP", ruleSet.lexicons, compiled)).toBe("Niveau du CAP");
    expect(headerCase("Prix", ruleSet.lexicons, compiled)).toBe("Prix");
  });

  it("keeps the contract's price table as a table, word by word: numbers in digits, plain words, facts all there", async () => {
    const document = await ingestFile(join(FIXTURES, "contrat-de-sejour.docx"));
    const section = document.sections.find((s) => s.title === "4.1 Prix de journée")!;
    const request = { documentTitle: document.title, sectionIndex: section.index, sectionTitle: section.title, text: requestText(section) };
    const result = rewriteSection(request, ruleSet);
    const tables = result.blocks.filter((b) => b.type === "table");
    expect(tables).toEqual([
      {
        type: "table",
        intro: "Les tarifs applicables à la date de signature sont récapitulés dans le tableau plus bas :",
        header: ["Prestation", "Prix par jour", "Montant pour 30 jours", "À la charge de"],
        rows: [
          ["Hébergement (chambre individuelle)", "74,50 €", "2 235,00 €", "Résident ou aide sociale"],
          ["Dépendance GIR 1-2", "22,86 €", "685,80 €", "Département (APA) et résident"],
          ["Dépendance GIR 3-4", "14,51 €", "435,30 €", "Département (APA) et résident"],
          ["Dépendance GIR 5-6", "6,16 €", "184,80 €", "Résident"],
          ["Soins", "Forfait global", "Sans objet", "Assurance maladie (ARS)"],
        ],
      },
    ]);
    // No cell became a bullet of its own.
    const items = result.blocks.flatMap((b) => (b.type === "list" ? b.items : []));
    expect(items.map((i) => i.replace(/\*\*/g, ""))).not.toContain("74,50 €");
    const facts = checkFacts(section.text, rewriteToText(result));
    expect(facts.missing).toEqual([]);
    expect(facts.added).toEqual([]);
  });

  it("turns a table with long cells into one item per row, never one per cell", () => {
    const document = documentOf([
      { type: "heading", level: 2, runs: r("Les niveaux") },
      table([
        ["NIVEAU", "DEFINITION", "EXEMPLES"],
        ["V", "Personnel occupant des emplois exigeant un niveau de formation équivalent au CAP.", "Diplôme d'aide-soignant\nTitre d'assistant de vie"],
        ["IV", "Personnel occupant des emplois de maîtrise.", ""],
      ]),
    ]);
    const section = document.sections[0]!;
    const result = rewriteSection({ documentTitle: "Guide", sectionIndex: 0, sectionTitle: section.title, text: requestText(section) }, ruleSet);
    const lists = result.blocks.filter((b) => b.type === "list");
    expect(lists).toHaveLength(1);
    expect(lists[0]!.type === "list" && lists[0]!.items).toEqual([
      "Niveau : V, définition : Personnel occupant des emplois exigeant un niveau de formation équivalent au CAP. Exemples : Diplôme d'aide-soignant, Titre d'assistant de vie.",
      "Niveau : IV, définition : Personnel occupant des emplois de maîtrise.",
    ]);
    expect(result.blocks.some((b) => b.type === "table")).toBe(false);
  });
});
