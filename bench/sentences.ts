/**
 * Speed of the sentence splitter and the tokenizer on real French text: the GSD documents, one per line,
 * repeated to about 5 MB. Prints words per second (words as countWords counts them).
 *
 *   node --import tsx bench/sentences.ts [corpusDir]
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { splitSentences } from "../src/analysis/sentences.js";
import { tokenize } from "../src/analysis/tokens.js";
import { countWords } from "../src/analysis/words.js";
import { bestOf } from "./timing.js";

const TARGET_CHARS = 5_000_000;
const RUNS = 5;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpusDir = resolve(process.argv[2] ?? join(repoRoot, "../shared/corpus"));
const docsFile = join(corpusDir, "ud-fr-gsd-dev", "docs.jsonl");

function loadText(): string {
  const docs = readFileSync(docsFile, "utf8")
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => (JSON.parse(line) as { text: string }).text);
  const once = docs.join("\n");
  return once.repeat(Math.ceil(TARGET_CHARS / once.length));
}

const time = (run: () => unknown): number => bestOf(RUNS, run);

function report(name: string, words: number, ms: number, extra: string): void {
  const rate = (words / ms) * 1000;
  console.log(`  ${name.padEnd(16)} ${ms.toFixed(1).padStart(8)} ms  ${(rate / 1e6).toFixed(2).padStart(6)} M mots/s  ${extra}`);
}

if (!existsSync(docsFile)) {
  console.log(`Corpus absent (${docsFile}) : banc d'essai ignoré.`);
} else {
  const text = loadText();
  const words = countWords(text);
  console.log(`Texte : ${(text.length / 1e6).toFixed(1)} M caractères, ${words} mots (GSD répété)`);
  let sentences = 0;
  let tokens = 0;
  report("splitSentences", words, time(() => (sentences = splitSentences(text).length)), `${sentences} phrases`);
  report("tokenize", words, time(() => (tokens = tokenize(text).length)), `${tokens} jetons`);
  report("countWords", words, time(() => countWords(text)), "");
  // How a pipeline uses them: split, then tokenize each sentence; tokens die young, as in real use.
  report("split+tokenize", words, time(() => {
    let count = 0;
    for (const sentence of splitSentences(text)) count += tokenize(sentence.text).length;
    return count;
  }), "par phrase");
}
