import { basename, dirname, extname, join } from "node:path";
import { ingestBytes } from "../ingest/index.js";
import { renderConvertMarkdown } from "../render/convert-md.js";
import type { RuleSet } from "../rules/schema.js";
import { analyzeDocument } from "../score/analyze.js";
import type { ConvertResult } from "./types.js";

/**
 * The « after » score of a conversion: the draft written as `.falc.md` and read back the way
 * `falc score` reads it (ingest → model → analysis), so that `convert --fail-under` and a
 * `falc score` gate judge one number. The `.falc.docx` scores the same: score/draft.ts leaves out
 * the parts of either that are for the staff.
 */
export async function draftScore(result: Pick<ConvertResult, "source" | "title" | "sections" | "glossary">, ruleSet: RuleSet): Promise<number | null> {
  const path = result.source.path;
  const draftPath = join(dirname(path), `${basename(path, extname(path))}.falc.md`);
  const markdown = new TextEncoder().encode(renderConvertMarkdown(result as ConvertResult));
  const document = await ingestBytes(markdown, draftPath, "md");
  return analyzeDocument(document, ruleSet).score;
}
