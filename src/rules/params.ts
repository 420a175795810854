/**
 * Typed parameters for rule kinds and detectors. The same specs validate the rule files and the user's
 * `falc.config.json`, so a threshold has one type and one set of allowed values wherever it is set.
 */

export type ParamType =
  | "number"
  | "integer"
  | "boolean"
  | "string"
  | "enum"
  | "string[]"
  | "enum[]"
  | "regex[]"
  /** A list of `{ match, replace?, explain? }` objects (lexicon-like entries written inline). */
  | "entries"
  /** A list of `{ pattern, replace }` objects (regular expressions with a replacement). */
  | "patterns"
  /** A structured value checked by the spec's own `validate` (the patterns of a `sequence` rule). */
  | "custom";

export interface ParamSpec {
  type: ParamType;
  required?: boolean;
  default?: unknown;
  min?: number;
  max?: number;
  values?: readonly string[];
  /** For `custom`: checks the value and returns it in its typed form; throws ParamError in French. */
  validate?: (value: unknown, path: string) => unknown;
}

export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

/** The TypeScript type of one validated parameter, read from its spec (declared `as const`). */
type ValueOf<S extends ParamSpec> = S["type"] extends "number" | "integer"
  ? number
  : S["type"] extends "boolean"
    ? boolean
    : S["type"] extends "string"
      ? string
      : S["type"] extends "enum"
        ? S["values"] extends readonly (infer V)[] ? V : string
        : S["type"] extends "enum[]"
          ? S["values"] extends readonly (infer V)[] ? V[] : string[]
          : S["type"] extends "string[]" | "regex[]"
            ? string[]
            : S["type"] extends "entries"
              ? InlineEntry[]
              : S["type"] extends "patterns"
                ? PatternEntry[]
                : S["validate"] extends (value: unknown, path: string) => infer T
                  ? T
                  : unknown;

/**
 * Validated parameters as a typed object: a parameter with a default or marked `required` is always
 * there; any other may be missing. Kinds and detectors declare their specs `as const` and read their
 * parameters through this type, so a parameter has one type from the rule file to the code.
 */
export type ParamsOf<S extends ParamSpecs> = {
  readonly [K in keyof S]: S[K] extends { required: true } | { default: unknown } ? ValueOf<S[K]> : ValueOf<S[K]> | undefined;
};

export interface InlineEntry {
  match: string[];
  replace: string[];
  explain?: string;
  /** The replacement written in place of the words when the text is fixed by rule (see lexicon/entry-fix.ts). */
  fix?: EntryFix;
}

export interface PatternEntry {
  pattern: string;
  replace: string[];
}

import { parseEntryFix, type EntryFix } from "./lexicon/entry-fix-spec.js";

/** Thrown with a French message; callers add the file name. */
export class ParamError extends Error {}

/** A regular expression given in a rule file, checked with the `u` flag falc compiles it with. */
export function regexParam(value: unknown, path: string): string {
  if (typeof value !== "string" || value === "") throw new ParamError(`« ${path} » doit être une expression régulière (un texte).`);
  try {
    new RegExp(value, "u");
  } catch (error) {
    throw new ParamError(`« ${path} » n'est pas une expression régulière valide : ${(error as Error).message}`);
  }
  return value;
}

const describe = (value: unknown): string => (typeof value === "string" ? `"${value}"` : JSON.stringify(value) ?? String(value));

export function validateParams(specs: ParamSpecs, raw: unknown, path: string): Record<string, unknown> {
  if (raw === undefined || raw === null) raw = {};
  if (typeof raw !== "object" || Array.isArray(raw)) throw new ParamError(`« ${path} » doit être un objet de paramètres.`);
  const input = raw as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    if (!(key in specs)) {
      const known = Object.keys(specs);
      throw new ParamError(
        `paramètre inconnu « ${path}.${key} »` + (known.length > 0 ? ` (paramètres possibles : ${known.join(", ")}).` : " (cette règle n'a pas de paramètre)."),
      );
    }
  }
  for (const [key, spec] of Object.entries(specs)) {
    const value = input[key];
    if (value === undefined) {
      if (spec.required) throw new ParamError(`paramètre obligatoire manquant : « ${path}.${key} ».`);
      if (spec.default !== undefined) out[key] = structuredClone(spec.default);
      continue;
    }
    out[key] = validateValue(spec, value, `${path}.${key}`);
  }
  return out;
}

/** Merges user overrides into already-validated parameters, checking the override values. */
export function overrideParams(specs: ParamSpecs, base: Record<string, unknown>, overrides: Record<string, unknown>, path: string): Record<string, unknown> {
  const out = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const spec = specs[key];
    if (spec === undefined) {
      const known = Object.keys(specs);
      throw new ParamError(`paramètre inconnu « ${path}.${key} »` + (known.length > 0 ? ` (paramètres possibles : ${known.join(", ")}).` : "."));
    }
    out[key] = validateValue(spec, value, `${path}.${key}`);
  }
  return out;
}

function validateValue(spec: ParamSpec, value: unknown, path: string): unknown {
  switch (spec.type) {
    case "number":
    case "integer": {
      if (typeof value !== "number" || !Number.isFinite(value) || (spec.type === "integer" && !Number.isInteger(value))) {
        throw new ParamError(`« ${path} » doit être un nombre${spec.type === "integer" ? " entier" : ""} (reçu : ${describe(value)}).`);
      }
      if (spec.min !== undefined && value < spec.min) throw new ParamError(`« ${path} » doit valoir au moins ${spec.min} (reçu : ${value}).`);
      if (spec.max !== undefined && value > spec.max) throw new ParamError(`« ${path} » doit valoir au plus ${spec.max} (reçu : ${value}).`);
      return value;
    }
    case "boolean":
      if (typeof value !== "boolean") throw new ParamError(`« ${path} » doit valoir true ou false (reçu : ${describe(value)}).`);
      return value;
    case "string":
      if (typeof value !== "string") throw new ParamError(`« ${path} » doit être un texte (reçu : ${describe(value)}).`);
      return value;
    case "enum":
      if (typeof value !== "string" || !spec.values?.includes(value)) {
        throw new ParamError(`« ${path} » doit valoir ${(spec.values ?? []).map((v) => `« ${v} »`).join(", ")} (reçu : ${describe(value)}).`);
      }
      return value;
    case "string[]":
    case "enum[]":
    case "regex[]":
      return validateList(spec, value, path);
    case "entries":
      return validateEntries(value, path);
    case "patterns":
      return validatePatterns(value, path);
    case "custom":
      return spec.validate === undefined ? value : spec.validate(value, path);
  }
}

function validateList(spec: ParamSpec, value: unknown, path: string): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
    throw new ParamError(`« ${path} » doit être une liste de textes (reçu : ${describe(value)}).`);
  }
  const list = value as string[];
  if (spec.type === "enum[]") {
    for (const item of list) {
      if (!spec.values?.includes(item)) throw new ParamError(`« ${path} » contient « ${item} » ; valeurs possibles : ${(spec.values ?? []).join(", ")}.`);
    }
  }
  if (spec.type === "regex[]") for (const item of list) compileCheck(item, path);
  return [...list];
}

function compileCheck(source: string, path: string): void {
  try {
    new RegExp(source, "gu");
  } catch (error) {
    throw new ParamError(`« ${path} » contient une expression régulière invalide « ${source} » : ${(error as Error).message}`);
  }
}

const stringList = (value: unknown): string[] | undefined =>
  typeof value === "string" ? [value] : Array.isArray(value) && value.every((item) => typeof item === "string") ? (value as string[]) : undefined;

function validateEntries(value: unknown, path: string): InlineEntry[] {
  if (!Array.isArray(value)) throw new ParamError(`« ${path} » doit être une liste d'entrées { match, replace }.`);
  return value.map((item, index) => {
    const where = `${path}[${index}]`;
    if (typeof item !== "object" || item === null) throw new ParamError(`« ${where} » doit être un objet { match, replace }.`);
    const record = item as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!["match", "replace", "explain", "fix"].includes(key)) throw new ParamError(`clé inconnue « ${key} » dans « ${where} ».`);
    }
    const match = stringList(record.match);
    if (match === undefined || match.length === 0) throw new ParamError(`« ${where}.match » doit être un texte ou une liste de textes.`);
    const replace = record.replace === undefined ? [] : stringList(record.replace);
    if (replace === undefined) throw new ParamError(`« ${where}.replace » doit être un texte ou une liste de textes.`);
    if (record.explain !== undefined && typeof record.explain !== "string") throw new ParamError(`« ${where}.explain » doit être un texte.`);
    const entry: InlineEntry = { match, replace };
    if (typeof record.explain === "string") entry.explain = record.explain;
    if (record.fix !== undefined) {
      const fix = parseEntryFix(record.fix, replace);
      if (typeof fix === "string") throw new ParamError(`« ${where} » : ${fix}`);
      entry.fix = fix;
    }
    return entry;
  });
}

function validatePatterns(value: unknown, path: string): PatternEntry[] {
  if (!Array.isArray(value)) throw new ParamError(`« ${path} » doit être une liste d'objets { pattern, replace }.`);
  return value.map((item, index) => {
    const where = `${path}[${index}]`;
    if (typeof item !== "object" || item === null) throw new ParamError(`« ${where} » doit être un objet { pattern, replace }.`);
    const record = item as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key !== "pattern" && key !== "replace") throw new ParamError(`clé inconnue « ${key} » dans « ${where} ».`);
    }
    if (typeof record.pattern !== "string") throw new ParamError(`« ${where}.pattern » doit être une expression régulière (texte).`);
    compileCheck(record.pattern, `${where}.pattern`);
    const replace = stringList(record.replace);
    if (replace === undefined || replace.length === 0) throw new ParamError(`« ${where}.replace » doit être un texte ou une liste de textes.`);
    return { pattern: record.pattern, replace };
  });
}
