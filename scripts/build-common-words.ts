/**
 * Builds rules/lexicon/common-words.txt from rules/lexicon/common-lemmas.yaml: every lemma with the
 * forms a reader meets (plurals, feminines, conjugated verbs, adverbs in -ment). The lemmas were
 * written by the project; the forms come from the project's own morphology (src/rules/lexicon/).
 *
 *   node --import tsx scripts/build-common-words.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { packageRoot } from "../src/config/ruleset.js";
import { adjectiveForms, nounForms } from "../src/rules/lexicon/inflect.js";
import { verbForms } from "../src/rules/lexicon/verbs.js";

interface Lemmas {
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

function build(lemmas: Lemmas): string[] {
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

const root = packageRoot();
const lemmas = parse(readFileSync(join(root, "rules/lexicon/common-lemmas.yaml"), "utf8")) as Lemmas;
const forms = build(lemmas);
const header = [
  "# Mots courants du français (formes fléchies), utilisés par la règle easy-words.",
  "# FICHIER GÉNÉRÉ par scripts/build-common-words.ts depuis common-lemmas.yaml : ne pas modifier à la main.",
  "# Écrit par le projet falc, licence MIT du projet.",
];
writeFileSync(join(root, "rules/lexicon/common-words.txt"), `${header.join("\n")}\n${forms.join("\n")}\n`);
console.log(`${forms.length} formes écrites dans rules/lexicon/common-words.txt`);
