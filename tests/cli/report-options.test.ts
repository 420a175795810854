import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderScoreGithub } from "../../src/render/score-github.js";
import { QualityGate } from "../../src/gate/quality-gate.js";
import type { FileScore } from "../../src/score/report.js";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";

const tmp = tempDir("falc-report-");
const EASY = "fixtures/livret-falc.md";

/** Option names a command's help lists. */
async function options(command: string): Promise<string[]> {
  const { stdout } = await runCli(command, "--help");
  return [...stdout.matchAll(/^ {2}(?:(-[A-Za-z]), )?(--[a-z][\w-]*)/gm)].flatMap((match) => [match[1], match[2]].filter((name): name is string => name !== undefined));
}

describe("one meaning per flag in every command", () => {
  it("-f/--format is the report's format, -o/--output its file and -q/--quiet silence, wherever a report is printed", async () => {
    for (const command of ["score", "extract", "rules", "review", "pictograms"]) {
      const names = await options(command);
      for (const name of ["-f", "--format", "-o", "--output", "-q", "--quiet"]) expect(names, `${command} ${name}`).toContain(name);
    }
    // convert keeps -o for its output folder (--out), as the README's first command uses it.
    const convert = await options("convert");
    for (const name of ["-o", "--out", "--output", "--outputs", "--format", "-q", "--quiet", "--shard", "--report"]) expect(convert).toContain(name);
  });

  it("score -o writes the report to the file, whole, and nothing on the standard output", async () => {
    const path = tmp.path("rapport.txt");
    const { code, stdout } = await runCli("score", EASY, "-o", path);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    const report = readFileSync(path, "utf8");
    expect(report).toMatch(/^fixtures\/livret-falc\.md — /);
    expect(report).toContain("fixtures/livret-falc.md:19:29  attention ");
    const json = tmp.path("rapport.json");
    await runCli("score", EASY, "-f", "json", "--output", json);
    expect(JSON.parse(readFileSync(json, "utf8")).files[0].path).toBe(EASY);
  });

  it("score -q prints nothing on the standard output and keeps the exit code", async () => {
    const quiet = await runCli("score", "fixtures/contrat-de-sejour.md", "-q");
    expect(quiet.stdout).toBe("");
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toContain("erreurs aux règles FALC");
  });

  it("refuses a report file that would overwrite an input", async () => {
    const input = tmp.write("texte.md", "# Titre\n\nLe résident lit le contrat.\n");
    const { code, stderr } = await runCli("score", input, "-o", input);
    expect(code).toBe(2);
    expect(stderr).toContain("écraserait un fichier d’entrée");
    expect(readFileSync(input, "utf8")).toBe("# Titre\n\nLe résident lit le contrat.\n");
  });

  it("extract, rules and pictograms write their report with -o too", async () => {
    const model = tmp.path("modele.json");
    expect((await runCli("extract", EASY, "-f", "json", "-o", model)).stdout).toBe("");
    expect(JSON.parse(readFileSync(model, "utf8")).source.format).toBe("md");
    const listing = tmp.path("regles.json");
    expect((await runCli("rules", "-f", "json", "-o", listing)).stdout).toBe("");
    expect(JSON.parse(readFileSync(listing, "utf8")).rules.length).toBeGreaterThan(10);
    const pictures = tmp.path("images.json");
    expect((await runCli("pictograms", "repas", "-f", "json", "-o", pictures)).stdout).toBe("");
    expect(readFileSync(pictures, "utf8")).toContain("fork-and-knife-with-plate");
  });

  it("score --format junit prints the JUnit report", async () => {
    const { stdout } = await runCli("score", EASY, "-f", "junit");
    expect(stdout).toMatch(/^<\?xml/);
    expect(stdout).toContain('name="fixtures/livret-falc.md"');
  });
});

describe("falc score --format github", () => {
  it("writes one workflow command per finding, on its line and column", async () => {
    const { stdout, code } = await runCli("score", EASY, "-f", "github");
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe(
      "::warning file=fixtures/livret-falc.md,line=19,col=29,endLine=19,endColumn=33,title=falc no-acronyms-or-explain::Le sigle « ESAT » n'est pas expliqué. Écrivez les mots en entier : « Établissement et service d'accompagnement par le travail », ou expliquez le sigle la première fois.%0A→ ESAT veut dire : Établissement et service d'accompagnement par le travail.",
    );
  });

  it("annotates Word and PDF findings on the file, with their place in the message, and escapes what GitHub reads", () => {
    const file = {
      path: "docs/a,b.docx",
      score: 40,
      findings: [
        { ruleId: "short-sentences", severity: "error", message: "Phrase longue : 30 mots.\nCoupez-la.", line: 1, column: 1, offset: 0, length: 3, excerpt: "", source: { paragraph: 2, headings: ["Article 4"] } },
        { ruleId: "easy-words", severity: "info", message: "Mot rare : 100 %", line: 1, column: 1, offset: 0, length: 3, excerpt: "", source: { page: 3 } },
      ],
    } as unknown as FileScore;
    const out = renderScoreGithub({ version: 1, files: [file] }, new QualityGate({ failUnder: 60 }));
    expect(out.split("\n")).toEqual([
      "::error file=docs/a%2Cb.docx,title=falc short-sentences::§ Article 4, paragraphe 2 : Phrase longue : 30 mots.%0ACoupez-la.",
      "::notice file=docs/a%2Cb.docx,title=falc easy-words::p. 3 : Mot rare : 100 %25",
      "::error file=docs/a%2Cb.docx,title=falc score::docs/a,b.docx : score 40, sous le seuil de 60.",
      "",
    ]);
  });
});

describe("falc convert: -o stays the output folder, --outputs chooses the outputs, --output the summary file", () => {
  it("writes the chosen outputs into the -o folder and the JSON summary into --output", async () => {
    const out = tmp.path("sortie");
    const summary = tmp.path("resume.json");
    const { code, stdout, stderr } = await runCli("convert", EASY, "-o", out, "--provider", "offline", "--no-cache", "--outputs", "md", "--output", summary);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).not.toContain("--format");
    expect(existsSync(`${out}/livret-falc.falc.md`)).toBe(true);
    expect(existsSync(`${out}/livret-falc.falc.docx`)).toBe(false);
    expect(JSON.parse(readFileSync(summary, "utf8")).files[0].status).toBe("converted");
  });

  it("still takes the old --format docx,md,json for one release, with a French notice", async () => {
    const out = tmp.path("ancien");
    const { code, stderr } = await runCli("convert", EASY, "-o", out, "--provider", "offline", "--no-cache", "--format", "json");
    expect(code).toBe(0);
    expect(stderr).toContain("Attention : --format json est l’ancien nom de --outputs json : il sera retiré dans la prochaine version");
    expect(existsSync(`${out}/livret-falc.falc.json`)).toBe(true);
    expect(existsSync(`${out}/livret-falc.falc.md`)).toBe(false);
  });

  it("takes --format text, the report format of every command, and refuses anything else with a hint", async () => {
    const { code, stderr } = await runCli("convert", EASY, "--dry-run", "--format", "text");
    expect(code).toBe(0);
    expect(stderr).not.toContain("Attention");
    const bad = await runCli("convert", EASY, "--dry-run", "--format", "xml");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--outputs docx,md,json");
  });
});
