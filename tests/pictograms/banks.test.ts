import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinBank, openmojiSvg } from "../../src/pictograms/builtin.js";
import { fileKeywords, folderBank } from "../../src/pictograms/folder.js";
import { pictureFromBytes, rasterSize, sniffImage } from "../../src/pictograms/images.js";
import { indexBank } from "../../src/pictograms/index.js";
import { candidatesFor } from "../../src/pictograms/matcher.js";
import { tempDir, thrown } from "../helpers/temp.js";

const USER_BANK = "tests/data/pictograms/user-bank";
const tmp = tempDir("falc-pictos-");

const best = (word: string, folder?: string) => {
  const banks = [...(folder ? [indexBank(folderBank(folder))] : []), indexBank(builtinBank())];
  const [top] = candidatesFor(word, banks);
  return top ? { bank: top.bank.info.id, file: top.entry.file, score: top.score } : undefined;
};

describe("an establishment's folder of pictures", () => {
  const bank = folderBank(USER_BANK);

  it("lists every PNG, JPEG and SVG, whatever the case of its extension, and only those", () => {
    expect(bank.entries).toHaveLength(30);
    expect(bank.entries.map((entry) => entry.file)).toContain("Piscine.PNG");
    expect(bank.entries.map((entry) => entry.file)).not.toContain("pictogrammes.json");
  });

  it("names a picture by its file name: catalogue numbers, copy numbers and underscores are not words", () => {
    expect(fileKeywords("Petit-déjeuner_2349.png")).toEqual(["Petit-déjeuner"]);
    expect(fileKeywords("douche (2).png")).toEqual(["douche"]);
    expect(fileKeywords("salle_de_bain.png")).toEqual(["salle de bain"]);
    expect(fileKeywords("courrier, lettre.png")).toEqual(["courrier", "lettre"]);
    expect(fileKeywords("arasaac/2349.png")).toEqual([]);
  });

  it("finds ARASAAC-like names without accents, capitals, articles or plurals", () => {
    expect(best("petit déjeuner", USER_BANK)).toMatchObject({ bank: "user-bank", file: "Petit-déjeuner_2349.png", score: 1 });
    expect(best("Salles de bains", USER_BANK)).toMatchObject({ file: "salle_de_bain.png", score: 1 });
    expect(best("infirmier", USER_BANK)).toMatchObject({ file: "Infirmière.png", score: 1 });
    expect(best("médicament", USER_BANK)).toMatchObject({ file: "médicaments_8852.png", score: 1 });
    expect(best("medecin-traitant", USER_BANK)).toMatchObject({ file: "médecin traitant.svg", score: 1 });
    expect(best("lettres", USER_BANK)).toMatchObject({ file: "courrier, lettre.png", score: 1 });
    expect(best("piscine", USER_BANK)).toMatchObject({ file: "Piscine.PNG" });
  });

  it("reads pictogrammes.json: keywords and licence of pictures whose names are only numbers", () => {
    const indexed = bank.entries.find((entry) => entry.file === "2351.png")!;
    expect(indexed.names).toEqual(["fauteuil roulant"]);
    expect(indexed.licence).toBe("Dessin d’essai, domaine public");
    expect(bank.info.licence).toBe("Pictogrammes d’essai de falc, écrits pour les tests (domaine public)");
    expect(best("lessive", USER_BANK)).toMatchObject({ file: "2350.png", score: 1 });
    expect(best("cuisiner", USER_BANK)).toMatchObject({ file: "2352.svg", score: 1 });
  });

  it("is searched before the built-in bank, which still answers for what the folder lacks", () => {
    expect(best("bus", USER_BANK)).toMatchObject({ bank: "user-bank", file: "bus.svg" });
    expect(best("bus")).toMatchObject({ bank: "openmoji", file: "bus.svg" });
    expect(best("vélo", USER_BANK)).toMatchObject({ bank: "openmoji", file: "bicycle.svg" });
    // A synonym in the folder beats the exact name in the built-in bank: the establishment's style first.
    expect(best("dîner", USER_BANK)).toMatchObject({ bank: "user-bank", file: "repas.png", score: 0.95 });
  });

  it("uses each picture as it is: PNG and JPEG with their size, SVG with a PNG for Word", async () => {
    const load = (file: string) => bank.load(bank.entries.find((entry) => entry.file === file)!);
    expect(await load("repas.png")).toMatchObject({ type: "png", width: 96, height: 96 });
    expect(await load("banque.jpg")).toMatchObject({ type: "jpg", width: 100, height: 100 });
    const svg = await load("bus.svg");
    expect(svg).toMatchObject({ type: "svg", width: 300, height: 300 });
    expect(sniffImage(svg.fallback!)).toBe("png");
  });

  it("refuses a folder that does not exist, or an index naming a missing file, with what to do (exit 2)", async () => {
    const missing = await thrown(async () => folderBank(join(tmp.dir, "nulle-part")));
    expect(missing).toMatchObject({ code: "pictograms-folder", exitCode: 2 });
    expect(missing.message).toContain("nulle-part");
    expect(missing.hint).toContain("--pictograms");
    const dir = join(tmp.dir, "index-faux");
    mkdirSync(dir);
    copyFileSync(join(USER_BANK, "repas.png"), join(dir, "repas.png"));
    tmp.write("index-faux/pictogrammes.json", JSON.stringify([{ file: "absent.png", "mots-clés": ["repas"] }]));
    const index = await thrown(async () => folderBank(dir));
    expect(index).toMatchObject({ code: "pictograms-index", exitCode: 2 });
    expect(index.message).toContain("« absent.png » n’est pas dans le dossier");
  });
});

describe("image files", () => {
  it("are told by their first bytes, not their name", () => {
    const png = new Uint8Array(readFileSync(join(USER_BANK, "repas.png")));
    const jpg = new Uint8Array(readFileSync(join(USER_BANK, "banque.jpg")));
    expect(sniffImage(png)).toBe("png");
    expect(sniffImage(jpg)).toBe("jpg");
    expect(sniffImage(new TextEncoder().encode('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe("svg");
    expect(sniffImage(new TextEncoder().encode("pas une image"))).toBeUndefined();
    expect(rasterSize(jpg, "jpg")).toEqual({ width: 100, height: 100 });
  });

  it("that cannot be read give no picture", async () => {
    expect(await pictureFromBytes(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'><g"))).toBeUndefined();
    expect(await pictureFromBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))).toBeUndefined();
  });
});

describe("the built-in bank", () => {
  it("holds OpenMoji's pictures named in French by Unicode's CLDR, flags and skin tones left out", () => {
    const bank = builtinBank();
    expect(bank.entries.length).toBeGreaterThan(1500);
    const plate = bank.entries.find((entry) => entry.file === "fork-and-knife-with-plate.svg")!;
    expect(plate.names).toContain("fourchette et couteau avec assiette");
    expect(plate.tags).toContain("assiette");
    expect(bank.entries.map((entry) => entry.file)).not.toContain("flag-france.svg");
    expect(bank.entries.map((entry) => entry.file)).not.toContain("medium-skin-tone.svg");
    expect(openmojiSvg("bus")).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* viewBox="0 0 72 72"/);
  });

  it("gives the project's picture for the ideas of establishment life", () => {
    expect(best("repas")).toMatchObject({ file: "fork-and-knife-with-plate.svg", score: 1 });
    expect(best("médecins")).toMatchObject({ file: "health-worker.svg", score: 1 });
    expect(best("docteur")).toMatchObject({ file: "health-worker.svg", score: 0.95 });
    expect(best("médecin traitant")).toMatchObject({ file: "health-worker.svg", score: 0.95 });
    expect(best("argent de poche")).toMatchObject({ file: "euro-banknote.svg", score: 0.95 });
    expect(best("Toilettes")).toMatchObject({ file: "toilet.svg", score: 1 });
  });

  it("never matches a word whose Unicode sense misleads here", () => {
    // « avocat » is the fruit in Unicode, « règle » the ruler, « carte » a map or a playing card.
    expect(best("avocat")).toBeUndefined();
    expect(best("règle")).toMatchObject({ file: "page-with-curl.svg" });
    expect(best("carte")).toBeUndefined();
    expect(best("carte vitale")).toMatchObject({ file: "identification-card.svg" });
  });
});
