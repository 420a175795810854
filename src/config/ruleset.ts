import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { FalcError } from "../errors.js";
import type { Lexicons } from "../rules/lexicon/lexicons.js";
import { parseCommonWords, validateAcronyms, validateDifficultWords } from "../rules/lexicon/validate.js";
import type { RuleDefinition, RuleSet } from "../rules/schema.js";
import { validateRuleFile } from "./rule-file.js";

/** The package root: the nearest folder above this module that has a package.json (works from src/ and dist/). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new FalcError("package-root", "Impossible de trouver le dossier du paquet falc (package.json).");
    dir = parent;
  }
}

export function defaultRulesDir(): string {
  return join(packageRoot(), "rules");
}

const cache = new Map<string, RuleSet>();

/** Reads and validates the rule files and word lists of `rulesDir` (default: the package's `rules/`). Cached per folder. */
export function loadRuleSet(rulesDir: string = defaultRulesDir()): RuleSet {
  const dir = resolve(rulesDir);
  const cached = cache.get(dir);
  if (cached) return cached;
  const hash = createHash("sha256");
  const read = (path: string): string => {
    let content: string;
    try {
      content = readFileSync(path, "utf8");
    } catch (error) {
      throw new FalcError("rules-missing", `Fichier de règles illisible : ${displayPath(dir, path)}.`, { file: path, cause: error });
    }
    hash.update(relative(dir, path)).update("\0").update(content).update("\0");
    return content;
  };
  const rulesFolder = join(dir, "rules");
  if (!existsSync(rulesFolder)) throw new FalcError("rules-missing", `Dossier de règles introuvable : ${rulesFolder}.`, { file: rulesFolder });
  const rules: RuleDefinition[] = [];
  const precompiled = precompiledFor(dir);
  for (const name of readdirSync(rulesFolder).filter((n) => n.endsWith(".yaml")).sort()) {
    const path = join(rulesFolder, name);
    const shown = displayPath(dir, path);
    const content = read(path);
    rules.push(validateRuleFile(parseYaml(content, shown, precompiled, `rules/${name}`), content, shown, name.slice(0, -".yaml".length)));
  }
  const difficultPath = join(dir, "lexicon", "difficult-words.yaml");
  const acronymsPath = join(dir, "lexicon", "acronyms.yaml");
  const commonPath = join(dir, "lexicon", "common-words.txt");
  const difficultWords = validateDifficultWords(parseYaml(read(difficultPath), displayPath(dir, difficultPath), precompiled, "lexicon/difficult-words.yaml"), displayPath(dir, difficultPath));
  const { acronyms, ignore } = validateAcronyms(parseYaml(read(acronymsPath), displayPath(dir, acronymsPath), precompiled, "lexicon/acronyms.yaml"), displayPath(dir, acronymsPath));
  const lexicons: Lexicons = { difficultWords, acronyms, ignoredCaps: ignore, commonWords: parseCommonWords(read(commonPath)) };
  const rulesVersion = hash.digest("hex").slice(0, 16);
  const ruleSet: RuleSet = { rules, lexicons, rulesVersion, effectiveVersion: rulesVersion, disabled: [] };
  cache.set(dir, ruleSet);
  return ruleSet;
}

function displayPath(dir: string, path: string): string {
  return join(relative(dirname(dir), dir) || ".", relative(dir, path));
}

type Precompiled = Record<string, { sha256: string; data: unknown }>;

/**
 * The build parses the package's YAML once into dist/rules-parsed.json (scripts/precompile-rules.mjs);
 * a YAML parser costs more than the rest of `falc score` on a short text. Only used for the package's
 * own rules folder, and per file only when its content still has the same hash.
 */
function precompiledFor(dir: string): Precompiled | undefined {
  if (dir !== resolve(defaultRulesDir())) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(join(packageRoot(), "dist", "rules-parsed.json"), "utf8")) as { version: number; files: Precompiled };
    return parsed.version === 1 ? parsed.files : undefined;
  } catch {
    return undefined;
  }
}

const requireCjs = createRequire(import.meta.url);

export function parseYaml(content: string, file: string, precompiled?: Precompiled, key?: string): unknown {
  const entry = key === undefined ? undefined : precompiled?.[key];
  if (entry && entry.sha256 === createHash("sha256").update(content).digest("hex")) return entry.data;
  try {
    const { parse } = requireCjs("yaml") as typeof import("yaml");
    return parse(content);
  } catch (error) {
    throw new FalcError("rule-yaml", `${file} : YAML invalide : ${(error as Error).message}`, { file, cause: error });
  }
}
