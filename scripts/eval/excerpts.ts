/**
 * Findings whose excerpt does not contain the flagged text, per document (issue 11: a reviewer must see
 * the word a finding is about). Reads each file the way `falc score` does.
 *
 *   node --import tsx scripts/eval/excerpts.ts [file or dir …]   (default: ../shared/corpus/real-docs)
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadRuleSet } from "../../src/config/ruleset.js";
import { ingestFile } from "../../src/ingest/index.js";
import { MAX_EXCERPT } from "../../src/rules/excerpt.js";
import type { Finding } from "../../src/rules/finding.js";
import { analyzeDocument } from "../../src/score/analyze.js";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const DEFAULT_DIR = resolve(REPO_ROOT, "../shared/corpus/real-docs");

export interface ExcerptCount {
  path: string;
  findings: number;
  misses: number;
  longest: number;
  /** Findings whose span is longer than an excerpt: only its beginning can be shown. */
  longSpans: number;
}

/**
 * A miss: the flagged text (as in the document) is not where `excerptOffset` says, nor anywhere in the
 * excerpt. A span longer than an excerpt (a whole block for a layout rule) must show its beginning, cut
 * with « … ».
 */
export function excerptMisses(text: string, finding: Finding): boolean {
  const flagged = text.slice(finding.offset, finding.offset + finding.length);
  if (flagged === "") return false;
  const at = finding.excerptOffset ?? -1;
  if (finding.excerpt.slice(at, at + flagged.length) === flagged) return false;
  if (flagged.length > MAX_EXCERPT && at >= 0 && finding.excerpt.endsWith(" …")) {
    const visible = finding.excerpt.slice(at, -2);
    return visible.length < MAX_EXCERPT / 2 || !flagged.startsWith(visible);
  }
  return !finding.excerpt.includes(flagged);
}

export async function countExcerptMisses(path: string): Promise<ExcerptCount> {
  const document = await ingestFile(path);
  const report = analyzeDocument(document, loadRuleSet());
  const misses = report.findings.filter((finding) => excerptMisses(document.text, finding)).length;
  const longest = Math.max(0, ...report.findings.map((finding) => finding.excerpt.length));
  const longSpans = report.findings.filter((finding) => finding.length > MAX_EXCERPT).length;
  return { path, findings: report.findings.length, misses, longest, longSpans };
}

function inputs(args: string[]): string[] {
  const roots = args.length > 0 ? args : [DEFAULT_DIR];
  return roots.flatMap((root) =>
    statSync(root).isDirectory() ? readdirSync(root).sort().map((name) => join(root, name)) : [root],
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const paths = inputs(process.argv.slice(2)).filter((path) => existsSync(path));
  let total = 0;
  for (const path of paths) {
    let count: ExcerptCount;
    try {
      count = await countExcerptMisses(path);
    } catch (error) {
      console.log(`  unreadable          ${path.split("/").pop()}: ${(error as Error).message.slice(0, 80)}`);
      continue;
    }
    total += count.misses;
    console.log(`${String(count.misses).padStart(5)} / ${String(count.findings).padStart(5)}  longest ${String(count.longest).padStart(4)}  long spans ${String(count.longSpans).padStart(3)}  ${path.split("/").pop()}`);
  }
  console.log(`total misses: ${total}`);
}
