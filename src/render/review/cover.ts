import type { FileChild, Paragraph } from "docx";
import type { ConvertResult, FactRef } from "../../rewrite/types.js";
import { displayName, frenchDate, type Docx } from "../docx/common.js";
import { stripBold } from "../docx/markup.js";
import { BULLETS, COLOR, SIZE, STEPS, labelled, textParagraph, textRuns } from "./layout.js";
import { factText } from "./points.js";

/**
 * The cover page: what was rewritten, when and by what, how readable it is before and after, and
 * above all whether facts were lost or invented, then how to run the session.
 */

export const REVIEW_STEPS = [
  "Lisez à voix haute chaque ligne du tableau, en commençant par la version facile à lire.",
  "Les relecteurs disent s'ils comprennent le texte.",
  "Dans la colonne « Avis des relecteurs », cochez « Compris » ou « Pas compris » : d'un clic dans Word ou LibreOffice, ou au stylo sur papier (puis reportez les avis dans le fichier : une croix ou « oui » / « non » suffit).",
  "Sous « Remarques », écrivez ce qui gêne : les mots difficiles, les phrases à changer, les images à ajouter. Vous pouvez aussi corriger la version facile à lire directement dans sa case.",
  "Comparez avec l'original, surtout les informations manquantes ou ajoutées.",
  "À la fin, remplissez le tableau de validation, à la dernière page.",
  "Enregistrez ce fichier sous le même nom, puis relancez falc : il garde les passages compris, réécrit les autres avec vos remarques et prépare la relecture suivante.",
  "Le texte peut porter le logo « Facile à lire » seulement après cette validation.",
] as const;

const GAP = { spacing: { before: 0, after: 100 } };
const BODY = { size: SIZE.body };

export function coverPage(d: Docx, result: ConvertResult): FileChild[] {
  return [
    textParagraph(d, "Relecture de la version facile à lire", { size: SIZE.subtitle, color: COLOR.muted }, GAP),
    textParagraph(d, stripBold(result.title), { size: SIZE.title, bold: true }, { spacing: { before: 0, after: 240 } }),
    labelled(d, "Document d'origine", displayName(result.source.path), BODY, GAP),
    labelled(d, "Date de la réécriture", frenchDate(result.date), BODY, GAP),
    labelled(d, "Outil de réécriture", providerText(result.provider, result.model), BODY, GAP),
    labelled(d, "Score de lisibilité", scoreSentence(result.score), BODY, GAP),
    ...factsSummary(d, result),
    ...warnings(d, result.warnings),
    textParagraph(d, "Comment faire la relecture", { size: SIZE.subtitle, bold: true }, { spacing: { before: 240, after: 100 }, keepNext: true }),
    ...REVIEW_STEPS.map((step, i) => {
      const last = i === REVIEW_STEPS.length - 1;
      // The break sits in the last paragraph: a paragraph of its own would leave an empty line above the table.
      return new d.Paragraph({
        spacing: { before: 0, after: 60 },
        numbering: { reference: STEPS, level: 0 },
        keepNext: !last,
        children: [...textRuns(d, step, BODY), ...(last ? [new d.PageBreak()] : [])],
      });
    }),
  ];
}

export function scoreSentence(score: { before: number | null; after: number | null }): string {
  if (score.before === null && score.after === null) return "non calculé (texte trop court)";
  const show = (n: number | null) => (n === null ? "non calculé" : String(n));
  return `${show(score.before)} avant, ${show(score.after)} après (sur 100)`;
}

function providerText(provider: string, model: string): string {
  if (provider === "offline") return "falc hors ligne (règles automatiques, sans intelligence artificielle)";
  return model && model !== provider ? `${provider}, modèle ${model}` : provider;
}

interface Located extends FactRef {
  section: string;
}

/** Missing and added facts, with their section, in bold red; or a plain sentence when every fact was found. */
function factsSummary(d: Docx, result: ConvertResult): Paragraph[] {
  const collect = (kind: "missing" | "added"): Located[] =>
    result.sections.flatMap((section) => section.facts[kind].map((fact) => ({ ...fact, section: stripBold(section.title) })));
  const missing = collect("missing");
  const added = collect("added");
  const checked = result.sections.reduce((sum, section) => sum + section.facts.checked, 0);
  const out: Paragraph[] = [labelled(d, "Informations vérifiées", `${checked} (montants, dates, durées, numéros de téléphone…)`, BODY, GAP)];
  const alert = { size: SIZE.subtitle, bold: true, color: COLOR.alert };
  const heading = { spacing: { before: 200, after: 80 }, keepNext: true };
  if (missing.length > 0) {
    const n = missing.length;
    out.push(textParagraph(d, `⚠ ${n} ${n > 1 ? "informations de l'original manquent" : "information de l'original manque"} dans la version facile à lire`, alert, heading));
    out.push(...factList(d, missing));
  }
  if (added.length > 0) {
    const n = added.length;
    out.push(textParagraph(d, `⚠ ${n} ${n > 1 ? "informations ajoutées ne sont pas" : "information ajoutée n'est pas"} dans l'original`, alert, heading));
    out.push(...factList(d, added));
  }
  if (missing.length === 0 && added.length === 0) {
    out.push(textParagraph(d, allFound(checked), { ...BODY, bold: true, color: COLOR.ok }, { spacing: { before: 200, after: 80 } }));
  }
  return out;
}

function allFound(checked: number): string {
  if (checked === 0) return "Aucune information chiffrée (montant, date, durée…) à vérifier dans ce document.";
  if (checked === 1) return "✔ L'information vérifiée est dans la version facile à lire. Aucune information n'a été ajoutée.";
  return `✔ Les ${checked} informations vérifiées sont toutes dans la version facile à lire. Aucune information n'a été ajoutée.`;
}

function factList(d: Docx, facts: Located[]): Paragraph[] {
  return facts.map((fact, i) =>
    textParagraph(d, `${fact.section} : ${factText(fact)}`, { ...BODY, bold: true, color: COLOR.alert }, {
      spacing: { before: 0, after: 60 },
      numbering: { reference: BULLETS.body, level: 0 },
      keepNext: i < facts.length - 1,
    }),
  );
}

function warnings(d: Docx, messages: readonly string[]): Paragraph[] {
  if (messages.length === 0) return [];
  return [
    textParagraph(d, "Remarques sur la lecture du document", { ...BODY, bold: true }, { spacing: { before: 200, after: 80 }, keepNext: true }),
    ...messages.map((message) => textParagraph(d, message, BODY, { spacing: { before: 0, after: 60 }, numbering: { reference: BULLETS.body, level: 0 } })),
  ];
}
