import { describe, expect, it } from "vitest";
import { loadRuleSet } from "../../src/config/ruleset.js";
import { entryExpressions } from "../../src/rules/lexicon/lexicons.js";
import { canonicalWords } from "../../src/rules/text/elision.js";
import { expandPattern } from "../../src/rules/lexicon/patterns.js";
import type { InlineEntry } from "../../src/rules/params.js";

const ruleSet = loadRuleSet();

/** Ids are a public contract: configurations, reports and CI depend on them. */
const CONTRACT_IDS = [
  "short-sentences", "one-idea-per-sentence", "active-voice", "positive-sentences", "no-conditional", "no-subjunctive",
  "no-acronyms-or-explain", "no-abbreviations", "avoid-big-numbers-percentages", "full-dates", "digits-not-words",
  "no-roman-numerals", "no-parentheses", "simple-punctuation", "no-etc", "no-special-characters", "easy-words",
  "no-difficult-administrative-words", "simple-connectors", "short-paragraphs", "no-all-caps-words", "address-reader-directly",
  "sans-serif-font", "min-font-size-14", "left-aligned-not-justified", "no-italics", "no-underline", "line-spacing",
];

describe("the shipped rule set", () => {
  it("has every contract id", () => {
    const ids = ruleSet.rules.map((rule) => rule.id);
    for (const id of CONTRACT_IDS) expect(ids, id).toContain(id);
  });

  it("has short-sentences at 12 (warning) and 20 (error)", () => {
    const rule = ruleSet.rules.find((r) => r.id === "short-sentences")!;
    expect(rule.severity).toBe("warning");
    expect(rule.parameters).toMatchObject({ max: 12, errorAbove: 20 });
  });

  it("has at least 300 difficult-word entries and 150 acronyms", () => {
    expect(ruleSet.lexicons.difficultWords.length).toBeGreaterThanOrEqual(300);
    expect(ruleSet.lexicons.acronyms.length).toBeGreaterThanOrEqual(150);
    expect(ruleSet.lexicons.commonWords.size).toBeGreaterThan(20_000);
  });

  it("gives every difficult word a replacement or an explanation, and every acronym an expansion", () => {
    for (const entry of ruleSet.lexicons.difficultWords) expect(entry.replace.length > 0 || entry.explain !== undefined, entry.match[0]).toBe(true);
    for (const entry of ruleSet.lexicons.acronyms) expect(entry.expansion.length, entry.acronym).toBeGreaterThan(3);
  });

  it("matches inflected forms of the difficult words", () => {
    const forms = new Set(ruleSet.lexicons.difficultWords.flatMap((entry) => entryExpressions(entry).map((e) => e.expression)));
    for (const form of ["susmentionnée", "susmentionnés", "sollicitez", "sollicité", "perçoit", "percevra", "effectuée", "à compter du", "le cas échéant", "dans la mesure où", "en vertu de", "préalablement à", "il convient de", "afin d'"]) {
      expect(forms.has(form) || forms.has(form.replace("d'", "de")), form).toBe(true);
    }
  });

  it("never has a connector in both simple-connectors and the difficult words (one finding per word)", () => {
    const difficult = new Set(ruleSet.lexicons.difficultWords.flatMap((entry) => entryExpressions(entry).map((e) => canonicalWords(e.expression).join(" "))));
    const connectors = ruleSet.rules.find((r) => r.id === "simple-connectors")!.parameters.entries as InlineEntry[];
    for (const entry of connectors) {
      for (const pattern of entry.match) for (const form of expandPattern(pattern)) expect(difficult.has(canonicalWords(form).join(" ")), form).toBe(false);
    }
  });

  it("has a French message, description, prompt and sources for every rule", () => {
    for (const rule of ruleSet.rules) {
      expect(rule.source.length, rule.id).toBeGreaterThan(0);
      expect(rule.prompt.length, rule.id).toBeGreaterThan(20);
      expect(rule.description.length, rule.id).toBeGreaterThan(80);
    }
  });

  it("has a rulesVersion that is a stable hash of the files", () => {
    expect(ruleSet.rulesVersion).toMatch(/^[0-9a-f]{16}$/);
    expect(loadRuleSet().rulesVersion).toBe(ruleSet.rulesVersion);
    expect(ruleSet.effectiveVersion).toBe(ruleSet.rulesVersion);
  });
});

describe("the everyday-word list", () => {
  it("is exactly what scripts/build-common-words.ts makes from the lemmas (regenerate after editing them)", async () => {
    const { readFileSync } = await import("node:fs");
    const { parse } = await import("yaml");
    const { buildCommonWords, COMMON_WORDS_HEADER } = await import("../../src/rules/lexicon/common-words.js");
    const lemmas = parse(readFileSync(new URL("../../rules/lexicon/common-lemmas.yaml", import.meta.url), "utf8"));
    const built = `${COMMON_WORDS_HEADER.join("\n")}\n${buildCommonWords(lemmas).join("\n")}\n`;
    expect(readFileSync(new URL("../../rules/lexicon/common-words.txt", import.meta.url), "utf8") === built).toBe(true);
  });
});
