import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import type { ConvertOutcome } from "../../src/commands/convert.js";
import { QualityGate } from "../../src/gate/quality-gate.js";
import type { ManifestEntry } from "../../src/output/manifest.js";
import { convertJUnit } from "../../src/render/convert-junit.js";
import { buildConvertResult } from "../helpers/convert-result.js";
import { digestOf } from "../../src/rewrite/run/outcome.js";

function entry(score: number, missingFacts: number): ManifestEntry {
  return { sha256: "0".repeat(64), settings: "s", outputs: [], score: { before: 40, after: score }, missingFacts, addedFacts: 0, status: "converted", updatedAt: "2026-11-28T10:00:00.000Z" };
}

function failures(xml: string): (string | null)[] {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  return Array.from(doc.getElementsByTagName("testcase")).map((c) => c.getElementsByTagName("failure")[0]?.textContent ?? null);
}

function converted1() {
  const result = buildConvertResult();
  return { path: "contrat.docx", outputs: [], result, digest: digestOf(result) };
}

describe("convertJUnit", () => {
  // buildConvertResult: draft scored 86; « Comment arrêter le contrat » lost « trente jours » and gained « 15 € ».
  const converted = (): ConvertOutcome => ({ files: [converted1()], failures: [], skipped: ["inchange.docx"], skippedEntries: [{ path: "inchange.docx", entry: entry(80, 2) }], exitCode: 0 });

  it("fails no document on missing or added facts without --strict, as the exit code and the JSON summary do not", () => {
    expect(failures(convertJUnit(converted(), new QualityGate()))).toEqual([null, null]);
    expect(failures(convertJUnit(converted(), new QualityGate({ failUnder: 60 })))).toEqual([null, null]);
  });

  it("lists the missing and added facts of a failing document under --strict, with the score when it is under --fail-under", () => {
    expect(failures(convertJUnit(converted(), new QualityGate({ strict: true, failUnder: 90 })))).toEqual([
      "score 86 < 90\nmanquant dans « Comment arrêter le contrat » : trente jours (durée)\najouté dans « Comment arrêter le contrat » : 15 € (montant)",
      "score 80 < 90\n2 information(s) manquante(s), 0 ajoutée(s) (conversion précédente, inchangée)",
    ]);
  });

  it("keeps the verdict of an unchanged document from the manifest: a skipped document below the threshold or with missing facts still fails", () => {
    const skippedEntries = [
      { path: "docs/bon.docx", entry: entry(72, 0) },
      { path: "docs/faible.docx", entry: entry(48, 0) },
      { path: "docs/infidele.docx", entry: entry(80, 2) },
    ];
    const outcome: ConvertOutcome = { files: [], failures: [], skipped: skippedEntries.map((s) => s.path), skippedEntries, exitCode: 1 };
    const xml = new DOMParser().parseFromString(convertJUnit(outcome, new QualityGate({ failUnder: 60, strict: true })), "text/xml");
    const cases = Array.from(xml.getElementsByTagName("testcase"));
    const failure = (i: number) => cases[i]!.getElementsByTagName("failure")[0]?.getAttribute("message");
    expect(cases.map((c) => c.getAttribute("name"))).toEqual(["docs/bon.docx", "docs/faible.docx", "docs/infidele.docx"]);
    expect(failure(0)).toBeUndefined();
    expect(failure(1)).toBe("score 48 < 60");
    expect(failure(2)).toContain("2 information(s) manquante(s)");
    expect(xml.getElementsByTagName("testsuite")[0]!.getAttribute("failures")).toBe("2");
  });
});
