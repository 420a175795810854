import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import type { ConvertOutcome } from "../../src/commands/convert.js";
import type { ManifestEntry } from "../../src/output/manifest.js";
import { convertJUnit } from "../../src/render/convert-junit.js";

function entry(score: number, missingFacts: number): ManifestEntry {
  return { sha256: "0".repeat(64), settings: "s", outputs: [], score: { before: 40, after: score }, missingFacts, addedFacts: 0, status: "converted", updatedAt: "2026-11-28T10:00:00.000Z" };
}

describe("convertJUnit", () => {
  it("keeps the verdict of an unchanged document from the manifest: a skipped document below the threshold or with missing facts still fails", () => {
    const skippedEntries = [
      { path: "docs/bon.docx", entry: entry(72, 0) },
      { path: "docs/faible.docx", entry: entry(48, 0) },
      { path: "docs/infidele.docx", entry: entry(80, 2) },
    ];
    const outcome: ConvertOutcome = { files: [], failures: [], skipped: skippedEntries.map((s) => s.path), skippedEntries, exitCode: 1 };
    const xml = new DOMParser().parseFromString(convertJUnit(outcome, 60), "text/xml");
    const cases = Array.from(xml.getElementsByTagName("testcase"));
    const failure = (i: number) => cases[i]!.getElementsByTagName("failure")[0]?.getAttribute("message");
    expect(cases.map((c) => c.getAttribute("name"))).toEqual(["docs/bon.docx", "docs/faible.docx", "docs/infidele.docx"]);
    expect(failure(0)).toBeUndefined();
    expect(failure(1)).toBe("score 48 < 60");
    expect(failure(2)).toContain("2 information(s) manquante(s)");
    expect(xml.getElementsByTagName("testsuite")[0]!.getAttribute("failures")).toBe("2");
  });
});
