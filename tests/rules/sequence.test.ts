import { describe, expect, it } from "vitest";
import { loadRuleSet } from "../../src/config/ruleset.js";
import { FalcError } from "../../src/errors.js";
import { checkText } from "../../src/rules/engine.js";
import { applyFixes } from "../../src/rules/fix/apply.js";
import { validateRule, type RuleSet } from "../../src/rules/schema.js";

/**
 * The `sequence` kind and the fixes, on small rules written here: each feature a rule file can use,
 * with what it must and must not find, and the French errors a rule file gets for a mistake.
 */

const builtIn = loadRuleSet();

const EXAMPLES = { trigger: ["[[a]]", "[[b]]", "[[c]]"], pass: ["a", "b", "c"] };

/** A rule set with only this sequence rule (its examples are not checked here). */
function ruleSetWith(parameters: object, extra: object = {}): RuleSet {
  const rule = validateRule(
    { id: "essai", kind: "sequence", family: "phrases", severity: "warning", message: "« {match} »", description: "d", source: "s", prompt: "p", parameters, examples: EXAMPLES, ...extra },
    "essai.yaml",
  );
  return { ...builtIn, rules: [rule], disabled: [] };
}

const found = (ruleSet: RuleSet, text: string) => checkText(text, ruleSet).map((f) => text.slice(f.offset, f.offset + f.length));

describe("the sequence kind", () => {
  it("matches tokens with gaps that never give back, and stays in one sentence", () => {
    const rules = ruleSetWith({ patterns: [{ tokens: [{ words: ["ne"] }, { notWords: ["que", "pas", "plus"], min: 0, max: 2 }, { words: ["pas", "plus"] }] }] });
    expect(found(rules, "Il ne vient pas. Il ne le lui dit plus. Il ne fait que passer.")).toEqual(["ne vient pas"]);
    expect(found(rules, "Il ne. Pas de visite.")).toEqual([]);
    // A gap that may take « pas » takes it, and does not give it back to the next token.
    const greedy = ruleSetWith({ patterns: [{ tokens: [{ words: ["ne"] }, { notWords: ["que"], min: 0, max: 2 }, { words: ["pas"] }] }] });
    expect(found(greedy, "Il ne voit pas.")).toEqual([]);
  });

  it("reads context before and after, and text around the match", () => {
    const rules = ruleSetWith({
      patterns: [
        { tokens: [{ flags: ["number"], atLeast: 1000 }], notAfter: [{ words: ["personnes"] }], notTextBefore: "n°\\s?$" },
        { tokens: [{ words: ["siècle"], spaced: true }], before: [{ surface: "[IVX]+e" }] },
      ],
    });
    expect(found(rules, "Il y a 2500 lits, 999 chaises et 3000 personnes au n° 4000.")).toEqual(["2500"]);
    expect(found(rules, "Le XXe siècle. Le XXe, siècle.")).toEqual(["siècle"]);
  });

  it("knows the forms of a verb from its lemma", () => {
    const rules = ruleSetWith({ patterns: [{ tokens: [{ lemmas: ["solliciter"] }] }] });
    expect(found(rules, "Vous sollicitez une aide ; il sollicitera l'accueil ; elle solliciterait.")).toEqual(["sollicitez", "sollicitera", "solliciterait"]);
  });

  it("leaves what an antipattern covers, and reports a lone pattern only where no other matched", () => {
    const rules = ruleSetWith({
      patterns: [{ tokens: [{ phrases: ["bien que"] }], variant: "trigger" }, { tokens: [{ words: ["soit"] }], alone: true }],
      antipatterns: [{ tokens: [{ words: ["soit"] }, { words: ["dit"] }] }],
    });
    expect(found(rules, "Bien que ce soit petit. Il faut que ce soit fait. Soit dit en passant.")).toEqual(["Bien que", "soit"]);
  });

  it("escalates several matches in one sentence, and counts matches and signs per sentence", () => {
    const negation = ruleSetWith(
      { patterns: [{ tokens: [{ words: ["ne"] }, { words: ["pas"] }] }], escalate: { atLeast: 2, variant: "double", severity: "error" } },
      { messages: { double: "{count} négations" } },
    );
    const findings = checkText("Il ne pas. Il ne pas et ne pas.", negation);
    expect(findings.map((f) => [f.severity, f.message])).toEqual([["warning", "« ne pas »"], ["error", "2 négations"], ["error", "2 négations"]]);

    const links = ruleSetWith({ count: { max: 2, patterns: [{ tokens: [{ words: ["qui", "mais"] }] }], signs: [";"] } }, { message: "Liens : {matches} ({count} > {max})" });
    expect(checkText("Il vient ; il part mais il reste qui. Un qui.", links).map((f) => f.message)).toEqual(["Liens : « mais », « qui » et « ; » (3 > 2)"]);
  });

  it("refuses a mistake in a pattern with a French message naming the parameter", () => {
    const invalid = (parameters: object) => {
      try {
        ruleSetWith(parameters);
      } catch (error) {
        expect(error).toBeInstanceOf(FalcError);
        return (error as FalcError).message;
      }
      return "";
    };
    expect(invalid({ patterns: [{ tokens: [{ word: ["a"] }] }] })).toMatch(/« parameters\.patterns\[0\]\.tokens\[0\]\.word » est une clé inconnue/);
    expect(invalid({ patterns: [{ tokens: [{ words: ["le chat"] }] }] })).toMatch(/contient « le chat », qui a plusieurs mots : mettez-le dans « phrases »/);
    expect(invalid({ patterns: [{ tokens: [{ list: "absente" }] }] })).toMatch(/« patterns\[0\]\.tokens\[0\]\.list » nomme la liste « absente », absente de « lists »/);
    expect(invalid({ patterns: [{ tokens: [{ words: ["a"], min: 0 }] }] })).toMatch(/doit avoir au moins un mot obligatoire/);
    expect(invalid({ patterns: [{ tokens: [{ regex: "(" }] }] })).toMatch(/« parameters\.patterns\[0\]\.tokens\[0\]\.regex » n'est pas une expression régulière valide/);
    expect(invalid({ patterns: [] })).toMatch(/il faut « patterns » ou « count »/);
  });
});

describe("fixes", () => {
  it("are applied from the end, skip an edit that overlaps one already made, and answer to the guard", () => {
    const rules = ruleSetWith({ patterns: [{ tokens: [{ words: ["self"] }], suggestion: "restaurant" }, { tokens: [{ phrases: ["le self"] }] }] }, { fix: { replace: "{suggestion}" }, examples: { ...EXAMPLES, fixed: [{ before: "a", after: "b" }] } });
    expect(applyFixes("Au self, au self.", rules).text).toBe("Au restaurant, au restaurant.");
    expect(applyFixes("Au self, au self.", rules, { guard: (_before, after) => !after.startsWith("Au restaurant") }).text).toBe("Au self, au restaurant.");
  });

  it("widen the edit, redo elisions, keep quotes and add a sentence after", () => {
    const rules = ruleSetWith(
      { patterns: [{ tokens: [{ words: ["lorsque", "lorsqu'"] }], suggestion: "quand" }, { text: "etc\\." }] },
      {
        fix: [
          { match: "^etc", replace: "", expandBefore: ",\\s*", then: "Ce sont des exemples." },
          { replace: "{suggestion}", elision: true, keepQuotes: true },
        ],
        examples: { ...EXAMPLES, fixed: [{ before: "a", after: "b" }] },
      },
    );
    const fixed = applyFixes("Lorsqu'il part, prévenez l'accueil, le bureau, etc. « Lorsque tu pars »", rules);
    expect([fixed.text, ...fixed.then]).toEqual(["Quand il part, prévenez l'accueil, le bureau « Lorsque tu pars »", "Ce sont des exemples."]);
  });

  it("are refused on a layout rule, and must come with an example", () => {
    const base = { id: "x", kind: "sequence", family: "mots", severity: "info", message: "m", description: "d", source: "s", prompt: "p", parameters: { patterns: [{ tokens: [{ words: ["a"] }] }] } };
    expect(() => validateRule({ ...base, fix: { replace: "b" }, examples: EXAMPLES }, "x.yaml")).toThrow(/« examples\.fixed » doit montrer la correction/);
    expect(() => validateRule({ ...base, fix: { replace: "{nulle}" }, examples: { ...EXAMPLES, fixed: [{ before: "a", after: "b" }] } }, "x.yaml")).toThrow(/« fix\.replace » utilise « \{nulle\} », inconnu ici/);
    expect(() => validateRule({ ...base, fix: { remplace: "b" }, examples: { ...EXAMPLES, fixed: [{ before: "a", after: "b" }] } }, "x.yaml")).toThrow(/« fix\.remplace » est une clé inconnue/);
  });
});
