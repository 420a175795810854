// Runs over the compiled library, as users do: words per second of the rule checking alone and of the
// whole analysis (rules + figures + score) on the shared corpus text, in 10-line paragraphs.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadRuleSet } from "../dist/config/ruleset.js";
import { findingsForText } from "../dist/rules/engine.js";
import { analyzeText } from "../dist/score/analyze.js";
import { countWords } from "../dist/analysis/words.js";

const root = join(import.meta.dirname, "..");
const corpus = join(root, "..", "shared", "corpus", "ud-fr-gsd-dev", "sentences.txt");
const source = existsSync(corpus) ? corpus : join(root, "fixtures", "contrat-de-sejour.md");
const base = readFileSync(source, "utf8");
const text = base.repeat(Math.ceil(2_000_000 / base.length));
const lines = text.split("\n");
const paragraphs = [];
for (let i = 0; i < lines.length; i += 10) paragraphs.push(lines.slice(i, i + 10).join("\n"));
const ruleSet = loadRuleSet();
const words = countWords(text);
const rate = (work) => {
  for (const paragraph of paragraphs.slice(0, 300)) work(paragraph);
  const runs = [];
  for (let r = 0; r < 5; r++) {
    const start = performance.now();
    for (const paragraph of paragraphs) work(paragraph);
    runs.push(words / ((performance.now() - start) / 1000));
  }
  return runs.sort((a, b) => a - b)[2];
};
process.stdout.write(JSON.stringify({
  rules: rate((p) => findingsForText(p, ruleSet)),
  analyze: rate((p) => analyzeText(p, ruleSet)),
  words,
  source: source.replace(root + "/", ""),
}));
