import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { convertFiles } from "../../src/commands/convert.js";
import { loadRuleSet } from "../../src/config/ruleset.js";
import { ingestFile } from "../../src/ingest/index.js";
import { convertDocument } from "../../src/rewrite/pipeline.js";
import { buildPrompt } from "../../src/rewrite/prompt.js";
import { isFragment, keepsIdentifiers, safeRewrite } from "../../src/rewrite/providers/offline/check.js";
import { explainOncePerDocument } from "../../src/rewrite/providers/offline/document.js";
import { createOfflineProvider, rewriteSection } from "../../src/rewrite/providers/offline/index.js";
import { lexiconTools } from "../../src/rewrite/providers/offline/lexicon.js";
import { moveParentheses } from "../../src/rewrite/providers/offline/parentheses.js";
import { rewriteSentence } from "../../src/rewrite/providers/offline/units.js";
import type { RewriteRequest, RewriteResult } from "../../src/rewrite/types.js";
import { defaultInputs, REAL_DOCS, tableHeaders } from "../../scripts/eval/offline-damage.js";
import { acronymRepeats, sectionDamage } from "../helpers/offline-damage.js";
import { tempDir } from "../helpers/temp.js";

const ruleSet = loadRuleSet();
const context = { ruleSet, tools: lexiconTools(ruleSet) };
const tmp = tempDir("falc-offline-damage-");

function request(sectionTitle: string, text: string): RewriteRequest {
  return { documentTitle: "Test", sectionIndex: 0, sectionTitle, text };
}

const sentencesOf = (result: RewriteResult): string[] =>
  result.blocks.flatMap((b) => (b.type === "paragraph" ? b.sentences : b.type === "list" ? [...(b.intro !== undefined ? [b.intro] : []), ...b.items] : []));

async function convertOffline(path: string) {
  const document = await ingestFile(path);
  return convertDocument(document, { provider: createOfflineProvider(ruleSet), ruleSet, prompt: buildPrompt(ruleSet), maxRepairs: 0 });
}

describe("the property checker", () => {
  it("calls a fragment what the original sentence was not", () => {
    expect(isFragment("Mais elle seule.", "Une personne fera le service, mais elle seule.")).toBe(true);
    expect(isFragment("Elle est.", "Elle est, selon les cas, aidée par un bénévole.")).toBe(true);
    expect(isFragment("Vous devez présenter votre demande expressément à.", "Vous devez présenter votre demande expressément à :")).toBe(false);
    expect(isFragment("Précision : ou des.", "la (ou des) personne(s) l'exerçant")).toBe(true);
    expect(isFragment("Précision : petit déjeuner et dîner.", "Le prix comprend les repas (petit déjeuner et dîner).")).toBe(false);
    // A heading without a verb stays one.
    expect(isFragment("Orientation dans le temps.", "Orientation dans le temps")).toBe(false);
  });

  it("refuses a « : » or « , » that ended the sentence turned into a full stop, and a lost identifier", () => {
    expect(safeRewrite("Vous devez présenter votre demande à :", [{ text: "Vous devez présenter votre demande à." }])).toBe(false);
    expect(safeRewrite("Le résident s'engage à respecter le règlement,", [{ text: "Le résident s'engage à respecter le règlement." }])).toBe(false);
    expect(safeRewrite("Le résident s'engage à respecter le règlement,", [{ text: "Le résident s'engage à respecter le règlement," }])).toBe(true);
    expect(keepsIdentifiers("Remplissez le formulaire CERFA 12345*01.", ["Remplissez le formulaire 12345*01."])).toBe(false);
    expect(keepsIdentifiers("Imprimez la page en A4.", ["Imprimez la page en A4."])).toBe(true);
  });
});

describe("what the offline rewrite no longer damages", () => {
  it("does not cut « , mais elle seule »: the second half has no verb", () => {
    const pieces = rewriteSentence("Une personne fera le service, mais elle seule.", context);
    expect(pieces).toEqual([{ kind: "sentence", sentence: { text: "Une personne fera le service, mais elle seule.", defines: [] } }]);
  });

  it("joins a sentence the layout cut in two blocks, after « de » or after a comma", () => {
    const cut = rewriteSection(request("Réunions", "Réunions\n\nLa présence des familles est attendue à chaque réunion de fonctionnement et de\n\nCHAQUE réunion pédagogique."), ruleSet);
    expect(sentencesOf(cut)).toEqual(["La présence des familles est attendue à chaque réunion de fonctionnement et de CHAQUE réunion pédagogique."]);
    const comma = rewriteSection(request("Engagements", "Engagements\n\nLe résident s'engage à respecter le règlement,\n\net à prévenir l'équipe de ses absences."), ruleSet);
    expect(sentencesOf(comma)).toEqual(["Le résident s'engage à respecter le règlement, et à prévenir l'équipe de ses absences."]);
  });

  it("keeps the « : » that introduces the next block", () => {
    const result = rewriteSection(request("Mesures", "Mesures\n\nPour chaque type de mesure, vous devez renseigner la :\n\nRépartition des personnes selon leur âge"), ruleSet);
    expect(sentencesOf(result)).toEqual(["Pour chaque type de mesure, vous devez renseigner la :", "**Répartition des personnes selon leur âge**"]);
  });

  it("leaves a bracket of grammar words in its sentence", () => {
    const text = "nom(s) et prénom(s) de la (ou des) personne(s) l'exerçant";
    expect(moveParentheses(text, context.tools.compiled, ruleSet)).toEqual({ text, extras: [], definitions: [] });
  });

  it("explains an acronym once per document, in a section that uses it", async () => {
    const path = tmp.write(
      "casf.md",
      [
        "# Contrat",
        "## Article 1",
        "Ce contrat suit le Code de l'action sociale et des familles (CASF).",
        "## Article 2",
        "L'article L. 311-4 du CASF prévoit ce contrat.",
        "## Article 3",
        "L'article D. 342-2 du CASF fixe les prestations.",
      ].join("\n\n"),
    );
    const result = await convertOffline(path);
    const explanations = result.sections.map((s) => [s.title, s.falc.split("\n").filter((line) => line.startsWith("CASF veut dire")).length]);
    // Article 1 no longer writes « CASF »: Article 2, where it is used first, explains it.
    expect(explanations).toEqual([["Contrat", 0], ["Article 1", 0], ["Article 2", 1], ["Article 3", 0]]);
    expect(result.sections[1]!.falc).toContain("Code de l'action sociale et des familles");
    // The same through `falc convert`, whose providers are wrapped (shared request limit).
    const outcome = await convertFiles([path], { env: {}, provider: "offline", out: tmp.path("out"), cache: false, formats: ["md"] });
    expect(readFileSync(tmp.path("out/casf.falc.md"), "utf8").match(/CASF veut dire/g)).toHaveLength(1);
    expect(outcome.exitCode).toBe(0);
    const twice: RewriteResult = { title: "A", blocks: [{ type: "paragraph", sentences: ["CVS veut dire Conseil de la vie sociale.", "Le CVS se réunit."] }], glossary: [] };
    const [first, second] = explainOncePerDocument([twice, twice]);
    expect(first).toBe(twice);
    expect(second!.blocks).toEqual([{ type: "paragraph", sentences: ["Le CVS se réunit."] }]);
  });
});

/** Fragments and lost words of one document through `convert` with the offline provider. */
async function damageOf(path: string) {
  const result = await convertOffline(path);
  const fragments: string[] = [];
  const lost: string[] = [];
  for (const section of result.sections) {
    const damage = sectionDamage(section.original, section.falc, ruleSet, tableHeaders(section.originalBlocks));
    fragments.push(...damage.fragments);
    lost.push(...damage.lost);
  }
  return { fragments, lost, ...acronymRepeats(result.sections) };
}

const inputs = defaultInputs();
const fixtures = inputs.filter((path) => !path.startsWith(REAL_DOCS));
const realDocs = inputs.filter((path) => path.startsWith(REAL_DOCS));

describe("the offline rewrite of the fixtures keeps every word, in order, and leaves no fragment", () => {
  it.each(fixtures.map((path) => [basename(path), path]))("%s", async (_name, path) => {
    const damage = await damageOf(path);
    expect(damage.fragments).toEqual([]);
    expect(damage.lost).toEqual([]);
    expect(damage.repeated).toEqual([]);
    expect(damage.unused).toEqual([]);
  });
});

describe.skipIf(!existsSync(REAL_DOCS))("the offline rewrite of the real documents keeps every word, in order, and leaves no fragment", () => {
  it.each(realDocs.map((path) => [basename(path), path]))("%s", async (_name, path) => {
    const damage = await damageOf(path).catch((error: unknown) => {
      // Two documents falc cannot read (an XFA form, a PDF without a text layer): nothing to rewrite.
      if ((error as { code?: string }).code?.startsWith("pdf-") === true) return undefined;
      throw error;
    });
    if (damage === undefined) return;
    expect(damage.fragments).toEqual([]);
    expect(damage.lost).toEqual([]);
    expect(damage.repeated).toEqual([]);
    expect(damage.unused).toEqual([]);
  }, 60_000);
});
