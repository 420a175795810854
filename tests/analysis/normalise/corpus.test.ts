import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compareFacts, extractFacts, formatFullDate, type Fact } from "../../../src/analysis/normalise/index.js";

// Real French text written by others (UD French-GSD, Wikipedia/Vikidia): there is no gold list of facts,
// so these tests check the invariants every extraction must keep, on text the patterns were not written for.
const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const corpus = join(root, "../shared/corpus");
const gsdPath = join(corpus, "ud-fr-gsd-dev/sentences.txt");
const pairsPath = join(corpus, "wikipedia-vikidia-pairs/pairs.tsv");
const present = existsSync(gsdPath) && existsSync(pairsPath);

const VALUE_FORMAT: Record<Fact["type"], RegExp> = {
  amount: /^(?:EUR|CHF):\d+\.\d{2}$/,
  number: /^\d+(?:\.\d+)?$|^\d+(?:[-/.]\d+)+$|^(?:24\/24|7\/7)$/,
  date: /^(?:\d{4}|-)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$|^\d{4}-(?:0[1-9]|1[0-2])$|^N(?:[-+][1-9])?$/,
  time: /^(?:[01]\d|2[0-4]):[0-5]\d$/,
  duration: /^P(?:[\d.]+[YMWD])*(?:T(?:\d+H)?(?:\d+M)?(?:[\d.]+S)?)?(?:\[(?:ouvrés|ouvrables|francs)\])?$/,
  percent: /^\d+(?:\.\d+)?$/,
  phone: /^\+?\d{8,15}$/,
  email: /^[^\sA-Z]+@[^\sA-Z]+\.[^\sA-Z]+$/,
  url: /^(?!https?:|www\.)[^\s]+[^/\s]$/,
  "legal-reference": /^art:[^:\s]+(?::[A-Z]+)?$|^(?:loi|decret|ordonnance|arrete|circulaire|directive):[\d-]+$/,
  identifier: /^\S(?:[^\n]*\S)?$/,
};

function checkInvariants(text: string, facts: Fact[]): void {
  let previousEnd = 0;
  for (const fact of facts) {
    expect(fact.start).toBeGreaterThanOrEqual(previousEnd);
    expect(fact.end).toBeGreaterThan(fact.start);
    expect(text.slice(fact.start, fact.end)).toBe(fact.text);
    expect(fact.value, `${fact.type} « ${fact.text} »`).toMatch(VALUE_FORMAT[fact.type]);
    previousEnd = fact.end;
  }
}

describe.skipIf(!present)("reference corpus", () => {
  const sentences = present ? readFileSync(gsdPath, "utf8").split("\n").filter((l) => l.trim() !== "") : [];
  const pairs = present
    ? readFileSync(pairsPath, "utf8")
        .split("\n")
        .slice(1)
        .filter((l) => l.includes("\t"))
        .map((l) => l.split("\t").slice(0, 2) as [string, string])
    : [];

  it("keeps facts ordered, non-overlapping, pointing at their text, with well-formed values", () => {
    let total = 0;
    for (const text of [...sentences, ...pairs.flat()]) {
      const facts = extractFacts(text);
      total += facts.length;
      checkInvariants(text, facts);
    }
    // GSD is news and encyclopaedic text: it is full of years, dates and counts.
    expect(total).toBeGreaterThan(1000);
  });

  it("finds nothing missing or added when a text is compared with itself", () => {
    for (const text of [...sentences, ...pairs.flat()]) {
      const facts = extractFacts(text);
      const result = compareFacts(facts, extractFacts(text));
      expect(result.missing).toEqual([]);
      expect(result.added).toEqual([]);
    }
  });

  it("reads back every full date it finds once written in full", () => {
    let checked = 0;
    for (const text of sentences) {
      for (const fact of extractFacts(text)) {
        if (fact.type !== "date" || !/^\d{4}-\d{2}-\d{2}$/.test(fact.value)) continue;
        const [again] = extractFacts(`le ${formatFullDate(fact.value)}`);
        expect(again?.value).toBe(fact.value);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("extracts the same facts from a sentence wherever it sits in a longer text", () => {
    const joined = sentences.slice(0, 400).join("\n");
    const offsets: number[] = [];
    let at = 0;
    for (const s of sentences.slice(0, 400)) {
      offsets.push(at);
      at += s.length + 1;
    }
    const alone = sentences.slice(0, 400).flatMap((s, i) =>
      extractFacts(s).map((f) => `${f.start + (offsets[i] ?? 0)} ${f.type} ${f.value}`),
    );
    const together = extractFacts(joined).map((f) => `${f.start} ${f.type} ${f.value}`);
    expect(together).toEqual(alone);
  });
});
