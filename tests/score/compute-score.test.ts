import { describe, expect, it } from "vitest";
import type { Finding, Severity } from "../../src/rules/finding.js";
import { analyze } from "../../src/index.js";
import { computeScore } from "../../src/score/score.js";
import type { TextStats } from "../../src/score/stats.js";

/**
 * The falc score on hand-computed cases. Every expected number below is worked out in the comment
 * beside it from the published formula — score = 0.75 × clamp(Kandel–Moles, 0, 100) + 0.25 × rules part,
 * Kandel–Moles = 207 − 1.015 × words per sentence − 73.6 × syllables per word, rules part =
 * 100 × 0.5^(weighted findings per sentence / 0.5), severity weights error 1, warning 0.5, info 0.1 —
 * never by calling the code under test, so that a change to any weight or threshold fails here.
 */

function stats(sentences: number, words: number, syllables: number): TextStats {
  // computeScore reads the two ratios and the word count; the long-word figures do not enter it.
  return { sentences, words, syllables, wordsPerSentence: words / sentences, syllablesPerWord: syllables / words, longWords: 0, longWordShare: 0, longSentences: 0 };
}

const found = (...severities: Severity[]): Pick<Finding, "severity">[] => severities.map((severity) => ({ severity }));

// 4 sentences, 40 words, 60 syllables: 10 words per sentence, 1.5 syllables per word.
// Kandel–Moles = 207 − 1.015 × 10 − 73.6 × 1.5 = 207 − 10.15 − 110.4 = 86.45.
const PLAIN = stats(4, 40, 60);

describe("computeScore", () => {
  it("without findings: three quarters readability, one quarter a full rules part", () => {
    // raw = 0.75 × 86.45 + 0.25 × 100 = 64.8375 + 25 = 89.8375 → 90
    const result = computeScore(PLAIN, []);
    expect(result.raw).toBeCloseTo(89.8375, 10);
    expect(result).toMatchObject({ score: 90, readabilityPart: 86, rulesPart: 100 });
  });

  it("halves the rules part at 0.5 weighted findings per sentence", () => {
    // 1 error + 2 warnings = 1 + 2 × 0.5 = 2 over 4 sentences = 0.5 per sentence: 100 × 0.5^(0.5 / 0.5) = 50.
    // raw = 64.8375 + 0.25 × 50 = 64.8375 + 12.5 = 77.3375 → 77
    const result = computeScore(PLAIN, found("error", "warning", "warning"));
    expect(result.raw).toBeCloseTo(77.3375, 10);
    expect(result).toMatchObject({ score: 77, rulesPart: 50 });
  });

  it("weighs an error as 1 and a warning as 0.5", () => {
    // 2 errors = 2 → 0.5 per sentence → rules part 50, as 4 warnings (4 × 0.5 = 2) are.
    expect(computeScore(PLAIN, found("error", "error")).rulesPart).toBe(50);
    expect(computeScore(PLAIN, found("warning", "warning", "warning", "warning")).rulesPart).toBe(50);
    // 1 error alone = 0.25 per sentence: 100 × 0.5^0.5 = 70.7107 → 71.
    expect(computeScore(PLAIN, found("error")).rulesPart).toBe(71);
  });

  it("weighs an info as 0.1", () => {
    // 10 infos = 10 × 0.1 = 1 → 0.25 per sentence: rules part 100 × 0.5^0.5 = 70.7107 → 71.
    // raw = 64.8375 + 0.25 × 70.7107 = 64.8375 + 17.6777 = 82.5152 → 83
    const result = computeScore(PLAIN, found(...Array<Severity>(10).fill("info")));
    expect(result.raw).toBeCloseTo(82.5152, 3);
    expect(result).toMatchObject({ score: 83, rulesPart: 71 });
  });

  it("clamps Kandel–Moles to 0–100 before weighing it", () => {
    // 30 one-word sentences, one syllable a word: 207 − 1.015 − 73.6 = 132.385 → 100; raw = 75 + 25 = 100.
    expect(computeScore(stats(30, 30, 30), [])).toMatchObject({ score: 100, readabilityPart: 100 });
    // 30 words per sentence, 3 syllables per word: 207 − 30.45 − 220.8 = −44.25 → 0; raw = 0 + 25 = 25.
    expect(computeScore(stats(1, 30, 90), [])).toMatchObject({ score: 25, readabilityPart: 0 });
  });

  it("gives a number from 30 words on, none below", () => {
    // 3 sentences, 30 words, 45 syllables: the same ratios as PLAIN, so raw 89.8375 → 90.
    expect(computeScore(stats(3, 30, 45), []).score).toBe(90);
    // 29 words, 43.5 syllables: the same ratios again, but too short to score.
    const short = computeScore(stats(29 / 10, 29, 43.5), []);
    expect(short.score).toBeNull();
    expect(short.raw).toBeCloseTo(89.8375, 10);
    expect(computeScore(stats(0, 0, 0), [])).toEqual({ score: null, raw: 0, readabilityPart: 0, rulesPart: 0 });
  });

  it("says in the report why a short text has no score", () => {
    // 5 words.
    expect(analyze("Bienvenue au foyer des Lilas.").scoreNote).toBe("texte trop court pour un score fiable (moins de 30 mots)");
  });
});
