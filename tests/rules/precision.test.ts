import { describe, expect, it } from "vitest";
import { loadRuleSet } from "../../src/config/ruleset.js";
import { checkText } from "../../src/rules/engine.js";

/**
 * Realistic sentences from contracts and rules of establishments: what each rule must report, and
 * above all what it must leave alone (a linter that cries wolf is ignored).
 */
const ruleSet = loadRuleSet();

function spans(ruleId: string, text: string): string[] {
  return checkText(text, ruleSet, { only: [ruleId] }).map((f) => text.slice(f.offset, f.offset + f.length));
}

describe("no false positives on ordinary contract text", () => {
  it("« ne … que » is not a negation, « ne … pas » is", () => {
    expect(spans("positive-sentences", "Le résident ne paie que les repas pris dans l'établissement.")).toEqual([]);
    expect(spans("positive-sentences", "Il ne reste plus que trois chambres libres cette année.")).toEqual([]);
    expect(spans("positive-sentences", "Le résident ne paie pas les repas pris à l'extérieur.")).toEqual(["ne paie pas"]);
  });

  it("« Mme », « M. DUPONT » and acronyms are not shouted capitals", () => {
    expect(spans("no-all-caps-words", "Mme Martin et M. DUPONT Jean signent avec la MDPH et la CAF.")).toEqual([]);
    expect(spans("no-all-caps-words", "ATTENTION : le portail est fermé à 20 heures.")).toEqual(["ATTENTION"]);
  });

  it("« 12 h 30 », a phone number, an e-mail, a web address and a date are not special characters", () => {
    const text = "Le repas est servi à 12 h 30. Appelez le 04 78 12 34 56 ou écrivez à accueil@ehpad-tilleuls.fr (voir www.ehpad-tilleuls.fr/tarifs) avant le 01/09/2025.";
    expect(spans("no-special-characters", text)).toEqual([]);
    expect(spans("no-abbreviations", "Le repas est servi à 12 h 30.")).toEqual([]);
  });

  it("hyphenated compounds are not dashes; a dash between spaces is", () => {
    expect(spans("no-special-characters", "Le rez-de-chaussée accueille l'après-midi un atelier peut-être ouvert aux grands-parents.")).toEqual([]);
    expect(spans("no-special-characters", "Les visites – sauf le dimanche – sont libres.")).toEqual(["–", "–"]);
  });

  it("an acronym defined in the same text is reported only before its definition", () => {
    const defined = "Le conseil de la vie sociale (CVS) se réunit 3 fois par an. Le CVS donne son avis.";
    expect(spans("no-acronyms-or-explain", defined)).toEqual([]);
    const glossary = "MDPH : Maison départementale des personnes handicapées.\n\nVotre dossier part à la MDPH.";
    expect(spans("no-acronyms-or-explain", glossary)).toEqual([]);
    const named = "La Maison départementale des personnes handicapées est aussi appelée MDPH. La MDPH étudie votre demande.";
    expect(spans("no-acronyms-or-explain", named)).toEqual([]);
    const late = "Envoyez le dossier à la MDPH. La MDPH, c'est la Maison départementale des personnes handicapées.";
    expect(spans("no-acronyms-or-explain", late)).toEqual(["MDPH"]);
  });

  it("« XXIe siècle » is a Roman numeral, not an acronym; « CDI » is an acronym, not a numeral", () => {
    const text = "Au XXIe siècle, vous signez un CDI.";
    expect(spans("no-roman-numerals", text)).toEqual(["XXIe"]);
    expect(spans("no-acronyms-or-explain", text)).toEqual(["CDI"]);
    expect(spans("no-all-caps-words", text)).toEqual([]);
  });

  it("an accented acronym (ÉSAT) is an acronym with its expansion", () => {
    const [finding] = checkText("Il travaille dans un ÉSAT.", ruleSet, { only: ["no-acronyms-or-explain"] });
    expect(finding?.suggestion).toBe("ÉSAT veut dire : Établissement et service d'accompagnement par le travail.");
  });

  it("an all-capital title is one finding, its unknown short words are not acronyms", () => {
    const title = "RÈGLEMENT DE FONCTIONNEMENT DU FOYER";
    expect(spans("no-all-caps-words", title)).toEqual([title]);
    expect(spans("no-acronyms-or-explain", title)).toEqual([]);
  });

  it("« un », « une » and idioms are not numbers; numbers in words are", () => {
    expect(spans("digits-not-words", "Une infirmière et un aide-soignant passent dans un deux-pièces.")).toEqual([]);
    expect(spans("digits-not-words", "Le préavis est de trente jours et le dépôt de deux mois.")).toEqual(["trente", "deux"]);
  });

  it("prices, years, phone numbers and reference numbers are not big numbers", () => {
    const text = "Le prix de journée est de 2 150,35 euros en 2025. Dossier n° 123456. Appelez le 01 23 45 67 89.";
    expect(spans("avoid-big-numbers-percentages", text)).toEqual([]);
    expect(spans("avoid-big-numbers-percentages", "Le tarif augmente de 3 % et concerne 12 500 personnes.")).toEqual(["3 %", "12 500"]);
  });

  it("conditional forms, not imperfects or look-alike words", () => {
    expect(spans("no-conditional", "Il entrait, il tirait la porte, il préparait le repas, mais jamais le portrait ni le retrait.")).toEqual([]);
    expect(spans("no-conditional", "Vous devriez prévenir : nous pourrions alors vous aider et il faudrait signer.")).toEqual(["devriez", "pourrions", "faudrait"]);
  });

  it("passive voice, not verbs conjugated with « être » or reflexives", () => {
    expect(spans("active-voice", "Elle est arrivée hier. Il s'est inscrit à l'atelier. Nous sommes partis tôt. C'est interdit.")).toEqual([]);
    expect(spans("active-voice", "Les repas sont préparés sur place et la facture est envoyée chaque mois.")).toEqual(["sont préparés", "est envoyée"]);
  });

  it("difficult words with a replacement in the right form", () => {
    const findings = checkText("Vous sollicitez une aide. Il percevra l'allocation. Les frais sont acquittés.", ruleSet, { only: ["no-difficult-administrative-words"] });
    expect(findings.map((f) => f.suggestion)).toEqual(["demandez", "recevra", "payés"]);
  });

  it("simple connectors: « or » the metal is not « Or » the connector", () => {
    expect(spans("simple-connectors", "Elle porte une bague en or.")).toEqual([]);
    expect(spans("simple-connectors", "Vous avez payé. Or, la facture a changé.")).toEqual(["Or"]);
  });

  it("a reader addressed with « vous » is fine; « le résident » as subject is not", () => {
    expect(spans("address-reader-directly", "Vous pouvez recevoir vos proches. Le directeur vous reçoit.")).toEqual([]);
    expect(spans("address-reader-directly", "Le résident peut recevoir ses proches.")).toEqual(["Le résident"]);
  });

  it("a full date with the right weekday passes; a wrong weekday is reported", () => {
    expect(spans("full-dates", "Le contrat commence le lundi 3 mars 2025.")).toEqual([]);
    expect(spans("full-dates", "Le contrat commence le mardi 3 mars 2025.")).toEqual(["mardi 3 mars 2025"]);
  });
});

describe("the contract fixture gives informative, not overwhelming, findings", () => {
  it("reports each kind of problem the fixture holds, and easy-words stays a handful", async () => {
    const { readFileSync } = await import("node:fs");
    const text = readFileSync(new URL("./fixtures/contrat-de-sejour.txt", import.meta.url), "utf8");
    const findings = checkText(text, ruleSet);
    const count = (id: string): number => findings.filter((f) => f.ruleId === id).length;
    const words = text.split(/\s+/).length;
    expect(count("easy-words")).toBeGreaterThan(0);
    expect(count("easy-words")).toBeLessThan(words / 50);
    for (const id of ["short-sentences", "active-voice", "no-difficult-administrative-words", "address-reader-directly", "no-acronyms-or-explain", "full-dates", "digits-not-words", "no-all-caps-words"]) {
      expect(count(id), id).toBeGreaterThan(0);
    }
    expect(findings.filter((f) => f.severity === "error").map((f) => f.ruleId)).toEqual(["short-sentences", "short-sentences", "short-sentences", "short-sentences"]);
  });
});
