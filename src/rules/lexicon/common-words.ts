import { adjectiveForms, nounForms } from "./inflect.js";
import { verbForms } from "./verbs.js";

/** The lemma lists of rules/lexicon/common-lemmas.yaml, one whitespace-separated block per part of speech. */
export interface CommonLemmas {
  invariable: string;
  nouns: string;
  adjectives: string;
  verbs: string;
  forms: string;
}

const words = (block: string): string[] => block.split(/\s+/).map((word) => word.trim().toLowerCase()).filter(Boolean);

/** rapide → rapidement, évident → évidemment, constant → constamment, vrai → vraiment. */
function adverbs(adjective: string, feminine: string): string[] {
  if (adjective.endsWith("ant")) return [adjective.slice(0, -3) + "amment"];
  if (adjective.endsWith("ent")) return [adjective.slice(0, -3) + "emment", feminine + "ment"];
  if (/[éiu]$|ai$/.test(adjective)) return [adjective + "ment"];
  return [feminine + "ment"];
}

/**
 * Every form a reader meets for the listed lemmas: plurals, feminines, conjugated verbs, adverbs in
 * -ment. Sorted, without duplicates. Throws on a verb whose conjugation the project does not know.
 */
export function buildCommonWords(lemmas: CommonLemmas): string[] {
  const out = new Set<string>();
  for (const word of words(lemmas.invariable)) out.add(word);
  for (const word of words(lemmas.forms)) out.add(word);
  for (const noun of words(lemmas.nouns)) for (const form of nounForms(noun)) out.add(form);
  for (const adjective of words(lemmas.adjectives)) {
    const forms = adjectiveForms(adjective);
    for (const form of forms) out.add(form);
    for (const adverb of adverbs(adjective, forms[1] ?? adjective)) out.add(adverb);
  }
  const unknown: string[] = [];
  for (const verb of words(lemmas.verbs)) {
    const forms = verbForms(verb);
    if (forms === undefined) unknown.push(verb);
    else for (const form of forms) out.add(form);
  }
  if (unknown.length > 0) throw new Error(`Conjugaison inconnue : ${unknown.join(", ")}`);
  return [...out].sort((a, b) => a.localeCompare(b, "fr"));
}

export const COMMON_WORDS_HEADER = [
  "# Mots courants du français (formes fléchies), utilisés par la règle easy-words.",
  "# FICHIER GÉNÉRÉ par scripts/build-common-words.ts depuis common-lemmas.yaml : ne pas modifier à la main.",
  "# Écrit par le projet falc, licence MIT du projet.",
];
