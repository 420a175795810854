import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";

const tmp = tempDir();
const HARD = "fixtures/contrat-de-sejour.docx";
const EASY = "fixtures/livret-falc.md";

describe("falc score --format json", () => {
  it("prints the documented shape, one entry per input", async () => {
    const { code, stdout } = await runCli("score", HARD, EASY, "--format", "json");
    // The contract has error-level findings: as with ESLint and Vale, an error fails the run.
    expect(code).toBe(1);
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
    const easy = JSON.parse((await runCli("score", EASY, "-f", "json")).stdout).files[0].score as number;
    const below = await runCli("score", EASY, "--fail-under", String(easy + 1));
    expect(below.code).toBe(1);
    expect(below.stderr).toContain("sous le seuil");
    expect((await runCli("score", EASY, "--fail-under", String(easy))).code).toBe(0);
  });

  it("exits 1 when an error-level finding remains, and says how many on standard error", async () => {
    const errors = JSON.parse((await runCli("score", HARD, "-f", "json", "--min-severity", "error")).stdout).files[0].findings.length as number;
    const { code, stderr } = await runCli("score", HARD, "-q");
    expect(code).toBe(1);
    expect(stderr).toContain(`${HARD} : ${errors} erreurs aux règles FALC`);
  });

  it("exits 1 over --max-warnings, counting the warnings of every document", async () => {
    // livret-falc.md: 0 errors and 11 warnings (counted in its JSON report below).
    const warnings = JSON.parse((await runCli("score", EASY, "-f", "json")).stdout).files[0].findings.filter((f: { severity: string }) => f.severity === "warning").length;
    expect(warnings).toBe(11);
    expect((await runCli("score", EASY, "--max-warnings", "11")).code).toBe(0);
    const over = await runCli("score", EASY, "--max-warnings", "10", "-q");
    expect(over.code).toBe(1);
    expect(over.stderr).toContain("11 avertissements en tout, plus que les 10 permis par --max-warnings.");
    const copy = tmp.write("copie.md", readFileSync(EASY, "utf8"));
    expect((await runCli("score", EASY, copy, "--max-warnings", "21")).code).toBe(1);
    expect((await runCli("score", EASY, copy, "--max-warnings", "22")).code).toBe(0);
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
  it("shows the score first, then findings by section with where they are in the file and a suggestion", async () => {
    const { code, stdout } = await runCli("score", HARD);
    expect(code).toBe(1);
    const lines = stdout.split("\n");
    expect(lines[0]).toContain("Contrat de séjour");
    expect(lines[1]).toMatch(/^ {2}Score : \d+\/100 \(/);
    expect(stdout).toMatch(/§ \d+\. Article 3/);
    expect(stdout).toContain("\n    fixtures/contrat-de-sejour.docx § Article 4 › 4.1, paragraphe 1  attention ");
    const markdown = await runCli("score", "fixtures/contrat-de-sejour.md");
    expect(markdown.stdout).toMatch(/\n {4}fixtures\/contrat-de-sejour\.md:\d+:\d+ {2}(erreur|attention|conseil) /);
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
