import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, countSyllables, splitSentences } from "../../src/index.js";
import { scoreFiles } from "../../src/commands/score.js";
import { computeStats } from "../../src/score/stats.js";
import { kandelMoles, readability } from "../../src/score/readability.js";
import { evalPairs } from "../../scripts/eval/vikidia.js";

const CORPUS = join("..", "shared", "corpus");

describe("readability formulas", () => {
  it("computes Kandel–Moles, LIX and RIX from the counts", () => {
    const stats = computeStats("Le chat dort. Il est content de sa journée tranquille.");
    expect(stats.sentences).toBe(2);
    expect(stats.words).toBe(10);
    expect(kandelMoles(stats)).toBeCloseTo(207 - 1.015 * 5 - 73.6 * (stats.syllables / 10), 6);
    const r = readability(stats);
    expect(r.lix).toBeCloseTo(5 + (100 * stats.longWords) / 10, 1);
    expect(r.rix).toBeCloseTo(stats.longWords / 2, 2);
  });
});

describe("the falc score", () => {
  it("ranks the easy-to-read fixture far above the administrative originals", async () => {
    const { report } = await scoreFiles(["contrat-de-sejour", "reglement-de-fonctionnement", "livret-d-accueil", "livret-falc"].map((n) => `fixtures/${n}.docx`));
    const [contrat, reglement, livret, falc] = report.files.map((f) => f.score!);
    for (const administrative of [contrat!, reglement!, livret!]) expect(falc! - administrative).toBeGreaterThanOrEqual(30);
  });

  it.skipIf(!existsSync(join(CORPUS, "wikipedia-vikidia-pairs")))("scores the Vikidia side higher in at least 85 % of Wikipedia/Vikidia pairs", () => {
    const result = evalPairs(CORPUS);
    expect(result.pairs).toBe(200);
    expect(result.simplerWins).toBeGreaterThanOrEqual(0.85);
  });

  it("gives no number for a text too short to score, and says why", () => {
    const result = analyze("Bienvenue au foyer.");
    expect(result.score).toBeNull();
    expect(result.scoreNote).toMatch(/trop court/);
  });
});

describe("library API", () => {
  it("exports splitSentences, countSyllables and analyze", () => {
    expect(splitSentences("M. Dupont arrive. Il signe.").map((s) => s.text)).toEqual(["M. Dupont arrive.", "Il signe."]);
    expect(countSyllables("établissement")).toBe(4);
    const text = "Le présent contrat est conclu pour une durée indéterminée à compter de la date d'entrée du résident dans l'établissement, sauf résiliation anticipée par l'une des parties, et nonobstant les dispositions du règlement.";
    const result = analyze(text);
    expect(result.stats.sentences).toBe(1);
    expect(result.findings.some((f) => f.ruleId === "short-sentences" && f.severity === "error")).toBe(true);
    expect(result.findings.some((f) => f.ruleId === "no-difficult-administrative-words")).toBe(true);
    expect(Object.keys(result.readability)).toEqual(["kandelMoles", "lix", "rix"]);
  });
});
