/**
 * Speed of the syllable counter on real French words: the words of UD French-GSD dev (sentences.txt),
 * repeated to about 2 million words, in text order.
 *
 *   node --import tsx bench/syllables.ts [corpusDir]
 *
 * Prints words per second for:
 * - `countSyllables`, each word sliced from the text at call time, as the tokenizer hands it over
 *   (a fresh string, so its hash is not cached): the realistic figure;
 * - `countSyllables` on a pre-split array (string hashes already cached by V8);
 * - the uncached path (`countToken`), every word computed from scratch: the cost of a cache miss.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { countSyllables } from "../src/analysis/syllables.js";
import { countToken } from "../src/analysis/syllables/token.js";
import { bestOf } from "./timing.js";

const TARGET_WORDS = 2_000_000;
const RUNS = 5;
const WORD = /[\p{L}\p{N}]+(?:['’\-‐][\p{L}\p{N}]+)*/gu;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const corpusDir = resolve(process.argv[2] ?? join(repoRoot, "../shared/corpus"));
const file = join(corpusDir, "ud-fr-gsd-dev", "sentences.txt");

const time = (run: () => unknown): number => bestOf(RUNS, run);

function report(label: string, words: number, ms: number): void {
  const perSecond = (words / ms) * 1000;
  console.log(`${label.padEnd(34)} ${(perSecond / 1e6).toFixed(2)} M words/s  (${words} words in ${ms.toFixed(1)} ms)`);
}

function main(): void {
  if (!existsSync(file)) {
    console.error(`Corpus not found: ${file}`);
    process.exit(1);
  }
  const once = readFileSync(file, "utf8");
  const onceWords = once.match(WORD)?.length ?? 1;
  const text = once.repeat(Math.ceil(TARGET_WORDS / onceWords));
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(WORD)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  const words = starts.map((start, k) => text.slice(start, ends[k]));
  const distinct = new Set(words).size;
  console.log(`${words.length} words (${distinct} distinct) from ${file}`);

  let sink = 0;
  const sliced = time(() => {
    for (let k = 0; k < starts.length; k++) sink += countSyllables(text.slice(starts[k], ends[k]));
  });
  report("countSyllables (sliced per call)", words.length, sliced);
  const array = time(() => {
    for (const word of words) sink += countSyllables(word);
  });
  report("countSyllables (pre-split array)", words.length, array);
  const vocabulary = [...new Set(words)];
  const uncached = time(() => {
    for (const word of vocabulary) sink += countToken(word, undefined);
  });
  report("uncached (distinct words)", vocabulary.length, uncached);
  console.log(`(checksum ${sink})`);
}

main();
