/**
 * Words per second of checkText with every rule on, in-process, one thread.
 *   node --import tsx bench/rules.ts [file]
 * Input: the UD French-GSD sentences (../shared/corpus) repeated to about 2 MB. The analysis shared by
 * the rules (tokenizer, sentence splitter) is timed apart, so the rules' own cost is visible too.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { splitSentences } from "../src/analysis/sentences.js";
import { tokenize } from "../src/analysis/tokens.js";
import { countWords } from "../src/analysis/words.js";
import { loadRuleSet, packageRoot } from "../src/config/ruleset.js";
import { checkText } from "../src/rules/engine.js";

const TARGET_CHARS = 2_000_000;
const RUNS = 5;

const root = packageRoot();
const input = process.argv[2] ?? join(root, "..", "shared", "corpus", "ud-fr-gsd-dev", "sentences.txt");
if (!existsSync(input)) {
  console.log(`Corpus absent (${input}) : rien à mesurer.`);
  process.exit(0);
}
const base = readFileSync(input, "utf8");
let text = base;
while (text.length < TARGET_CHARS) text += `\n${base}`;
const words = countWords(text);

const loadStart = performance.now();
const ruleSet = loadRuleSet();
const loadMs = performance.now() - loadStart;
checkText(base, ruleSet); // warm-up: compiles the rules and the lexicons once

/** Best wall time of RUNS runs, and the CPU time of that run (other processes on the machine do not count). */
function best(run: () => unknown): number {
  let min = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    run();
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    if (wall < min) {
      min = wall;
      lastCpuMs = (used.user + used.system) / 1000;
    }
  }
  return min;
}

let lastCpuMs = 0;
let findings = 0;
const totalMs = best(() => (findings = checkText(text, ruleSet).length));
const totalCpuMs = lastCpuMs;
const analysisMs = best(() => {
  tokenize(text);
  splitSentences(text);
});

const rate = (ms: number): string => `${Math.round(words / (ms / 1000)).toLocaleString("fr-FR")} mots/s`;
console.log(`Texte : ${(text.length / 1e6).toFixed(2)} M caractères, ${words.toLocaleString("fr-FR")} mots, ${ruleSet.rules.length} règles (chargement ${loadMs.toFixed(0)} ms).`);
console.log(`checkText, toutes les règles : ${totalMs.toFixed(0)} ms → ${rate(totalMs)} (${findings} constats) ; temps processeur ${totalCpuMs.toFixed(0)} ms.`);
console.log(`dont tokenisation + découpage en phrases : ${analysisMs.toFixed(0)} ms ; règles seules : ${(totalMs - analysisMs).toFixed(0)} ms → ${rate(totalMs - analysisMs)}.`);
