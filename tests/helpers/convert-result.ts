import { loadRuleSet } from "../../src/config/ruleset.js";
import { buildDocument } from "../../src/model/build.js";
import type { BlockInput, Run } from "../../src/model/types.js";
import type { ConvertedSection, ConvertResult, RewriteBlock, RewriteResult, SectionFacts } from "../../src/rewrite/types.js";
import { NO_USAGE, addUsage } from "../../src/rewrite/types.js";
import { blockLines } from "../../src/rewrite/text.js";
import { analyzeDocument, analyzeText } from "../../src/score/analyze.js";

/**
 * A realistic `falc convert` result for a short contrat de séjour: the originals are read into the
 * document model (a heading per article, a table of prices, a list of conditions), the rewrites mark
 * key information in bold, and findings and scores come from falc's own rule set. The fidelity
 * result is written by hand (one fact lost, one invented) so that renderers can be tested on it
 * whatever the fact extractor's details.
 */

const r = (text: string, style: Omit<Run, "text"> = {}): Run[] => [{ text, ...style }];
const h = (level: number, text: string): BlockInput => ({ type: "heading", level, runs: r(text) });
const p = (text: string): BlockInput => ({ type: "paragraph", runs: r(text) });

export const ORIGINAL_BLOCKS: BlockInput[] = [
  h(1, "Contrat de séjour"),
  h(2, "Article 1 – Objet du contrat"),
  p(
    "Le présent contrat a pour objet de définir les droits et les obligations de l'établissement et du résident, conformément à l'article L. 311-4 du Code de l'action sociale et des familles, dans le respect de la charte des droits et libertés de la personne accueillie.",
  ),
  h(2, "Article 2 – Conditions financières"),
  p("Le prix de journée est fixé par arrêté du Président du Conseil départemental. Il comprend l'hébergement, la restauration et l'entretien du linge."),
  {
    type: "table",
    rows: [
      [{ runs: r("Prestation", { bold: true }) }, { runs: r("Tarif", { bold: true }) }],
      [{ runs: r("Hébergement (prix de journée)") }, { runs: r("74,50 €") }],
      [{ runs: r("Repas d'un invité") }, { runs: r("9,80 €") }],
    ],
  },
  p("La facture est payable à terme échu, avant le 10 du mois suivant, par prélèvement automatique ou par chèque."),
  h(2, "Article 3 – Résiliation du contrat"),
  p("Le résident peut résilier le contrat à tout moment, par écrit, moyennant un préavis de trente jours. L'établissement ne peut résilier le contrat que dans les cas suivants :"),
  {
    type: "list",
    ordered: false,
    items: [
      { runs: r("inadaptation de l'état de santé du résident aux possibilités d'accueil ;") },
      { runs: r("manquement grave ou répété au règlement de fonctionnement ;") },
      { runs: r("défaut de paiement persistant, après mise en demeure restée sans effet.") },
    ],
  },
  h(2, "Article 4 – Droits de la personne accueillie"),
  p("Le résident bénéficie du libre choix entre les prestations proposées, de la confidentialité des informations le concernant et de l'accès à toute information relative à sa prise en charge. Il peut faire appel à une personne qualifiée : tél. 04 72 00 00 00."),
];

const REWRITES: RewriteResult[] = [
  { title: "Contrat de séjour", blocks: [], glossary: [] },
  {
    title: "À quoi sert ce contrat",
    blocks: [
      { type: "paragraph", sentences: ["Ce contrat est un **accord écrit** entre vous et la résidence.", "Il dit **vos droits** et ce que vous devez faire."] },
      { type: "paragraph", sentences: ["La résidence aussi a des droits et des devoirs.", "La loi demande ce contrat : **article L. 311-4** du Code de l'action sociale et des familles."] },
    ],
    glossary: [{ word: "Contrat", explanation: "Un papier signé par deux personnes. Elles sont d'accord sur des règles." }],
  },
  {
    title: "Combien vous payez",
    blocks: [
      { type: "paragraph", sentences: ["Vous payez la résidence **chaque jour**.", "Un jour coûte **74,50 €**."] },
      { type: "list", intro: "Ce prix comprend :", items: ["votre chambre,", "vos repas,", "le lavage de vos vêtements."] },
      {
        type: "paragraph",
        sentences: ["Un repas pour un invité coûte **9,80 €**.", "Vous payez la facture **avant le 10 du mois suivant**.", "Vous payez par chèque ou par prélèvement."],
      },
    ],
    glossary: [{ word: "Prélèvement", explanation: "La banque donne l'argent à la résidence. Vous n'avez rien à faire." }],
  },
  {
    title: "Comment arrêter le contrat",
    blocks: [
      { type: "paragraph", sentences: ["Vous pouvez arrêter le contrat **quand vous voulez**.", "Vous écrivez une lettre à la résidence.", "Vous payez **15 €** de frais."] },
      {
        type: "list",
        intro: "La résidence peut arrêter le contrat dans 3 cas :",
        items: [
          "Votre santé demande **plus de soins** que la résidence peut donner.",
          "Vous ne respectez pas les règles **plusieurs fois** ou de façon grave.",
          "Vous ne payez pas, même après une **lettre de rappel**.",
        ],
      },
    ],
    glossary: [{ word: "Résilier", explanation: "Arrêter un contrat." }],
  },
  {
    title: "Vos droits",
    blocks: [
      {
        type: "list",
        intro: "Dans la résidence, vous avez le droit :",
        items: ["de **choisir** vos activités,", "de garder vos **secrets**,", "de **savoir** ce que l'équipe écrit sur vous."],
      },
      { type: "paragraph", sentences: ["Vous avez un problème ?", "Vous pouvez appeler une **personne qualifiée** au **04 72 00 00 00**."] },
    ],
    glossary: [{ word: "Personne qualifiée", explanation: "Une personne qui vous aide à faire respecter vos droits. Elle ne travaille pas pour la résidence." }],
  },
];

const FACTS: SectionFacts[] = [
  { checked: 0, missing: [], added: [] },
  { checked: 1, missing: [], added: [] },
  { checked: 4, missing: [], added: [] },
  { checked: 1, missing: [{ type: "duration", text: "trente jours" }], added: [{ type: "amount", text: "15 €" }] },
  { checked: 1, missing: [], added: [] },
];

/** The rewrite as plain text: one sentence per line, blocks apart, list items on their own line. */
export function rewriteText(rewrite: RewriteResult): string {
  const block = (b: RewriteBlock) => (b.type === "paragraph" ? b.sentences.join("\n") : b.type === "list" ? [...(b.intro ? [b.intro] : []), ...b.items.map((i) => `- ${i}`)].join("\n") : blockLines(b).join("\n"));
  return rewrite.blocks.map(block).join("\n\n").replace(/\*\*/g, "");
}

export interface ConvertResultOptions {
  date?: string;
  path?: string;
}

export function buildConvertResult(options: ConvertResultOptions = {}): ConvertResult {
  const ruleSet = loadRuleSet();
  const path = options.path ?? "/home/direction/contrat-de-sejour.docx";
  const document = buildDocument({ path, format: "docx", bytes: new TextEncoder().encode(JSON.stringify(ORIGINAL_BLOCKS)), blocks: ORIGINAL_BLOCKS });
  if (document.sections.length !== REWRITES.length) throw new Error(`fixture: ${document.sections.length} sections, ${REWRITES.length} rewrites`);
  const before = analyzeDocument(document, ruleSet);
  const sections: ConvertedSection[] = document.sections.map((section, i) => {
    const rewrite = REWRITES[i]!;
    const body = rewriteText(rewrite);
    const falc = body.trim() === "" ? section.text : body;
    const after = analyzeText(falc, ruleSet);
    const usage = rewrite.blocks.length === 0 ? NO_USAGE : { requests: 1, input_tokens: 5200, output_tokens: 310, cache_read_input_tokens: 4800, cache_creation_input_tokens: 0 };
    return {
      index: section.index,
      title: rewrite.title || section.title,
      original: section.text,
      originalBlocks: section.blocks,
      rewrite,
      falc,
      score: { before: before.sections[i]?.score ?? null, after: after.score },
      findings: after.findings,
      facts: FACTS[i]!,
      repairs: i === 3 ? 1 : 0,
      cached: false,
      usage,
    };
  });
  const all = analyzeText(sections.map((s) => s.falc).join("\n\n"), ruleSet);
  return {
    source: document.source,
    title: document.title,
    provider: "anthropic",
    model: "claude-sonnet-4-6",
    date: options.date ?? "2026-11-28T10:15:00.000Z",
    score: { before: before.score, after: all.score },
    sections,
    glossary: REWRITES.flatMap((rw) => rw.glossary),
    usage: sections.reduce((sum, s) => addUsage(sum, s.usage), NO_USAGE),
    warnings: [],
  };
}
