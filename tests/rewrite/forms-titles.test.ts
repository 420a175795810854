import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRuleSet } from "../../src/config/ruleset.js";
import { ingestFile } from "../../src/ingest/index.js";
import { PREAMBLE_TITLE, buildDocument } from "../../src/model/build.js";
import type { BlockInput, FalcDocument } from "../../src/model/types.js";
import { renderConvertMarkdown } from "../../src/render/convert-md.js";
import { renderFalcDocx } from "../../src/render/falc-docx.js";
import { convertDocument } from "../../src/rewrite/pipeline.js";
import { buildPrompt } from "../../src/rewrite/prompt.js";
import { createOfflineProvider, rewriteSection } from "../../src/rewrite/providers/offline/index.js";
import type { ConvertResult, RewriteResult } from "../../src/rewrite/types.js";
import { bodyParagraphs, readParts, text } from "../render/docx-xml.js";

const ruleSet = loadRuleSet();
const REAL = "/work/shared/corpus/real-docs";

const sentences = (result: RewriteResult): string[] => result.blocks.flatMap((b) => (b.type === "paragraph" ? b.sentences : b.type === "list" ? b.items : []));
const rewrite = (text: string): string[] => sentences(rewriteSection({ documentTitle: "Formulaire", sectionIndex: 0, sectionTitle: PREAMBLE_TITLE, text }, ruleSet));

/** The library function `falc convert` runs, with the offline provider. */
function convert(document: FalcDocument): Promise<ConvertResult> {
  return convertDocument(document, { provider: createOfflineProvider(ruleSet), ruleSet, prompt: buildPrompt(ruleSet), maxRepairs: 0, concurrency: 1 });
}

const bytes = new TextEncoder().encode("x");
const h = (level: number, text: string): BlockInput => ({ type: "heading", level, runs: [{ text }] });
const p = (text: string): BlockInput => ({ type: "paragraph", runs: [{ text }] });

describe("the offline rewrite keeps form fields and plural marks", () => {
  it("keeps every blank as written and cuts no sentence at one", () => {
    // « ........ » followed by a capital would end a sentence if it were read as text.
    expect(rewrite("Nom(s) : ........ Prénom(s) : ........ Si vous êtes mineur, votre représentant signe.")).toEqual([
      "Nom(s) : ........ Prénom(s) : ........ Si vous êtes mineur, votre représentant signe.",
    ]);
    expect(rewrite("Nom : _ _ _ _ _ _ Date : __/__/____")).toEqual(["Nom : _ _ _ _ _ _ Date : __/__/____"]);
    expect(rewrite("Cochez ☐ oui ☐ non")).toEqual(["Cochez ☐ oui ☐ non"]);
  });

  it("leaves « (s) » in its word, and still moves an aside out", () => {
    expect(rewrite("Indiquez vos nom(s) et prénom(s) (en majuscules).")).toEqual(["Indiquez vos nom(s) et prénom(s).", "Précision : en majuscules."]);
    expect(rewrite("Le(la) conjoint(e) est né(e) à Lyon et inscrit(e)s aux activités.").join(" ")).not.toContain("Précision");
  });
});

describe("a section too short to rewrite keeps its text", () => {
  it("keeps a form number before the first heading, and shows no made-up title", async () => {
    const document = buildDocument({
      path: "cerfa.pdf",
      format: "pdf",
      bytes,
      blocks: [p("16030*01"), h(1, "Attestation d’élection de domicile"), p("L’élection de domicile est accordée pour une durée d’un an. Elle se renouvelle deux mois avant la fin.")],
    });
    expect(document.sections[0]).toMatchObject({ title: PREAMBLE_TITLE, titleMadeUp: true, wordCount: 2 });
    const result = await convert(document);
    const first = result.sections[0]!;
    expect(first.falc).toBe("16030*01");
    expect(first.facts).toMatchObject({ missing: [], added: [] });
    const markdown = renderConvertMarkdown(result);
    expect(markdown).toContain("16030*01");
    expect(markdown).not.toContain(PREAMBLE_TITLE);
  });
});

describe("a document without headings is titled by its metadata", () => {
  it("keeps its first line when that line is the title: no fact lost with it", async () => {
    const document = buildDocument({
      path: "contrat.docx",
      format: "docx",
      bytes,
      metadataTitle: "Contrat de séjour 2025",
      blocks: [p("Contrat de séjour 2025"), p("Le prix de journée est de 65 euros. Vous payez chaque mois avant le 5.")],
    });
    expect(document.sections[0]).toMatchObject({ title: "Contrat de séjour 2025", titleMadeUp: true });
    const result = await convert(document);
    expect(result.sections[0]!.facts).toMatchObject({ missing: [], added: [] });
  });
});

describe("titles falc makes up", () => {
  // A cover date taken for the top heading (as the PDF reader once did with « Novembre 2017 »), and a
  // section long enough to be cut in parts: budget 60 words.
  const sentence = "Les enfants arrivent à la crèche le matin avec leurs parents et jouent dans la grande salle.";
  const document = buildDocument(
    {
      path: "projet.pdf",
      format: "pdf",
      bytes,
      blocks: [h(1, "Projet pédagogique"), h(2, "Novembre 2017"), h(3, "12. Les sorties"), p(`${sentence} ${sentence}`), p(`${sentence} Ils sont 12 au plus.`), p(`${sentence} ${sentence}`), p(sentence)],
    },
    { maxWords: 60 },
  );

  it("are neither compared nor scored: no fact « added » by a repeated title", async () => {
    expect(document.sections.map((s) => s.title)).toEqual(["Projet pédagogique", "Novembre 2017", "12. Les sorties (suite)", "12. Les sorties (suite)"]);
    const result = await convert(document);
    for (const section of result.sections) expect(section.facts, section.title).toMatchObject({ missing: [], added: [] });
    // The parts' text is their own, without the label « 12. Les sorties (suite) ».
    for (const section of result.sections.slice(2)) expect(section.falc).not.toContain("(suite)");
  });

  it("never reach the reader's draft, Markdown or DOCX", async () => {
    const result = await convert(document);
    const markdown = renderConvertMarkdown(result);
    expect(markdown).not.toContain("(suite)");
    expect(markdown.split("\n").filter((line) => line.startsWith("## "))).toEqual(["## Novembre 2017"]);
    const paragraphs = bodyParagraphs(readParts(await renderFalcDocx(result)).document).map(text);
    expect(paragraphs.filter((line) => line.includes("(suite)"))).toEqual([]);
  });
});

describe.skipIf(!existsSync(REAL))("on real documents", () => {
  it("capucine-projet_pedagogique_2018.pdf: a clean offline run adds and loses no fact (--strict passes)", async () => {
    const result = await convert(await ingestFile(join(REAL, "capucine-projet_pedagogique_2018.pdf")));
    const problems = result.sections.flatMap((s) => [...s.facts.missing, ...s.facts.added].map((f) => `${s.title}: ${f.text}`));
    expect(problems).toEqual([]);
    const markdown = renderConvertMarkdown(result);
    expect(markdown).not.toMatch(/^## .*\(suite\)$/m);
    expect(markdown).not.toContain(PREAMBLE_TITLE);
  }, 60_000);

  it("domifa-cerfa-attestation-election-domicile.pdf: the form number and every blank reach the draft", async () => {
    const result = await convert(await ingestFile(join(REAL, "domifa-cerfa-attestation-election-domicile.pdf")));
    const markdown = renderConvertMarkdown(result);
    expect(markdown).toContain("16030*01");
    expect(markdown).not.toContain("Précision : s.");
    expect(result.sections.flatMap((s) => s.facts.missing)).toEqual([]);
    // Every blank of the original is in the draft, as written.
    const blanks = (text: string) => (text.match(/_(?: ?_)+/g) ?? []).length;
    expect(blanks(result.sections.map((s) => s.falc).join("\n"))).toBe(blanks(result.sections.map((s) => s.original).join("\n")));
  }, 60_000);
});
