import { describe, expect, it } from "vitest";
import { plainStyle, renderScoreText, writeScoreText } from "../../src/render/score-text.js";
import type { Finding } from "../../src/rules/finding.js";
import type { FileScore, ScoreReport } from "../../src/score/report.js";

const stats = { sentences: 2, words: 40, syllables: 60, wordsPerSentence: 20, syllablesPerWord: 1.5, longWords: 3, longSentences: 1 };
const readability = { kandelMoles: 70, lix: 30, rix: 1.5 };

function finding(sectionIndex: number | undefined, line: number, excerpt: string): Finding {
  return {
    ruleId: "no-etc",
    severity: "warning",
    message: "« etc. » : écrivez la liste entière.",
    ...(sectionIndex === undefined ? {} : { sectionIndex }),
    line,
    column: 1,
    offset: 0,
    length: 4,
    excerpt,
    excerptOffset: 0,
  };
}

function file(findings: Finding[]): FileScore {
  return {
    path: "livret.md",
    format: "md",
    title: "Livret",
    score: 70,
    stats,
    readability,
    sections: [
      { index: 0, title: "Accueil", score: 71, stats, readability, findings: 1 },
      { index: 1, title: "Repas", score: 69, stats, readability, findings: 2 },
    ],
    findings,
    warnings: [],
  };
}

describe("score text report", () => {
  it("lists each section's findings under it, whatever their order in the file", () => {
    const report: ScoreReport = { version: 1, files: [file([finding(1, 9, "Pain etc."), finding(0, 2, "Café etc."), finding(1, 12, "Eau etc.")])] };
    const text = renderScoreText(report, plainStyle);
    // Section headings and excerpts, in the order printed (the finding lines say where, in their own format).
    const outline = text.split("\n").filter((line) => line.startsWith("  §") || line.includes("« ["));
    expect(outline).toEqual([
      "  § 1. Accueil — score 71, 1 écart",
      "             « [Café] etc. »",
      "  § 2. Repas — score 69, 2 écarts",
      "             « [Pain] etc. »",
      "             « [Eau ]etc. »",
    ]);
  });

  it("writes the same text in chunks, several for a long report", () => {
    const many = Array.from({ length: 2000 }, (_, i) => finding(i % 2, i + 1, "Des fruits, des légumes, etc."));
    const report: ScoreReport = { version: 1, files: [file(many), file([])] };
    const chunks: string[] = [];
    writeScoreText(report, plainStyle, (chunk) => chunks.push(chunk));
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join("")).toBe(renderScoreText(report, plainStyle));
  });
});
