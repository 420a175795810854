import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inclusiveMarks } from "../../src/analysis/inclusive.js";
import { loadRuleSet } from "../../src/config/ruleset.js";
import { ingestFile } from "../../src/ingest/index.js";
import type { UnitContext } from "../../src/rules/context.js";
import { checkDocument, checkText } from "../../src/rules/engine.js";

const ruleSet = loadRuleSet();
const REAL = "/work/shared/corpus/real-docs";

/** « ruleId[text] » for each finding of the given rules. */
function flagged(text: string, only: string[]): string[] {
  return checkText(text, ruleSet, { only }).map((f) => `${f.ruleId}[${text.slice(f.offset, f.offset + f.length)}]`);
}

describe("form fields are no text to check", () => {
  const FORM = "Nom(s) : _ _ _ _ _ _ Prénom(s) : ________\n\nDate de naissance : __/__/____ ☐ oui ☐ non [ ] autre |__|__|__|\n\nFait à ........, le ..../..../........";

  it("no rule reports anything inside a field", () => {
    for (const finding of checkText(FORM, ruleSet)) {
      const text = FORM.slice(finding.offset, finding.offset + finding.length);
      // A sentence finding may cover a field; a finding made of field characters only may not exist.
      expect(/^[\s_.…/☐[\]|]+$/u.test(text), `${finding.ruleId} « ${text} »`).toBe(false);
    }
    // Worked by hand: « _ », « / », « [ ] », « | » are all inside fields, « (s) » is a plural mark.
    expect(flagged(FORM, ["no-special-characters", "no-parentheses", "simple-punctuation"])).toEqual([]);
  });

  it("splits no sentence at a blank of dots and counts no word in a field", () => {
    const units: UnitContext[] = [];
    checkText("Nom : ........ Prénom : ........ Âge : ☐ 18 ans ou plus", ruleSet, { only: ["short-sentences"], onUnit: (ctx) => units.push(ctx) });
    expect(units).toHaveLength(1);
    expect(units[0]!.sentences.map((s) => s.text)).toEqual(["Nom : ........ Prénom : ........ Âge : ☐ 18 ans ou plus"]);
    // Nom, Prénom, Âge, 18, ans, ou, plus: the dots and the box are no words.
    expect(units[0]!.sentenceWordCount(0)).toBe(7);
  });
});

describe("identifiers are not flagged", () => {
  it("big numbers: not a standard's number nor a phone number of another country", () => {
    expect(flagged("La norme EN 301 549 s'applique au site.", ["avoid-big-numbers-percentages"])).toEqual([]);
    expect(flagged("Appelez le 021 557 06 60 ou le +41 21 557 06 60.", ["avoid-big-numbers-percentages"])).toEqual([]);
    expect(flagged("La résidence a reçu 12 000 visiteurs.", ["avoid-big-numbers-percentages"])).toEqual(["avoid-big-numbers-percentages[12 000]"]);
  });

  it("special characters: not the star of a form number, still a star of the text", () => {
    expect(flagged("Formulaire 16030*01, cerfa n° 13788*01.", ["no-special-characters"])).toEqual([]);
    expect(flagged("Si applicable *, cochez la case.", ["no-special-characters"])).toEqual(["no-special-characters[*]"]);
  });

  it("roman numerals: not a surname in capitals, nor « Le » or « De » after a bracket or a sign", () => {
    expect(flagged("Pierre VIC est venu.", ["no-roman-numerals"])).toEqual([]);
    expect(flagged("Signé : [Dupont] Le directeur.", ["no-roman-numerals"])).toEqual([]);
    expect(flagged("Jean Dupont # De nouveaux horaires.", ["no-roman-numerals"])).toEqual([]);
    expect(flagged("Ce siècle est long.", ["no-roman-numerals"])).toEqual([]);
    expect(flagged("Le château date de Louis XIV.", ["no-roman-numerals"])).toEqual(["no-roman-numerals[XIV]"]);
    expect(flagged("Au XXIe siècle.", ["no-roman-numerals"])).toEqual(["no-roman-numerals[XXIe]"]);
  });
});

describe("plural and gender marks are no parentheses", () => {
  const SAMPLES = [
    "Nom(s) et prénom(s) de la (ou des) personne(s) inscrit(e)s.",
    "Le(la) conjoint(e) est né(e) le 3 mai (voir la fiche).",
    "Pathologie (s) associée(s-) au(x) préposé(s) (MDPH).",
    "Vos nom(s) (en majuscules) sont demandés.",
  ];

  it("the rule's exclude and analysis/inclusive.ts agree: every other bracket is flagged", () => {
    for (const text of SAMPLES) {
      const marks = inclusiveMarks(text).map((m) => text.slice(m.start, m.end));
      const groups = [...text.matchAll(/\([^()]*\)/g)].map((m) => m[0]).filter((group, i, all) => all.indexOf(group) === i);
      const expected = groups.filter((group) => !marks.includes(group)).map((group) => `no-parentheses[${group}]`);
      expect(flagged(text, ["no-parentheses"]), text).toEqual(expected);
    }
    // Worked by hand for the first sample: « (s) », « (s) », « (e) » are marks, « (ou des) » is an aside.
    expect(inclusiveMarks(SAMPLES[0]!).map((m) => SAMPLES[0]!.slice(m.start, m.end))).toEqual(["(s)", "(s)", "(s)", "(e)"]);
    expect(flagged(SAMPLES[0]!, ["no-parentheses"])).toEqual(["no-parentheses[(ou des)]"]);
  });
});

describe.skipIf(!existsSync(REAL))("on real forms", () => {
  it("the Cerfa form: no special character inside a blank (566 findings before fields were known)", async () => {
    const document = await ingestFile(join(REAL, "domifa-cerfa-attestation-election-domicile.pdf"));
    const findings = checkDocument(document, ruleSet, { only: ["no-special-characters", "no-parentheses"] });
    const texts = findings.map((f) => document.text.slice(f.offset, f.offset + f.length));
    expect(texts.filter((t) => /^[_/\s]+$/u.test(t))).toEqual([]);
    expect(texts.filter((t) => t === "(s)")).toEqual([]);
    // What is left is the text's own « * » (a footnote call and its note): a handful, not hundreds.
    expect(findings.filter((f) => f.ruleId === "no-special-characters").length).toBeLessThanOrEqual(4);
  });

  it("the EVAM letter: a Swiss phone number is no big number, a mail-merge field no special character", async () => {
    const document = await ingestFile(join(REAL, "evam-prise-en-charge-lunettes.docx"));
    const findings = checkDocument(document, ruleSet, { only: ["avoid-big-numbers-percentages", "no-special-characters"] });
    const texts = findings.map((f) => `${f.ruleId}[${document.text.slice(f.offset, f.offset + f.length)}]`);
    expect(texts.filter((t) => t.startsWith("avoid-big-numbers-percentages"))).toEqual([]);
    expect(texts.filter((t) => t.includes("_"))).toEqual([]);
  });
});
