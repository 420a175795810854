/**
 * Exact-match accuracy of the syllable counter on the hand-labelled list tests/data/syllables.tsv:
 * overall, on the held-out words, per trap category, and the list of errors.
 *
 *   node --import tsx scripts/eval/syllables.ts
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { countSyllables } from "../../src/analysis/syllables.js";

export interface LabelledWord {
  word: string;
  syllables: number;
  category: string;
  set: "dev" | "heldout";
}

export interface SyllableMiss extends LabelledWord {
  got: number;
}

export interface Accuracy {
  correct: number;
  total: number;
}

export interface SyllableEval {
  overall: Accuracy;
  dev: Accuracy;
  heldout: Accuracy;
  byCategory: Map<string, Accuracy>;
  misses: SyllableMiss[];
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const DEFAULT_TSV = resolve(REPO_ROOT, "tests/data/syllables.tsv");

export function loadLabelledWords(file = DEFAULT_TSV): LabelledWord[] {
  const words: LabelledWord[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    const [word = "", syllables = "", category = "", set = ""] = line.split("\t");
    if (set !== "dev" && set !== "heldout") throw new Error(`Bad set column in ${file}: ${line}`);
    words.push({ word, syllables: Number(syllables), category, set });
  }
  return words;
}

function add(map: Map<string, Accuracy>, key: string, ok: boolean): void {
  const acc = map.get(key) ?? { correct: 0, total: 0 };
  acc.total++;
  if (ok) acc.correct++;
  map.set(key, acc);
}

export function evaluate(words: LabelledWord[], count: (word: string) => number = countSyllables): SyllableEval {
  const byCategory = new Map<string, Accuracy>();
  const bySet = new Map<string, Accuracy>();
  const misses: SyllableMiss[] = [];
  for (const entry of words) {
    const got = count(entry.word);
    const ok = got === entry.syllables;
    add(byCategory, entry.category, ok);
    add(bySet, entry.set, ok);
    if (!ok) misses.push({ ...entry, got });
  }
  const dev = bySet.get("dev") ?? { correct: 0, total: 0 };
  const heldout = bySet.get("heldout") ?? { correct: 0, total: 0 };
  const overall = { correct: dev.correct + heldout.correct, total: dev.total + heldout.total };
  return { overall, dev, heldout, byCategory, misses };
}

function percent(acc: Accuracy): string {
  const value = acc.total === 0 ? 0 : (100 * acc.correct) / acc.total;
  return `${value.toFixed(1)} % (${acc.correct}/${acc.total})`;
}

export function evalSyllables(file = DEFAULT_TSV): SyllableEval {
  const result = evaluate(loadLabelledWords(file));
  console.log(`overall   ${percent(result.overall)}`);
  console.log(`dev       ${percent(result.dev)}`);
  console.log(`held-out  ${percent(result.heldout)}`);
  console.log("\nper category:");
  for (const [category, acc] of [...result.byCategory].sort((a, b) => a[0].localeCompare(b[0]))) {
    console.log(`  ${category.padEnd(16)} ${percent(acc)}`);
  }
  console.log(`\nerrors (${result.misses.length}):`);
  for (const miss of result.misses) {
    console.log(`  ${miss.word.padEnd(18)} expected ${miss.syllables}, got ${miss.got}  [${miss.category}, ${miss.set}]`);
  }
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  evalSyllables();
}
