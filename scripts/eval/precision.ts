/**
 * Precision of the rules on the labelled set (tests/data/precision/findings.jsonl), and the density
 * of findings on the real documents.
 *
 *   node --import tsx scripts/eval/precision.ts [docsDir]
 *
 * « before » is the set as drawn: every labelled finding was raised then. « after » replays each
 * labelled sentence through the checker today: precision = labelled true still raised / labelled
 * findings still raised (a fixed false alarm leaves the denominator; a lost true one shows as recall).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadRuleSet } from "../../src/config/ruleset.js";
import { ingestFile } from "../../src/ingest/index.js";
import { checkDocument } from "../../src/rules/engine.js";
import type { RuleSet } from "../../src/rules/schema.js";
import { analyzeDocument } from "../../src/score/analyze.js";
import { DEFAULT_DOCS, flaggedInSentence } from "./precision-sample.js";

export interface Labelled {
  rule: string;
  sentence: string;
  flagged: string;
  verdict: boolean;
  note?: string;
  source: string;
}

export const LABELLED_SET = join(dirname(fileURLToPath(import.meta.url)), "../../tests/data/precision/findings.jsonl");

export function readLabelled(path = LABELLED_SET): Labelled[] {
  return readFileSync(path, "utf8").split("\n").filter((line) => line.trim() !== "").map((line) => JSON.parse(line) as Labelled);
}

export interface RulePrecision {
  rule: string;
  labelled: number;
  before: number;
  /** Labelled findings the checker still raises. */
  raised: number;
  after: number;
  /** Labelled true findings no longer raised. */
  lostTrue: number;
}

export function precisionByRule(set: readonly Labelled[], ruleSet: RuleSet): RulePrecision[] {
  const byRule = new Map<string, Labelled[]>();
  for (const item of set) byRule.set(item.rule, [...(byRule.get(item.rule) ?? []), item]);
  return [...byRule.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([rule, items]) => {
    const stillRaised = items.filter((item) => flaggedInSentence(ruleSet, rule, item.sentence).includes(item.flagged));
    const trueBefore = items.filter((item) => item.verdict).length;
    const trueAfter = stillRaised.filter((item) => item.verdict).length;
    return {
      rule,
      labelled: items.length,
      before: trueBefore / items.length,
      raised: stillRaised.length,
      after: stillRaised.length === 0 ? 1 : trueAfter / stillRaised.length,
      lostTrue: trueBefore - trueAfter,
    };
  });
}

/** Warning- and error-level findings per 1,000 words of each document. */
export async function densities(docsDir: string, ruleSet: RuleSet): Promise<{ file: string; words: number; findings: number; perThousand: number }[]> {
  const out = [];
  for (const name of readdirSync(docsDir).sort()) {
    let document;
    try {
      document = await ingestFile(join(docsDir, name));
    } catch {
      continue;
    }
    const words = analyzeDocument(document, ruleSet).stats.words;
    const findings = checkDocument(document, ruleSet).filter((finding) => finding.severity !== "info").length;
    out.push({ file: name, words, findings, perThousand: words === 0 ? 0 : (1000 * findings) / words });
  }
  return out;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const ruleSet = loadRuleSet();
  const set = readLabelled();
  const rows = precisionByRule(set, ruleSet);
  console.log("| règle | étiquetées | avant | encore signalées | après | vrais perdus |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const row of rows) console.log(`| ${row.rule} | ${row.labelled} | ${pct(row.before)} | ${row.raised} | ${pct(row.after)} | ${row.lostTrue} |`);
  const trueCount = set.filter((item) => item.verdict).length;
  const raised = rows.reduce((sum, row) => sum + row.raised, 0);
  const trueAfter = rows.reduce((sum, row) => sum + row.after * row.raised, 0);
  console.log(`| **toutes** | ${set.length} | ${pct(trueCount / set.length)} | ${raised} | ${pct(trueAfter / raised)} | ${rows.reduce((s, r) => s + r.lostTrue, 0)} |`);
  console.log("\n| document | mots | constats (avertissement, erreur) | pour 1 000 mots |");
  console.log("|---|---:|---:|---:|");
  for (const row of await densities(process.argv[2] ?? DEFAULT_DOCS, ruleSet)) {
    console.log(`| ${row.file} | ${row.words} | ${row.findings} | ${row.perThousand.toFixed(1)} |`);
  }
}
