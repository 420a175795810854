import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPages, texts, visibleText } from "../helpers/pdf-pages.js";

const REAL = "/work/shared/corpus/real-docs";

describe.skipIf(!existsSync(REAL))("findTables on real documents", () => {
  const real = (name: string) => new Uint8Array(readFileSync(join(REAL, name)));

  it("reads the two ruled tables of the holiday questionnaire, page 2", async () => {
    const page = (await readPages(real("vao-annexe5-questionnaire-vacanciers.pdf"), [2])).get(2)!;
    expect(page.tables.map((table) => table.kind)).toEqual(["ruled", "ruled"]);
    const [food, night] = page.tables.map(texts);
    expect(food).toEqual([
      ["Alimentation", "Seul", "Avec aide ponctuelle", "Avec aide constante"],
      ["Mange", "", "", ""],
      ["Boit", "", "", ""],
      ["", "Oui", "Non", "Autres précisions"],
      ["Faut-il mixer les aliments", "", "", ""],
      ["Régime alimentaire", "", "", ""],
      ["Risque de fausse-route", "", "", ""],
      ["Troubles alimentaires : boulimie, anorexie, etc.", "", "", ""],
    ]);
    expect(night?.[0]).toEqual(["Nuit, sommeil, lever, coucher", "Oui", "Non"]);
    expect(night?.map((row) => row[0])).toEqual([
      "Nuit, sommeil, lever, coucher",
      "Se couche tôt (préciser l’heure)",
      "A peur le l’obscurité",
      "A des difficultés pour s’endormir",
      "Se réveille la nuit",
      "A des angoisses nocturnes",
      "A des insomnies",
      "A un lever difficile",
      "Se lève tôt (préciser l’heure)",
      "Fait la sieste",
    ]);
    expect(night?.every((row) => row.length === 3)).toBe(true);
    // The headings and the paragraph between the tables stay text; the empty frames are no tables.
    const rest = visibleText(page.rest).join(" ");
    expect(rest).toContain("2 Alimentation");
    expect(rest).toContain("Informations complémentaires");
    expect(rest).not.toContain("Mange");
  });

  it("reads the medication grid continued on page 8, with text in its first column only", async () => {
    const page = (await readPages(real("vao-annexe5-questionnaire-vacanciers.pdf"), [8])).get(8)!;
    expect(page.tables.map(texts)).toEqual([
      [
        ["Médicament 3 et doses prescrites :", "", "", "", ""],
        ["Médicament 4 et doses prescrites", "", "", "", ""],
        ["Médicament 5 et doses prescrites", "", "", "", ""],
      ],
    ]);
  });

  it("finds the qualification-level tables of the DGCS guide, and nothing else", async () => {
    const pages = await readPages(real("emjpm-dgcs-guide-enquetes.pdf"));
    const found = [...pages.values()].flatMap((page) => page.tables);
    expect(found.map((table) => table.page)).toEqual([8, 15, 24]);
    for (const table of found) {
      expect(table.kind).toBe("ruled");
      const rows = texts(table);
      expect(rows.map((row) => row[0])).toEqual([expect.stringMatching(/^NIVE ?AU$/), "VI", "V", "IV", "III", "II", "I"]);
      expect(rows[0]?.slice(1)).toEqual(["DEFINITION", "INDICATIONS", "EXEMPLES DANS LE SECTEUR SOCIAL ET MEDICO-SOCIAL"]);
      expect(rows.every((row) => row.length === 4)).toBe(true);
      expect(rows[6]?.[3]).toMatch(/^Certificat d'aptitude aux fonctions de directeur/);
    }
  });

  it("finds no table in framed forms, checkbox forms, nor in a two-column magazine page", async () => {
    // By eye: the cerfa is framed sections of « Nom : ____ » lines; the medical certificate lays out
    // options with checkboxes (form fields) in columns, and draws no grid; the magazine page is text
    // in columns.
    for (const name of ["domifa-cerfa-attestation-election-domicile.pdf", "mdph-certificat-medical.pdf", "idf-mag58-p09-pesticides-original.pdf"]) {
      const pages = await readPages(real(name));
      expect([...pages.values()].flatMap((page) => page.tables), name).toEqual([]);
    }
    for (const name of ["domifa-cerfa-attestation-election-domicile.pdf", "idf-mag58-p09-pesticides-original.pdf"]) {
      const page = (await readPages(real(name), [1])).get(1)!;
      expect(page.tables, name).toEqual([]);
      expect(page.rest, name).toEqual(page.pieces);
    }
  });
});
