import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { compareFacts, extractFacts } from "../../src/analysis/normalise/index.js";
import { loadRuleSet } from "../../src/config/ruleset.js";
import { ingestFile } from "../../src/ingest/index.js";
import type { FalcDocument } from "../../src/model/types.js";
import { splitClauses } from "../../src/rewrite/providers/offline/clauses.js";
import { toList } from "../../src/rewrite/providers/offline/enumerations.js";
import { OFFLINE_VERSION, createOfflineProvider, rewriteSection } from "../../src/rewrite/providers/offline/index.js";
import { difficultWordsIn, lexiconTools } from "../../src/rewrite/providers/offline/lexicon.js";
import { moveParentheses } from "../../src/rewrite/providers/offline/parentheses.js";
import { guarded, keepsFacts } from "../../src/rewrite/providers/offline/guard.js";
import { applyFixes } from "../../src/rules/fix/apply.js";
import { validateDifficultWords } from "../../src/rules/lexicon/validate.js";
import { rewriteSentence } from "../../src/rewrite/providers/offline/units.js";
import { rewriteToText } from "../../src/rewrite/text.js";
import type { RewriteRequest, RewriteResult } from "../../src/rewrite/types.js";
import { analyzeText } from "../../src/score/analyze.js";

const ruleSet = loadRuleSet();
const tools = lexiconTools(ruleSet);
/** The word-level steps are the rules' fixes: these apply the fixes of one or two rules. */
const fixedBy = (only: string[]) => (text: string) => applyFixes(text, ruleSet, { only }).text;
const substituteWords = fixedBy(["no-difficult-administrative-words"]);
const plainConnectors = fixedBy(["simple-connectors", "address-reader-directly"]);
const dashesToCommas = fixedBy(["no-special-characters"]);
const numbersToDigits = fixedBy(["digits-not-words"]);
const fullDates = fixedBy(["full-dates"]);
const removeEtc = (text: string) => {
  const fixed = applyFixes(text, ruleSet, { only: ["no-etc"] });
  return { text: fixed.text, removed: fixed.then.length > 0 };
};
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "fixtures");
const ADMINISTRATIVE = ["contrat-de-sejour", "reglement-de-fonctionnement", "livret-d-accueil"];
const ALL = [...ADMINISTRATIVE, "livret-falc"];

function request(sectionTitle: string, text: string): RewriteRequest {
  return { documentTitle: "Test", sectionIndex: 0, sectionTitle, text };
}

const sentencesOf = (result: RewriteResult): string[] =>
  result.blocks.flatMap((b) => (b.type === "paragraph" ? b.sentences : b.type === "list" ? [...(b.intro !== undefined ? [b.intro] : []), ...b.items] : []));

describe("the fidelity guard of each step", () => {
  it("undoes a step that changes, loses or adds a fact", () => {
    expect(keepsFacts("Le préavis est de trente jours.", "Le préavis est de 30 jours.")).toBe(true);
    expect(keepsFacts("Le préavis est de trente jours.", "Le préavis est de 3 jours.")).toBe(false);
    expect(keepsFacts("Le prix est de 74,50 €.", "Le prix est payé.")).toBe(false);
    expect(keepsFacts("Le prix est payé.", "Le prix est payé le 01/03/2026.")).toBe(false);
    expect(guarded("Venez à 10 h.", (s) => s.replace("10", "11"))).toBe("Venez à 10 h.");
  });
});

describe("step 1: clauses", () => {
  it("cuts at a semicolon between two clauses", () => {
    expect(
      splitClauses(
        "Un avenant précisant les objectifs et les prestations adaptés à la personne est élaboré dans un délai de six mois suivant l'admission ; il est actualisé chaque année, ou plus tôt si l'évolution de l'état de santé du résident le justifie.",
      ),
    ).toEqual([
      "Un avenant précisant les objectifs et les prestations adaptés à la personne est élaboré dans un délai de six mois suivant l'admission.",
      "Il est actualisé chaque année, ou plus tôt si l'évolution de l'état de santé du résident le justifie.",
    ]);
  });

  it("cuts at « , et » and drops the « et »", () => {
    expect(
      splitClauses(
        "Il définit les droits et les obligations de l'établissement et de la personne accueillie, avec toutes les conséquences juridiques qui en résultent, et il doit être lu conjointement avec le règlement de fonctionnement.",
      ),
    ).toEqual([
      "Il définit les droits et les obligations de l'établissement et de la personne accueillie, avec toutes les conséquences juridiques qui en résultent.",
      "Il doit être lu conjointement avec le règlement de fonctionnement.",
    ]);
  });

  it("keeps « car » as « C'est parce que », with its elision", () => {
    expect(splitClauses("Vous devez prévenir l'équipe, car elle organise les repas.")).toEqual([
      "Vous devez prévenir l'équipe.",
      "C'est parce qu'elle organise les repas.",
    ]);
  });

  it("cuts at a bare « et » before a subject", () => {
    expect(splitClauses("Il comprend l'ensemble des prestations du socle minimal et il est payable chaque mois, à terme échu.")).toEqual([
      "Il comprend l'ensemble des prestations du socle minimal.",
      "Il est payable chaque mois, à terme échu.",
    ]);
  });

  it("never cuts a list of nouns, a condition, or after a relative clause", () => {
    expect(splitClauses("Le prix comprend le linge, les repas, et le ménage.")).toEqual(["Le prix comprend le linge, les repas, et le ménage."]);
    expect(splitClauses("Si vous êtes malade, l'infirmière vient, et elle appelle le médecin.")).toEqual([
      "Si vous êtes malade, l'infirmière vient, et elle appelle le médecin.",
    ]);
    expect(
      splitClauses("En cas d'hospitalisation, la chambre est conservée et le tarif hébergement est réduit dans les mêmes conditions."),
    ).toHaveLength(1);
    expect(splitClauses("Les personnes qui sont malades et les visiteurs sont priés de rester dehors.")).toHaveLength(1);
  });

  it("takes the clause after « ; » up to the next « ; »", () => {
    expect(
      splitClauses(
        "En cas d'absence de l'enfant, il vous est demandé de prévenir le secrétariat au moins 24 heures à l'avance ; sinon, et sauf cas de force majeure, la séance ne pourra pas être reportée.",
      ),
    ).toEqual([
      "En cas d'absence de l'enfant, il vous est demandé de prévenir le secrétariat au moins 24 heures à l'avance.",
      "Sinon, et sauf cas de force majeure, la séance ne pourra pas être reportée.",
    ]);
    expect(splitClauses("Prévenez le secrétariat la veille ; la séance est alors reportée.")).toEqual([
      "Prévenez le secrétariat la veille.",
      "La séance est alors reportée.",
    ]);
  });
});

describe("step 2: numbers in digits", () => {
  it("writes number words in digits", () => {
    expect(numbersToDigits("Un séjour temporaire d'une durée inférieure à quatre-vingt-dix jours peut être convenu.")).toBe(
      "Un séjour temporaire d'une durée inférieure à 90 jours peut être convenu.",
    );
    expect(numbersToDigits("Un dépôt de trente jours de tarif, soit deux mille deux cent trente-cinq euros.")).toBe(
      "Un dépôt de 30 jours de tarif, soit 2235 euros.",
    );
  });

  it("keeps articles, « both », « neuf » meaning new, and the rule's idioms", () => {
    expect(numbersToDigits("Le document est signé par les deux parties, en deux exemplaires, pour une période d'un mois.")).toBe(
      "Le document est signé par les deux parties, en 2 exemplaires, pour une période d'un mois.",
    );
    expect(numbersToDigits("Il faut se mettre en quatre pour un lit neuf.")).toBe("Il faut se mettre en quatre pour un lit neuf.");
  });
});

describe("step 3: full dates", () => {
  it("writes numeric dates in full with the weekday", () => {
    expect(fullDates("Le présent contrat est conclu à compter du 01/03/2026, date d'entrée effective du résident.")).toBe(
      "Le présent contrat est conclu à compter du dimanche 1er mars 2026, date d'entrée effective du résident.",
    );
  });

  it("adds the weekday to a written date, not to a range or a date that has one", () => {
    expect(fullDates("le décret n° 2004-1274 du 26 novembre 2004")).toBe("le décret n° 2004-1274 du vendredi 26 novembre 2004");
    // A wrong weekday is the original's (reported, never corrected); a day and month without a year has no weekday.
    expect(fullDates("La réunion a lieu le mardi 1er mars 2026, du 1er au 15 avril 2026 et le 10/12.")).toBe(
      "La réunion a lieu le mardi 1er mars 2026, du 1er au 15 avril 2026 et le 10/12.",
    );
  });
});

describe("step 4: acronyms", () => {
  it("turns « Expansion (SIGLE) » into the words, then a sentence that explains the acronym", () => {
    const result = rewriteSection(
      request(
        "Article 9 – Révision du contrat",
        "Article 9 – Révision du contrat\n\nToute modification fait l'objet d'un avenant soumis au Conseil de la vie sociale (CVS) pour information. Le CVS se réunit trois fois par an.",
      ),
      ruleSet,
    );
    expect(result.title).toBe("Article 9 : Révision du contrat");
    expect(result.blocks).toEqual([
      {
        type: "paragraph",
        sentences: [
          "Toute modification fait l'objet d'un avenant soumis au Conseil de la vie sociale pour information.",
          "CVS veut dire Conseil de la vie sociale.",
          "Le CVS se réunit 3 fois par an.",
        ],
      },
    ]);
    expect(result.glossary).toContainEqual({ word: "CVS", explanation: "Conseil de la vie sociale" });
    expect(result.glossary).toContainEqual({ word: "avenant", explanation: "changement écrit ajouté au contrat" });
    // « faire l'objet de » → « avoir » is a turn of phrase, not a word a glossary explains.
    expect(result.glossary.map((g) => g.word)).toEqual(["avenant", "CVS"]);
  });

  it("explains a bare acronym before its first use only", () => {
    const result = rewriteSection(request("Le dossier", "Votre dossier est envoyé à la MDPH. La MDPH répond en 4 mois."), ruleSet);
    expect(sentencesOf(result)).toEqual([
      "MDPH veut dire Maison départementale des personnes handicapées.",
      "Votre dossier est envoyé à la MDPH.",
      "La MDPH répond en 4 mois.",
    ]);
  });
});

describe("step 5: plain words", () => {
  const cases: Array<[string, string]> = [
    ["Ce livret d'accueil a été conçu afin de vous présenter le service.", "Ce livret d'accueil a été conçu pour vous présenter le service."],
    ["Vous remplissez ce document préalablement à l'entrée.", "Vous remplissez ce document avant l'entrée."],
    ["Le cas échéant, la famille est prévenue lors du départ.", "Si besoin, la famille est prévenue pendant le départ."],
    ["Il est restitué au résident dans un délai de trente jours.", "Il est rendu au résident dans les trente jours."],
    ["Les prestations qui lui sont délivrées.", "Les prestations qui lui sont données."],
    ["Vous devez en informer l'éducateur préalablement.", "Vous devez en informer l'éducateur avant."],
    ["À défaut d'accord, il appartient au résident de choisir.", "Sans accord, c'est au résident de choisir."],
    ["Vous percevez l'allocation et vous sollicitez une aide.", "Vous recevez l'allocation et vous demandez une aide."],
    ["En cas de litiges, le présent avenant s'applique.", "En cas de désaccords, cet avenant s'applique."],
    ["Dans le cas où il refuse, le contrat est résilié.", "S'il refuse, le contrat est arrêté."],
    ["Ils sont susceptibles d'être adaptés en fonction des activités et des saisons.", "Ils peuvent être adaptés en fonction des activités et des saisons."],
  ];
  it.each(cases)("%s", (original, expected) => {
    expect(substituteWords(original)).toBe(expected);
  });

  it("leaves what does not fit: an adverb before its object, « un délai d'un mois », quotes, a coordinated complement", () => {
    for (const text of [
      "Vous devez en informer préalablement l'éducateur.",
      "Il est modifié dans un délai d'un mois.",
      "de façon à ce que l'équipe puisse venir",
      "établi en application de l'article L. 311-7 du Code et du décret n° 2003-1095",
      "Vous venez afin de lire et de signer le contrat.",
    ]) {
      expect(substituteWords(text)).toBe(text);
    }
    expect(substituteWords("Écrivez « Lu et approuvé » et signez le présent contrat.")).toBe("Écrivez « Lu et approuvé » et signez ce contrat.");
  });

  it("uses the plain connectors of the rule simple-connectors", () => {
    expect(plainConnectors("Il dispose en outre d'un droit, lorsqu'il le souhaite.")).toBe("Il dispose aussi d'un droit, quand il le souhaite.");
    expect(plainConnectors("Néanmoins, toute absence doit être signalée.")).toBe("Mais toute absence doit être signalée.");
    expect(plainConnectors("Il est précisé que, si l'hospitalisation se prolonge, le contrat s'arrête.")).toBe(
      "Si l'hospitalisation se prolonge, le contrat s'arrête.",
    );
  });

  it("gives the kept difficult words with their explanation, not the connectors", () => {
    const words = difficultWordsIn("Le représentant légal peut résilier le contrat, sous réserve d'un préavis, et signe « Lu et approuvé ».", tools);
    expect(words.map((w) => w.entry)).toEqual([
      { word: "représentant légal", explanation: "personne qui agit au nom d'une autre (par exemple le tuteur ou les parents)" },
      { word: "résilier", explanation: "arrêter" },
      { word: "préavis", explanation: "temps à respecter entre le moment où vous prévenez et votre départ" },
      { word: "lu et approuvé", explanation: "j'ai lu et je suis d'accord" },
    ]);
  });

  it("explains a word only in the sense it has here", () => {
    const explained = (text: string) => difficultWordsIn(text, tools).map((w) => w.entry.word);
    // « référent » is the person who follows you after a determiner or a person's noun…
    expect(explained("Votre référente vous accompagne chaque semaine.")).toEqual(["référente"]);
    expect(explained("L'éducatrice référente prépare le projet.")).toEqual(["référente"]);
    // …and the court that is competent after « tribunal administratif »: no glossary entry then.
    expect(explained("Le recours va au tribunal administratif référent.")).toEqual([]);
  });

  it("only writes a replacement the entry lists: the word list refuses any other", () => {
    expect(ruleSet.lexicons.difficultWords.filter((entry) => entry.fix !== undefined).length).toBeGreaterThan(150);
    for (const entry of ruleSet.lexicons.difficultWords) if (entry.fix !== undefined) expect(entry.replace, entry.match[0]).toContain(entry.fix.use);
    expect(() => validateDifficultWords({ entries: [{ match: "afin de", replace: ["pour"], fix: "dans le but de" }] }, "dw.yaml")).toThrow(
      /dw\.yaml : l'entrée « afin de » : « fix\.use » doit être l'un des remplacements de « replace » \(« pour »\)\./,
    );
  });
});

describe("step 6: brackets", () => {
  it("drops a restatement of figures already in the sentence", () => {
    expect(moveParentheses("Il s'élève à 74 euros et 50 centimes (74,50 €) par jour.", tools.compiled, ruleSet)).toEqual({
      text: "Il s'élève à 74 euros et 50 centimes par jour.",
      extras: [],
      definitions: [],
    });
  });

  it("turns other content into a sentence of its own", () => {
    expect(moveParentheses("Les repas (petit déjeuner, déjeuner et dîner) sont compris.", tools.compiled, ruleSet)).toEqual({
      text: "Les repas sont compris.",
      extras: ["Précision : petit déjeuner, déjeuner et dîner"],
      definitions: [],
    });
    expect(moveParentheses("Le partage est possible (voir l'article 5).", tools.compiled, ruleSet).extras).toEqual(["Voir l'article 5"]);
  });

  it("reads « SIGLE (expansion) » as a definition too", () => {
    expect(moveParentheses("Les frais sont payés par la CAF (caisse d'allocations familiales).", tools.compiled, ruleSet)).toEqual({
      text: "Les frais sont payés par la CAF.",
      extras: [],
      definitions: [{ acronym: "CAF", expansion: "Caisse d'allocations familiales" }],
    });
  });

  it("reads an unknown acronym from its initials", () => {
    expect(moveParentheses("l'élaboration du projet individualisé d'accompagnement (PIA), qui doit être signé", tools.compiled, ruleSet)).toEqual({
      text: "l'élaboration du projet individualisé d'accompagnement, qui doit être signé",
      extras: [],
      definitions: [{ acronym: "PIA", expansion: "Projet individualisé d'accompagnement" }],
    });
  });
});

describe("steps 7 and 8: « etc. » and lists", () => {
  it("removes « etc. », and a bracket that ended with it gives « Par exemple : » and a list", () => {
    expect(removeEtc("Les repas, les sorties, etc., sont compris.")).toEqual({ text: "Les repas, les sorties sont compris.", removed: true });
    expect(removeEtc("Nom : ..........")).toEqual({ text: "Nom : ..........", removed: false });
    // An ellipsis that trails off is not an unfinished list.
    expect(removeEtc("Le prix change selon la chambre…")).toEqual({ text: "Le prix change selon la chambre", removed: false });
    const pieces = rewriteSentence("Les prestations sont énumérées en annexe (hébergement, restauration, blanchissage du linge plat, animation, etc.).", {
      ruleSet,
      tools,
    });
    expect(pieces).toEqual([
      { kind: "sentence", sentence: { text: "Les prestations sont énumérées à la fin du document.", defines: [] } },
      {
        kind: "list",
        intro: { text: "Par exemple :", defines: [] },
        items: [
          { text: "hébergement", defines: [] },
          { text: "restauration", defines: [] },
          { text: "blanchissage du linge plat", defines: [] },
          { text: "animation", defines: [] },
        ],
      },
    ]);
  });

  it("says the list is not complete when « etc. » ended the sentence", () => {
    const pieces = rewriteSentence("Il lui est recommandé de ne pas conserver d'objets de valeur, de sommes d'argent importantes, de bijoux, etc.", { ruleSet, tools });
    expect(pieces.map((p) => (p.kind === "sentence" ? p.sentence.text : ""))).toEqual([
      "Il lui est recommandé de ne pas conserver d'objets de valeur, de sommes d'argent importantes, de bijoux.",
      "Ce sont des exemples.",
    ]);
  });

  it("makes bullet lists of enumerations, not of « ou » choices", () => {
    expect(toList("Vous apportez vos vêtements, vos papiers, vos médicaments et votre téléphone.")).toEqual({
      intro: "Vous apportez :",
      items: ["vos vêtements", "vos papiers", "vos médicaments", "votre téléphone"],
    });
    expect(toList("Le prix comprend : le logement, les repas, le linge et le ménage.")).toEqual({
      intro: "Le prix comprend :",
      items: ["le logement", "les repas", "le linge", "le ménage"],
    });
    expect(toList("Vous pouvez payer par chèque, par virement ou en espèces.")).toBeNull();
    expect(toList("Le conseil réunit des représentants des familles, des jeunes accompagnés et des professionnels.")).toBeNull();
  });
});

describe("dashes", () => {
  it("turns a dash used as a pause into a comma, not a range of figures", () => {
    expect(dashesToCommas("EHPAD Les Tilleuls – 14, rue des Acacias – 72190 Bourg-Lavande")).toBe("EHPAD Les Tilleuls, 14, rue des Acacias, 72190 Bourg-Lavande");
    expect(dashesToCommas("Les visites ont lieu de 10 h - 12 h.")).toBe("Les visites ont lieu de 10 h - 12 h.");
  });
});

describe("step 9 and the section", () => {
  it("moves a sentence ending with « : » into the intro of the list after it, and bolds amounts and dates", () => {
    const result = rewriteSection(
      request(
        "4.1 Prix",
        "4.1 Prix\n\nAu 01/01/2026, le prix comprend :\n\nle logement ;\nles repas (petit déjeuner et dîner) ;\nle linge, pour un montant de 74,50 € par jour.",
      ),
      ruleSet,
    );
    expect(result.blocks).toEqual([
      {
        type: "list",
        intro: "Au **jeudi 1er janvier 2026**, le prix comprend :",
        items: ["le logement", "les repas. Précision : petit déjeuner et dîner.", "le linge, pour un montant de **74,50 €** par jour"],
      },
    ]);
  });

  it("keeps a heading inside the section as a bold line, without its numbering", () => {
    const result = rewriteSection(
      request("Article 4 – Conditions financières", "Article 4 – Conditions financières\n\n4.1 Prix de journée\n\nLe prix de journée est fixé annuellement."),
      ruleSet,
    );
    expect(result.title).toBe("Article 4 : Conditions financières");
    expect(result.blocks).toEqual([
      { type: "paragraph", sentences: ["**Prix par jour**"] },
      { type: "paragraph", sentences: ["Le prix par jour est fixé chaque année."] },
    ]);
  });

  it("renders a rewrite as one sentence or item per line, title first, bold markers removed", () => {
    const result: RewriteResult = {
      title: "Les prix",
      blocks: [
        { type: "paragraph", sentences: ["Vous payez **74,50 €** par jour.", "Le prix comprend :"] },
        { type: "list", intro: "Par exemple :", items: ["le linge", "les repas"] },
        { type: "list", items: ["la chambre"] },
      ],
      glossary: [],
    };
    expect(rewriteToText(result)).toBe("Les prix\n\nVous payez 74,50 € par jour.\nLe prix comprend :\n\nPar exemple :\nle linge\nles repas\n\nla chambre");
    expect(rewriteToText(result, { title: false }).startsWith("Vous payez")).toBe(true);
  });
});

describe("the offline provider", () => {
  it("answers with no request, the same result for a repair round, and stops when aborted", async () => {
    const provider = createOfflineProvider(ruleSet);
    expect(provider.name).toBe("offline");
    expect(provider.model).toBe(`falc-offline-${OFFLINE_VERSION}`);
    const req = request("Préambule", "Préambule\n\nLe présent contrat est établi le 01/03/2026 ; il est signé par les deux parties.");
    const first = await provider.rewrite(req);
    expect(first.usage.requests).toBe(0);
    expect(first.model).toBe(provider.model);
    const repaired = await provider.rewrite({ ...req, repair: { previous: first.result, problems: ["Phrase longue."] } });
    expect(repaired.result).toEqual(first.result);
    const controller = new AbortController();
    controller.abort();
    await expect(provider.rewrite(req, { signal: controller.signal })).rejects.toThrow();
  });
});

describe("the fixtures", () => {
  const documents = new Map<string, FalcDocument>();
  const rewrites = new Map<string, RewriteResult[]>();

  beforeAll(async () => {
    for (const name of ALL) {
      const document = await ingestFile(join(FIXTURES, `${name}.md`));
      documents.set(name, document);
      rewrites.set(
        name,
        document.sections.map((s) => rewriteSection({ documentTitle: document.title, sectionIndex: s.index, sectionTitle: s.title, text: s.text }, ruleSet)),
      );
    }
  });

  it.each(ALL)("%s: no fact is lost, changed or added in any section", (name) => {
    const document = documents.get(name)!;
    document.sections.forEach((section, i) => {
      const rewrite = rewriteToText(rewrites.get(name)![i]!);
      const comparison = compareFacts(extractFacts(section.text), extractFacts(rewrite));
      expect(comparison.missing, `${name} / ${section.title}: manquants`).toEqual([]);
      expect(comparison.added, `${name} / ${section.title}: ajoutés`).toEqual([]);
      expect(comparison.wrongWeekdays).toEqual([]);
    });
  });

  it.each(ALL)("%s: one sentence per line, each finished, no brackets, no « etc. », no semicolon", (name) => {
    for (const result of rewrites.get(name)!) {
      for (const block of result.blocks) {
        if (block.type === "paragraph") {
          for (const sentence of block.sentences) {
            expect(sentence, name).not.toMatch(/\n/);
            expect(sentence === sentence.trim() && sentence !== "").toBe(true);
            // A sentence ends like one; a heading inside the section is a bold line; a line that ended on
            // « , » or « : » in the original (« Madame, Monsieur, ») keeps it: it leads into what follows.
            expect(sentence, name).toMatch(/[.!?:,]$|^\*\*[^*]+\*\*$/u);
          }
        } else if (block.type === "list") {
          if (block.intro !== undefined) expect(block.intro).toMatch(/ :$/);
          for (const item of block.items) expect(item.trim()).not.toBe("");
        }
      }
      const text = rewriteToText(result);
      expect(text, name).not.toMatch(/[()]|(?<!\p{L})etc\.|…|;/u);
    }
  });

  it.each(ALL)("%s: deterministic, and a second pass keeps every fact", (name) => {
    const document = documents.get(name)!;
    document.sections.forEach((section, i) => {
      const req = { documentTitle: document.title, sectionIndex: section.index, sectionTitle: section.title, text: section.text };
      const first = rewrites.get(name)![i]!;
      expect(rewriteSection(req, ruleSet)).toEqual(first);
      const again = rewriteSection({ ...req, text: rewriteToText(first) }, ruleSet);
      const comparison = compareFacts(extractFacts(rewriteToText(first)), extractFacts(rewriteToText(again)));
      expect(comparison.missing).toEqual([]);
      expect(comparison.added).toEqual([]);
      for (const sentence of sentencesOf(again)) expect(sentence.trim()).not.toBe("");
    });
  });

  it.each(ADMINISTRATIVE)("%s: the falc score goes up", (name) => {
    const document = documents.get(name)!;
    const before = analyzeText(document.sections.map((s) => s.text).join("\n\n"), ruleSet).score!;
    const after = analyzeText(rewrites.get(name)!.map((r) => rewriteToText(r)).join("\n\n"), ruleSet).score!;
    expect(after).toBeGreaterThan(before + 5);
  });

  it("leaves the score of a text already in FALC where it was", () => {
    const document = documents.get("livret-falc")!;
    const before = analyzeText(document.sections.map((s) => s.text).join("\n\n"), ruleSet).score!;
    const after = analyzeText(rewrites.get("livret-falc")!.map((r) => rewriteToText(r)).join("\n\n"), ruleSet).score!;
    expect(after).toBeGreaterThanOrEqual(before);
  });

  it("fills the glossary with the acronyms explained and the difficult words kept", () => {
    const glossary = rewrites.get("contrat-de-sejour")!.flatMap((r) => r.glossary);
    expect(glossary).toContainEqual({ word: "CASF", explanation: "Code de l'action sociale et des familles" });
    expect(glossary).toContainEqual({ word: "avenant", explanation: "changement écrit ajouté au contrat" });
    for (const entry of glossary) expect(entry.word !== "" && entry.explanation !== "").toBe(true);
  });
});
