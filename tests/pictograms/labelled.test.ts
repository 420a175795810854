import { describe, expect, it } from "vitest";
import { labelledSentences, pictogramBanks, scorePictograms } from "../../scripts/eval/pictograms.js";

/**
 * Issue 13's floor, on the labelled set of tests/data/pictograms/ (210 FALC sentences): with the
 * built-in bank, at least 90 % of the chosen pictures show one of the sentence's concepts, and at least
 * half of the sentences that should have a picture get one; the same with the 30-file establishment bank.
 */
describe("pictures on the labelled sentences", () => {
  const sentences = labelledSentences();

  it("is a set of at least 150 sentences, some of which should have no picture", () => {
    expect(sentences.length).toBeGreaterThanOrEqual(150);
    expect(sentences.filter((s) => s.concepts.length === 0).length).toBeGreaterThanOrEqual(8);
  });

  for (const kind of ["builtin", "user+builtin"] as const) {
    it(`${kind}: precision ≥ 90 %, coverage ≥ 50 %, on the held-out half too`, () => {
      for (const part of [sentences, sentences.filter((s) => s.half === "held-out")]) {
        const scores = scorePictograms(pictogramBanks(kind), part);
        expect(scores.precision).toBeGreaterThanOrEqual(0.9);
        expect(scores.coverage).toBeGreaterThanOrEqual(0.5);
      }
    });
  }

  it("with the establishment's 30 pictures alone: fewer pictures, as right", () => {
    const scores = scorePictograms(pictogramBanks("user"), sentences);
    expect(scores.precision).toBeGreaterThanOrEqual(0.9);
    expect(scores.chosen).toBeGreaterThan(60);
  });

  it("gives no picture to a sentence without a concept to show, mostly", () => {
    const scores = scorePictograms(pictogramBanks("builtin"), sentences.filter((s) => s.concepts.length === 0));
    expect(scores.chosen).toBeLessThanOrEqual(1);
  });
});
