import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";

const tmp = tempDir("falc-pictos-cli-");
const USER_BANK = resolve("tests/data/pictograms/user-bank");
const FIXTURE = "fixtures/livret-falc.md";

async function convert(name: string, ...args: string[]) {
  const out = tmp.path(name);
  const run = await runCli("convert", FIXTURE, "-o", out, "--provider", "offline", "--no-cache", "-q", ...args);
  const read = (suffix: string) => join(out, `livret-falc.${suffix}`);
  return {
    ...run,
    out,
    report: () => JSON.parse(readFileSync(read("falc.json"), "utf8")),
    documentXml: (file: "falc.docx" | "relecture.docx") => strFromU8(unzipSync(new Uint8Array(readFileSync(read(file))))["word/document.xml"]!),
  };
}

describe("falc convert and pictures", () => {
  it("puts the built-in bank's pictures beside the ideas by default, and lists them per block in the report", async () => {
    const run = await convert("defaut");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = run.report();
    const chosen = report.sections.flatMap((s: { pictograms: { bank: string; file: string; keyword: string; score: number; block: number }[] }) => s.pictograms);
    expect(chosen.length).toBeGreaterThan(10);
    for (const choice of chosen) {
      expect(choice.bank).toBe("openmoji");
      expect(choice.file).toMatch(/\.svg$/);
      expect(choice.score).toBeGreaterThanOrEqual(0.8);
    }
    // « Le dîner est à 19 heures. »: the meal, not the time.
    const dinner = report.sections.find((s: { falc: string }) => s.falc.includes("Le dîner est à 19 heures."));
    expect(dinner.pictograms.map((p: { file: string }) => p.file)).toContain("fork-and-knife-with-plate.svg");
    expect(report.pictograms.banks.map((b: { id: string }) => b.id)).toEqual(["openmoji"]);
    expect(run.documentXml("falc.docx")).toContain('descr="dîner"');
    expect(run.documentXml("falc.docx")).toContain("licence CC BY-SA 4.0");
  });

  it("--no-pictograms: no picture, no credits, no question to the readers, and the report keeps its former shape", async () => {
    const run = await convert("sans", "--no-pictograms");
    expect(run.code).toBe(0);
    const report = run.report();
    expect("pictograms" in report).toBe(false);
    expect(report.sections.some((s: object) => "pictograms" in s)).toBe(false);
    expect(run.documentXml("falc.docx")).not.toContain("<w:drawing>");
    expect(run.documentXml("falc.docx")).not.toContain("Images :");
    expect(run.documentXml("relecture.docx")).not.toContain("L’image aide à comprendre");
  });

  it("--pictograms <dossier>: the establishment's pictures first, both banks credited", async () => {
    const run = await convert("etablissement", "--pictograms", USER_BANK);
    expect(run.code).toBe(0);
    const report = run.report();
    const banks = new Set(report.sections.flatMap((s: { pictograms: { bank: string }[] }) => s.pictograms.map((p) => p.bank)));
    expect(banks).toEqual(new Set(["user-bank", "openmoji"]));
    expect(report.pictograms.banks.map((b: { id: string }) => b.id)).toEqual(["user-bank", "openmoji"]);
    const meal = report.sections.flatMap((s: { pictograms: { file: string; keyword: string }[] }) => s.pictograms).find((p: { keyword: string }) => p.keyword === "dîner");
    expect(meal.file).toBe("repas.png");
    expect(run.documentXml("falc.docx").replace(/[\u00a0\u202f]/g, " ")).toContain("Images : banque de l’établissement (dossier « user-bank »), Pictogrammes d’essai de falc");
  });

  it("a folder that does not exist stops the conversion before anything is written (exit 2)", async () => {
    const run = await convert("absent", "--pictograms", tmp.path("pas-de-dossier"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("pas-de-dossier");
    expect(run.stderr).toContain("n’existe pas");
    expect(existsSync(join(run.out, "livret-falc.falc.docx"))).toBe(false);
  });

  it("reads `pictograms` in falc.config.json: a folder relative to the file, or false", async () => {
    const withFolder = tmp.write("avec.json", JSON.stringify({ pictograms: relative(tmp.dir, USER_BANK) }));
    const banks = (await convert("config-dossier", "--config", withFolder)).report().pictograms.banks.map((b: { id: string }) => b.id);
    expect(banks[0]).toBe("user-bank");
    const off = tmp.write("sans.json", JSON.stringify({ pictograms: false }));
    expect("pictograms" in (await convert("config-false", "--config", off)).report()).toBe(false);
    // The flag wins over the file.
    expect((await convert("config-flag", "--config", off, "--pictograms", USER_BANK)).report().pictograms.banks[0].id).toBe("user-bank");
    const bad = tmp.write("faux.json", JSON.stringify({ pictograms: 3 }));
    const refused = await convert("config-faux", "--config", bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("« pictograms »");
  });
});

describe("falc pictograms", () => {
  it("shows which picture each word gets and from which bank, or why none", async () => {
    const { code, stdout } = await runCli("pictograms", "repas", "médecin traitant", "avocat");
    expect(code).toBe(0);
    expect(stdout).toContain("repas → fork-and-knife-with-plate.svg (banque intégrée OpenMoji), score 1,00");
    expect(stdout).toContain("médecin traitant → health-worker.svg (banque intégrée OpenMoji), score 0,95");
    expect(stdout).toContain("avocat → aucune image");
  });

  it("searches the establishment's folder first, and answers in JSON", async () => {
    const { code, stdout } = await runCli("pictograms", "--pictograms", USER_BANK, "--format", "json", "lessive", "vélo");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.threshold).toBe(0.8);
    expect(report.banks.map((b: { id: string; pictures: number }) => [b.id, b.pictures])).toEqual([
      ["user-bank", 30],
      ["openmoji", expect.any(Number)],
    ]);
    expect(report.words[0]).toMatchObject({ word: "lessive", picture: { bank: "user-bank", file: "2350.png", score: 1 } });
    expect(report.words[1]).toMatchObject({ word: "vélo", picture: { bank: "openmoji", file: "bicycle.svg" } });
  });
});
