/**
 * The fidelity set of tests/data/fidelity-real/ (see its README.md): excerpts of real documents, a
 * faithful easy-to-read rewrite of each, and mistakes planted in that rewrite, each with what a good
 * second reader answers about it. Self-contained: nothing here reads the shared corpus.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { MeaningChange } from "../../src/rewrite/types.js";

export const FIDELITY_DIR = join(dirname(fileURLToPath(import.meta.url)), "../../tests/data/fidelity-real");

/** What was planted: the kinds the issue lists, plus « time » (an hour) and « other ». */
export const MISTAKE_KINDS = ["amount", "date", "time", "duration", "condition", "negation", "obligation", "deadline", "person", "other"] as const;
export type MistakeKind = (typeof MISTAKE_KINDS)[number];

export interface Mistake {
  kind: MistakeKind;
  /** Text of the faithful rewrite (found there exactly once)… */
  from: string;
  /** …replaced by this ("" = dropped). */
  to: string;
  /** What a good second reader says of it; null where a good small model may well not see it. */
  checker: MeaningChange | null;
}

export interface FidelityCase {
  id: string;
  /** The document it comes from (a file of /work/shared/corpus/real-docs). */
  source: string;
  /** The heading the excerpt is given in the test document. */
  section: string;
  /** The section of `falc extract` the excerpt was cut from. */
  extractedFrom: string;
  original: string;
  /** One sentence per line, as falc's rewrites are. */
  faithful: string[];
  mistakes: Mistake[];
}

export function loadCases(dir = FIDELITY_DIR): FidelityCase[] {
  const cases: FidelityCase[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".json")).sort()) {
    const data = JSON.parse(readFileSync(join(dir, file), "utf8")) as { source: string; cases: Omit<FidelityCase, "source">[] };
    for (const item of data.cases) cases.push({ ...item, source: data.source });
  }
  return cases;
}

/** The rewrite with the given mistakes planted (all of them by default), one sentence per line. */
export function plant(item: FidelityCase, which: readonly number[] = item.mistakes.map((_, i) => i)): string[] {
  let text = item.faithful.join("\n");
  for (const index of which) {
    const mistake = item.mistakes[index]!;
    if (text.split(mistake.from).length !== 2) throw new Error(`${item.id}, mistake ${index + 1}: « ${mistake.from} » is not in the rewrite exactly once`);
    text = text.replace(mistake.from, mistake.to);
  }
  return text.split("\n").filter((line) => line.trim() !== "");
}

/**
 * The mistakes of `item` a rewrite carries: those whose faithful text is gone from it. This is how
 * the simulated second reader decides what to answer, from what it is sent, not from a label.
 */
export function plantedIn(item: FidelityCase, rewrite: string): Mistake[] {
  const text = rewrite.replace(/\s*\n\s*/g, "\n");
  return item.mistakes.filter((mistake) => !text.includes(mistake.from.replace(/\s*\n\s*/g, "\n")));
}
