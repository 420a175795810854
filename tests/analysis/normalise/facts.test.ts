import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../src/analysis/normalise/index.js";

/** Facts as "type value" strings, in text order. */
function facts(text: string): string[] {
  return extractFacts(text).map((f) => `${f.type} ${f.value}`);
}

describe("amounts", () => {
  it.each([
    ["Le prix de journée est de 74,50 €.", ["amount EUR:74.50"]],
    ["Le prix de journée est de 74,50 € TTC.", ["amount EUR:74.50"]],
    ["soit 74,50 euros par jour", ["amount EUR:74.50"]],
    ["soit 74 euros et 50 centimes par jour", ["amount EUR:74.50"]],
    ["soit 74 € 50 par jour", ["amount EUR:74.50"]],
    ["soit 74€50.", ["amount EUR:74.50"]],
    ["soit soixante-quatorze euros cinquante.", ["amount EUR:74.50"]],
    ["soit soixante-quatorze euros et cinquante centimes", ["amount EUR:74.50"]],
    ["Un dépôt de garantie de 2 235 € est demandé.", ["amount EUR:2235.00"]],
    ["Un dépôt de garantie de 2\u00A0235\u00A0€ est demandé.", ["amount EUR:2235.00"]],
    ["Un dépôt de garantie de 2\u202F235 € est demandé.", ["amount EUR:2235.00"]],
    ["Un dépôt de garantie de 2235 euros est demandé.", ["amount EUR:2235.00"]],
    ["Un dépôt de garantie de 2.235 € est demandé.", ["amount EUR:2235.00"]],
    ["Le tarif est de 2 235,00 euros par mois.", ["amount EUR:2235.00"]],
    ["Le budget est de 12 k€.", ["amount EUR:12000.00"]],
    ["Le budget est de 1,2 M€.", ["amount EUR:1200000.00"]],
    ["Le budget est de 1,5 million d'euros.", ["amount EUR:1500000.00"]],
    ["Le budget est de deux millions d’euros.", ["amount EUR:2000000.00"]],
    ["Le forfait est de 20 € par jour.", ["amount EUR:20.00"]],
    ["Une pièce de 50 centimes.", ["amount EUR:0.50"]],
    ["Le loyer est de 1 234,56 €/mois.", ["amount EUR:1234.56"]],
    ["La taxe est de 74.50 €.", ["amount EUR:74.50"]],
    ["Le prix est de CHF 50.– par jour.", ["amount CHF:50.00"]],
    ["Le prix est de 120 francs par jour.", ["amount CHF:120.00"]],
    ["entre 50 et 100 € par mois", ["amount EUR:50.00", "amount EUR:100.00"]],
  ])("%s", (text, expected) => {
    expect(facts(text)).toEqual(expected);
  });

  it("does not take a following count for cents", () => {
    expect(facts("Le prix est de 74 € 50 places sont prévues.")).toEqual(["amount EUR:74.00", "number 50"]);
    expect(facts("Le prix est de 500 € et 3 mois de préavis.")).toEqual(["amount EUR:500.00", "duration P3M"]);
  });
});

describe("durations", () => {
  it.each([
    ["un préavis de trente jours", ["duration P30D"]],
    ["un préavis de 30 jours", ["duration P30D"]],
    ["un préavis d'un mois", ["duration P1M"]],
    ["un préavis de 1 mois", ["duration P1M"]],
    ["un contrat d'un an", ["duration P1Y"]],
    ["pour une durée de trois mois", ["duration P3M"]],
    ["pendant six mois", ["duration P6M"]],
    ["un délai de rétractation de quinze jours", ["duration P15D"]],
    ["dans un délai de huit jours", ["duration P8D"]],
    ["Nous répondons sous 48 heures.", ["duration PT48H"]],
    ["dans les 24 heures", ["duration PT24H"]],
    ["une absence de plus de 72 heures", ["duration PT72H"]],
    ["pendant 2 heures", ["duration PT2H"]],
    ["une absence d'une durée supérieure à vingt-quatre heures", ["duration PT24H"]],
    ["au-delà de 48 heures d'absence", ["duration PT48H"]],
    ["prévenir au moins quarante-huit heures à l'avance", ["duration PT48H"]],
    ["Le repas dure deux heures.", ["duration PT2H"]],
    ["Prévenez 2 heures avant.", ["duration PT2H"]],
    ["une séance d'une durée de 1 h 30", ["duration PT1H30M"]],
    ["une séance de 2 heures 30 minutes", ["duration PT2H30M"]],
    ["pendant 45 minutes", ["duration PT45M"]],
    ["une demi-heure de pause", ["duration PT30M"]],
    ["deux semaines de congé", ["duration P2W"]],
    ["2 ans et demi", ["duration P2.5Y"]],
    ["un mois et demi", ["duration P1.5M"]],
    ["30 jours ouvrés", ["duration P30D[ouvrés]"]],
    ["10 jours ouvrables", ["duration P10D[ouvrables]"]],
    ["30 jours francs", ["duration P30D[francs]"]],
    ["10 jours calendaires", ["duration P10D"]],
    ["les personnes âgées de plus de 60 ans", ["duration P60Y"]],
    ["2 ou 3 jours", ["duration P2D", "duration P3D"]],
    ["de 10 à 15 jours", ["duration P10D", "duration P15D"]],
  ])("%s", (text, expected) => {
    expect(facts(text)).toEqual(expected);
  });

  it("keeps « 24 h/24 » and « 7 jours sur 7 » as round-the-clock facts, not durations", () => {
    expect(facts("Une équipe est présente 24 h/24 et 7 jours sur 7.")).toEqual(["number 24/24", "number 7/7"]);
    expect(facts("Joignable 24h/24, 7j/7.")).toEqual(["number 24/24", "number 7/7"]);
  });

  it("does not read « une seconde fois » or « années-lumière » as durations", () => {
    expect(facts("Il demande une seconde fois.")).toEqual([]);
    expect(facts("à 75 années-lumière")).toEqual(["number 75"]);
  });
});

describe("times", () => {
  it.each([
    ["Les visites ont lieu de 10 h à 19 h 30.", ["time 10:00", "time 19:30"]],
    ["Le déjeuner est servi à 12 h 00.", ["time 12:00"]],
    ["Le déjeuner est servi à 12h.", ["time 12:00"]],
    ["Le déjeuner est servi à midi.", ["time 12:00"]],
    ["Le déjeuner est servi à 12:00.", ["time 12:00"]],
    ["Le déjeuner est servi à douze heures.", ["time 12:00"]],
    ["Le dîner est servi à 18h45.", ["time 18:45"]],
    ["Goûter à dix heures trente.", ["time 10:30"]],
    ["Goûter à 16 heures 30.", ["time 16:30"]],
    ["Rendez-vous à 9 heures et quart.", ["time 09:15"]],
    ["La porte ferme à minuit.", ["time 00:00"]],
    ["Déjeuner à midi et demi.", ["time 12:30"]],
    ["Ouvert du lundi au vendredi de 9h à 17h.", ["time 09:00", "time 17:00"]],
    ["Les visites ont lieu de 10 à 12 h.", ["time 10:00", "time 12:00"]],
    ["entre 14 et 18 heures", ["time 14:00", "time 18:00"]],
    ["Le goûter est à 16 h avant la sieste.", ["time 16:00"]],
    ["Les portes ouvrent dès 7 h 30.", ["time 07:30"]],
    ["10 heures par semaine", ["duration PT10H"]],
  ])("%s", (text, expected) => {
    expect(facts(text)).toEqual(expected);
  });

  it("does not read « l'après-midi » as noon", () => {
    expect(facts("Les animations ont lieu l'après-midi.")).toEqual([]);
    expect(facts("Les animations ont lieu l'après midi.")).toEqual([]);
  });
});

describe("percentages", () => {
  it.each([
    ["15 % du montant", ["percent 15"]],
    ["15% du montant", ["percent 15"]],
    ["15\u00A0% du montant", ["percent 15"]],
    ["15 pour cent du montant", ["percent 15"]],
    ["quinze pour cent du montant", ["percent 15"]],
    ["15 pour 100 du montant", ["percent 15"]],
    ["15 sur 100", ["percent 15"]],
    ["un taux de 5,5 %", ["percent 5.5"]],
    ["entre 10 et 20 %", ["percent 10", "percent 20"]],
  ])("%s", (text, expected) => {
    expect(facts(text)).toEqual(expected);
  });

  it("leaves « la moitié » and « un quart » alone", () => {
    expect(facts("La moitié du prix est remboursée, un quart reste à payer.")).toEqual([]);
  });
});

describe("contacts", () => {
  it.each([
    ["Tél. : 01 23 45 67 89", ["phone +33123456789"]],
    ["Tél. : 01.23.45.67.89", ["phone +33123456789"]],
    ["Tél. : 01-23-45-67-89", ["phone +33123456789"]],
    ["Tél. : 0123456789", ["phone +33123456789"]],
    ["Tél. : +33 1 23 45 67 89", ["phone +33123456789"]],
    ["Tél. : +33 (0)1 23 45 67 89", ["phone +33123456789"]],
    ["Tél. : 0033 1 23 45 67 89", ["phone +33123456789"]],
    ["Numéro vert : 0 800 123 456", ["phone +33800123456"]],
    ["Tél. : +41 21 345 67 89", ["phone +41213456789"]],
    ["Tél. : 021 345 67 89", ["phone 0213456789"]],
    ["Écrire à accueil@ehpad-les-tilleuls.fr.", ["email accueil@ehpad-les-tilleuls.fr"]],
    ["Écrire à Accueil@EHPAD-Les-Tilleuls.fr", ["email accueil@ehpad-les-tilleuls.fr"]],
    [
      "Voir https://www.service-public.fr/particuliers/vosdroits/F1234.",
      ["url service-public.fr/particuliers/vosdroits/F1234"],
    ],
    ["Voir www.service-public.fr/.", ["url service-public.fr"]],
    ["Voir le site service-public.fr, rubrique Aides.", ["url service-public.fr"]],
    ["(voir ars.sante.fr)", ["url ars.sante.fr"]],
  ])("%s", (text, expected) => {
    expect(facts(text)).toEqual(expected);
  });

  it("does not read the digits of a phone as numbers or a date", () => {
    expect(facts("Appelez le 01 02 03 04 05 ou le 15.")).toEqual(["phone +33102030405", "number 15"]);
  });
});

describe("legal references", () => {
  it.each([
    ["selon l'article L. 311-4 du Code de l'action sociale et des familles", ["legal-reference art:L311-4:CASF"]],
    ["selon l'article L.311-4 du CASF", ["legal-reference art:L311-4:CASF"]],
    ["selon l’article L311-4 CASF", ["legal-reference art:L311-4:CASF"]],
    ["selon l'article L. 311-4", ["legal-reference art:L311-4"]],
    ["art. R. 314-149 du code de l'action sociale et des familles", ["legal-reference art:R314-149:CASF"]],
    ["l'article 1240 du Code civil", ["legal-reference art:1240:CCIV"]],
    ["l'article L. 1111-6 du code de la santé publique", ["legal-reference art:L1111-6:CSP"]],
    ["Article 3 – Durée du contrat", ["legal-reference art:3"]],
    ["ARTICLE 12 : Résiliation", ["legal-reference art:12"]],
    ["article premier", ["legal-reference art:1"]],
    ["article 12 bis", ["legal-reference art:12bis"]],
    [
      "les articles L. 311-3 et L. 311-4 du CASF",
      ["legal-reference art:L311-3:CASF", "legal-reference art:L311-4:CASF"],
    ],
    ["loi n° 2002-2 du 2 janvier 2002", ["legal-reference loi:2002-2", "date 2002-01-02"]],
    ["décret n° 2004-1274 du 26 novembre 2004", ["legal-reference decret:2004-1274", "date 2004-11-26"]],
    ["l'arrêté du 8 septembre 2003", ["legal-reference arrete:2003-09-08", "date 2003-09-08"]],
  ])("%s", (text, expected) => {
    expect(facts(text)).toEqual(expected);
  });

  it("does not make an article of a count after a singular « article »", () => {
    expect(facts("selon l'article 12 et 30 jours après")).toEqual(["legal-reference art:12", "duration P30D"]);
  });
});

describe("numbers", () => {
  it.each([
    ["La résidence compte 80 lits.", ["number 80"]],
    ["Le linge est changé deux fois par semaine.", ["number 2"]],
    ["Le linge est changé 2 fois par semaine.", ["number 2"]],
    ["Le linge est changé une fois par mois.", ["number 1"]],
    ["La chambre est au 1er étage.", ["number 1"]],
    ["La chambre est au premier étage.", ["number 1"]],
    ["La chambre est au deuxième étage.", ["number 2"]],
    ["Le paiement a lieu le 1er de chaque mois.", ["number 1"]],
    ["payable avant le 10 de chaque mois", ["number 10"]],
    ["chambre n° 12", ["number 12"]],
    ["dossier n° 2016-114", ["number 2016-114"]],
    ["vingt et un résidents", ["number 21"]],
    ["soixante-dix places", ["number 70"]],
    ["quatre-vingt-dix-neuf places", ["number 99"]],
    ["nonante places", ["number 90"]],
    ["deux cent trente-cinq repas", ["number 235"]],
    ["2 235 repas", ["number 2235"]],
    ["un taux de 1.5", ["number 1.5"]],
    ["voir le point 3.2.1", ["number 3.2.1"]],
    ["trois quarts des résidents", ["number 3"]],
    ["neuf résidents", ["number 9"]],
  ])("%s", (text, expected) => {
    expect(facts(text)).toEqual(expected);
  });

  it.each([
    "Vous avez une chambre.",
    "Les deux parties signent le contrat.",
    "Un appareil neuf est fourni.",
    "En premier lieu, lisez ce document.",
    "Les premiers jours sont difficiles.",
    "La moitié du prix.",
    "Un tiers peut vous aider.",
  ])("finds no number in %j", (text) => {
    expect(facts(text)).toEqual([]);
  });

  it("reads a number restated in brackets once, with its unit", () => {
    expect(facts("Le préavis est fixé à trente (30) jours.")).toEqual(["duration P30D"]);
    expect(facts("un dépôt de 30 (trente) euros")).toEqual(["amount EUR:30.00"]);
    expect(facts("deux (2) fois par an")).toEqual(["number 2"]);
  });

  it("takes a capitalised ordinal inside a sentence for a name", () => {
    expect(facts("sous la Première République")).toEqual([]);
    expect(facts("Première étape : signer.")).toEqual(["number 1"]);
  });

  it("shares a unit only inside a range", () => {
    expect(facts("Le 2 à 10 h.")).toEqual(["number 2", "time 10:00"]);
    expect(facts("Accueil : 8h-12h / 14h-18h.")).toEqual(["time 08:00", "time 12:00", "time 14:00", "time 18:00"]);
    expect(facts("pour les 10-12 ans")).toEqual(["duration P10Y", "duration P12Y"]);
  });

  it("skips list and heading numbering at the start of a line", () => {
    expect(facts("1. Les visites\n2) Les repas\n3.2 Les horaires\na) Le linge\nIV. Les tarifs")).toEqual([]);
    expect(facts("### 4.1 Prix de journée\n- 2. les repas")).toEqual([]);
    expect(facts("Voir le point 4.1 Prix.")).toEqual(["number 4.1"]);
  });
});

describe("overlaps", () => {
  it("never reports a number that is part of a larger fact", () => {
    const text =
      "À compter du 01/03/2026, le prix de 74,50 € est dû sous 30 jours ; appeler le 01 23 45 67 89 " +
      "ou voir l'article L. 311-4 du CASF, à 10 h 30, 15 % en plus.";
    expect(facts(text)).toEqual([
      "date 2026-03-01",
      "amount EUR:74.50",
      "duration P30D",
      "phone +33123456789",
      "legal-reference art:L311-4:CASF",
      "time 10:30",
      "percent 15",
    ]);
  });

  it("gives offsets that point at the fact as written", () => {
    const text = "Le dépôt de 2 235 € est rendu dans un délai de trente jours.";
    for (const fact of extractFacts(text)) expect(text.slice(fact.start, fact.end)).toBe(fact.text);
    expect(extractFacts(text).map((f) => f.text)).toEqual(["2 235 €", "trente jours"]);
  });
});
