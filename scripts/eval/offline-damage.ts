/**
 * The offline rewrite's damage per document (issue 11): sentence fragments and words of the original
 * lost from the draft (see tests/helpers/offline-damage.ts for what counts), and acronyms explained
 * twice or where they are not used. Converts each file in-process, with no cache.
 *
 *   node --import tsx scripts/eval/offline-damage.ts [--verbose] [file or dir …]
 *   (default: ../shared/corpus/real-docs and fixtures/*.md, *.docx)
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isFalcError } from "../../src/errors.js";
import { loadRuleSet } from "../../src/config/ruleset.js";
import type { Block } from "../../src/model/types.js";
import { ingestFile } from "../../src/ingest/index.js";
import { convertDocument } from "../../src/rewrite/pipeline.js";
import { buildPrompt } from "../../src/rewrite/prompt.js";
import { createOfflineProvider } from "../../src/rewrite/providers/offline/index.js";
import type { RuleSet } from "../../src/rules/schema.js";
import { acronymRepeats, sectionDamage } from "../../tests/helpers/offline-damage.js";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const REAL_DOCS = resolve(REPO_ROOT, "../shared/corpus/real-docs");
export const FIXTURES = resolve(REPO_ROOT, "fixtures");

export interface DocumentDamage {
  path: string;
  words: number;
  lost: string[];
  fragments: string[];
  repeated: string[];
  unused: string[];
}

export async function documentDamage(path: string, ruleSet: RuleSet): Promise<DocumentDamage> {
  const document = await ingestFile(path);
  const result = await convertDocument(document, { provider: createOfflineProvider(ruleSet), ruleSet, prompt: buildPrompt(ruleSet), maxRepairs: 0 });
  const out: DocumentDamage = { path, words: 0, lost: [], fragments: [], ...acronymRepeats(result.sections) };
  for (const section of result.sections) {
    const damage = sectionDamage(section.original, section.falc, ruleSet, tableHeaders(section.originalBlocks));
    out.words += damage.words;
    out.lost.push(...damage.lost);
    out.fragments.push(...damage.fragments);
  }
  return out;
}

/** The cells of the first row of each table: its column names, when it has them. */
export function tableHeaders(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block) => (block.type === "table" ? (block.rows[0] ?? []).map((cell) => cell.text) : []));
}

export function defaultInputs(): string[] {
  const real = existsSync(REAL_DOCS) ? readdirSync(REAL_DOCS).sort().map((f) => join(REAL_DOCS, f)) : [];
  const fixtures = readdirSync(FIXTURES).filter((f) => /\.(?:md|docx)$/u.test(f) && f !== "README.md").sort().map((f) => join(FIXTURES, f));
  return [...real, ...fixtures];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const verbose = args.includes("--verbose");
  const named = args.filter((a) => a !== "--verbose");
  const inputs = named.length === 0 ? defaultInputs() : named.flatMap((p) => (statSync(p).isDirectory() ? readdirSync(p).sort().map((f) => join(p, f)) : [p]));
  const ruleSet = loadRuleSet();
  console.log("document\tmots\tfragments\tmots perdus\tsigles répétés\tsigles sans emploi");
  for (const path of inputs) {
    const d = await documentDamage(path, ruleSet).catch((error: unknown) => {
      if (isFalcError(error)) console.log(`${basename(path)}\tillisible : ${error.code}`);
      else throw error;
      return undefined;
    });
    if (d === undefined) continue;
    console.log(`${basename(path)}\t${d.words}\t${d.fragments.length}\t${d.lost.length}\t${d.repeated.length}\t${d.unused.length}`);
    if (verbose) {
      for (const f of d.fragments) console.log(`  fragment : ${f}`);
      for (const w of d.lost) console.log(`  perdu : ${w}`);
      if (d.repeated.length > 0) console.log(`  répétés : ${d.repeated.join(", ")}`);
      if (d.unused.length > 0) console.log(`  sans emploi : ${d.unused.join(", ")}`);
    }
  }
}
