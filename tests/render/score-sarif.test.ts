import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { renderScoreSarif, uriOf } from "../../src/render/score-sarif.js";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";

const tmp = tempDir();
// The OASIS schema, vendored (see tests/data/sarif/README.md): no network in tests.
const schema = JSON.parse(readFileSync("tests/data/sarif/sarif-schema-2.1.0.json", "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

function valid(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

describe("falc score --format sarif", () => {
  it("validates against the SARIF 2.1.0 schema, for every input format and an unreadable file", async () => {
    const absent = tmp.path("absent.md");
    const { stdout } = await runCli("score", "fixtures/contrat-de-sejour.md", "fixtures/contrat-de-sejour.docx", "fixtures/contrat-de-sejour.pdf", absent, "-f", "sarif");
    const log = JSON.parse(stdout);
    expect(valid(log)).toEqual([]);
    expect(log.version).toBe("2.1.0");
    const run = log.runs[0];
    expect(run.columnKind).toBe("unicodeCodePoints");
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toContain("absent.md");
  });

  it("has one rule per FALC rule, in French, with its sources, and results that point at them", async () => {
    const { stdout } = await runCli("score", "fixtures/contrat-de-sejour.md", "-f", "sarif");
    const run = JSON.parse(stdout).runs[0];
    const listing = JSON.parse((await runCli("rules", "-f", "json")).stdout);
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(listing.rules.map((rule: { id: string }) => rule.id));
    const passive = run.tool.driver.rules.find((rule: { id: string }) => rule.id === "active-voice");
    expect(passive.fullDescription.text).toMatch(/^À la forme passive/);
    expect(passive.help.text).toContain("Inclusion Europe");
    expect(passive.defaultConfiguration.level).toBe("warning");
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    // Line 7 of contrat-de-sejour.md: « Le présent contrat de séjour est établi conformément… »; « est établi » is
    // at columns 30 to 39 (counted by hand), so the region ends before column 40.
    const established = run.results.find((result: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }) => result.ruleId === "active-voice" && result.locations[0]!.physicalLocation.region.startLine === 7);
    expect(established.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "fixtures/contrat-de-sejour.md" },
      region: { startLine: 7, startColumn: 30, endLine: 7, endColumn: 40, snippet: { text: "est établi" } },
    });
    expect(established.level).toBe("warning");
  });

  it("locates Word findings by heading path and paragraph, PDF findings by page", async () => {
    const { stdout } = await runCli("score", "fixtures/contrat-de-sejour.docx", "fixtures/contrat-de-sejour.pdf", "-f", "sarif");
    const results = JSON.parse(stdout).runs[0].results as { locations: { physicalLocation: { artifactLocation: { uri: string } }; logicalLocations?: { fullyQualifiedName?: string; name: string; kind: string }[] }[] }[];
    const docx = results.filter((result) => result.locations[0]!.physicalLocation.artifactLocation.uri.endsWith(".docx"));
    const pdf = results.filter((result) => result.locations[0]!.physicalLocation.artifactLocation.uri.endsWith(".pdf"));
    expect(docx.map((result) => result.locations[0]!.logicalLocations?.[0]?.fullyQualifiedName)).toContain("Article 4 – Conditions financières › 4.1 Prix de journée › paragraphe 1");
    expect(pdf.every((result) => /^p\. \d+/.test(result.locations[0]!.logicalLocations?.[0]?.name ?? ""))).toBe(true);
  });

  it("writes paths as relative URIs, and an empty report as a valid log", () => {
    expect(uriOf("docs/mon contrat.md")).toBe("docs/mon%20contrat.md");
    expect(uriOf("docs\\été.md")).toBe("docs/%C3%A9t%C3%A9.md");
    expect(uriOf("/srv/docs/a.md")).toBe("file:///srv/docs/a.md");
    const empty = JSON.parse(renderScoreSarif({ version: 1, files: [] }, { version: 1, rulesVersion: "x", rules: [] }));
    expect(valid(empty)).toEqual([]);
    // The validator does reject what the schema forbids: a line 0, a level SARIF does not know.
    const region = { artifactLocation: { uri: "a.md" }, region: { startLine: 0 } };
    expect(valid({ version: "2.1.0", runs: [{ tool: { driver: { name: "falc" } }, results: [{ message: { text: "m" }, locations: [{ physicalLocation: region }] }] }] })).not.toEqual([]);
    expect(valid({ version: "2.1.0", runs: [{ tool: { driver: { name: "falc" } }, results: [{ message: { text: "m" }, level: "info" }] }] })).not.toEqual([]);
  });

  it("is written by --report sarif=PATH beside the text report", async () => {
    const path = tmp.path("falc.sarif");
    const { code, stdout } = await runCli("score", "fixtures/livret-falc.md", "--report", `sarif=${path}`);
    expect(code).toBe(0);
    expect(stdout).toContain("Score :");
    expect(valid(JSON.parse(readFileSync(path, "utf8")))).toEqual([]);
  });
});
