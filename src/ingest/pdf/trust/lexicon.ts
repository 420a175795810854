import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: ReadonlySet<string> | undefined;

/**
 * The package's list of common French word forms (rules/lexicon/common-words.txt), read once. The
 * text judgement does not need it to work, only to be sure of more words: without the file it
 * falls back to judging every word by its letters. Read here rather than through config/ruleset,
 * which would load the whole rule engine into every PDF read.
 */
export function frenchWords(): ReadonlySet<string> {
  if (cached) return cached;
  const words = new Set<string>();
  try {
    for (const line of readFileSync(join(packageRoot(), "rules", "lexicon", "common-words.txt"), "utf8").split("\n")) {
      const word = line.trim();
      if (word && !word.startsWith("#")) words.add(word);
    }
  } catch {
    // No list: every word is judged by its letters.
  }
  cached = words;
  return cached;
}

/** The nearest folder above this module with a package.json (src/ and dist/ alike). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("package.json not found");
    dir = parent;
  }
  return dir;
}
