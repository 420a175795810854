import { SEVERITIES, type Severity } from "../../finding.js";
import { expandPattern } from "../../lexicon/patterns.js";
import { ParamError, regexParam } from "../../params.js";
import { MASK_KINDS, type MaskKind } from "../../text/masks.js";

/**
 * The data of a `sequence` rule, LanguageTool style: a pattern is a row of tokens, each token a test
 * on one word (a word list, a regular expression on its form, a flag the tokenizer set, bold…), with
 * optional repetition (`min`, `max`: a gap of a few words), and context that must or must not come
 * before or after. This module checks the rule file's values and gives them their typed form; the
 * messages name the parameter in French, the schema adds the file.
 */

export const TOKEN_FLAGS = ["number", "capital", "allcaps", "clitic", "sentence-start", "masked", "percent", "currency", "date", "time-or-phone"] as const;
export type TokenFlag = (typeof TOKEN_FLAGS)[number];

export const READINGS = ["roman"] as const;
export type Reading = (typeof READINGS)[number];

export interface TokenSpec {
  /** Exact lowercase forms (lexicon syntax: « siècle(s) », « {le|la} »). */
  words?: string[];
  notWords?: string[];
  /** A list of the rule's `lists`, by name. */
  list?: string;
  notList?: string;
  /** Every form of these verbs (conjugation of lexicon/verbs.ts), or of these nouns (plural). */
  lemmas?: string[];
  /** Expressions matched like the lexicon (elisions, « la » as « le »); one may span several words. */
  phrases?: string[];
  /** Regular expression the whole lowercase form must match (Unicode). */
  regex?: string;
  notRegex?: string;
  /** Regular expression the whole word as written must match (case-sensitive). */
  surface?: string;
  flags?: TokenFlag[];
  notFlags?: TokenFlag[];
  /** In bold (true) or not in bold (false), in a formatted document; plain text is never bold. */
  bold?: boolean;
  /** In the list of everyday words (lexicon/common-words.txt), or not. */
  everyday?: boolean;
  /** In the acronym list (lexicon/acronyms.yaml), or not. */
  acronym?: boolean;
  /** A number whose digits make at least this value. */
  atLeast?: number;
  /** Only spaces between this word and the one before it: no punctuation, no line break. */
  spaced?: boolean;
  /** At least one of these single-word tests. */
  or?: TokenSpec[];
  /** How many words in a row this token takes (default 1 and 1): `min: 0, max: 3` is a gap. */
  min: number;
  max: number;
}

export interface PatternSpec {
  /** A word pattern… */
  tokens?: TokenSpec[];
  /** …or a character pattern: a regular expression on the text (Unicode). */
  text?: string;
  /** Character patterns: zones never read (addresses, e-mails, phone numbers, dates, times). */
  skip: MaskKind[];
  before?: TokenSpec[];
  after?: TokenSpec[];
  notBefore?: TokenSpec[];
  notAfter?: TokenSpec[];
  /** Regular expressions on the 80 characters before (ending with `$`) or after (starting with `^`) the match. */
  textBefore?: string;
  notTextBefore?: string;
  textAfter?: string;
  notTextAfter?: string;
  variant?: string;
  suggestion?: string;
  /** A reading of the matched word that gives `{value}` and the suggestion (« XXIe » → « 21e »). */
  read?: Reading;
  /** Reported only in a sentence where no other pattern of the rule matched. */
  alone: boolean;
}

export interface EscalateSpec {
  /** From this many matches in one sentence, each is reported with `variant` and `severity`, and `{count}`. */
  atLeast: number;
  variant: string;
  severity?: Severity;
}

export interface CountSpec {
  /** A sentence with more matches than this is reported, whole, with `{count}`, `{max}` and `{matches}`. */
  max: number;
  patterns: PatternSpec[];
  /** Regular expressions counted in the sentence's text (signs such as « ; »), listed after the words. */
  signs: string[];
  variant?: string;
}

const TOKEN_KEYS = ["words", "notWords", "list", "notList", "lemmas", "phrases", "regex", "notRegex", "surface", "flags", "notFlags", "bold", "everyday", "acronym", "atLeast", "spaced", "or", "min", "max"];
const PATTERN_KEYS = ["tokens", "text", "skip", "before", "after", "notBefore", "notAfter", "textBefore", "notTextBefore", "textAfter", "notTextAfter", "variant", "suggestion", "read", "alone"];
/** Longest repetition of a token: a gap is a few words, not a sentence. */
const MAX_REPEAT = 8;

const fail = (path: string, message: string): never => {
  throw new ParamError(`« ${path} » ${message}`);
};

function record(value: unknown, path: string, keys: readonly string[]): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(path, "doit être un objet.");
  const out = value as Record<string, unknown>;
  for (const key of Object.keys(out)) if (!keys.includes(key)) fail(`${path}.${key}`, `est une clé inconnue (clés possibles : ${keys.join(", ")}).`);
  return out;
}

function stringList(value: unknown, path: string): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.some((item) => typeof item !== "string" || item.trim() === "")) fail(path, "doit être une liste de textes non vide.");
  return value as string[];
}

function wordList(value: unknown, path: string): string[] {
  const list = stringList(value, path);
  for (const item of list) {
    let forms: string[] = [];
    try {
      forms = expandPattern(item);
    } catch (error) {
      fail(path, `contient « ${item} » : ${(error as Error).message}.`);
    }
    if (forms.some((form) => form.includes(" "))) fail(path, `contient « ${item} », qui a plusieurs mots : mettez-le dans « phrases ».`);
  }
  return list;
}


function flagList(value: unknown, path: string): TokenFlag[] {
  const list = stringList(value, path);
  for (const flag of list) if (!(TOKEN_FLAGS as readonly string[]).includes(flag)) fail(path, `contient « ${flag} » ; valeurs possibles : ${TOKEN_FLAGS.join(", ")}.`);
  return list as TokenFlag[];
}

function bool(value: unknown, path: string): boolean {
  if (typeof value !== "boolean") fail(path, "doit valoir true ou false.");
  return value as boolean;
}

function integer(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) fail(path, `doit être un nombre entier de ${min} à ${max}.`);
  return value as number;
}

function listName(value: unknown, path: string, lists: ReadonlySet<string> | undefined): string {
  if (typeof value !== "string" || value === "") fail(path, "doit être le nom d'une liste de « lists ».");
  if (lists !== undefined && !lists.has(value as string)) fail(path, `nomme la liste « ${value as string} », absente de « lists »${lists.size > 0 ? ` (listes : ${[...lists].join(", ")})` : ""}.`);
  return value as string;
}

interface TokenOptions {
  /** Repetition and expressions of several words are allowed (not inside `or`, not in context before). */
  phrases: boolean;
  lists: ReadonlySet<string> | undefined;
}

export function validateToken(value: unknown, path: string, options: TokenOptions): TokenSpec {
  const input = record(value, path, TOKEN_KEYS);
  const token: TokenSpec = { min: 1, max: 1 };
  for (const key of ["words", "notWords"] as const) if (input[key] !== undefined) token[key] = wordList(input[key], `${path}.${key}`);
  for (const key of ["list", "notList"] as const) if (input[key] !== undefined) token[key] = listName(input[key], `${path}.${key}`, options.lists);
  if (input.lemmas !== undefined) token.lemmas = stringList(input.lemmas, `${path}.lemmas`);
  if (input.phrases !== undefined) {
    if (!options.phrases) fail(`${path}.phrases`, "n'est possible que dans « tokens », « after » et « notAfter », hors de « or ».");
    token.phrases = stringList(input.phrases, `${path}.phrases`);
  }
  for (const key of ["regex", "notRegex", "surface"] as const) if (input[key] !== undefined) token[key] = regexParam(input[key], `${path}.${key}`);
  for (const key of ["flags", "notFlags"] as const) if (input[key] !== undefined) token[key] = flagList(input[key], `${path}.${key}`);
  for (const key of ["bold", "everyday", "acronym", "spaced"] as const) if (input[key] !== undefined) token[key] = bool(input[key], `${path}.${key}`);
  if (input.atLeast !== undefined) {
    if (typeof input.atLeast !== "number" || !Number.isFinite(input.atLeast)) fail(`${path}.atLeast`, "doit être un nombre.");
    token.atLeast = input.atLeast as number;
  }
  if (input.or !== undefined) {
    if (!Array.isArray(input.or) || input.or.length < 2) fail(`${path}.or`, "doit être une liste d'au moins 2 tests.");
    token.or = (input.or as unknown[]).map((item, i) => validateToken(item, `${path}.or[${i}]`, { phrases: false, lists: options.lists }));
    for (const [i, alternative] of token.or.entries()) if (alternative.min !== 1 || alternative.max !== 1) fail(`${path}.or[${i}]`, "ne peut pas avoir « min » ni « max ».");
  }
  if (input.min !== undefined || input.max !== undefined) {
    if (!options.phrases) fail(path, "ne peut pas avoir « min » ni « max » ici.");
    token.min = input.min === undefined ? 1 : integer(input.min, `${path}.min`, 0, MAX_REPEAT);
    token.max = input.max === undefined ? Math.max(1, token.min) : integer(input.max, `${path}.max`, 1, MAX_REPEAT);
    if (token.max < token.min) fail(`${path}.max`, "doit être au moins égal à « min ».");
  }
  return token;
}

function tokenRow(value: unknown, path: string, options: TokenOptions & { mandatory: boolean }): TokenSpec[] {
  if (!Array.isArray(value) || value.length === 0) fail(path, "doit être une liste de mots (tokens) non vide.");
  const row = (value as unknown[]).map((item, i) => validateToken(item, `${path}[${i}]`, options));
  if (options.mandatory && row.every((token) => token.min === 0)) fail(path, "doit avoir au moins un mot obligatoire (min 1).");
  return row;
}

export function validatePattern(value: unknown, path: string, lists: ReadonlySet<string> | undefined): PatternSpec {
  const input = record(value, path, PATTERN_KEYS);
  const pattern: PatternSpec = { skip: [], alone: false };
  if ((input.tokens === undefined) === (input.text === undefined)) fail(path, "doit avoir « tokens » (des mots) ou « text » (une expression régulière), pas les deux.");
  const forward = { phrases: true, lists, mandatory: true };
  const backward = { phrases: false, lists, mandatory: true };
  if (input.tokens !== undefined) pattern.tokens = tokenRow(input.tokens, `${path}.tokens`, forward);
  if (input.text !== undefined) pattern.text = regexParam(input.text, `${path}.text`);
  if (input.skip !== undefined) {
    if (pattern.text === undefined) fail(`${path}.skip`, "ne va qu'avec « text ».");
    const skip = stringList(input.skip, `${path}.skip`);
    for (const kind of skip) if (!(MASK_KINDS as readonly string[]).includes(kind)) fail(`${path}.skip`, `contient « ${kind} » ; valeurs possibles : ${MASK_KINDS.join(", ")}.`);
    pattern.skip = skip as MaskKind[];
  }
  for (const key of ["before", "notBefore", "after", "notAfter"] as const) {
    if (input[key] === undefined) continue;
    if (pattern.text !== undefined) fail(`${path}.${key}`, "ne va qu'avec « tokens » (avec « text », utilisez « textBefore » ou « textAfter »).");
    pattern[key] = tokenRow(input[key], `${path}.${key}`, key.endsWith("efore") ? backward : forward);
  }
  for (const key of ["textBefore", "notTextBefore", "textAfter", "notTextAfter"] as const) if (input[key] !== undefined) pattern[key] = regexParam(input[key], `${path}.${key}`);
  for (const key of ["variant", "suggestion"] as const) {
    if (input[key] === undefined) continue;
    if (typeof input[key] !== "string" || input[key] === "") fail(`${path}.${key}`, "doit être un texte non vide.");
    pattern[key] = input[key] as string;
  }
  if (input.read !== undefined) {
    if (!(READINGS as readonly unknown[]).includes(input.read)) fail(`${path}.read`, `doit valoir ${READINGS.map((r) => `« ${r} »`).join(", ")}.`);
    if (pattern.tokens?.length !== 1) fail(`${path}.read`, "ne va qu'avec un seul mot dans « tokens ».");
    pattern.read = input.read as Reading;
  }
  if (input.alone !== undefined) pattern.alone = bool(input.alone, `${path}.alone`);
  return pattern;
}

export function validatePatterns(value: unknown, path: string, lists: ReadonlySet<string> | undefined): PatternSpec[] {
  if (!Array.isArray(value)) fail(path, "doit être une liste de motifs.");
  return (value as unknown[]).map((item, i) => validatePattern(item, `${path}[${i}]`, lists));
}

export function validateLists(value: unknown, path: string): Record<string, string[]> {
  const input = record(value, path, Object.keys((value ?? {}) as object));
  const out: Record<string, string[]> = {};
  for (const [name, list] of Object.entries(input)) {
    if (!/^[a-z][a-zA-Z0-9-]*$/.test(name)) fail(`${path}.${name}`, "n'est pas un nom de liste valide (lettres, chiffres et tirets, une minuscule d'abord).");
    out[name] = wordList(list, `${path}.${name}`);
  }
  return out;
}

export function validateEscalate(value: unknown, path: string): EscalateSpec {
  const input = record(value, path, ["atLeast", "variant", "severity"]);
  const atLeast = integer(input.atLeast, `${path}.atLeast`, 2, 20);
  if (typeof input.variant !== "string" || input.variant === "") fail(`${path}.variant`, "doit être le nom d'une variante de message.");
  const spec: EscalateSpec = { atLeast, variant: input.variant as string };
  if (input.severity !== undefined) {
    if (!(SEVERITIES as readonly unknown[]).includes(input.severity)) fail(`${path}.severity`, `doit valoir ${SEVERITIES.map((s) => `« ${s} »`).join(", ")}.`);
    spec.severity = input.severity as Severity;
  }
  return spec;
}

export function validateCount(value: unknown, path: string): CountSpec {
  const input = record(value, path, ["max", "patterns", "signs", "variant"]);
  const count: CountSpec = { max: integer(input.max, `${path}.max`, 0, 100), patterns: [], signs: [] };
  // Lists are checked against the rule's `lists` by the kind's `check`, once every parameter is known.
  if (input.patterns !== undefined) count.patterns = validatePatterns(input.patterns, `${path}.patterns`, undefined);
  if (input.signs !== undefined) count.signs = stringList(input.signs, `${path}.signs`).map((sign, i) => regexParam(sign, `${path}.signs[${i}]`));
  if (count.patterns.length === 0 && count.signs.length === 0) fail(path, "doit avoir « patterns » ou « signs ».");
  if (input.variant !== undefined) {
    if (typeof input.variant !== "string" || input.variant === "") fail(`${path}.variant`, "doit être le nom d'une variante de message.");
    count.variant = input.variant as string;
  }
  return count;
}

/** The names of the lists the tokens of these patterns refer to, with where they do. */
export function listReferences(patterns: readonly PatternSpec[], path: string): { name: string; where: string }[] {
  const out: { name: string; where: string }[] = [];
  const visit = (token: TokenSpec, where: string): void => {
    if (token.list !== undefined) out.push({ name: token.list, where: `${where}.list` });
    if (token.notList !== undefined) out.push({ name: token.notList, where: `${where}.notList` });
    token.or?.forEach((alternative, i) => visit(alternative, `${where}.or[${i}]`));
  };
  patterns.forEach((pattern, p) => {
    for (const key of ["tokens", "before", "after", "notBefore", "notAfter"] as const) pattern[key]?.forEach((token, t) => visit(token, `${path}[${p}].${key}[${t}]`));
  });
  return out;
}

/** The message variants a rule's patterns, escalation and count may report. */
export function variantsOf(raw: Readonly<Record<string, unknown>>): string[] {
  const names = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === "object" && value !== null && typeof (value as { variant?: unknown }).variant === "string") names.add((value as { variant: string }).variant);
  };
  if (Array.isArray(raw.patterns)) raw.patterns.forEach(add);
  add(raw.escalate);
  add(raw.count);
  return [...names];
}
