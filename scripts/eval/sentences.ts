/**
 * Sentence-boundary accuracy on UD French-GSD (dev): each document is 20 gold sentences joined by a space;
 * we compare the end offset of every predicted sentence with the gold `ends`.
 *
 *   node --import tsx scripts/eval/sentences.ts [corpusDir]
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { splitSentences } from "../../src/analysis/sentences.js";

interface GoldDoc {
  id: string;
  text: string;
  sentences: string[];
  ends: number[];
}

export interface SentenceEval {
  precision: number;
  recall: number;
  f1: number;
  /** Documents whose boundaries are all right. */
  exactDocs: number;
  docs: number;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const DEFAULT_CORPUS_DIR = resolve(REPO_ROOT, "../shared/corpus");

function readDocs(corpusDir: string): GoldDoc[] {
  const file = join(corpusDir, "ud-fr-gsd-dev", "docs.jsonl");
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as GoldDoc);
}

function score(counts: Counts): { precision: number; recall: number; f1: number } {
  const precision = counts.tp / Math.max(1, counts.tp + counts.fp);
  const recall = counts.tp / Math.max(1, counts.tp + counts.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function compare(gold: Set<number>, predicted: Set<number>, counts: Counts): boolean {
  let exact = gold.size === predicted.size;
  for (const end of predicted) {
    if (gold.has(end)) counts.tp++;
    else {
      counts.fp++;
      exact = false;
    }
  }
  for (const end of gold) if (!predicted.has(end)) counts.fn++;
  return exact;
}

/** Evaluates `splitSentences` on the GSD documents of `corpusDir` and prints a short report. */
export async function evalSentences(corpusDir: string): Promise<SentenceEval> {
  const docs = readDocs(corpusDir);
  const inner: Counts = { tp: 0, fp: 0, fn: 0 };
  const all: Counts = { tp: 0, fp: 0, fn: 0 };
  let exactDocs = 0;
  for (const doc of docs) {
    const predicted = splitSentences(doc.text).map((span) => span.end);
    const docEnd = doc.text.trimEnd().length;
    const gold = new Set(doc.ends);
    const found = new Set(predicted);
    compare(gold, found, all);
    gold.delete(docEnd);
    found.delete(docEnd);
    if (compare(gold, found, inner)) exactDocs++;
  }
  const result = { ...score(inner), exactDocs, docs: docs.length };
  const withEnd = score(all);
  const pct = (x: number) => x.toFixed(3);
  console.log(`Découpage en phrases — UD French-GSD dev, ${docs.length} documents`);
  console.log(
    `  frontières internes (la fin de chaque document, toujours juste, est exclue) : ` +
      `${inner.tp + inner.fn} attendues, ${inner.tp + inner.fp} trouvées`,
  );
  console.log(`  précision ${pct(result.precision)}  rappel ${pct(result.recall)}  F1 ${pct(result.f1)}`);
  console.log(`  en comptant aussi la fin des documents : précision ${pct(withEnd.precision)}  rappel ${pct(withEnd.recall)}  F1 ${pct(withEnd.f1)}`);
  console.log(`  documents découpés exactement : ${exactDocs}/${docs.length} (${((100 * exactDocs) / Math.max(1, docs.length)).toFixed(1)} %)`);
  return result;
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (runDirectly) {
  const corpusDir = resolve(process.argv[2] ?? DEFAULT_CORPUS_DIR);
  if (!existsSync(join(corpusDir, "ud-fr-gsd-dev", "docs.jsonl"))) {
    console.log(`Corpus absent (${corpusDir}/ud-fr-gsd-dev/docs.jsonl) : évaluation du découpage en phrases ignorée.`);
  } else {
    await evalSentences(corpusDir);
  }
}
