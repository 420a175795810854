import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../src/analysis/normalise/index.js";
import { checkFacts } from "../../../src/rewrite/fidelity.js";

/** What the fidelity guard reports for an original and its rewrite, as the texts a reviewer sees. */
function guard(original: string, rewrite: string): { missing: string[]; added: string[]; toCheck: string[] } {
  const r = checkFacts(original, rewrite);
  return { missing: r.missing.map((f) => f.text), added: r.added.map((f) => f.text), toCheck: r.toCheck.map((f) => f.text) };
}
const clean = { missing: [], added: [], toCheck: [] };

// Each pair is a faithful FALC rewrite that raised a false alarm on real documents (issue 17).
describe("faithful rewrites raise no alarm", () => {
  it.each([
    // A decimal before a full stop: the stop ends the sentence, not the number.
    ["La déclaration suit le RGAA version 4.1.", "Le site suit les règles du RGAA version 4.1."],
    ["Conforme au RGAA 4.1. Audit réalisé en 2024.", "Le site respecte le RGAA 4.1.\nIl a été vérifié en 2024."],
    // Number words and digits are the same value, in both directions.
    ["Les deux familles assurent la permanence.", "Les 2 familles assurent la permanence."],
    ["Les 2 familles assurent la permanence.", "Les deux familles assurent la permanence."],
    ["La seconde permanence a lieu le mardi.", "La deuxième permanence a lieu le mardi."],
    ["La seconde permanence a lieu le mardi.", "La 2e permanence a lieu le mardi."],
    ["Le tarif est double le dimanche.", "Le dimanche, le tarif est 2 fois plus cher."],
    ["Vous payez la moitié du prix.", "Vous payez 50 % du prix."],
    ["Une réponse sous quinzaine.", "Nous répondons en 15 jours."],
    // An article is not a count where the text names a day.
    ["Toute modification d’un jour de permanence doit être signalée.", "Vous changez votre jour de permanence ?\nDites-le."],
    ["Toute modification d’un jour de permanence doit être signalée.", "Vous changez 1 jour de permanence ?\nDites-le."],
    // Unit synonyms are one unit.
    ["Les familles assurent 5 journées par semaine.", "Les familles assurent 5 jours par semaine."],
    ["La crèche ferme 2 journées.", "La crèche ferme pendant 2 jours."],
    ["Le contrat dure 1 année.", "Le contrat dure 1 an."],
    ["La réunion dure 2 heures.", "La réunion dure 2 h."],
    ["Chaque famille assure un jour par semaine.", "Chaque famille assure 1 jour par semaine."],
    // tests/data/fidelity-real: « une fois » before a participle or « que » is « once », not a count.
    [
      "Le départ des parents se fait avant 9 h 45 heures et ne pas venir les chercher avant 16 heures 30, sauf exception et une fois les professionnels informés à l'avance.",
      "Le matin, vous partez de la crèche avant 9 h 45.\nLe soir, ne venez pas chercher votre enfant avant 16 h 30.\nVous pouvez venir plus tôt dans un cas exceptionnel.\nDans ce cas, prévenez les professionnels à l’avance.",
    ],
    ["Une fois le dossier complet, la crèche vous appelle.", "La crèche vous appelle quand le dossier est complet."],
    ["Une fois que la facture est reçue, vous payez.", "Vous recevez la facture.\nPuis vous payez."],
    // « consécutifs » between the unit and its qualifier, or the qualifier in brackets, is the same fact.
    [
      "Aucune journée d’absence pour maladie ne sera déduite, sauf maladies supérieure à 4 jours consécutifs ouvrés justifiée par un certificat médical.",
      "Vous payez quand même ces jours d’absence.\nSauf si votre enfant est malade plus de 4 jours ouvrés de suite.\nDans ce cas, vous donnez un certificat médical.",
    ],
    [
      "Absence pour cause de maladie supérieure à au moins 4 jours consécutifs (jours ouvrés), après avis du médecin de crèche.",
      "Votre enfant est malade plus de 4 jours ouvrés de suite, avec l’avis du médecin de la crèche.",
    ],
    ["La crèche ferme 3 semaines entières en août.", "La crèche ferme 3 semaines en août."],
    ["Le préavis est de 30 jours calendaires.", "Vous prévenez 30 jours avant."],
    // « APRES MIDI » in capitals is the afternoon, not noon.
    [
      "MATIN : 8h30 – 13h30 et APRES MIDI : 13 ou 15h – 19h.",
      "La permanence du matin va de 8 h 30 à 13 h 30.\nLa permanence de l’après-midi va de 13 h ou 15 h jusqu’à 19 h.",
    ],
    // A relative year kept as written.
    ["Les revenus pris en compte sont ceux de l’année n-2.", "Le calcul prend vos revenus de l’année n-2."],
  ])("« %s » → « %s »", (original, rewrite) => {
    expect(guard(original, rewrite)).toEqual(clean);
  });

  it("reads a decimal and a version number whole, whatever follows", () => {
    expect(extractFacts("RGAA version 4.1.").map((f) => f.value)).toEqual(["4.1"]);
    expect(extractFacts("RGAA 4.1, puis 4.10.").map((f) => f.value)).toEqual(["4.1", "4.10"]);
    // Still a section number when a third part follows, and an amount with a unit.
    expect(extractFacts("Voir 3.2.1 ; prix 74.50 €.").map((f) => f.value)).toEqual(["3.2.1", "EUR:74.50"]);
  });

  it("keeps an article before a unit as a duration where the text counts", () => {
    const durations = (text: string) => extractFacts(text).filter((f) => f.type === "duration").map((f) => f.value);
    expect(durations("pendant un jour")).toEqual(["P1D"]);
    expect(durations("Nous répondons dans un mois.")).toEqual(["P1M"]);
    expect(durations("un préavis d’un mois")).toEqual(["P1M"]);
    expect(durations("Chaque famille assure un jour par semaine.")).toEqual(["P1D"]);
    expect(durations("Le préavis est fixé à un mois.")).toEqual(["P1M"]);
    expect(durations("la modification d’un jour de permanence")).toEqual([]);
    expect(durations("Une semaine de vacances est prévue en été.")).toEqual(["P1W"]);
  });

  it("reads « une fois » as a count only where it counts", () => {
    const numbers = (text: string) => extractFacts(text).filter((f) => f.type === "number").map((f) => f.text);
    expect(numbers("sauf exception et une fois les professionnels informés à l'avance")).toEqual([]);
    expect(numbers("Une fois inscrit, votre enfant peut venir.")).toEqual([]);
    expect(numbers("Une fois l’inscription faite, payez la cotisation.")).toEqual([]);
    expect(numbers("Le linge est changé une fois par mois.")).toEqual(["une"]);
    expect(numbers("Les parents se réunissent une fois l’an.")).toEqual(["une"]);
    expect(numbers("La permanence revient une fois tous les 15 jours.")).toEqual(["une"]);
    expect(numbers("Il faut le signaler au moins une fois dans l’année.")).toEqual(["une"]);
  });

  it("keeps in a duration the qualifiers that change it, skips those that do not", () => {
    const durations = (text: string) => extractFacts(text).filter((f) => f.type === "duration").map((f) => `${f.value} ${f.text}`);
    expect(durations("plus de 4 jours consécutifs ouvrés")).toEqual(["P4D[ouvrés] 4 jours consécutifs ouvrés"]);
    expect(durations("au moins 4 jours consécutifs (jours ouvrés)")).toEqual(["P4D[ouvrés] 4 jours consécutifs (jours ouvrés)"]);
    expect(durations("10 jours ouvrables consécutifs")).toEqual(["P10D[ouvrables] 10 jours ouvrables"]);
    expect(durations("un délai de 15 jours francs")).toEqual(["P15D[francs] 15 jours francs"]);
    expect(durations("2 pleines journées")).toEqual(["P2D 2 pleines journées"]);
    expect(durations("5 ans révolus")).toEqual(["P5Y 5 ans révolus"]);
    expect(durations("30 jours calendaires")).toEqual(["P30D 30 jours calendaires"]);
  });

  it("reads « APRES MIDI » as the afternoon, « à MIDI » as noon", () => {
    const times = (text: string) => extractFacts(text).filter((f) => f.type === "time").map((f) => f.text);
    expect(times("APRES MIDI : 15h")).toEqual(["15h"]);
    expect(times("Aprés midi, la crèche est calme.")).toEqual([]);
    expect(times("Le repas est servi à MIDI.")).toEqual(["MIDI"]);
  });

  it("reads a relative year (« année n-2 ») as a date fact", () => {
    expect(extractFacts("les revenus de l’année n-2").map((f) => `${f.type} ${f.value} ${f.text}`)).toEqual(["date N-2 année n-2"]);
    expect(extractFacts("les revenus N-1").map((f) => `${f.type} ${f.value}`)).toEqual(["date N-1"]);
    // Without a word of years before it, « N-1 » may be a level of a hierarchy.
    expect(extractFacts("le responsable N-1").map((f) => f.type)).toEqual([]);
  });
});

describe("a value the rewrite only makes explicit is « à vérifier », not added", () => {
  it.each([
    ["Le contrat annuel est signé en septembre.", "Le contrat dure 1 an.\nVous le signez en septembre.", "1 an"],
    ["La cotisation est mensuelle.", "Vous payez la cotisation pour 1 mois.", "1 mois"],
    ["Une réunion trimestrielle a lieu.", "Une réunion a lieu tous les 3 mois.", "3 mois"],
    // A relative year made explicit (tests/data/fidelity-real, capucine-plafond).
    ["Les revenus à prendre en compte sont ceux de l’année n-2 (cf article 46).", "Le calcul prend vos revenus d’il y a 2 ans (voir l’article 46).", "2 ans"],
  ])("« %s » → « %s »", (original, rewrite, explicit) => {
    expect(guard(original, rewrite)).toEqual({ missing: [], added: [], toCheck: [explicit] });
  });

  it("« mensuel » → « chaque mois » states no number: nothing to check", () => {
    expect(guard("La facture est mensuelle.", "Vous recevez la facture chaque mois.")).toEqual(clean);
  });
});

describe("planted changes are still caught", () => {
  it.each([
    ["Le site respecte le RGAA version 4.1.", "Le site respecte le RGAA version 4.0.", ["4.1"], ["4.0"]],
    ["Le site respecte le RGAA 4.1.", "Le site respecte le RGAA 4.", ["4.1"], ["4"]],
    ["Les deux familles assurent la permanence.", "Les trois familles assurent la permanence.", [], ["trois"]],
    ["Les deux familles assurent la permanence.", "Les 3 familles assurent la permanence.", [], ["3"]],
    ["Il y a deux familles.", "Il y a trois familles.", ["deux"], ["trois"]],
    ["La seconde permanence a lieu le mardi.", "La troisième permanence a lieu le mardi.", [], ["troisième"]],
    ["Chaque famille assure un jour par semaine.", "Chaque famille assure deux jours par semaine.", ["un jour"], ["deux jours"]],
    ["Chaque famille assure un jour par semaine.", "Chaque famille assure sa permanence.", ["un jour"], []],
    ["Les familles assurent 5 journées par semaine.", "Les familles assurent 4 jours par semaine.", ["5 journées"], ["4 jours"]],
    ["Le contrat annuel est signé en septembre.", "Le contrat dure 2 ans.\nVous le signez en septembre.", [], ["2 ans"]],
    ["Une réponse sous quinzaine.", "Nous répondons en 30 jours.", [], ["30 jours"]],
    // Issue 17: the fixes for false alarms hide no real change.
    ["Le linge est changé une fois par mois.", "Le linge est changé deux fois par mois.", ["une"], ["deux"]],
    ["Absence de plus de 4 jours consécutifs ouvrés.", "Absence de plus de 4 jours de suite.", ["4 jours consécutifs ouvrés"], ["4 jours"]],
    ["Absence de plus de 4 jours consécutifs ouvrés.", "Absence de plus de 4 jours calendaires.", ["4 jours consécutifs ouvrés"], ["4 jours calendaires"]],
    ["Absence de plus de 4 jours consécutifs ouvrés.", "Absence de plus de 5 jours ouvrés de suite.", ["4 jours consécutifs ouvrés"], ["5 jours ouvrés"]],
    ["La permanence finit à MIDI.", "La permanence finit à 13 h.", ["MIDI"], ["13 h"]],
    ["Les revenus pris en compte sont ceux de l’année n-2.", "Le calcul prend vos revenus de l’année dernière.", ["année n-2"], []],
    ["Les revenus pris en compte sont ceux de l’année n-2.", "Le calcul prend vos revenus d’il y a 3 ans.", ["année n-2"], ["3 ans"]],
  ])("« %s » → « %s »", (original, rewrite, missing, added) => {
    const r = guard(original, rewrite);
    expect({ missing: r.missing, added: r.added }).toEqual({ missing, added });
    expect(r.toCheck).toEqual([]);
  });
});
