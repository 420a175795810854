import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { ExitCode, FalcError } from "../errors.js";
import type { RuleDefinition, RuleSet } from "../rules/schema.js";
import { validateRuleFile } from "./rule-file.js";
import { parseYaml } from "./ruleset.js";

/**
 * Rule packs (`rulePacks` in falc.config.json): folders or npm packages of rule files, written like
 * falc's own (rules/README.md) and validated the same way, layered over the built-in rules. A pack's
 * rule with a new id is added; with the id of a built-in rule, it replaces it; a later pack wins over
 * an earlier one. `rules` keeps its meaning: the settings of each rule, packs' rules included.
 *
 * A pack folder holds its rule files (`<id>.yaml`) directly, or in a `rules/` folder. A package is
 * found from the configuration's folder as Node finds it, and read the same way.
 */
export interface RulePacks {
  /** The packs as `rulePacks` names them, in order. */
  names: string[];
  rules: RuleDefinition[];
  /** Hash of the packs' rule files: part of the rule set's version, hence of the section cache key. */
  version: string;
}

function packError(file: string, message: string, hint?: string): FalcError {
  return new FalcError("config-invalid", `${file} : ${message}`, { file, exitCode: ExitCode.usage, hint: hint ?? "Corrigez « rulePacks » dans le fichier de configuration." });
}

const isFolder = (path: string): boolean => existsSync(path) && statSync(path).isDirectory();

/** The folder of a pack: a path (from the configuration's folder), else an installed npm package. */
function packFolder(name: string, configFile: string): string {
  const from = dirname(resolve(configFile));
  const local = resolve(from, name);
  const looksLikePath = /^(?:\.{1,2}[\\/]|[\\/~]|[A-Za-z]:[\\/])/.test(name) || name === "." || name === "..";
  if (looksLikePath || isFolder(local)) {
    if (!isFolder(local)) throw packError(configFile, `« rulePacks » : le dossier de règles « ${name} » est introuvable (cherché ici : ${local}).`);
    return local;
  }
  try {
    return dirname(createRequire(join(from, "falc.config.json")).resolve(`${name}/package.json`));
  } catch {
    throw packError(
      configFile,
      `« rulePacks » : « ${name} » n'est ni un dossier (à partir de ${from}) ni un paquet npm installé.`,
      `Installez le paquet (npm install ${name}) ou donnez le chemin de son dossier, par exemple « ./${name} ».`,
    );
  }
}

function ruleFiles(folder: string): string[] {
  const rules = isFolder(join(folder, "rules")) ? join(folder, "rules") : folder;
  return readdirSync(rules)
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => join(rules, name));
}

/** Reads and validates the packs `rulePacks` names; errors name the configuration, or the rule file and its line. */
export function loadRulePacks(value: unknown, configFile: string): RulePacks {
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string" || item.trim() === "")) {
    throw packError(configFile, "« rulePacks » doit être une liste de dossiers ou de paquets npm de règles, par exemple [\"./regles-maison\"].");
  }
  const names = (value as string[]).map((name) => name.trim());
  const hash = createHash("sha256");
  const byId = new Map<string, RuleDefinition>();
  const cwd = process.cwd();
  for (const name of names) {
    const folder = packFolder(name, configFile);
    const files = ruleFiles(folder);
    if (files.length === 0) throw packError(configFile, `« rulePacks » : le paquet de règles « ${name} » ne contient aucun fichier de règle (.yaml), ni dans ${folder}, ni dans ${join(folder, "rules")}.`);
    for (const path of files) {
      const content = readFileSync(path, "utf8");
      hash.update(name).update("\0").update(relative(folder, path)).update("\0").update(content).update("\0");
      const shown = relative(cwd, path) || path;
      const id = path.slice(path.lastIndexOf("/") + 1, -".yaml".length);
      const rule = validateRuleFile(parseYaml(content, shown), content, shown, id, name);
      byId.delete(rule.id);
      byId.set(rule.id, rule);
    }
  }
  return { names, rules: [...byId.values()], version: hash.digest("hex").slice(0, 16) };
}

const layered = new WeakMap<RuleSet, WeakMap<RulePacks, RuleSet>>();

/**
 * The rule set with the packs over it: a pack's rule takes the place of the built-in rule of the same
 * id, the others follow. The same pair gives the same object, so that rules are compiled once.
 */
export function layerRules(ruleSet: RuleSet, packs: RulePacks): RuleSet {
  let forSet = layered.get(ruleSet);
  if (forSet === undefined) layered.set(ruleSet, (forSet = new WeakMap()));
  const cached = forSet.get(packs);
  if (cached !== undefined) return cached;
  const fromPacks = new Map(packs.rules.map((rule) => [rule.id, rule]));
  const rules = ruleSet.rules.map((rule) => fromPacks.get(rule.id) ?? rule);
  const builtIn = new Set(ruleSet.rules.map((rule) => rule.id));
  rules.push(...packs.rules.filter((rule) => !builtIn.has(rule.id)));
  const effectiveVersion = createHash("sha256").update(ruleSet.effectiveVersion).update("\0packs\0").update(packs.version).digest("hex").slice(0, 16);
  const result: RuleSet = { ...ruleSet, rules, effectiveVersion, disabled: ruleSet.disabled.filter((id) => !fromPacks.has(id)) };
  forSet.set(packs, result);
  return result;
}
