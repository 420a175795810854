import { describe, expect, it } from "vitest";
import type { Bank } from "../../src/pictograms/banks.js";
import { builtinBank } from "../../src/pictograms/builtin.js";
import { blockKeywords, choosePictograms } from "../../src/pictograms/choose.js";
import { indexBank } from "../../src/pictograms/index.js";
import { candidatesFor, chooseInOrder, THRESHOLD } from "../../src/pictograms/matcher.js";
import { keyOf } from "../../src/pictograms/normalise.js";
import { mainNouns } from "../../src/pictograms/nouns.js";
import { parseAnswer, REWRITE_SCHEMA } from "../../src/rewrite/answer.js";

/** A bank named by hand: file → names (tags after a « | »). */
function bank(id: string, files: Record<string, string>, builtin = false): Bank {
  return {
    info: { id, label: id, builtin },
    entries: Object.entries(files).map(([file, names], rank) => {
      const [own = "", loose = ""] = names.split("|");
      return { file, names: own.split(",").filter(Boolean), tags: loose.split(",").filter(Boolean), rank };
    }),
    load: async () => ({ type: "png", data: new Uint8Array(), width: 1, height: 1 }),
  };
}

const HOUSE = bank("maison", { "repas.png": "repas", "bus.png": "bus", "tableau.png": "tableau", "lit.png": "lit", "chambre.png": "chambre", "plage.png": "|vacances" });
const names = (chosen: ReturnType<typeof chooseInOrder>) => chosen.map((candidate) => candidate?.entry.file ?? null);

describe("comparison keys", () => {
  it("leave out accents, capitals, articles, elisions and plurals, on both sides", () => {
    expect(keyOf("Les Médecins traitants")).toBe("medecin traitant");
    expect(keyOf("médecin-traitant")).toBe(keyOf("medecin_traitant"));
    expect(keyOf("Salles de bains")).toBe(keyOf("salle de bain"));
    expect(keyOf("l’eau")).toBe("eau");
    expect(keyOf("journaux")).toBe("journal");
    expect(keyOf("Éducatrices")).toBe(keyOf("éducateur"));
    expect(keyOf("infirmières")).toBe(keyOf("infirmier"));
  });
});

describe("a keyword's picture", () => {
  const banks = [indexBank(HOUSE)];

  it("is the picture named by it (1), by a synonym (0.95), or by its first word (0.97)", () => {
    expect(candidatesFor("Repas", banks)[0]).toMatchObject({ score: 1, idea: keyOf("repas") });
    expect(candidatesFor("déjeuners", banks)[0]).toMatchObject({ score: 0.95, idea: keyOf("repas") });
    expect(candidatesFor("bus de la ville", banks)[0]).toMatchObject({ score: 0.97 });
  });

  it("is none below the threshold: a loose keyword of a picture is not enough", () => {
    // « vacances » is only a loose keyword of plage.png (Unicode's keywords are such).
    expect(candidatesFor("vacances", banks)[0]!.score).toBeLessThan(THRESHOLD);
    expect(chooseInOrder([["vacances"]], banks)).toEqual([undefined]);
    expect(chooseInOrder([["vacances scolaires"]], banks)).toEqual([undefined]);
    expect(candidatesFor("avion", banks)).toEqual([]);
    // A name the synonym table knows is its own idea: « salle à manger » is no « salle ».
    expect(chooseInOrder([["papiers d’identité"]], [indexBank(bank("b", { "papier.png": "papier" }))])).toEqual([undefined]);
  });
});

describe("the pictures of consecutive blocks", () => {
  const banks = [indexBank(bank("b", { "lit.png": "lit", "repas.png": "repas", "bus.png": "bus" }))];

  it("never show the same picture for two different ideas next to each other: the next candidate, or none", () => {
    // « dormir » and « sieste » are the idea « lit »; « chambre » is another idea that the same picture could show.
    const twoIdeas = bank("b", { "lit.png": "lit,chambre", "repas.png": "repas" });
    expect(names(chooseInOrder([["lit"], ["chambre"]], [indexBank(twoIdeas)]))).toEqual(["lit.png", null]);
    expect(names(chooseInOrder([["lit"], ["chambre", "repas"]], [indexBank(twoIdeas)]))).toEqual(["lit.png", "repas.png"]);
    // Even with a block without picture between them.
    expect(names(chooseInOrder([["lit"], ["voiture"], ["chambre"]], [indexBank(twoIdeas)]))).toEqual(["lit.png", null, null]);
  });

  it("do not repeat a picture for a block that goes on with the same idea, but show it again further on", () => {
    expect(names(chooseInOrder([["dormir"], ["sieste"], ["bus"], ["lit"]], banks))).toEqual(["lit.png", null, "bus.png", "lit.png"]);
  });

  it("take the first keyword's picture unless a later one matches clearly better", () => {
    expect(names(chooseInOrder([["bus", "repas"]], banks))).toEqual(["bus.png"]);
    expect(names(chooseInOrder([["car", "repas"]], banks))).toEqual(["bus.png"]);
    expect(names(chooseInOrder([["transport en commun vers la ville", "repas"]], banks))).toEqual(["repas.png"]);
  });
});

describe("keywords of a block", () => {
  it("are the model's when it gave some, none when it gave an empty list", () => {
    expect(blockKeywords({ type: "paragraph", sentences: ["Le repas est à midi."], pictogram: ["horloge", "repas"] })).toEqual(["horloge", "repas"]);
    expect(blockKeywords({ type: "paragraph", sentences: ["Le repas est à midi."], pictogram: [] })).toEqual([]);
    expect(blockKeywords({ type: "table" })).toEqual([]);
  });

  it("are the main nouns otherwise (offline rewrite, text corrected by hand), the nouns of time last", () => {
    expect(mainNouns("Le matin, vous prenez le **petit déjeuner** à 7 heures.")).toEqual(["petit déjeuner", "matin"]);
    expect(mainNouns("Votre éducateur vous attend à l’entrée.")).toEqual(["éducateur", "entrée"]);
    expect(mainNouns("Le foyer a une salle de bain pour chaque chambre.")).toEqual(["salle de bain", "chambre"]);
    expect(mainNouns("Les visites commencent à 14 heures.")).toEqual(["visites"]);
    expect(mainNouns("Le directeur s’appelle Étienne Lebrun.")).toEqual(["directeur"]);
    expect(mainNouns("Vous avez le droit de donner votre avis.")).toEqual([]);
    expect(mainNouns("Vous venez en fauteuil roulant ou par téléphone.")).toEqual(["fauteuil roulant", "téléphone"]);
  });

  it("of a list come from its intro, then from what each item is about", () => {
    const list = { type: "list", intro: "Voici les personnes du foyer :", items: ["le directeur, il signe les contrats", "les éducateurs, ils vous aident pour les repas"] };
    expect(blockKeywords(list)).toEqual(["directeur", "éducateurs"]);
  });
});

describe("choosing the pictures of a conversion", () => {
  it("goes over the sections in order and keeps each image once, with the banks it used", async () => {
    const sections = [
      { index: 0, rewrite: { blocks: [{ type: "paragraph", sentences: ["Le repas est servi à midi."] }, { type: "paragraph", sentences: ["Le dîner est servi à 19 heures."] }] } },
      { index: 1, rewrite: { blocks: [{ type: "table" }, { type: "paragraph", sentences: ["Vous prenez le bus."], pictogram: ["bus"] }] } },
      { index: 2, rewrite: { blocks: [{ type: "paragraph", sentences: ["C’est important."] }] } },
    ];
    const plan = await choosePictograms(sections, [builtinBank()]);
    expect(plan.sections.get(0)).toEqual([{ block: 0, bank: "openmoji", file: "fork-and-knife-with-plate.svg", keyword: "repas", score: 1 }]);
    expect(plan.sections.get(1)).toEqual([{ block: 1, bank: "openmoji", file: "bus.svg", keyword: "bus", score: 1 }]);
    expect(plan.sections.has(2)).toBe(false);
    expect([...plan.images.keys()]).toEqual(["openmoji/fork-and-knife-with-plate.svg", "openmoji/bus.svg"]);
    expect(plan.banks.map((info) => info.id)).toEqual(["openmoji"]);
    expect(plan.warnings).toEqual([]);
  });
});

describe("the answer schema", () => {
  it("lets the model propose up to 3 keywords per paragraph or list, and no more", () => {
    const blocks = REWRITE_SCHEMA.properties.blocks.items.anyOf;
    expect(blocks[0].properties.pictogram).toMatchObject({ type: "array", maxItems: 3 });
    expect(blocks[1].properties.pictogram).toMatchObject({ type: "array", maxItems: 3 });
    expect("pictogram" in blocks[2].properties).toBe(false);
  });

  it("keeps the keywords trimmed, the first 3, and never refuses an answer for them", () => {
    const answer = {
      title: "Les repas",
      blocks: [
        { type: "paragraph", sentences: ["Le repas est à midi."], pictogram: [" repas ", "assiette", "repas", "horloge", "table"] },
        { type: "list", intro: "Vous avez :", items: ["un lit"], pictogram: "lit" },
        { type: "paragraph", sentences: ["C’est tout."] },
      ],
      glossary: [],
    };
    const parsed = parseAnswer(answer);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.result.blocks).toEqual([
      { type: "paragraph", sentences: ["Le repas est à midi."], pictogram: ["repas", "assiette", "horloge"] },
      { type: "list", intro: "Vous avez :", items: ["un lit"] },
      { type: "paragraph", sentences: ["C’est tout."] },
    ]);
  });
});
