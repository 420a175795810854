import { describe, expect, it } from "vitest";
import { readLabelled } from "../../scripts/eval/precision.js";
import { loadRuleSet } from "../../src/config/ruleset.js";
import { checkText } from "../../src/rules/engine.js";

/**
 * The labelled precision set (tests/data/precision/findings.jsonl): findings drawn from real documents
 * and judged by hand. Each sentence is checked alone: a true finding must still be raised (recall does
 * not drop), a false alarm must stay fixed. The false alarms not fixed yet are listed below; the list
 * may only shrink.
 */
const ruleSet = loadRuleSet();
const set = readLabelled();

/** Known false alarms still raised: rule, flagged text, start of the sentence. */
const KNOWN_FALSE_POSITIVES: readonly [string, string, string][] = [
  ["short-sentences", "Adresse postale : 14, avenue Duquesne", "Adresse postale : 14, avenue Duquesne"],
];
const KNOWN_COUNT = 1;

function raised(rule: string, sentence: string, flagged: string): boolean {
  return checkText(sentence, ruleSet, { only: [rule] }).some((f) => sentence.slice(f.offset, f.offset + f.length) === flagged);
}

const isKnown = (rule: string, sentence: string, flagged: string): boolean =>
  KNOWN_FALSE_POSITIVES.some(([r, f, s]) => r === rule && flagged.startsWith(f) && sentence.startsWith(s));

describe("precision set from real documents", () => {
  it("holds at least 400 labelled findings, each with its sentence, and a note on every false one", () => {
    expect(set.length).toBeGreaterThanOrEqual(400);
    for (const item of set) {
      expect(item.sentence).toContain(item.flagged);
      if (!item.verdict) expect(item.note ?? "").not.toBe("");
    }
  });

  it("still raises every true finding", () => {
    const lost = set.filter((item) => item.verdict && !raised(item.rule, item.sentence, item.flagged));
    expect(lost.map((item) => `${item.rule}: « ${item.flagged} » in « ${item.sentence} »`)).toEqual([]);
  });

  it("raises no false alarm but the known ones", () => {
    const back = set.filter((item) => !item.verdict && !isKnown(item.rule, item.sentence, item.flagged) && raised(item.rule, item.sentence, item.flagged));
    expect(back.map((item) => `${item.rule}: « ${item.flagged} » in « ${item.sentence} »`)).toEqual([]);
  });

  it("lists only known false alarms that are still raised, so that the list only shrinks", () => {
    expect(KNOWN_FALSE_POSITIVES).toHaveLength(KNOWN_COUNT);
    for (const [rule, flagged, sentence] of KNOWN_FALSE_POSITIVES) {
      const item = set.find((entry) => !entry.verdict && isKnown(entry.rule, entry.sentence, entry.flagged) && entry.rule === rule && entry.flagged.startsWith(flagged) && entry.sentence.startsWith(sentence));
      expect(item, `${rule} « ${flagged} »`).toBeDefined();
      expect(raised(item!.rule, item!.sentence, item!.flagged), `${rule} « ${flagged} » is fixed: remove it from the list`).toBe(true);
    }
  });

  it("meets the floors: 95 % over all findings still raised, 90 % for every rule with 10 labelled findings", () => {
    const byRule = new Map<string, { labelled: number; raised: number; true: number }>();
    for (const item of set) {
      const row = byRule.get(item.rule) ?? { labelled: 0, raised: 0, true: 0 };
      byRule.set(item.rule, row);
      row.labelled++;
      if (!raised(item.rule, item.sentence, item.flagged)) continue;
      row.raised++;
      if (item.verdict) row.true++;
    }
    const rows = [...byRule.values()];
    const total = rows.reduce((sum, row) => sum + row.true, 0) / rows.reduce((sum, row) => sum + row.raised, 0);
    expect(total).toBeGreaterThanOrEqual(0.95);
    for (const [rule, row] of byRule) {
      if (row.labelled >= 10) expect(row.true / row.raised, rule).toBeGreaterThanOrEqual(0.9);
    }
  });
});
