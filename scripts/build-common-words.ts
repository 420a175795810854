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
import { buildCommonWords, COMMON_WORDS_HEADER, type CommonLemmas } from "../src/rules/lexicon/common-words.js";

const root = packageRoot();
const lemmas = parse(readFileSync(join(root, "rules/lexicon/common-lemmas.yaml"), "utf8")) as CommonLemmas;
const forms = buildCommonWords(lemmas);
writeFileSync(join(root, "rules/lexicon/common-words.txt"), `${COMMON_WORDS_HEADER.join("\n")}\n${forms.join("\n")}\n`);
console.log(`${forms.length} formes écrites dans rules/lexicon/common-words.txt`);
