import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyConfig, type FalcConfig } from "../../src/config/config.js";
import { loadRuleSet } from "../../src/config/ruleset.js";
import { scoreFiles } from "../../src/commands/score.js";
import { findingsForText } from "../../src/rules/engine.js";
import { validateRule } from "../../src/rules/schema.js";
import { analyzeText } from "../../src/score/analyze.js";

const ruleSet = loadRuleSet();
const CLAIM = "Ce livret est écrit pour vous. Ce document est validé FALC.";
const REMINDER = "vérifiez que ce texte a bien été validé par ses lecteurs";

describe("no-validation-claim: an error in a draft falc wrote, a reminder in falc score", () => {
  it("is an error when convert checks its own draft", () => {
    const findings = findingsForText(CLAIM, ruleSet, { only: ["no-validation-claim"], draft: true });
    expect(findings.map((f) => [f.severity, CLAIM.slice(f.offset, f.offset + f.length)])).toEqual([["error", "FALC"]]);
    expect(findings[0]!.message).toContain("Retirez cette mention");
  });

  it("is an info reminder, in a full French sentence, when a text is scored", () => {
    const findings = findingsForText(CLAIM, ruleSet, { only: ["no-validation-claim"] });
    expect(findings.map((f) => f.severity)).toEqual(["info"]);
    expect(findings[0]!.message).toContain(REMINDER);
    expect(findings[0]!.message).toMatch(/^[A-Z].*\.$/);
    expect(findings[0]!.message).not.toContain("'");
    expect(analyzeText(CLAIM, ruleSet, { draft: true }).findings.some((f) => f.ruleId === "no-validation-claim" && f.severity === "error")).toBe(true);
  });

  it("gives way to a severity the user chose in falc.config.json", () => {
    const config = { file: "falc.config.json", rules: { "no-validation-claim": "warning" }, acronyms: {}, words: {}, ignoreAcronyms: [], ignore: [], prices: {} } as unknown as FalcConfig;
    const tuned = applyConfig(ruleSet, config);
    const findings = findingsForText(CLAIM, tuned, { only: ["no-validation-claim"] });
    expect(findings.map((f) => f.severity)).toEqual(["warning"]);
    expect(findings[0]!.message).toContain("Retirez cette mention");
  });

  it("validates scoreSeverity and scoreMessage in the rule file", () => {
    const rule = ruleSet.rules.find((r) => r.id === "no-validation-claim")!;
    const { file: _file, score: _score, messages: _messages, ...base } = rule;
    const raw = { ...base, severity: "error" };
    expect(() => validateRule({ ...raw, scoreSeverity: "info" }, "x.yaml")).toThrow(/« scoreSeverity » et « scoreMessage » vont ensemble/);
    expect(() => validateRule({ ...raw, scoreSeverity: "grave", scoreMessage: "Vérifiez." }, "x.yaml")).toThrow(/« scoreSeverity » doit valoir/);
    expect(() => validateRule({ ...raw, scoreSeverity: "info", scoreMessage: "Vérifiez {match}." }, "x.yaml")).toThrow(/scoreMessage/);
    expect(validateRule({ ...raw, scoreSeverity: "info", scoreMessage: "Vérifiez." }, "x.yaml").score).toEqual({ severity: "info", message: "Vérifiez." });
    expect(rule.score?.severity).toBe("info");
  });

  const magazine = "/work/shared/corpus/real-docs/idf-mag58-falc.odt";
  describe.skipIf(!existsSync(magazine))("on a real FALC magazine its readers validated", () => {
    it("gives reminders, no error", async () => {
      const { report } = await scoreFiles([join(magazine)]);
      const claims = report.files[0]!.findings.filter((f) => f.ruleId === "no-validation-claim");
      expect(claims.length).toBeGreaterThan(0);
      expect(claims.every((f) => f.severity === "info" && f.message.includes(REMINDER))).toBe(true);
    });
  });
});

describe("a severity chosen in falc.config.json", () => {
  // 31 words: past short-sentences' errorAbove (20), which reports it as an error by default.
  const LONG = "Les enfants de la crèche peuvent venir le matin avec leurs parents et repartir le soir avec une personne que les parents ont choisie pour venir les chercher à la crèche.";
  const configWith = (setting: unknown) => ({ file: "falc.config.json", rules: { "short-sentences": setting }, acronyms: {}, words: {}, ignoreAcronyms: [], ignore: [], prices: {} }) as unknown as FalcConfig;
  const severities = (config?: FalcConfig) => findingsForText(LONG, config ? applyConfig(ruleSet, config) : ruleSet, { only: ["short-sentences"] }).map((f) => f.severity);

  it("is the severity of every finding of the rule, escalated ones too", () => {
    expect(severities()).toEqual(["error"]);
    expect(severities(configWith("info"))).toEqual(["info"]);
    expect(severities(configWith("warning"))).toEqual(["warning"]);
  });

  it("leaves the escalation alone when only the thresholds are tuned", () => {
    expect(severities(configWith({ parameters: { max: 15, errorAbove: 40 } }))).toEqual(["warning"]);
    expect(severities(configWith({ parameters: { max: 15, errorAbove: 25 } }))).toEqual(["error"]);
  });
});
