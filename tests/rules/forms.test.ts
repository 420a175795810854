import { describe, expect, it } from "vitest";
import { loadRuleSet } from "../../src/config/ruleset.js";
import { Locator } from "../../src/model/locate.js";
import { UnitContext } from "../../src/rules/context.js";
import { findingsForText } from "../../src/rules/engine.js";
import { allocateMemoBit, memoized, WordList } from "../../src/rules/text/features.js";
import { wordForm, wordFormAt } from "../../src/rules/text/forms.js";

const ruleSet = loadRuleSet();

describe("word forms are shared records", () => {
  it("gives one record per form, whatever the text it is read from", () => {
    const a = new UnitContext("Le contrat est signé.", 0, 0, new Map());
    const b = new UnitContext("Un autre contrat.", 0, 0, new Map());
    expect(a.wordForm[1]).toBe(b.wordForm[2]);
    expect(a.wordForm[1]!.lower).toBe("contrat");
    expect(wordFormAt("le contrats", 3, 10)).toBe(a.wordForm[1]);
    expect(wordForm("contrats")).not.toBe(a.wordForm[1]);
  });

  it("splits an elided clitic off its host word, with the record of each part", () => {
    const ctx = new UnitContext("L’aide arrive jusqu'ici.", 0, 0, new Map());
    expect(ctx.wordLower).toEqual(["l'", "aide", "arrive", "jusqu'", "ici"]);
    expect(ctx.wordForm.map((form) => form.lower)).toEqual(ctx.wordLower);
    expect(wordForm("l'aide").head).toBe(ctx.wordForm[0]);
    expect(wordForm("l'aide").tail).toBe(ctx.wordForm[1]);
  });

  it("tells apart forms of the same length and the same ends", () => {
    const forms = ["parlent", "partent", "parient", "pa-lent", "paalent"].map((form) => wordForm(form));
    expect(new Set(forms).size).toBe(5);
    expect(forms.map((form) => form.lower)).toEqual(["parlent", "partent", "parient", "pa-lent", "paalent"]);
  });
});

describe("memoised answers", () => {
  it("answer a word list the same from the record as from the list itself", () => {
    const list = new WordList(["contrat", "séjour"], false);
    const ctx = new UnitContext("Le contrat de séjour, le contrat.", 0, 0, new Map());
    const answers = ctx.wordLower.map((_, i) => list.hasWord(ctx, i));
    expect(answers).toEqual(ctx.wordLower.map((lower) => list.has(lower)));
    expect(answers).toEqual([false, true, false, true, false, true]);
  });

  it("ask the question once per form, and every time when no bit is left", () => {
    const bits = Array.from({ length: 40 }, () => allocateMemoBit());
    expect(bits.at(-1)).toBe(0);
    let asked = 0;
    const question = (lower: string): boolean => {
      asked++;
      return lower.length > 3;
    };
    const form = wordForm("mémoire");
    const withBit = bits.find((bit) => bit !== 0)!;
    expect([memoized(form, withBit, question), memoized(form, withBit, question)]).toEqual([true, true]);
    expect(asked).toBe(1);
    expect([memoized(form, 0, question), memoized(form, 0, question)]).toEqual([true, true]);
    expect(asked).toBe(3);
  });
});

describe("findings are placed as the Locator places them", () => {
  const lines = ["Bonjour.", "", "Vous arrivez le matin. Le contrat est signé par le directeur (M. Dupont).", "Il faut remplir le formulaire ; ensuite, il sera signé par la directrice."];

  for (const [label, text] of [
    ["a text in the BMP", lines.join("\n")],
    ["a text with characters outside the BMP", lines.join("\n").replace("Bonjour.", "Bonjour 😀.").replace("ensuite", "𝒆nsuite")],
  ] as const) {
    it(`gives the same line and column for ${label}`, () => {
      const findings = findingsForText(text, ruleSet);
      expect(findings.length).toBeGreaterThan(3);
      const locator = new Locator(text);
      for (const finding of findings) expect({ line: finding.line, column: finding.column }).toEqual(locator.locate(finding.offset));
    });
  }
});
