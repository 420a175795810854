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
});

describe("a value the rewrite only makes explicit is « à vérifier », not added", () => {
  it.each([
    ["Le contrat annuel est signé en septembre.", "Le contrat dure 1 an.\nVous le signez en septembre.", "1 an"],
    ["La cotisation est mensuelle.", "Vous payez la cotisation pour 1 mois.", "1 mois"],
    ["Une réunion trimestrielle a lieu.", "Une réunion a lieu tous les 3 mois.", "3 mois"],
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
  ])("« %s » → « %s »", (original, rewrite, missing, added) => {
    const r = guard(original, rewrite);
    expect({ missing: r.missing, added: r.added }).toEqual({ missing, added });
    expect(r.toCheck).toEqual([]);
  });
});
