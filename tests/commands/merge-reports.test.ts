import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { beforeAll, describe, expect, it } from "vitest";
import { mergeReports } from "../../src/commands/merge-reports.js";
import { runCli } from "../helpers/cli.js";
import { caught, tempDir } from "../helpers/temp.js";

const tmp = tempDir("falc-merge-");

/**
 * The library of a CI matrix: four fixtures and an empty file, converted in three workspaces as GitHub
 * Actions does it (same relative paths everywhere): the whole library at once, then shard 1/2 and 2/2.
 * With the paths `docs/…`, the split is fixed: shard 1 gets contrat-de-sejour, livret-d-accueil and
 * vide; shard 2 gets livret-falc and reglement-de-fonctionnement.
 */
const DOCS = ["contrat-de-sejour.md", "livret-d-accueil.md", "livret-falc.md", "reglement-de-fonctionnement.md"];
const SHARD_1 = ["docs/contrat-de-sejour.md", "docs/livret-d-accueil.md", "docs/vide.md"];
const SHARD_2 = ["docs/livret-falc.md", "docs/reglement-de-fonctionnement.md"];
const WORKSPACES = ["tout", "part-1", "part-2"] as const;
const codes: Record<string, number> = {};

/** Runs the CLI from `dir`, as a CI job runs it from its workspace. */
async function runIn(dir: string, ...argv: string[]) {
  const previous = process.cwd();
  process.chdir(dir);
  try {
    return await runCli(...argv);
  } finally {
    process.chdir(previous);
  }
}

const ws = (name: string, file = "") => join(tmp.dir, name, file);

beforeAll(async () => {
  for (const [index, name] of WORKSPACES.entries()) {
    mkdirSync(ws(name, "docs"), { recursive: true });
    for (const doc of DOCS) copyFileSync(join("fixtures", doc), ws(name, `docs/${doc}`));
    writeFileSync(ws(name, "docs/vide.md"), "");
    const shard = index === 0 ? [] : ["--shard", `${index}/2`];
    // --fail-under 80: the easy-to-read booklet passes; the three other documents stay well under it.
    const convert = await runIn(ws(name), "convert", "docs", "-o", "falc-sortie", "--provider", "offline", "--no-cache", "--outputs", "md", ...shard, "--report", "junit=falc-junit.xml", "--fail-under", "80", "--output", "falc-resume.json", "--quiet");
    codes[name] = convert.code;
    await runIn(ws(name), "score", "docs", ...shard, "--format", "json", "-o", "falc-score.json", "--quiet");
  }
}, 120_000);

interface Case {
  name: string;
  verdict: "réussi" | "échec" | "erreur";
  message: string | null;
}

function casesOf(xml: string): Case[] {
  const document = new DOMParser().parseFromString(xml, "text/xml");
  return Array.from(document.getElementsByTagName("testcase")).map((c) => {
    const problem = c.getElementsByTagName("failure")[0] ?? c.getElementsByTagName("error")[0];
    return { name: c.getAttribute("name")!, verdict: !problem ? "réussi" : problem.tagName === "failure" ? "échec" : "erreur", message: problem?.getAttribute("message") ?? null };
  });
}

function countsOf(xml: string, tag: "testsuites" | "testsuite"): Record<string, string | null> {
  const element = new DOMParser().parseFromString(xml, "text/xml").getElementsByTagName(tag)[0]!;
  return { tests: element.getAttribute("tests"), failures: element.getAttribute("failures"), errors: element.getAttribute("errors") };
}

const byName = (a: Case, b: Case) => (a.name < b.name ? -1 : 1);

describe("falc merge-reports of the reports of a CI matrix", () => {
  it("the shards really split the library: each has its own documents, and its own exit code", () => {
    expect(casesOf(readFileSync(ws("part-1", "falc-junit.xml"), "utf8")).map((c) => c.name).sort()).toEqual(SHARD_1);
    expect(casesOf(readFileSync(ws("part-2", "falc-junit.xml"), "utf8")).map((c) => c.name).sort()).toEqual(SHARD_2);
    // Shard 1 has the unreadable file (2), shard 2 a document under the threshold (1).
    expect(codes).toEqual({ tout: 2, "part-1": 2, "part-2": 1 });
  });

  it("merges the JUnit reports into one with every document, its verdict and recomputed counts", async () => {
    const out = tmp.path("falc-junit.xml");
    const { code, stdout, stderr } = await runCli("merge-reports", ws("part-1", "falc-junit.xml"), ws("part-2", "falc-junit.xml"), "-o", out);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toBe("2 rapports JUnit fusionnés : 5 cas de test, 1 réussi, 3 en échec, 1 en erreur.\n");
    const merged = readFileSync(out, "utf8");
    const cases = casesOf(merged).sort(byName);
    expect(cases.map((c) => [c.name, c.verdict])).toEqual([
      ["docs/contrat-de-sejour.md", "échec"],
      ["docs/livret-d-accueil.md", "échec"],
      ["docs/livret-falc.md", "réussi"],
      ["docs/reglement-de-fonctionnement.md", "échec"],
      ["docs/vide.md", "erreur"],
    ]);
    expect(cases.find((c) => c.name === "docs/vide.md")!.message).toBe("empty-file");
    // One <testsuites>, one suite, the counts of the five cases.
    expect(merged.match(/<testsuites /g)).toHaveLength(1);
    expect(countsOf(merged, "testsuites")).toEqual({ tests: "5", failures: "3", errors: "1" });
    expect(countsOf(merged, "testsuite")).toEqual({ tests: "5", failures: "3", errors: "1" });
    // Exactly what one job converting the whole library reports, case for case.
    expect(cases).toEqual(casesOf(readFileSync(ws("tout", "falc-junit.xml"), "utf8")).sort(byName));
  });

  it("merges the manifests into the one a single job would have written", async () => {
    const out = tmp.path("falc-manifest.json");
    const { code, stderr } = await runCli("merge-reports", ws("part-1", "falc-sortie/falc-manifest.json"), ws("part-2", "falc-sortie/falc-manifest.json"), "-o", out);
    expect(code).toBe(0);
    expect(stderr).toBe("2 manifestes fusionnés : 5 documents, 4 convertis, 1 en échec.\n");
    const merged = JSON.parse(readFileSync(out, "utf8"));
    const whole = JSON.parse(readFileSync(ws("tout", "falc-sortie/falc-manifest.json"), "utf8"));
    expect(Object.keys(merged.inputs).sort()).toEqual([...SHARD_1, ...SHARD_2].sort());
    // Paths relative to the workspace, the same in every job: only the dates of the runs differ.
    const undated = (manifest: { inputs: Record<string, { updatedAt?: string }> }) =>
      Object.fromEntries(Object.entries(manifest.inputs).map(([key, { updatedAt: _, ...entry }]) => [key, entry]));
    expect(undated(merged)).toEqual(undated(whole));
    expect(merged.inputs["docs/livret-falc.md"].outputs).toEqual(["falc-sortie/livret-falc.falc.md"]);
    expect(merged.inputs["docs/vide.md"].status).toBe("failed");
  });

  it("merges the JSON summaries of falc convert: files sorted by path, totals and exit code of the whole library", async () => {
    const { code, stdout, stderr } = await runCli("merge-reports", ws("part-1", "falc-resume.json"), ws("part-2", "falc-resume.json"));
    expect(code).toBe(0);
    expect(stderr).toBe("2 résumés fusionnés : 5 documents, 4 convertis, 0 inchangé, 1 en échec.\n");
    const merged = JSON.parse(stdout);
    const whole = JSON.parse(readFileSync(ws("tout", "falc-resume.json"), "utf8"));
    expect(merged.files.map((f: { path: string }) => f.path)).toEqual([...SHARD_1, ...SHARD_2].sort());
    expect(merged.totals).toMatchObject({ files: 5, converted: 4, skipped: 0, failed: 1, belowQualityGate: 3 });
    expect(merged.totals).toEqual(whole.totals);
    // The gravest of the shards: 2, for the unreadable file.
    expect(merged.exitCode).toBe(2);
    expect(merged).toEqual(whole);
  });

  it("merges the JSON reports of falc score into exactly the report of the whole library", async () => {
    const { code, stdout, stderr } = await runCli("merge-reports", ws("part-2", "falc-score.json"), ws("part-1", "falc-score.json"));
    expect(code).toBe(0);
    expect(stderr).toBe("2 rapports de score fusionnés : 5 documents, 4 analysés, 1 illisible.\n");
    expect(stdout).toBe(readFileSync(ws("tout", "falc-score.json"), "utf8"));
  });

  it("counts a document given twice once, keeps its gravest verdict and says so", async () => {
    const copy = tmp.write("copie-part-1.xml", readFileSync(ws("part-1", "falc-junit.xml")));
    const { code, stdout, stderr } = await runCli("merge-reports", ws("part-1", "falc-junit.xml"), ws("part-2", "falc-junit.xml"), copy);
    expect(code).toBe(0);
    expect(countsOf(stdout, "testsuites")).toEqual({ tests: "5", failures: "3", errors: "1" });
    expect(stderr).toContain("Attention : 3 cas de test figurent dans plusieurs rapports (par exemple « docs/contrat-de-sejour.md »");
    expect(stderr).toContain("3 rapports JUnit fusionnés : 5 cas de test");
  });

  it("reads a file named twice (two overlapping globs) once", async () => {
    const part1 = ws("part-1", "falc-junit.xml");
    const { code, stdout, stderr } = await runCli("merge-reports", part1, ws("part-2", "falc-junit.xml"), part1);
    expect(code).toBe(0);
    expect(countsOf(stdout, "testsuites")).toEqual({ tests: "5", failures: "3", errors: "1" });
    expect(stderr).toBe(`Attention : ${part1} est donné deux fois : il n’est lu qu’une fois.\n2 rapports JUnit fusionnés : 5 cas de test, 1 réussi, 3 en échec, 1 en erreur.\n`);
  });

  it("prints nothing with --quiet, and still writes the file of --output", async () => {
    const out = tmp.path("silencieux.xml");
    const { code, stdout, stderr } = await runCli("merge-reports", ws("part-1", "falc-junit.xml"), ws("part-2", "falc-junit.xml"), "-q", "-o", out);
    expect(code).toBe(0);
    expect([stdout, stderr]).toEqual(["", ""]);
    expect(countsOf(readFileSync(out, "utf8"), "testsuites")).toEqual({ tests: "5", failures: "3", errors: "1" });
  });
});

describe("falc merge-reports refuses what it cannot merge", () => {
  it("reports of different kinds, naming both files", async () => {
    const junit = ws("part-1", "falc-junit.xml");
    const manifest = ws("part-2", "falc-sortie/falc-manifest.json");
    const { code, stdout, stderr } = await runCli("merge-reports", junit, manifest, "-o", tmp.path("melange.xml"));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(`Erreur : Les rapports à fusionner doivent être du même type : ${junit} est un rapport JUnit, ${manifest} est un manifeste (falc-manifest.json).`);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(() => readFileSync(tmp.path("melange.xml"))).toThrow();
  });

  it("a file that is no report, an XML that is not JUnit, a JSON of another tool, a report cut short", async () => {
    const cut = readFileSync(ws("part-1", "falc-junit.xml"), "utf8");
    const files: [path: string, code: string, message: string][] = [
      [tmp.write("notes.txt", "Réunion du 3 mars : rien à signaler.\n"), "not-a-report", "n’est ni un rapport JUnit, ni un falc-manifest.json"],
      [tmp.write("page.xml", "<html><body>bonjour</body></html>"), "not-a-report", "son élément racine est <html>"],
      [tmp.write("autre.json", '{ "name": "autre-outil", "version": "1.0.0" }'), "not-a-report", "n’est ni un rapport JUnit"],
      [tmp.write("coupe.xml", cut.slice(0, Math.floor(cut.length / 2))), "report-unreadable", "son XML est invalide"],
      [tmp.write("vide.xml", ""), "not-a-report", "est vide"],
    ];
    for (const [path, errorCode, message] of files) {
      expect(caught(() => mergeReports([{ path, text: readFileSync(path, "utf8") }])).code, path).toBe(errorCode);
      const { code, stderr } = await runCli("merge-reports", ws("part-2", "falc-junit.xml"), path);
      expect(code, path).toBe(2);
      expect(stderr, path).toContain(path);
      expect(stderr, path).toContain(message);
      expect(stderr, path).toMatch(/\n {2}→ /);
      expect(stderr, path).not.toMatch(/\n\s+at /);
    }
  });

  it("a missing file and a folder, named", async () => {
    const missing = tmp.path("rapports/falc-rapports-3/falc-junit.xml");
    const absent = await runCli("merge-reports", ws("part-1", "falc-junit.xml"), missing);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain(`Le rapport ${missing} n’existe pas.`);
    const folder = await runCli("merge-reports", ws("part-1"));
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain(`${ws("part-1")} est un dossier, pas un rapport.`);
  });

  it("an output that would overwrite one of the reports, before anything is written", async () => {
    const first = tmp.write("garde.xml", readFileSync(ws("part-1", "falc-junit.xml")));
    const before = readFileSync(first, "utf8");
    const { code, stderr } = await runCli("merge-reports", first, ws("part-2", "falc-junit.xml"), "-o", first);
    expect(code).toBe(2);
    expect(stderr).toContain(`Le rapport ${first} écraserait un fichier d’entrée.`);
    expect(readFileSync(first, "utf8")).toBe(before);
  });
});

describe("mergeReports (pure)", () => {
  const manifest = (updatedAt: string, status: "converted" | "failed", after: number | null) =>
    JSON.stringify({
      version: 1,
      inputs: { "docs/a.docx": { sha256: "aa", settings: "s", outputs: [], score: { before: 40, after }, missingFacts: 0, addedFacts: 0, status, updatedAt } },
    });

  it("keeps the most recent entry of an input found in two manifests, and warns", () => {
    const merged = mergeReports([
      { path: "recent.json", text: manifest("2026-03-02T10:00:00.000Z", "converted", 71) },
      { path: "ancien.json", text: manifest("2026-03-01T10:00:00.000Z", "failed", null) },
    ]);
    expect(merged.kind).toBe("manifest");
    expect(JSON.parse(merged.text).inputs["docs/a.docx"]).toMatchObject({ status: "converted", score: { before: 40, after: 71 }, updatedAt: "2026-03-02T10:00:00.000Z" });
    expect(merged.warnings).toEqual(["1 document figure dans plusieurs manifestes (par exemple « docs/a.docx » dans recent.json et ancien.json) : l’entrée la plus récente (updatedAt) est gardée."]);
    expect(merged.summary).toBe("2 manifestes fusionnés : 1 document, 1 converti, 0 en échec.");
  });

  it("reads JUnit that went through other hands: BOM, CRLF, CDATA, nested suites, cases skipped", () => {
    const other = [
      "\uFEFF<?xml version='1.0' encoding='UTF-8'?>",
      "<testsuites>",
      '  <testsuite name="falc convert">',
      '    <testsuite name="docs">',
      '      <testcase name="docs/a.md" classname="falc.convert" time="1.5"><failure><![CDATA[score 41 < 60]]></failure></testcase>',
      '      <testcase name="docs/b.md" classname="falc.convert"><skipped/></testcase>',
      "    </testsuite>",
      "  </testsuite>",
      "</testsuites>",
    ].join("\r\n");
    const ours = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="falc convert" tests="1" failures="0" errors="0"><testcase name="docs/c.md" classname="falc.convert"/></testsuite>\n';
    const merged = mergeReports([
      { path: "autre.xml", text: other },
      { path: "nous.xml", text: ours },
    ]);
    expect(merged.summary).toBe("2 rapports JUnit fusionnés : 3 cas de test, 1 réussi, 1 en échec, 0 en erreur, 1 ignoré.");
    expect(casesOf(merged.text)).toEqual([
      { name: "docs/a.md", verdict: "échec", message: "score 41 < 60" },
      { name: "docs/b.md", verdict: "réussi", message: null },
      { name: "docs/c.md", verdict: "réussi", message: null },
    ]);
    expect(merged.text).toContain('time="1.500"');
    expect(merged.text).toContain("<skipped ");
    // Two suites of two names under one <testsuites>, each with its own counts.
    expect(countsOf(merged.text, "testsuites")).toEqual({ tests: "3", failures: "1", errors: "0" });
    expect(merged.text).toContain('<testsuite name="docs" tests="2" failures="1" errors="0" skipped="1">');
    expect(merged.text).toContain('<testsuite name="falc convert" tests="1" failures="0" errors="0">');
  });

  it("adds nothing for a shard that had no document (8 shards, a small library)", () => {
    const empty = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="falc convert" tests="0" failures="0" errors="0">\n  <testsuite name="falc convert" tests="0" failures="0" errors="0">\n  </testsuite>\n</testsuites>\n';
    const one = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="falc convert" tests="1" failures="1" errors="0">\n  <testsuite name="falc convert" tests="1" failures="1" errors="0">\n    <testcase name="docs/a.md" classname="falc.convert">\n      <failure message="score 41 &lt; 60">score 41 &lt; 60</failure>\n    </testcase>\n  </testsuite>\n</testsuites>\n';
    const merged = mergeReports([
      { path: "part-3.xml", text: empty },
      { path: "part-4.xml", text: one },
    ]);
    // Byte for byte the report of the shard that had the document.
    expect(merged.text).toBe(one);
    expect(merged.summary).toBe("2 rapports JUnit fusionnés : 1 cas de test, 0 réussi, 1 en échec, 0 en erreur.");
  });
});

describe("falc --help", () => {
  it("lists merge-reports, whose own help is in French", async () => {
    const all = await runCli("--help");
    expect(all.stdout).toMatch(/^ {2}merge-reports \[options\] <fichiers\.\.\.> +fusionne /m);
    const own = await runCli("merge-reports", "--help");
    expect(own.code).toBe(0);
    expect(own.stdout).toContain("Utilisation : falc merge-reports [options] <fichiers...>");
    expect(own.stdout).toMatch(/^ {2}-o, --output <fichier> /m);
    expect(own.stdout).not.toMatch(/\b(default|Usage|choices)\b|^Options:/m);
  });
});
