import { ParamError, regexParam } from "../params.js";

/**
 * A rule's `fix:` — how a finding is corrected when a safe correction exists, in the manner of
 * textlint's fixers: an edit over the finding's range. One fix or a list of fixes; for a finding, the
 * first fix whose conditions hold and whose `replace` can be filled is used. No fix, no edit: the
 * finding stays for the writer (or the language model) to handle.
 */
export interface FixSpec {
  /** What replaces the finding: a template with `{match}`, `{suggestion}` and the finding's values; "" removes it. */
  replace: string;
  /** Only for findings whose text matches this regular expression. */
  match?: string;
  /** Only for findings of these message variants, or not of these ones. */
  variants?: string[];
  notVariants?: string[];
  /** Regular expressions on the 40 characters before (ending with `$`) or after (starting with `^`) the finding. */
  textBefore?: string;
  notTextBefore?: string;
  textAfter?: string;
  notTextAfter?: string;
  /** Not fixed when all of these hold (« 10 h - 12 h »: a dash between two figures is a range). */
  unless?: { match?: string; textBefore?: string; textAfter?: string };
  /** The edit also takes the text just before the finding that matches this (« , » before « etc. »)… */
  expandBefore?: string;
  /** …and the text just after that matches this. */
  expandAfter?: string;
  /** Elisions redone around the new words: « de » + « avant » stays, « d' » + « pendant » → « de pendant ». */
  elision: boolean;
  /** Text between quotation marks is a citation: left as written. */
  keepQuotes: boolean;
  /** The first letter after the edit gets a capital (the start of a sentence was removed). */
  capitalizeNext: boolean;
  /** A sentence to add after the fixed sentence (« Ce sont des exemples. » when « etc. » goes). */
  then?: string;
}

const KEYS = ["replace", "match", "variants", "notVariants", "textBefore", "notTextBefore", "textAfter", "notTextAfter", "unless", "expandBefore", "expandAfter", "elision", "keepQuotes", "capitalizeNext", "then"];

const fail = (path: string, message: string): never => {
  throw new ParamError(`« ${path} » ${message}`);
};


function names(value: unknown, path: string): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.some((item) => typeof item !== "string" || item === "")) fail(path, "doit être une liste de noms de variantes.");
  return value as string[];
}

function one(value: unknown, path: string): FixSpec {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(path, "doit être un objet { replace, … }.");
  const input = value as Record<string, unknown>;
  for (const key of Object.keys(input)) if (!KEYS.includes(key)) fail(`${path}.${key}`, `est une clé inconnue (clés possibles : ${KEYS.join(", ")}).`);
  if (typeof input.replace !== "string") fail(`${path}.replace`, "doit être un texte (\"\" pour enlever le passage).");
  const fix: FixSpec = { replace: input.replace as string, elision: false, keepQuotes: false, capitalizeNext: false };
  for (const key of ["match", "textBefore", "notTextBefore", "textAfter", "notTextAfter", "expandBefore", "expandAfter"] as const) {
    if (input[key] !== undefined) fix[key] = regexParam(input[key], `${path}.${key}`);
  }
  for (const key of ["variants", "notVariants"] as const) if (input[key] !== undefined) fix[key] = names(input[key], `${path}.${key}`);
  if (input.unless !== undefined) {
    const unless = input.unless;
    if (typeof unless !== "object" || unless === null || Array.isArray(unless)) fail(`${path}.unless`, "doit être un objet { textBefore, textAfter }.");
    const record = unless as Record<string, unknown>;
    for (const key of Object.keys(record)) if (!["match", "textBefore", "textAfter"].includes(key)) fail(`${path}.unless.${key}`, "est une clé inconnue (clés possibles : match, textBefore, textAfter).");
    if (Object.keys(record).length === 0) fail(`${path}.unless`, "doit avoir « match », « textBefore » ou « textAfter ».");
    fix.unless = {};
    if (record.match !== undefined) fix.unless.match = regexParam(record.match, `${path}.unless.match`);
    if (record.textBefore !== undefined) fix.unless.textBefore = regexParam(record.textBefore, `${path}.unless.textBefore`);
    if (record.textAfter !== undefined) fix.unless.textAfter = regexParam(record.textAfter, `${path}.unless.textAfter`);
  }
  for (const key of ["elision", "keepQuotes", "capitalizeNext"] as const) {
    if (input[key] === undefined) continue;
    if (typeof input[key] !== "boolean") fail(`${path}.${key}`, "doit valoir true ou false.");
    fix[key] = input[key] as boolean;
  }
  if (input.then !== undefined) {
    if (typeof input.then !== "string" || input.then.trim() === "") fail(`${path}.then`, "doit être une phrase.");
    fix.then = (input.then as string).trim();
  }
  return fix;
}

/** Validates `fix:` (one fix or a list), with French messages that name the key. */
export function validateFix(value: unknown, path: string): FixSpec[] {
  if (Array.isArray(value)) {
    if (value.length === 0) fail(path, "doit contenir au moins une correction.");
    return value.map((item, i) => one(item, `${path}[${i}]`));
  }
  return [one(value, path)];
}

/** The templates a fix fills, for the check of their `{placeholders}`. */
export function fixTemplates(fixes: readonly FixSpec[]): string[] {
  return fixes.map((fix) => fix.replace);
}
