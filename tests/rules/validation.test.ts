import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { applyConfig, findConfigFile, loadConfig, resolveConfig, validateConfig } from "../../src/config/config.js";
import { defaultRulesDir, loadRuleSet } from "../../src/config/ruleset.js";
import { FalcError } from "../../src/errors.js";
import { checkText } from "../../src/rules/engine.js";
import { validateRule } from "../../src/rules/schema.js";
import { validateAcronyms, validateDifficultWords } from "../../src/rules/lexicon/validate.js";
import { caught } from "../helpers/temp.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the shipped rules/ folder, with one rule file rewritten. */
function rulesWith(file: string, edit: (yaml: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "falc-rules-"));
  dirs.push(dir);
  const rules = join(dir, "rules");
  cpSync(defaultRulesDir(), rules, { recursive: true });
  const path = join(rules, "rules", file);
  writeFileSync(path, edit(readFileSync(path, "utf8")));
  return rules;
}

describe("rule files are validated strictly", () => {
  it("rejects an unknown key and names the file", () => {
    const dir = rulesWith("no-etc.yaml", (yaml) => `${yaml}\ncolour: red\n`);
    const error = caught(() => loadRuleSet(dir));
    expect(error.message).toContain("no-etc.yaml");
    expect(error.message).toContain("clé inconnue « colour »");
    expect(error.file).toContain("no-etc.yaml");
  });

  it("rejects a bad severity and names the file", () => {
    const dir = rulesWith("short-sentences.yaml", (yaml) => yaml.replace("severity: warning", "severity: critical"));
    const error = caught(() => loadRuleSet(dir));
    expect(error.message).toContain("short-sentences.yaml");
    expect(error.message).toMatch(/« severity » doit valoir .*critical/);
  });

  it("rejects a missing message and names the file", () => {
    const dir = rulesWith("no-parentheses.yaml", (yaml) => yaml.replace(/^message: .*$/m, ""));
    const error = caught(() => loadRuleSet(dir));
    expect(error.message).toContain("no-parentheses.yaml");
    expect(error.message).toContain("clé obligatoire manquante : « message »");
  });

  it("rejects a parameter of the wrong type, an unknown parameter and an unknown detector", () => {
    const base = { id: "x", kind: "metric", family: "phrases", severity: "info", message: "m", description: "d", source: "s", prompt: "p", examples: { trigger: ["[[a]]", "[[b]]", "[[c]]"], pass: ["a", "b", "c"] } };
    expect(() => validateRule({ ...base, parameters: { measure: "words-per-sentence", max: "douze" } }, "x.yaml")).toThrow(/x\.yaml : « parameters\.max » doit être un nombre/);
    expect(() => validateRule({ ...base, parameters: { measure: "words-per-sentence", max: 12, maxi: 3 } }, "x.yaml")).toThrow(/paramètre inconnu « parameters\.maxi »/);
    expect(() => validateRule({ ...base, kind: "heuristic", parameters: { detector: "telepathy" } }, "x.yaml")).toThrow(/detector/);
    expect(() => validateRule({ ...base, kind: "magic" }, "x.yaml")).toThrow(/« kind » doit valoir/);
  });

  it("rejects examples without a marked span, with too few items, and unknown placeholders", () => {
    const base = { id: "x", kind: "existence", family: "mots", severity: "info", description: "d", source: "s", prompt: "p", parameters: { patterns: ["a"] } };
    const examples = { trigger: ["[[a]]", "[[a]]b", "c[[a]]"], pass: ["b", "c", "d"] };
    expect(() => validateRule({ ...base, message: "m", examples: { ...examples, trigger: ["a", "[[a]]", "[[a]]"] } }, "x.yaml")).toThrow(/marquer le passage attendu/);
    expect(() => validateRule({ ...base, message: "m", examples: { ...examples, pass: ["b"] } }, "x.yaml")).toThrow(/au moins 3 exemples/);
    expect(() => validateRule({ ...base, message: "Trop de {count}", examples }, "x.yaml")).toThrow(/« \{count\} », inconnu ici/);
    expect(validateRule({ ...base, message: "« {match} »", examples }, "x.yaml").id).toBe("x");
  });

  it("checks the word lists: required fields and no expression claimed by two entries", () => {
    expect(() => validateDifficultWords({ entries: [{ match: "afin de" }] }, "dw.yaml")).toThrow(/dw\.yaml : l'entrée « afin de » : il faut « replace » ou « explain »/);
    expect(() => validateDifficultWords({ entries: [{ match: "afin de", replace: "pour" }, { match: "{afin|affin} de", replace: "pour" }] }, "dw.yaml")).toThrow(/produite par deux entrées/);
    expect(() => validateDifficultWords({ entries: [{ match: "référent", replace: "suivi", explainAfter: ["le"] }] }, "dw.yaml")).toThrow(/« explainAfter » ne va qu’avec « explain »/);
    expect(() => validateAcronyms({ acronyms: [{ acronym: "CAF", expansion: "Caisse", read_as_word: "oui" }] }, "ac.yaml")).toThrow(/ac\.yaml : sigle « CAF » : « read_as_word »/);
  });
});

describe("falc.config.json is validated strictly, in French", () => {
  const ruleSet = loadRuleSet();

  it("names the file and suggests the closest id for an unknown rule", () => {
    const error = caught(() => validateConfig({ rules: { "short-sentence": "off" } }, "/projet/falc.config.json", ruleSet));
    expect(error.message).toBe("/projet/falc.config.json : la règle « rules.short-sentence » n'existe pas (vouliez-vous dire « short-sentences » ?).");
    expect(error.file).toBe("/projet/falc.config.json");
    expect(error.exitCode).toBe(2);
  });

  it("rejects a bad severity, a bad parameter and an unknown top-level key, naming the key", () => {
    expect(caught(() => validateConfig({ rules: { "no-etc": "fatal" } }, "c.json", ruleSet)).message).toMatch(/c\.json : « rules\.no-etc » doit valoir « off », « info », « warning », « error »/);
    expect(caught(() => validateConfig({ rules: { "short-sentences": { severity: "grave" } } }, "c.json", ruleSet)).message).toMatch(/« rules\.short-sentences\.severity »/);
    expect(caught(() => validateConfig({ rules: { "short-sentences": { max: "douze" } } }, "c.json", ruleSet)).message).toMatch(/« rules\.short-sentences\.max » doit être un nombre/);
    expect(caught(() => validateConfig({ rules: { "short-sentences": { errorAbove: 5 } } }, "c.json", ruleSet)).message).toMatch(/errorAbove/);
    expect(caught(() => validateConfig({ regles: {} }, "c.json", ruleSet)).message).toMatch(/clé inconnue « regles » \(vouliez-vous dire « rules » \?\)/);
    expect(caught(() => validateConfig({ acronyms: { caf: "Caisse" } }, "c.json", ruleSet)).message).toMatch(/« acronyms\.caf »/);
  });

  it("reports invalid JSON with the file name", () => {
    const dir = mkdtempSync(join(tmpdir(), "falc-config-"));
    dirs.push(dir);
    const file = join(dir, "falc.config.json");
    writeFileSync(file, "{ rules: ");
    const message = caught(() => loadConfig(file, ruleSet)).message;
    expect(message).toContain(`${file} : JSON invalide`);
    expect(message).not.toMatch(/Unexpected|Expected|position/);
  });

  it("is found upward from the input's folder", () => {
    const dir = mkdtempSync(join(tmpdir(), "falc-config-"));
    dirs.push(dir);
    const nested = join(dir, "a", "b");
    mkdirSync(nested, { recursive: true });
    expect(findConfigFile(nested)).toBeUndefined();
    writeFileSync(join(dir, "falc.config.json"), JSON.stringify({ rules: { "no-etc": "off" } }));
    expect(findConfigFile(nested)).toBe(join(dir, "falc.config.json"));
    expect(resolveConfig({ inputPath: join(nested, "contrat.docx") }, ruleSet)?.rules["no-etc"]).toBe("off");
  });

  it("switches rules off, changes severities and parameters, adds words and acronyms", () => {
    const config = validateConfig(
      {
        rules: { "no-etc": "off", "short-sentences": { severity: "info", max: 8, errorAbove: 30 }, "no-parentheses": "error" },
        words: { "usager de la route": "piéton" },
        acronyms: { CRF: "Centre de rééducation fonctionnelle" },
        ignoreAcronyms: ["ADAPEI"],
      },
      "c.json",
      ruleSet,
    );
    const effective = applyConfig(ruleSet, config);
    expect(effective.disabled).toEqual(["no-etc"]);
    expect(effective.rulesVersion).toBe(ruleSet.rulesVersion);
    expect(effective.effectiveVersion).not.toBe(ruleSet.effectiveVersion);
    const text = "Vous venez avec votre carte, etc. Le CRF et l'ADAPEI (Lyon) accueillent tout usager de la route ici.";
    const findings = checkText(text, effective);
    expect(findings.some((f) => f.ruleId === "no-etc")).toBe(false);
    const long = findings.find((f) => f.ruleId === "short-sentences");
    expect(long?.severity).toBe("info");
    expect(findings.find((f) => f.ruleId === "no-parentheses")?.severity).toBe("error");
    const usager = findings.find((f) => f.ruleId === "no-difficult-administrative-words");
    expect(usager?.suggestion).toBe("piéton");
    const acronyms = findings.filter((f) => f.ruleId === "no-acronyms-or-explain");
    expect(acronyms.map((f) => text.slice(f.offset, f.offset + f.length))).toEqual(["CRF"]);
    expect(acronyms[0]!.suggestion).toBe("CRF veut dire : Centre de rééducation fonctionnelle.");
    // The shipped rule set is left untouched.
    expect(checkText(text, ruleSet).some((f) => f.ruleId === "no-etc")).toBe(true);
  });
});
