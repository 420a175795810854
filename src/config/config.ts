import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ExitCode, FalcError } from "../errors.js";
import { SEVERITIES, type Severity } from "../rules/finding.js";
import { KINDS } from "../rules/kinds/index.js";
import type { AcronymEntry, DifficultWordEntry, Lexicons } from "../rules/lexicon/lexicons.js";
import { overrideParams, ParamError } from "../rules/params.js";
import type { RuleDefinition, RuleSet } from "../rules/schema.js";
import { validateLimits, validatePrices, type ConfigLimits, type ModelPrice } from "./limits.js";
import { layerRules, loadRulePacks, type RulePacks } from "./rule-packs.js";

export const CONFIG_FILE = "falc.config.json";

export type RuleSetting = "off" | Severity | { severity?: Severity; parameters: Record<string, unknown> };

/** A validated `falc.config.json`. */
export interface FalcConfig {
  file: string;
  /** Rule packs (folders or npm packages of rule files) layered over the built-in rules. */
  packs?: RulePacks;
  rules: Record<string, RuleSetting>;
  /** Acronym → expansion, added to (or replacing) the project's list. */
  acronyms: Record<string, string>;
  /** Word or expression → plain replacement, added to the difficult words. */
  words: Record<string, string>;
  /** Capital words never reported (the establishment's name, a local acronym everyone knows). */
  ignoreAcronyms: string[];
  /** Patterns of documents never taken from a folder or a glob, read as a `.gitignore` (as `.falcignore` is). */
  ignore: string[];
  /** The model `falc convert` uses when neither --model nor FALC_MODEL says otherwise. */
  model?: string;
  /** The second reader's model when --check-model and --no-check-model say nothing; false turns it off. */
  checkModel?: string | false;
  /**
   * Model id (lowercase) → USD per million tokens, over the built-in table: how the models of an
   * openai-compatible service (Mistral, Albert…) get a price for --max-cost and --dry-run.
   */
  prices: Record<string, ModelPrice>;
  /** Run limits; the command-line flags win over them. */
  limits: ConfigLimits;
  /** The establishment's picture folder (resolved from the file's folder), or false for no pictures at all. */
  pictograms?: string | false;
}

const TOP_KEYS = ["$schema", "rulePacks", "rules", "acronyms", "words", "ignoreAcronyms", "ignore", "model", "checkModel", "prices", "limits", "pictograms"];

function configError(file: string, message: string): FalcError {
  return new FalcError("config-invalid", `${file} : ${message}`, {
    file,
    exitCode: ExitCode.usage,
    hint: "Corrigez le fichier de configuration (voir la liste des règles : falc rules).",
  });
}

/** The nearest `falc.config.json` in `fromDir` or a parent folder. */
export function findConfigFile(fromDir: string): string | undefined {
  let dir = resolve(fromDir);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** `--config` wins; otherwise the file is searched upward from the input's folder (or the working folder). */
export function resolveConfig(options: { configPath?: string; inputPath?: string }, ruleSet: RuleSet): FalcConfig | undefined {
  const file = configFileFor(options);
  return file === undefined ? undefined : loadConfig(file, ruleSet);
}

function configFileFor(options: { configPath?: string; inputPath?: string }): string | undefined {
  if (options.configPath !== undefined) return options.configPath;
  return findConfigFile(options.inputPath === undefined || options.inputPath === "-" ? process.cwd() : dirname(resolve(options.inputPath)));
}

/**
 * The configuration of each input of one run, read and applied once per file: the rule set it gives is
 * then one object for all the documents it governs, whose prompt and compiled rules are built once
 * (a new rule set per document cost a library run about 65 ms a document).
 */
export class ConfigResolver {
  private readonly byFile = new Map<string, { config: FalcConfig; ruleSet: RuleSet }>();

  constructor(
    private readonly base: RuleSet,
    private readonly configPath?: string,
  ) {}

  /** Undefined when no configuration file governs `inputPath`: the base rule set applies. */
  forInput(inputPath: string): { config: FalcConfig; ruleSet: RuleSet } | undefined {
    const file = configFileFor({ ...(this.configPath !== undefined ? { configPath: this.configPath } : {}), inputPath });
    if (file === undefined) return undefined;
    const key = resolve(file);
    let applied = this.byFile.get(key);
    if (!applied) {
      const config = loadConfig(file, this.base);
      applied = { config, ruleSet: applyConfig(this.base, config) };
      this.byFile.set(key, applied);
    }
    return applied;
  }
}

export function loadConfig(file: string, ruleSet: RuleSet): FalcConfig {
  let content: string;
  try {
    content = readFileSync(file, "utf8");
  } catch (error) {
    throw new FalcError("config-unreadable", `${file} : fichier de configuration illisible.`, { file, exitCode: ExitCode.usage, cause: error });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch (error) {
    throw configError(file, `JSON invalide${jsonErrorPlace(content, (error as Error).message)} : vérifiez les virgules, les guillemets droits (") et les accolades.`);
  }
  return validateConfig(raw, file, ruleSet);
}

/** Strict validation: unknown keys and rule ids, severities and parameter types, all named in French. */
export function validateConfig(raw: unknown, file: string, ruleSet: RuleSet): FalcConfig {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw configError(file, "le fichier doit contenir un objet JSON.");
  const input = raw as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!TOP_KEYS.includes(key)) throw configError(file, `clé inconnue « ${key} »${didYouMean(key, TOP_KEYS)} (clés possibles : ${TOP_KEYS.slice(1).join(", ")}).`);
  }
  const config: FalcConfig = { file, rules: {}, acronyms: {}, words: {}, ignoreAcronyms: [], ignore: [], prices: {}, limits: {} };
  const rules = objectOf(input.rules, file, "rules");
  // Packs first: `rules` may set the rules they add.
  if (input.rulePacks !== undefined) config.packs = loadRulePacks(input.rulePacks, file);
  const layered = config.packs === undefined ? ruleSet : layerRules(ruleSet, config.packs);
  const byId = new Map(layered.rules.map((rule) => [rule.id, rule]));
  for (const [id, value] of Object.entries(rules)) {
    const definition = byId.get(id);
    if (definition === undefined) throw configError(file, `la règle « rules.${id} » n'existe pas${didYouMean(id, [...byId.keys()])}.`);
    config.rules[id] = ruleSetting(value, definition, file);
  }
  for (const [acronym, expansion] of Object.entries(objectOf(input.acronyms, file, "acronyms"))) {
    if (!/^[\p{Lu}\d&]{2,}$/u.test(acronym)) throw configError(file, `« acronyms.${acronym} » : un sigle s'écrit en capitales (2 lettres ou plus).`);
    if (typeof expansion !== "string" || expansion.trim() === "") throw configError(file, `« acronyms.${acronym} » doit être un texte (les mots du sigle en entier).`);
    config.acronyms[acronym] = expansion.trim();
  }
  for (const [word, replacement] of Object.entries(objectOf(input.words, file, "words"))) {
    if (word.trim() === "") throw configError(file, "« words » : un mot ne peut pas être vide.");
    if (typeof replacement !== "string" || replacement.trim() === "") throw configError(file, `« words.${word} » doit être un texte (le mot simple à écrire à la place).`);
    config.words[word] = replacement.trim();
  }
  if (input.ignoreAcronyms !== undefined) {
    if (!Array.isArray(input.ignoreAcronyms) || input.ignoreAcronyms.some((item) => typeof item !== "string" || item.trim() === "")) {
      throw configError(file, "« ignoreAcronyms » doit être une liste de textes.");
    }
    config.ignoreAcronyms = (input.ignoreAcronyms as string[]).map((item) => item.trim());
  }
  if (input.ignore !== undefined) {
    if (!Array.isArray(input.ignore) || input.ignore.some((item) => typeof item !== "string" || item.trim() === "")) {
      throw configError(file, "« ignore » doit être une liste de motifs, par exemple [\"archives/**\", \"**/brouillon-*.docx\"].");
    }
    config.ignore = (input.ignore as string[]).map((item) => item.trim());
  }
  if (input.model !== undefined) {
    if (typeof input.model !== "string" || input.model.trim() === "") throw configError(file, "« model » doit être le nom d'un modèle (un texte).");
    config.model = input.model.trim();
  }
  if (input.checkModel !== undefined) {
    const value = input.checkModel;
    if (value !== false && (typeof value !== "string" || value.trim() === "")) {
      throw configError(file, "« checkModel » doit être le nom d’un modèle (un texte), ou false pour ne pas faire relire le sens des sections.");
    }
    config.checkModel = value === false ? false : value.trim();
  }
  if (input.pictograms !== undefined) {
    const value = input.pictograms;
    if (value !== false && (typeof value !== "string" || value.trim() === "")) {
      throw configError(file, "« pictograms » doit être le dossier des images de l’établissement (un texte), ou false pour ne mettre aucune image.");
    }
    config.pictograms = value === false ? false : resolve(dirname(file), value.trim());
  }
  const fail = (message: string) => configError(file, message);
  config.prices = validatePrices(objectOf(input.prices, file, "prices"), fail);
  config.limits = validateLimits(objectOf(input.limits, file, "limits"), fail);
  return config;
}

function objectOf(value: unknown, file: string, key: string): Record<string, unknown> {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw configError(file, `« ${key} » doit être un objet.`);
  return value as Record<string, unknown>;
}

function ruleSetting(value: unknown, definition: RuleDefinition, file: string): RuleSetting {
  const key = `rules.${definition.id}`;
  if (typeof value === "string") {
    if (value === "off" || (SEVERITIES as readonly string[]).includes(value)) return value as RuleSetting;
    throw configError(file, `« ${key} » doit valoir « off », « info », « warning », « error » ou un objet (reçu : « ${value} »).`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw configError(file, `« ${key} » doit valoir « off », « info », « warning », « error » ou un objet { "severity": …, paramètres… }.`);
  }
  const { severity, ...parameters } = value as Record<string, unknown>;
  if (severity !== undefined && !(SEVERITIES as readonly unknown[]).includes(severity)) {
    throw configError(file, `« ${key}.severity » doit valoir « info », « warning » ou « error » (reçu : ${JSON.stringify(severity)}).`);
  }
  if ("detector" in parameters) throw configError(file, `« ${key}.detector » ne peut pas être changé : créez plutôt une autre règle.`);
  const module = KINDS[definition.kind];
  const shape = module.shape(definition.parameters);
  try {
    const merged = overrideParams(shape.params, definition.parameters, parameters, key);
    const problem = module.check?.(merged);
    if (problem !== undefined) throw configError(file, `« ${key} » : ${problem}`);
  } catch (error) {
    if (error instanceof ParamError) throw configError(file, error.message);
    throw error;
  }
  return severity === undefined ? { parameters } : { severity: severity as Severity, parameters };
}

/** The effective rule set: rules switched off or re-tuned, the user's acronyms and words added. */
export function applyConfig(base: RuleSet, config: FalcConfig): RuleSet {
  const ruleSet = config.packs === undefined ? base : layerRules(base, config.packs);
  const disabled: string[] = [...ruleSet.disabled];
  const rules: RuleDefinition[] = [];
  for (const rule of ruleSet.rules) {
    const setting = config.rules[rule.id];
    if (setting === undefined) rules.push(rule);
    else if (setting === "off") disabled.push(rule.id);
    else if (typeof setting === "string") rules.push(withSeverity(rule, setting));
    else rules.push({ ...withSeverity(rule, setting.severity), parameters: { ...rule.parameters, ...setting.parameters } });
  }
  const lexicons = mergeLexicons(ruleSet.lexicons, config);
  // Prices and limits change what a run may spend, not what it writes: they stay out of the cache key.
  // The check model is in the section cache key on its own, however it was chosen (flag or file).
  // Pictures are chosen after the rewrite: they do not change it either.
  // The packs are in the version through `ruleSet.effectiveVersion` (their files' hash).
  const { file: _file, prices: _prices, limits: _limits, checkModel: _checkModel, pictograms: _pictograms, packs: _packs, ...content } = config;
  const effectiveVersion = createHash("sha256").update(ruleSet.effectiveVersion).update(JSON.stringify(content)).digest("hex").slice(0, 16);
  return { rules, lexicons, rulesVersion: ruleSet.rulesVersion, effectiveVersion, disabled };
}

/** A severity the user chose holds everywhere: it replaces the rule's own `falc score` override too. */
function withSeverity(rule: RuleDefinition, severity: Severity | undefined): RuleDefinition {
  if (severity === undefined) return { ...rule };
  const { score: _score, ...rest } = rule;
  return { ...rest, severity, severityFixed: true };
}

function mergeLexicons(lexicons: Lexicons, config: FalcConfig): Lexicons {
  const words = Object.entries(config.words);
  const acronyms = Object.entries(config.acronyms);
  if (words.length === 0 && acronyms.length === 0 && config.ignoreAcronyms.length === 0) return lexicons;
  const userWords: DifficultWordEntry[] = words.map(([match, replacement]) => ({ match: [match], replace: [replacement] }));
  const userAcronyms: AcronymEntry[] = acronyms.map(([acronym, expansion]) => ({ acronym, expansion, readAsWord: false }));
  // Later entries win in the compiled lexicon, so the user's own words and acronyms come last.
  return {
    difficultWords: [...lexicons.difficultWords, ...userWords],
    acronyms: [...lexicons.acronyms, ...userAcronyms],
    ignoredCaps: [...lexicons.ignoredCaps, ...config.ignoreAcronyms],
    commonWords: lexicons.commonWords,
  };
}

/** « (vouliez-vous dire « short-sentences » ?) » when a close id exists. */
function didYouMean(input: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = levenshtein(input.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(input.length / 3)) ? ` (vouliez-vous dire « ${best} » ?)` : "";
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The `ignore` patterns of the configuration that applies to the command line (`--config`, else the
 * one found from the current folder): they filter folders and globs, like `.falcignore`.
 */
export function ignorePatterns(configPath: string | undefined, ruleSet: RuleSet): string[] {
  return resolveConfig({ configPath }, ruleSet)?.ignore ?? [];
}

/** « près de la ligne 4, colonne 12 », from the parser's English message (its position), or nothing. */
function jsonErrorPlace(content: string, message: string): string {
  const at = /position (\d+)/.exec(message);
  if (!at) return "";
  const before = content.slice(0, Number(at[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return ` près de la ligne ${line}, colonne ${column}`;
}
