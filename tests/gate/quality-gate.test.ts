import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import type { ConvertOutcome } from "../../src/commands/convert.js";
import { ExitCode } from "../../src/errors.js";
import { gateFailureLine, QualityGate, scoreGateInput, type GateInput } from "../../src/gate/quality-gate.js";
import type { ManifestEntry } from "../../src/output/manifest.js";
import { convertJUnit } from "../../src/render/convert-junit.js";
import { convertSummary } from "../../src/render/convert-summary.js";
import { renderScoreGithub } from "../../src/render/score-github.js";
import { scoreJUnit } from "../../src/render/score-junit.js";
import type { FileScore } from "../../src/score/report.js";

const input = (after: number | null, missingFacts = 0, addedFacts = 0): GateInput => ({ after, missingFacts, addedFacts });

describe("QualityGate", () => {
  it("fails a score strictly under --fail-under, never a text too short to score", () => {
    const gate = new QualityGate({ failUnder: 60 });
    expect(gate.reasons(input(59))).toEqual(["score 59 < 60"]);
    expect(gate.reasons(input(60))).toEqual([]);
    expect(gate.reasons(input(null))).toEqual([]);
    expect(new QualityGate().reasons(input(0))).toEqual([]);
  });

  it("fails missing and added facts only under --strict, in singular and plural", () => {
    expect(new QualityGate({ failUnder: 50 }).reasons(input(90, 3, 1))).toEqual([]);
    expect(new QualityGate({ strict: true }).reasons(input(90, 1, 1))).toEqual(["1 information manquante", "1 information ajoutée"]);
    expect(new QualityGate({ strict: true, failUnder: 95 }).reasons(input(90, 2, 3))).toEqual(["score 90 < 95", "2 informations manquantes", "3 informations ajoutées"]);
  });

  it("gives exit code 1 exactly when a document fails", () => {
    expect(ExitCode.qualityGate).toBe(1);
    expect(new QualityGate({ strict: true }).exitCode(input(90, 1))).toBe(1);
    expect(new QualityGate().exitCode(input(90, 1))).toBe(0);
  });
});

function entry(after: number | null, missingFacts: number, addedFacts: number): ManifestEntry {
  return { sha256: "0".repeat(64), settings: "s", outputs: [], score: { before: 30, after }, missingFacts, addedFacts, status: "converted", updatedAt: "2026-11-28T10:00:00.000Z" };
}

function junitFailed(xml: string): boolean[] {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  return Array.from(doc.getElementsByTagName("testcase")).map((c) => c.getElementsByTagName("failure").length > 0);
}

describe("every report asks the same gate", () => {
  const entries = [entry(45, 0, 0), entry(75, 2, 0), entry(75, 0, 1), entry(null, 0, 0), entry(90, 0, 0)];
  const outcome: ConvertOutcome = {
    files: [],
    failures: [],
    skipped: entries.map((_, i) => `doc-${i}.docx`),
    skippedEntries: entries.map((e, i) => ({ path: `doc-${i}.docx`, entry: e })),
    exitCode: 0,
  };
  const gates = [new QualityGate(), new QualityGate({ failUnder: 60 }), new QualityGate({ strict: true }), new QualityGate({ strict: true, failUnder: 80 })];

  it("convert: the exit code, the JSON summary and the JUnit report agree for each document", () => {
    // By hand: [45 no facts, 75 two missing, 75 one added, too short, 90] under each gate.
    const expected = [
      [false, false, false, false, false],
      [true, false, false, false, false],
      [false, true, true, false, false],
      [true, true, true, false, false],
    ];
    gates.forEach((gate, g) => {
      const codes = entries.map((e) => gate.exitCode({ after: e.score.after, missingFacts: e.missingFacts, addedFacts: e.addedFacts }) === ExitCode.qualityGate);
      const summary = convertSummary(outcome, gate).files.map((f) => f.qualityGate?.passed === false);
      expect(codes, `exit code, gate ${g}`).toEqual(expected[g]);
      expect(summary, `JSON summary, gate ${g}`).toEqual(expected[g]);
      expect(junitFailed(convertJUnit(outcome, gate)), `JUnit, gate ${g}`).toEqual(expected[g]);
    });
  });

  it("score: the JUnit report fails the files under the threshold", () => {
    const file = (path: string, score: number | null) => ({ path, score, findings: [] }) as unknown as FileScore;
    const report = { version: 1 as const, files: [file("a.md", 59), file("b.md", 60), file("c.md", null)] };
    expect(junitFailed(scoreJUnit(report, new QualityGate({ failUnder: 60 })))).toEqual([true, false, false]);
    expect(junitFailed(scoreJUnit(report, new QualityGate()))).toEqual([false, false, false]);
  });
});

describe("QualityGate for falc score: error-level findings and --max-warnings", () => {
  const finding = (severity: "error" | "warning" | "info") => ({ ruleId: "r", severity, message: "m", line: 1, column: 1, offset: 0, length: 1, excerpt: "x" });
  const file = (path: string, score: number | null, severities: ("error" | "warning" | "info")[]) => ({ path, score, findings: severities.map(finding) }) as unknown as FileScore;

  it("fails a document with an error-level finding, whatever its score, and words it in French", () => {
    const gate = new QualityGate({ failUnder: 50 });
    expect(gate.reasons(scoreGateInput(file("a.md", 90, ["error", "warning"])))).toEqual(["1 erreur aux règles FALC"]);
    expect(gate.reasons(scoreGateInput(file("a.md", 40, ["error", "error"])))).toEqual(["score 40 < 50", "2 erreurs aux règles FALC"]);
    expect(gate.exitCode(scoreGateInput(file("a.md", 90, ["warning", "info"])))).toBe(0);
    // convert's inputs carry no findings: its gate is unchanged.
    expect(gate.exitCode(input(90, 3, 0))).toBe(0);
  });

  it("counts warnings over all documents for --max-warnings, as ESLint does", () => {
    const gate = new QualityGate({ maxWarnings: 3 });
    const two = scoreGateInput(file("a.md", 90, ["warning", "warning", "info"]));
    expect(gate.runExitCode([two])).toBe(0);
    expect(gate.runExitCode([two, two])).toBe(1);
    expect(gate.judgeRun([two, two]).failures).toEqual([{ kind: "warnings", count: 4, max: 3 }]);
    expect(gateFailureLine(undefined, { kind: "warnings", count: 4, max: 3 })).toBe("4 avertissements en tout, plus que les 3 permis par --max-warnings.");
    expect(new QualityGate().runExitCode([two, two])).toBe(0);
  });

  it("the exit code, the JUnit report and the GitHub annotations agree on each document", () => {
    const files = [file("a.md", 70, ["warning"]), file("b.md", 70, ["error"]), file("c.md", 40, []), file("d.md", null, ["info"])];
    const gate = new QualityGate({ failUnder: 60 });
    // By hand: b has an error, c is under 60; a and d pass.
    const expected = [false, true, true, false];
    expect(files.map((f) => gate.exitCode(scoreGateInput(f)) === 1)).toEqual(expected);
    expect(junitFailed(scoreJUnit({ version: 1, files }, gate))).toEqual(expected);
    const github = renderScoreGithub({ version: 1, files }, gate);
    expect(files.map((f) => github.split("\n").some((line) => line.startsWith("::error") && line.includes(`file=${f.path}`)))).toEqual(expected);
  });
});
