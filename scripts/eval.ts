/**
 * `npm run eval`: accuracy of the French analysis, measured against gold data.
 * - sentence boundaries against UD French-GSD (../shared/corpus, skipped when absent);
 * - syllables against the hand-labelled list tests/data/syllables.tsv;
 * - the score against Wikipedia/Vikidia pairs (../shared/corpus, skipped when absent);
 * - the score of each shipped fixture.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { evalSentences, DEFAULT_CORPUS_DIR } from "./eval/sentences.js";
import { evaluate, loadLabelledWords } from "./eval/syllables.js";
import { evalPairs } from "./eval/vikidia.js";
import { scoreFiles } from "../src/commands/score.js";

const corpusDir = resolve(process.argv[2] ?? DEFAULT_CORPUS_DIR);
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

console.log("== Découpage en phrases ==");
if (existsSync(join(corpusDir, "ud-fr-gsd-dev", "docs.jsonl"))) await evalSentences(corpusDir);
else console.log(`Corpus absent (${corpusDir}) : ignoré.`);

console.log("\n== Syllabes ==");
const syllables = evaluate(loadLabelledWords());
const rate = (a: { correct: number; total: number }) => `${a.correct}/${a.total} (${pct(a.correct / a.total)})`;
console.log(`Exactes : ${rate(syllables.overall)} ; mots réservés (held-out) : ${rate(syllables.heldout)}`);
for (const miss of syllables.misses) console.log(`  ${miss.word} : attendu ${miss.syllables}, obtenu ${miss.got} [${miss.category}]`);

console.log("\n== Score : paires Wikipédia / Vikidia ==");
if (existsSync(join(corpusDir, "wikipedia-vikidia-pairs", "pairs.tsv"))) {
  const pairs = evalPairs(corpusDir);
  console.log(`Vikidia mieux noté dans ${pct(pairs.simplerWins)} des ${pairs.pairs} paires (Kandel–Moles seul : ${pct(pairs.kandelMolesWins)}).`);
  console.log(`Score moyen : Wikipédia ${pairs.meanComplex.toFixed(1)}, Vikidia ${pairs.meanSimple.toFixed(1)}.`);
} else console.log(`Corpus absent (${corpusDir}) : ignoré.`);

console.log("\n== Score des documents d’exemple ==");
const fixtures = ["contrat-de-sejour", "reglement-de-fonctionnement", "livret-d-accueil", "livret-falc"];
for (const format of ["docx", "pdf", "odt", "md"]) {
  const { report } = await scoreFiles(fixtures.map((name) => `fixtures/${name}.${format}`));
  console.log(`${format.padEnd(4)} ${report.files.map((f) => `${f.path.replace(/^fixtures\//, "")} ${f.score}`).join(" · ")}`);
}
