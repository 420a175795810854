import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../../../config/ruleset.js";
import { parseCommonWords } from "../../../rules/lexicon/validate.js";

let cached: ReadonlySet<string> | undefined;

/**
 * The package's list of common French word forms (rules/lexicon/common-words.txt), read once. The
 * text judgement does not need it to work, only to be sure of more words: without the file it
 * falls back to judging every word by its letters. Read here rather than through loadRuleSet,
 * which would load and validate the whole rule set for every PDF read.
 */
export function frenchWords(): ReadonlySet<string> {
  if (cached) return cached;
  try {
    cached = parseCommonWords(readFileSync(join(packageRoot(), "rules", "lexicon", "common-words.txt"), "utf8"));
  } catch {
    // No list: every word is judged by its letters.
    cached = new Set();
  }
  return cached;
}
