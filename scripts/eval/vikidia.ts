/**
 * Does the falc score separate easy from hard French? On Wikipedia/Vikidia sentence pairs (WiViCo v2
 * sample in ../shared/corpus), the Vikidia side (written for children) should score higher. Vikidia is
 * simpler French, not FALC: this checks the direction of the score, not a FALC verdict.
 *
 *   node --import tsx scripts/eval/vikidia.ts [corpusDir]
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { loadRuleSet } from "../../src/config/ruleset.js";
import type { RuleSet } from "../../src/rules/schema.js";
import { kandelMoles } from "../../src/score/readability.js";
import { computeScore } from "../../src/score/score.js";
import { measureText } from "../../src/score/analyze.js";
import { DEFAULT_CORPUS_DIR } from "./sentences.js";

export interface PairEval {
  pairs: number;
  /** Share of pairs where the simple side scores strictly higher. */
  simplerWins: number;
  ties: number;
  /** The same share for Kandel–Moles alone, for comparison. */
  kandelMolesWins: number;
  meanComplex: number;
  meanSimple: number;
}

/** The shipped score without the too-short guard (pairs are one to three sentences), and Kandel–Moles. */
export function rawScore(text: string, ruleSet: RuleSet): { score: number; kandelMoles: number } {
  const { stats, findings } = measureText(text, ruleSet);
  return { score: computeScore(stats, findings).raw, kandelMoles: kandelMoles(stats) };
}

export function evalPairs(corpusDir: string, ruleSet: RuleSet = loadRuleSet()): PairEval {
  const rows = readFileSync(join(corpusDir, "wikipedia-vikidia-pairs", "pairs.tsv"), "utf8").trim().split("\n").slice(1);
  let wins = 0;
  let ties = 0;
  let kmWins = 0;
  let sumComplex = 0;
  let sumSimple = 0;
  for (const row of rows) {
    const [complex = "", simple = ""] = row.split("\t");
    const wiki = rawScore(complex, ruleSet);
    const viki = rawScore(simple, ruleSet);
    const a = wiki.score;
    const b = viki.score;
    sumComplex += a;
    sumSimple += b;
    if (b > a) wins++;
    else if (b === a) ties++;
    if (viki.kandelMoles > wiki.kandelMoles) kmWins++;
  }
  const n = rows.length;
  return { pairs: n, simplerWins: wins / n, ties, kandelMolesWins: kmWins / n, meanComplex: sumComplex / n, meanSimple: sumSimple / n };
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (runDirectly) {
  const corpusDir = resolve(process.argv[2] ?? DEFAULT_CORPUS_DIR);
  if (!existsSync(join(corpusDir, "wikipedia-vikidia-pairs"))) {
    console.log(`Corpus absent (${corpusDir}) : évaluation ignorée.`);
  } else {
    const r = evalPairs(corpusDir);
    const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
    console.log(`Paires Wikipédia/Vikidia : ${r.pairs}`);
    console.log(`  Vikidia mieux noté (score falc) : ${pct(r.simplerWins)} (égalités : ${r.ties})`);
    console.log(`  Vikidia mieux noté (Kandel–Moles seul) : ${pct(r.kandelMolesWins)}`);
    console.log(`  Score moyen : Wikipédia ${r.meanComplex.toFixed(1)}, Vikidia ${r.meanSimple.toFixed(1)}`);
  }
}
