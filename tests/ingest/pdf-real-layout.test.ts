/**
 * The layout traps as they occur in real documents of ../shared/corpus/real-docs (public files of
 * French administrations and establishments, see its README). Skipped where the corpus is absent.
 * Expected values were read off the pages rendered with pdftoppm.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { readPdf } from "../../src/ingest/pdf/index.js";
import { DEFAULT_LIMITS } from "../../src/ingest/types.js";
import { buildDocument } from "../../src/model/build.js";
import type { FalcDocument } from "../../src/model/types.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const realDocs = join(root, "../shared/corpus/real-docs");
const present = existsSync(join(realDocs, "idf-mag58-p09-pesticides-original.pdf"));

async function open(name: string): Promise<FalcDocument> {
  const path = join(realDocs, name);
  const bytes = new Uint8Array(readFileSync(path));
  const result = await readPdf(bytes, { path: name, limits: DEFAULT_LIMITS });
  return buildDocument({ path: name, format: "pdf", bytes, ...result });
}

const headingsOf = (document: FalcDocument) =>
  document.sections.flatMap((section) => section.blocks.flatMap((block) => (block.type === "heading" ? [block.text] : [])));

/** Where each phrase first appears in the document text (-1 when absent). */
const positions = (document: FalcDocument, phrases: string[]) => phrases.map((phrase) => document.text.indexOf(phrase));

describe.skipIf(!present)("real documents: reading order and structure", () => {
  describe("a two-column magazine page (idf-mag58-p09-pesticides-original.pdf)", () => {
    let document: FalcDocument;
    beforeAll(async () => {
      document = await open("idf-mag58-p09-pesticides-original.pdf");
    });

    it("reads the left column to its end before the right one", () => {
      const order = positions(document, [
        "« Les pesticides sont un poison. »",
        "Pourtant, le compte à rebours a commencé.",
        "Alors que près de 150 villes franciliennes",
        "Jonathan Flandin affiche son optimisme",
        "arrivent à se passer de pesticides. »",
        "LE MONDE AGRICOLE DIVISÉ",
        "Le sujet semble plus complexe dans le monde agricole",
        "Claude Bourguignon exprime un avis contraire",
        "Un internaute conclut",
      ]);
      expect(order.every((position) => position >= 0)).toBe(true);
      expect(order).toEqual(order.slice().sort((p, q) => p - q));
    });

    it("joins the lines of a paragraph, with no text of the other column inside", () => {
      expect(document.text).toContain(
        "Votée en 2014, la loi Labbé proclame l’interdiction des pesticides dans les espaces verts et les jardins publics dès 2020.",
      );
      expect(document.text).toContain("Ex-ingénieur agronome de l’Inra (Institut national de la recherche agronomique), Claude Bourguignon");
    });

    it("takes the column's title for a heading", () => {
      expect(headingsOf(document)).toContain("LE MONDE AGRICOLE DIVISÉ");
    });
  });

  describe("a form with a framed sidebar (mdph-certificat-medical.pdf)", () => {
    let document: FalcDocument;
    beforeAll(async () => {
      document = await open("mdph-certificat-medical.pdf");
    });

    it("reads the boxed quotation after the text beside it and before the next heading", () => {
      const order = positions(document, [
        "Les professionnels de la MDPH restent à votre disposition.",
        "de la présente loi, toute limitation d’activité",
        "A l’attention du patient",
      ]);
      expect(order.every((position) => position >= 0)).toBe(true);
      expect(order).toEqual(order.slice().sort((p, q) => p - q));
    });

    it("does not make titles of the larger body text of the first page", () => {
      const headings = headingsOf(document);
      expect(headings).toContain("A l’attention du médecin");
      expect(headings.some((heading) => heading.startsWith("Si des examens complémentaires"))).toBe(false);
      expect(headings.some((heading) => heading.startsWith("Merci d’aider votre médecin"))).toBe(false);
    });
  });

  describe("a crèche's rules from Word (capucine-RI_Creche_CAPUCINE_2017.pdf)", () => {
    let document: FalcDocument;
    beforeAll(async () => {
      document = await open("capucine-RI_Creche_CAPUCINE_2017.pdf");
    });

    it("keeps a wrapped line that starts with large bold words in its paragraph", () => {
      expect(document.text).toContain("Elle est gérée par l’association loi 1901 CAPUCINE et PAPILLONS, JARDIN D’ENFANCE, fondée en 2002.");
      expect(headingsOf(document).some((heading) => heading.startsWith("gérée par"))).toBe(false);
    });

    it("leaves out the table of contents and says on which page it was", () => {
      expect(document.text).not.toMatch(/\.{10,}/);
      expect(document.warnings.find((warning) => warning.code === "pdf-table-of-contents")?.message).toContain("page 2");
    });
  });

  describe("a pedagogical project with a cover date and a table of contents (capucine-projet_pedagogique_2018.pdf)", () => {
    let document: FalcDocument;
    beforeAll(async () => {
      document = await open("capucine-projet_pedagogique_2018.pdf");
    });

    it("names no section after the cover date", () => {
      expect(document.sections.map((section) => section.title).some((title) => title.includes("Novembre 2017"))).toBe(false);
      expect(document.sections.map((section) => section.title)).toContain("2. La familiarisation : une séparation en douceur");
    });

    it("leaves out the table of contents, whose entries name later headings", () => {
      expect(document.text).not.toContain("Table des matières");
      expect(document.text.split("Accueil de l’enfant et sa famille").length - 1).toBe(1);
    });
  });
});
