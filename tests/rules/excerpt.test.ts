import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { countExcerptMisses } from "../../scripts/eval/excerpts.js";
import { loadRuleSet } from "../../src/config/ruleset.js";
import { findingsForText } from "../../src/rules/engine.js";
import { excerptAround, MAX_EXCERPT } from "../../src/rules/excerpt.js";

const ruleSet = loadRuleSet();

describe("a finding’s excerpt always shows the flagged words", () => {
  // One sentence of 13 + 18 × 26 = 481 characters before « afin de »: the old excerpt (the first 400
  // characters of the sentence) did not contain it.
  const head = "Vous recevez " + "le courrier de la mairie, ".repeat(18);
  const text = `${head}afin de payer la facture.`;

  it("cuts a long sentence to a window around the flagged span, marked with « … »", () => {
    const finding = findingsForText(text, ruleSet, { only: ["no-difficult-administrative-words"] })[0]!;
    expect(text.slice(finding.offset, finding.offset + finding.length)).toBe("afin de");
    expect(finding.offset).toBe(481);
    const { excerpt, excerptOffset } = finding;
    expect(excerpt.slice(excerptOffset!, excerptOffset! + finding.length)).toBe("afin de");
    expect(excerpt.startsWith("… ")).toBe(true);
    // The sentence ends 25 characters after the span starts: the window reaches it, and gives the rest to the left.
    expect(excerpt.endsWith("afin de payer la facture.")).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(MAX_EXCERPT + 2);
    expect(excerpt.length).toBeGreaterThan(MAX_EXCERPT - 30);
    // The cut falls between two words: what follows « … » starts a word of the sentence.
    const shown = excerpt.slice(2);
    const at = text.indexOf(shown);
    expect(at).toBeGreaterThan(0);
    expect(text[at - 1]).toBe(" ");
  });

  it("keeps 400 characters of a long sentence, the words a reviewer sees in the report", () => {
    const finding = findingsForText(text, ruleSet, { only: ["no-difficult-administrative-words"] })[0]!;
    // The span is [481, 488) in a sentence of 506 characters: room = 400 − 7 = 393; the right side
    // needs only 506 − 488 = 18, so the left gets 393 − 18 = 375 and the window starts at 481 − 375 = 106,
    // just after a space (« … la mairie, »): 400 characters of the sentence, no cut on the right.
    expect(finding.excerpt).toBe(`… ${text.slice(106)}`);
    expect(finding.excerpt.length).toBe(2 + 400);
    expect(finding.excerptOffset).toBe(2 + 481 - 106);
  });

  it("cuts at exactly 400 characters where no space is near, sharing the room on both sides", () => {
    const word = "x".repeat(1000);
    // Span [500, 510): room = 390, 195 on each side: the window is [305, 705).
    const { excerpt, excerptOffset } = excerptAround(word, 0, 1000, 500, 510);
    expect(excerpt).toBe(`… ${"x".repeat(400)} …`);
    expect(excerptOffset).toBe(2 + 500 - 305);
  });

  it("keeps a sentence that fits whole, as before", () => {
    const finding = findingsForText("Vous payez afin de garder la place.", ruleSet, { only: ["no-difficult-administrative-words"] })[0]!;
    expect(finding.excerpt).toBe("Vous payez afin de garder la place.");
    expect(finding.excerptOffset).toBe(11);
  });

  it("shares the room on both sides of a span in the middle, and cuts both ends", () => {
    const long = `${"mot ".repeat(150)}CIBLE${" mot".repeat(150)}`;
    const start = 600;
    expect(long.slice(start, start + 5)).toBe("CIBLE");
    const { excerpt, excerptOffset } = excerptAround(long, 0, long.length, start, start + 5, 100);
    expect(excerpt.slice(excerptOffset, excerptOffset + 5)).toBe("CIBLE");
    expect(excerpt.startsWith("… mot")).toBe(true);
    expect(excerpt.endsWith("mot …")).toBe(true);
    // 95 characters of context, cut back to whole words: about 47 on each side.
    expect(excerptOffset - 2).toBeGreaterThanOrEqual(44);
    expect(excerptOffset - 2).toBeLessThanOrEqual(48);
  });

  it("shows the beginning of a span longer than an excerpt (a whole block for a layout rule)", () => {
    const block = "Un mot. ".repeat(100);
    const { excerpt, excerptOffset } = excerptAround(block, 0, block.length, 0, block.length, 100);
    expect(excerptOffset).toBe(0);
    expect(excerpt.endsWith(" …")).toBe(true);
    expect(block.startsWith(excerpt.slice(0, -2))).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(102);
  });
});

const REAL = "/work/shared/corpus/real-docs";
describe.skipIf(!existsSync(REAL))("on real documents", () => {
  // Before: 155 and 261 findings whose excerpt did not hold the flagged words.
  for (const name of ["emjpm-dgcs-guide-enquetes.docx", "capucine-RI_Creche_CAPUCINE_2017.pdf"]) {
    it(`every excerpt of ${name} holds its flagged words`, async () => {
      const count = await countExcerptMisses(join(REAL, name));
      expect(count.findings).toBeGreaterThan(500);
      expect(count.misses).toBe(0);
      expect(count.longest).toBeLessThanOrEqual(MAX_EXCERPT + 4);
    }, 60_000);
  }
});
