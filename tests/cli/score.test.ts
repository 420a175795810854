import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";

const tmp = tempDir();
const HARD = "fixtures/contrat-de-sejour.docx";
const EASY = "fixtures/livret-falc.md";

describe("falc score --format json", () => {
  it("prints the documented shape, one entry per input", async () => {
    const { code, stdout } = await runCli("score", HARD, EASY, "--format", "json");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.version).toBe(1);
    expect(report.files).toHaveLength(2);
    for (const file of report.files) {
      expect(Object.keys(file)).toEqual(expect.arrayContaining(["path", "format", "score", "stats", "readability", "sections", "findings"]));
      expect(Object.keys(file.stats)).toEqual(expect.arrayContaining(["sentences", "words", "syllables", "wordsPerSentence", "syllablesPerWord"]));
      expect(Object.keys(file.readability)).toEqual(["kandelMoles", "lix", "rix"]);
      for (const section of file.sections) expect(Object.keys(section)).toEqual(expect.arrayContaining(["title", "score", "stats"]));
      for (const finding of file.findings) {
        expect(Object.keys(finding)).toEqual(expect.arrayContaining(["ruleId", "severity", "message", "section", "line", "column", "offset", "length", "excerpt"]));
      }
    }
    const [hard, easy] = report.files;
    expect(hard.format).toBe("docx");
    expect(easy.score - hard.score).toBeGreaterThan(20);
  });

  it("filters findings with --min-severity without changing the score", async () => {
    const all = JSON.parse((await runCli("score", HARD, "-f", "json")).stdout).files[0];
    const errors = JSON.parse((await runCli("score", HARD, "-f", "json", "--min-severity", "error")).stdout).files[0];
    expect(errors.findings.length).toBeGreaterThan(0);
    expect(errors.findings.length).toBeLessThan(all.findings.length);
    expect(errors.findings.every((f: { severity: string }) => f.severity === "error")).toBe(true);
    expect(errors.score).toBe(all.score);
  });

  it("exits 1 under --fail-under and 0 above it", async () => {
    const hard = JSON.parse((await runCli("score", HARD, "-f", "json")).stdout).files[0].score as number;
    const below = await runCli("score", HARD, "--fail-under", String(hard + 1));
    expect(below.code).toBe(1);
    expect(below.stderr).toContain("sous le seuil");
    expect((await runCli("score", HARD, "--fail-under", String(hard))).code).toBe(0);
  });

  it("keeps going when one of several inputs is unreadable, and exits 2", async () => {
    const { code, stdout } = await runCli("score", EASY, tmp.path("absent.md"), "-f", "json");
    expect(code).toBe(2);
    const report = JSON.parse(stdout);
    expect(report.files).toHaveLength(1);
    expect(report.failures[0].error.code).toBe("file-not-found");
  });

  it("says a text is too short to score instead of printing a number", async () => {
    const { stdout } = await runCli("score", tmp.write("court.txt", "Bonjour à tous."), "-f", "json");
    const file = JSON.parse(stdout).files[0];
    expect(file.score).toBeNull();
    expect(file.scoreNote).toMatch(/trop court/);
  });
});

describe("falc score (text report)", () => {
  it("shows the score first, then findings by section with line:column and a suggestion", async () => {
    const { code, stdout } = await runCli("score", HARD);
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toContain("Contrat de séjour");
    expect(lines[1]).toMatch(/^ {2}Score : \d+\/100 \(/);
    expect(stdout).toMatch(/§ \d+\. Article 3/);
    expect(stdout).toMatch(/\n {4}\d+:\d+ +(erreur|attention|conseil) /);
    expect(stdout).toMatch(/\[[^\]]+\]/); // the offending words are marked in the excerpt
    expect(stdout).toContain("→ ");
  });
});

describe("falc rules", () => {
  it("lists every contract rule id in JSON", async () => {
    const { code, stdout } = await runCli("rules", "--format", "json");
    expect(code).toBe(0);
    const ids = JSON.parse(stdout).rules.map((r: { id: string }) => r.id);
    for (const id of ["short-sentences", "no-acronyms-or-explain", "easy-words", "sans-serif-font", "line-spacing", "address-reader-directly"]) {
      expect(ids).toContain(id);
    }
  });

  it("applies a falc.config.json given with --config", async () => {
    const config = tmp.write("falc.config.json", JSON.stringify({ rules: { "easy-words": "off", "short-sentences": { severity: "error" } } }));
    const listing = JSON.parse((await runCli("rules", "-f", "json", "--config", config)).stdout);
    const byId = Object.fromEntries(listing.rules.map((r: { id: string }) => [r.id, r]));
    expect(byId["easy-words"].enabled).toBe(false);
    expect(byId["short-sentences"].severity).toBe("error");
  });
});
