import { describe, expect, it } from "vitest";
import { findIdentifiers } from "../../src/analysis/identifiers.js";
import { compareFacts, extractFacts } from "../../src/analysis/normalise/index.js";

const found = (text: string): string[] => findIdentifiers(text).map((i) => `${i.kind} ${text.slice(i.start, i.end)}`);
const facts = (text: string): string[] => extractFacts(text).map((f) => `${f.type} ${f.value}`);

describe("findIdentifiers: numbers that name, not count", () => {
  it("finds form numbers, code articles, standards and phone numbers of any plan", () => {
    expect(found("Formulaire cerfa n° 13788*01, ou le 16030*01.")).toEqual(["form 13788*01", "form 16030*01"]);
    expect(found("Envoyez le formulaire S3125 et l'imprimé n° 2042-C.")).toEqual(["form S3125", "form 2042-C"]);
    expect(found("Voir l'article L. 311-4 et R.314-149 du CASF, ou D 312-1.")).toEqual(["code-article L. 311-4", "code-article R.314-149", "code-article D 312-1"]);
    expect(found("La norme EN 301 549, ISO 9001, NF EN 17210 et ISO/IEC 27001:2013.")).toEqual([
      "standard EN 301 549",
      "standard ISO 9001",
      "standard NF EN 17210",
      "standard ISO/IEC 27001:2013",
    ]);
    expect(found("Coord. 021 557 06 60 ou +41 21 557 06 60 ou 01 23 45 67 89.")).toEqual([
      "phone 021 557 06 60",
      "phone +41 21 557 06 60",
      "phone 01 23 45 67 89",
    ]);
  });

  it("leaves counts, years and French in capitals alone", () => {
    expect(found("La résidence a reçu 12 000 visiteurs en 2017.")).toEqual([]);
    expect(found("EN 2017, LA CRÈCHE A OUVERT.")).toEqual([]);
    expect(found("Article 3 : le groupe A part à 14 h.")).toEqual([]);
    expect(found("Le groupe A 3-6 ans et le groupe B 6-12 ans.")).toEqual([]);
  });
});

describe("identifiers are facts, kept as written", () => {
  it("extracts form numbers and standards whole, and a code article as the legal reference it is", () => {
    expect(facts("Formulaire 16030*01")).toEqual(["identifier 16030*01"]);
    expect(facts("selon la norme EN 301 549")).toEqual(["identifier EN 301 549"]);
    expect(facts("voir R. 314-149 du CASF")).toEqual(["legal-reference art:R314-149"]);
  });

  it("reports an identifier « simplified » by a rewrite as missing, and its pieces as added", () => {
    const result = compareFacts(extractFacts("Remplissez le formulaire 16030*01."), extractFacts("Remplissez le formulaire 16030."));
    expect(result.missing.map((f) => f.text)).toEqual(["16030*01"]);
    expect(result.added.map((f) => f.text)).toEqual(["16030"]);
  });

  it("matches a code article cited with and without « article »", () => {
    const result = compareFacts(extractFacts("selon l'article R. 314-149"), extractFacts("voir R. 314-149"));
    expect(result.missing).toEqual([]);
    expect(result.added).toEqual([]);
  });
});
