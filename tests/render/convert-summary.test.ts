import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { convertFiles, type ConvertOutcome } from "../../src/commands/convert.js";
import { MANIFEST_FILE, type Manifest } from "../../src/output/manifest.js";
import { QualityGate } from "../../src/gate/quality-gate.js";
import { renderConvertSummary, type ConvertSummary } from "../../src/render/convert-summary.js";
import { estimateCost } from "../../src/rewrite/providers/anthropic-models.js";
import { addUsage, NO_USAGE } from "../../src/rewrite/types.js";
import { buildConvertResult } from "../helpers/convert-result.js";
import { digestOf } from "../../src/rewrite/run/outcome.js";
import { runLibraryTwice, type LibraryRun } from "../helpers/library-runs.js";
import type { MockAnthropic } from "../helpers/mock-anthropic.js";
import { tempDir } from "../helpers/temp.js";

const tmp = tempDir("falc-summary-");
const KEY = "sk-ant-summary";

let mock: MockAnthropic;
let first: LibraryRun;
let second: LibraryRun;
let out: string;

beforeAll(async () => {
  ({ mock, first, second, out } = await runLibraryTwice({
    dir: tmp.dir,
    key: KEY,
    documents: { "contrat.md": "fixtures/contrat-de-sejour.md", "reglement.md": "fixtures/reglement-de-fonctionnement.md" },
    edit: { file: "reglement.md", sentence: "Cette phrase est nouvelle." },
    formats: ["md", "json"],
  }));
});
afterAll(() => mock.close());

const parse = (text: string) => JSON.parse(text) as ConvertSummary;

describe("renderConvertSummary (falc convert --json)", () => {
  it("lists every input once, sorted by path, with its status, outputs and scores", () => {
    const text = renderConvertSummary(first.outcome);
    expect(text.endsWith("\n")).toBe(true);
    const summary = parse(text);
    expect(summary.version).toBe(1);
    expect(summary.files.map((f) => f.path)).toEqual([...summary.files.map((f) => f.path)].sort());
    expect(summary.files.map((f) => [f.path.split("/").at(-1), f.status])).toEqual([
      ["contrat.md", "converted"],
      ["reglement.md", "converted"],
      ["vide.md", "failed"],
    ]);
    for (const file of first.outcome.files) {
      const entry = summary.files.find((f) => f.path === file.path)!;
      expect(entry.outputs).toEqual(file.outputs);
      for (const output of entry.outputs) expect(existsSync(output)).toBe(true);
      expect(entry.score).toEqual(file.result.score);
      expect(entry.sections).toBe(file.result.sections.length);
      expect(entry.cachedSections).toBe(0);
      const facts = (kind: "missing" | "added") => file.result.sections.reduce((n, s) => n + s.facts[kind].length, 0);
      expect(entry.missingFacts).toBe(facts("missing"));
      expect(entry.addedFacts).toBe(facts("added"));
      expect(entry.usage).toMatchObject({ requests: file.result.usage.requests, inputTokens: file.result.usage.input_tokens, outputTokens: file.result.usage.output_tokens });
      expect(entry.usage.requests).toBeGreaterThan(0);
      expect(entry.error).toBeUndefined();
    }
    const failed = summary.files.find((f) => f.status === "failed")!;
    expect(failed.error?.code).toBe("empty-file");
    expect(failed.error?.message).toContain(failed.path);
    expect(failed.outputs).toEqual([]);
    expect(failed.missingFacts).toBeNull();
    expect(summary.exitCode).toBe(first.outcome.exitCode);
    expect(summary.exitCode).toBe(2);
  });

  it("totals the run: files, sections, requests, tokens and the indicative cost", () => {
    const { totals } = parse(renderConvertSummary(first.outcome));
    const usage = first.outcome.files.reduce((sum, f) => addUsage(sum, f.result.usage), NO_USAGE);
    expect(totals).toMatchObject({ files: 3, converted: 2, skipped: 0, failed: 1, cachedSections: 0, belowQualityGate: 0 });
    expect(totals.sections).toBe(first.outcome.files.reduce((n, f) => n + f.result.sections.length, 0));
    expect(totals.requests).toBe(first.requests);
    expect(totals.inputTokens).toBe(usage.input_tokens);
    expect(totals.outputTokens).toBe(usage.output_tokens);
    expect(totals.cacheReadInputTokens).toBe(usage.cache_read_input_tokens);
    // Each file's cost is rounded to the micro-dollar; the total is the sum of what the files show.
    expect(totals.estimatedCost).toBeCloseTo(estimateCost(usage, "claude-sonnet-5-5")!, 5);
  });

  it("reports skipped inputs and cached sections on a re-run, with their manifest entries when given", () => {
    const { skippedEntries, ...withoutEntries } = second.outcome;
    const bare = parse(renderConvertSummary(withoutEntries));
    expect(bare.totals).toMatchObject({ files: 3, converted: 1, skipped: 1, failed: 1 });
    const skipped = bare.files.find((f) => f.status === "skipped")!;
    expect(skipped.path.endsWith("contrat.md")).toBe(true);
    expect(skipped).toMatchObject({ outputs: [], missingFacts: null, sections: 0, usage: { requests: 0 } });
    const reglement = second.outcome.files[0]!;
    const cached = reglement.result.sections.filter((s) => s.cached).length;
    expect(cached).toBeGreaterThan(0);
    expect(bare.totals.cachedSections).toBe(cached);
    expect(bare.totals.requests).toBe(second.requests);
    expect(bare.totals.requests).toBeLessThan(reglement.result.sections.length - cached + 1);

    // With the entries the command gives, the figures come from falc-manifest.json as written on disk.
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST_FILE), "utf8")) as Manifest;
    const entry = manifest.inputs[relative(process.cwd(), resolve(skipped.path))]!;
    expect(skippedEntries).toHaveLength(1);
    const full = parse(renderConvertSummary(second.outcome, new QualityGate({ failUnder: 100 })));
    const withEntry = full.files.find((f) => f.status === "skipped")!;
    expect(withEntry).toMatchObject({ outputs: entry.outputs, score: entry.score, missingFacts: entry.missingFacts, addedFacts: entry.addedFacts });
    const firstContrat = first.outcome.files.find((f) => f.path === skipped.path)!;
    expect(withEntry.score).toEqual(firstContrat.result.score);
    expect(withEntry.qualityGate).toEqual({ passed: false, reasons: [`score ${entry.score.after} < 100`] });
  });

  it("judges each document against --fail-under as the exit code does", () => {
    const scores = first.outcome.files.map((f) => f.result.score.after!).sort((a, b) => a - b);
    const threshold = scores[0]! + 1;
    expect(scores[1]!).toBeGreaterThanOrEqual(threshold);
    const summary = parse(renderConvertSummary(first.outcome, new QualityGate({ failUnder: threshold })));
    expect(summary.thresholds).toEqual({ failUnder: threshold, strict: false });
    const judged = summary.files.filter((f) => f.status === "converted").map((f) => [f.score.after, f.qualityGate]);
    expect(judged).toContainEqual([scores[0], { passed: false, reasons: [`score ${scores[0]} < ${threshold}`] }]);
    expect(judged).toContainEqual([scores[1], { passed: true, reasons: [] }]);
    expect(summary.totals.belowQualityGate).toBe(1);
  });

  it("fails a document with missing or added facts under --strict, and prices its usage", () => {
    const result = buildConvertResult();
    const outcome: ConvertOutcome = { files: [{ path: "contrat-de-sejour.docx", outputs: [], result, digest: digestOf(result) }], failures: [], skipped: [], skippedEntries: [], exitCode: 1 };
    const summary = parse(renderConvertSummary(outcome, new QualityGate({ strict: true })));
    const [file] = summary.files;
    expect(file).toMatchObject({ missingFacts: 1, addedFacts: 1, qualityGate: { passed: false, reasons: ["1 information manquante", "1 information ajoutée"] } });
    expect(file!.usage.requests).toBe(result.usage.requests);
    expect(file!.usage.estimatedCost).toBeCloseTo(estimateCost(result.usage, result.model)!, 6);
    expect(summary.totals.estimatedCost).toBe(file!.usage.estimatedCost);
    expect(parse(renderConvertSummary(outcome)).files[0]!.qualityGate).toEqual({ passed: true, reasons: [] });
  });

  it("gives no cost when no model has a known price (offline rewriting)", async () => {
    const outcome = await convertFiles(["fixtures/livret-d-accueil.md"], { provider: "offline", out: join(tmp.dir, "hors-ligne"), cache: false, formats: ["md"] });
    const summary = parse(renderConvertSummary(outcome));
    expect(summary.totals.requests).toBe(0);
    expect(summary.totals.estimatedCost).toBeNull();
    expect(summary.files[0]!.usage.estimatedCost).toBeNull();
    expect(summary.exitCode).toBe(0);
  });
});
