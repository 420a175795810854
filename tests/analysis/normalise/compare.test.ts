import { describe, expect, it } from "vitest";
import { compareFacts, extractFacts, factsMatch, type Fact } from "../../../src/analysis/normalise/index.js";

function compare(original: string, rewrite: string, countRepeats = false) {
  const result = compareFacts(extractFacts(original), extractFacts(rewrite), { countRepeats });
  const show = (facts: Fact[]) => facts.map((f) => `${f.type} ${f.value}`);
  return {
    checked: result.checked,
    missing: show(result.missing),
    added: show(result.added),
    wrongWeekdays: result.wrongWeekdays.map((f) => f.text),
  };
}

const clean = (checked: number) => ({ checked, missing: [], added: [], wrongWeekdays: [] });

describe("compareFacts: faithful rewrites", () => {
  it.each([
    ["Le préavis est de trente jours.", "Vous devez prévenir 30 jours avant."],
    ["Le prix de journée est de 74,50 €.", "Vous payez 74 euros et 50 centimes par jour."],
    ["Le prix de journée est de 74,50 €.", "Vous payez 74,50 euros par jour."],
    ["Un dépôt de garantie de 2 235 € est demandé.", "Vous donnez 2235 euros à votre arrivée."],
    ["Le tarif s'applique à compter du 01/03/2026.", "Le tarif change le dimanche 1er mars 2026."],
    ["Le déjeuner est servi à 12 h 00.", "Le repas est à midi."],
    ["Le déjeuner est servi à 12h.", "Le repas est à 12:00."],
    ["La durée du contrat est d'un an.", "Le contrat dure 1 an."],
    ["La durée du contrat est d'un an.", "Le contrat dure 12 mois."],
    ["Une remise de 15 % s'applique.", "Vous payez 15 pour cent de moins."],
    ["Le linge est changé deux fois par semaine.", "On change votre linge 2 fois par semaine."],
    ["La chambre est au premier étage.", "Votre chambre est au 1er étage."],
    ["Appelez le 01 23 45 67 89.", "Appelez le 01.23.45.67.89."],
    ["Écrivez à Accueil@Ehpad-Les-Tilleuls.fr.", "Écrivez à accueil@ehpad-les-tilleuls.fr"],
    ["Voir https://www.service-public.fr/.", "Allez sur le site service-public.fr"],
    [
      "conformément à l'article L. 311-4 du Code de l'action sociale et des familles",
      "La loi le dit : article L311-4 du CASF.",
    ],
    ["Le préavis est fixé à trente (30) jours.", "Vous prévenez 30 jours avant."],
    ["Les visites ont lieu de 10 h à 19 h 30.", "Vous pouvez venir de 10 heures à 19 heures 30."],
    ["Les visites ont lieu de 10 à 12 h.", "Vous pouvez venir de 10 h à 12 h."],
    ["Soixante-dix places sont ouvertes.", "Il y a 70 places."],
    ["Septante places sont ouvertes.", "Il y a 70 places."],
  ])("%s → %s", (original, rewrite) => {
    const expected = clean(extractFacts(original).length);
    expect(expected.checked).toBeGreaterThan(0);
    expect(compare(original, rewrite)).toEqual(expected);
  });

  it("accepts a date whose year is dropped or added", () => {
    expect(compare("Entrée le 1er mars 2026.", "Vous arrivez le 1er mars.")).toEqual(clean(1));
    expect(compare("Le loyer est dû le 5 janvier.", "Vous payez le lundi 5 janvier 2026.")).toEqual(clean(1));
  });

  it("does not count a repeated fact in the rewrite as added", () => {
    expect(compare("Le prix est de 74,50 €.", "Vous payez 74,50 €. Oui : 74,50 € chaque jour.")).toEqual(clean(1));
  });

  it("does not count « 1 » as added: the original may have said « une »", () => {
    expect(compare("Vous avez une chambre et une salle de bains.", "Vous avez 1 chambre.")).toEqual(clean(0));
  });

  it("does not count a number taken out of a fact of the original as added", () => {
    expect(compare("Le loyer est payé le 5 mars 2026.", "Vous payez le 5 de chaque mois.")).toEqual({
      checked: 1,
      missing: ["date 2026-03-05"],
      added: [],
      wrongWeekdays: [],
    });
  });
});

describe("compareFacts: unfaithful rewrites", () => {
  it("reports a dropped amount as missing", () => {
    expect(
      compare(
        "Le prix de journée est de 74,50 €. Un dépôt de garantie de 2 235 € est demandé.",
        "Vous payez 74,50 euros par jour.",
      ),
    ).toEqual({ checked: 2, missing: ["amount EUR:2235.00"], added: [], wrongWeekdays: [] });
  });

  it("reports a changed date as missing and added", () => {
    expect(compare("Le contrat commence le 1er mars 2026.", "Le contrat commence le 2 mars 2026.")).toEqual({
      checked: 1,
      missing: ["date 2026-03-01"],
      added: ["date 2026-03-02"],
      wrongWeekdays: [],
    });
  });

  it("reports a changed year", () => {
    expect(compare("Entrée le 1er mars 2026.", "Entrée le 1er mars 2025.")).toMatchObject({
      missing: ["date 2026-03-01"],
      added: ["date 2025-03-01"],
    });
  });

  it("reports an invented number as added", () => {
    expect(compare("Les visites ont lieu de 10 h à 19 h 30.", "Vous pouvez venir de 10 h à 19 h 30. Il y a 3 salons.")).toEqual({
      checked: 2,
      missing: [],
      added: ["number 3"],
      wrongWeekdays: [],
    });
  });

  it("reports an invented phone number", () => {
    expect(compare("Appelez l'accueil.", "Appelez le 01 23 45 67 89.")).toMatchObject({ added: ["phone +33123456789"] });
  });

  it("does not equate durations by convention", () => {
    expect(compare("sous quinze jours", "en 2 semaines")).toMatchObject({ missing: ["duration P15D"], added: ["duration P2W"] });
    expect(compare("sous 48 heures", "en 2 jours")).toMatchObject({ missing: ["duration PT48H"], added: ["duration P2D"] });
  });

  it("reports a lost « ouvrés »", () => {
    expect(compare("un préavis de 30 jours ouvrés", "vous prévenez 30 jours avant")).toMatchObject({
      missing: ["duration P30D[ouvrés]"],
      added: ["duration P30D"],
    });
  });

  it("reports a percentage replaced by words", () => {
    expect(compare("50 % du prix est remboursé.", "La moitié du prix est remboursée.")).toMatchObject({
      missing: ["percent 50"],
      added: [],
    });
  });

  it("reports an amount whose unit was lost", () => {
    expect(compare("Le prix est de 74,50 € par jour.", "Le prix est de 74,50 par jour.")).toMatchObject({
      missing: ["amount EUR:74.50"],
    });
  });

  it("reports a wrong weekday added by the rewrite", () => {
    expect(compare("Entrée le 1er mars 2026.", "Vous arrivez le mardi 1er mars 2026.")).toEqual({
      checked: 1,
      missing: [],
      added: [],
      wrongWeekdays: ["mardi 1er mars 2026"],
    });
  });

  it("counts repeats only on request", () => {
    const original = "Le résident donne un préavis de 30 jours. L'établissement donne un préavis de 30 jours.";
    const rewrite = "Chacun prévient 30 jours avant.";
    expect(compare(original, rewrite)).toEqual(clean(2));
    expect(compare(original, rewrite, true)).toMatchObject({ missing: ["duration P30D"] });
  });

  it("lists every occurrence of a missing fact, with its place", () => {
    const original = "Le prix est de 74,50 €. Rappel : 74,50 € par jour.";
    const result = compareFacts(extractFacts(original), extractFacts("Le prix est fixé chaque année."));
    expect(result.missing.map((f) => original.slice(f.start, f.end))).toEqual(["74,50 €", "74,50 €"]);
  });
});

describe("factsMatch", () => {
  const one = (text: string): Fact => {
    const [fact] = extractFacts(text);
    if (fact === undefined) throw new Error(`no fact in ${text}`);
    return fact;
  };

  it("forgives a time read as a duration for hours written with « h »", () => {
    expect(factsMatch(one("à 10 h"), one("pendant 10 heures"))).toBe(true);
    expect(factsMatch(one("à 1 h 30"), one("pendant 1 h 30"))).toBe(true);
  });

  it("does not mix a clock time written with a colon and a duration", () => {
    expect(factsMatch(one("à 10:00"), one("pendant 10 heures"))).toBe(false);
  });

  it("matches an article with and without its code, but not two codes", () => {
    expect(factsMatch(one("article L. 311-4 du CASF"), one("article L311-4"))).toBe(true);
    expect(factsMatch(one("article 1240 du Code civil"), one("article 1240 du code de la santé publique"))).toBe(false);
  });
});
