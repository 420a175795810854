import { FalcError } from "../errors.js";
import type { BlockLayout, Run, RunStyle } from "../model/types.js";
import { SEVERITIES, type Severity } from "./finding.js";
import { KINDS, KIND_NAMES, type RuleKind } from "./kinds/index.js";
import type { KindShape } from "./kinds/types.js";
import type { Lexicons } from "./lexicon/lexicons.js";
import { placeholdersOf } from "./message.js";
import { ParamError, validateParams } from "./params.js";
import { fixTemplates, validateFix, type FixSpec } from "./fix/spec.js";

export const FAMILIES = ["mots", "phrases", "nombres", "ponctuation", "structure", "mise-en-page"] as const;
export type Family = (typeof FAMILIES)[number];
export type { RuleKind };

/** A layout example: a block's runs and paragraph layout, plus document defaults. */
export interface LayoutExample {
  runs: Run[];
  layout?: BlockLayout;
  defaults?: RunStyle & BlockLayout;
}

export type RuleExample = string | LayoutExample;

/** A sentence and what the rule's fix makes of it (the sentences a fix adds follow, after a space). */
export interface FixedExample {
  before: string;
  after: string;
}

/** One validated rule file (`rules/rules/<id>.yaml`). */
export interface RuleDefinition {
  id: string;
  kind: RuleKind;
  family: Family;
  severity: Severity;
  /**
   * Set when falc.config.json gives the rule a severity: that is then the severity of every finding,
   * even those the rule would escalate (a sentence past `errorAbove`): « info » never fails a run.
   */
  severityFixed?: true;
  /** French, may hold `{placeholders}`. */
  message: string;
  /** Messages for the variants a kind or detector reports (`messages.<variant>`). */
  messages: Readonly<Record<string, string>>;
  /** A template for the suggestion, filled from the finding's data. */
  suggestion?: string;
  /** French: why the rule exists. */
  description: string;
  /**
   * How `falc score` reports the rule, when it differs from the checks of a draft falc wrote
   * (`scoreSeverity`, `scoreMessage` in the YAML): a published text may rightly say what a draft
   * must not.
   */
  score?: { severity: Severity; message: string };
  /** References (Inclusion Europe rule numbers, associations…); conventions are said to be so. */
  source: string[];
  /** Validated, with defaults applied. */
  parameters: Readonly<Record<string, unknown>>;
  /** One French instruction for the rewrite prompt. */
  prompt: string;
  /** How a finding is corrected when it safely can be (the offline rewrite applies these fixes). */
  fix?: FixSpec[];
  /** Text examples mark the expected span with `[[ ]]`; layout examples are structured. `fixed`: what the fix does. */
  examples: { trigger: RuleExample[]; pass: RuleExample[]; fixed: FixedExample[] };
  /** Path of the rule file, for messages. */
  file: string;
  /** The rule pack it comes from, as `rulePacks` names it in falc.config.json; absent for falc's own rules. */
  pack?: string;
}

export interface RuleSet {
  rules: RuleDefinition[];
  lexicons: Lexicons;
  /** Hash of the rule files and word lists. */
  rulesVersion: string;
  /** `rulesVersion` plus the user's configuration, when one was applied. */
  effectiveVersion: string;
  /** Rules switched off by the configuration. */
  disabled: string[];
}

const TOP_KEYS = ["id", "kind", "family", "severity", "message", "messages", "suggestion", "description", "source", "parameters", "prompt", "fix", "examples", "scoreSeverity", "scoreMessage"];
const REQUIRED = ["id", "kind", "family", "severity", "message", "description", "source", "prompt", "examples"];
const MIN_EXAMPLES = 3;

export function ruleError(file: string, message: string): FalcError {
  return new FalcError("rule-invalid", `${file} : ${message}`, { file, hint: "Corrigez le fichier de règle : chaque clé, valeur et exemple est vérifié au chargement." });
}

/** Validates one parsed rule file strictly: unknown keys, types, kind parameters, placeholders, examples. */
export function validateRule(raw: unknown, file: string, expectedId?: string): RuleDefinition {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw ruleError(file, "le fichier doit contenir un objet YAML.");
  const input = raw as Record<string, unknown>;
  for (const key of Object.keys(input)) if (!TOP_KEYS.includes(key)) throw ruleError(file, `clé inconnue « ${key} » (clés possibles : ${TOP_KEYS.join(", ")}).`);
  for (const key of REQUIRED) if (input[key] === undefined) throw ruleError(file, `clé obligatoire manquante : « ${key} ».`);

  const id = text(input.id, file, "id");
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) throw ruleError(file, `« id » doit être en minuscules avec des tirets (reçu : « ${id} »).`);
  if (expectedId !== undefined && id !== expectedId) throw ruleError(file, `« id » (« ${id} ») doit être le nom du fichier (« ${expectedId} »).`);
  const kind = oneOf(input.kind, KIND_NAMES, file, "kind") as RuleKind;
  const family = oneOf(input.family, FAMILIES, file, "family") as Family;
  const severity = oneOf(input.severity, SEVERITIES, file, "severity") as Severity;

  const module = KINDS[kind];
  const rawParams = input.parameters ?? {};
  if (typeof rawParams !== "object" || rawParams === null || Array.isArray(rawParams)) throw ruleError(file, "« parameters » doit être un objet.");
  const shape = module.shape(rawParams as Record<string, unknown>);
  let parameters: Record<string, unknown>;
  try {
    parameters = validateParams(shape.params, rawParams, "parameters");
  } catch (error) {
    if (error instanceof ParamError) throw ruleError(file, error.message);
    throw error;
  }
  const problem = module.check?.(parameters);
  if (problem !== undefined) throw ruleError(file, `parameters : ${problem}`);
  let fix: FixSpec[] | undefined;
  if (input.fix !== undefined) {
    if (module.layout === true) throw ruleError(file, "« fix » : une règle de mise en page n'a pas de correction de texte.");
    try {
      fix = validateFix(input.fix, "fix");
    } catch (error) {
      if (error instanceof ParamError) throw ruleError(file, error.message);
      throw error;
    }
  }

  const definition: RuleDefinition = {
    id,
    kind,
    family,
    severity,
    message: text(input.message, file, "message"),
    messages: messages(input.messages, shape, file),
    description: text(input.description, file, "description"),
    source: sources(input.source, file),
    parameters,
    prompt: text(input.prompt, file, "prompt"),
    examples: examples(input.examples, module.layout === true, fix !== undefined, file),
    file,
  };
  if (fix !== undefined) definition.fix = fix;
  if (input.suggestion !== undefined) definition.suggestion = text(input.suggestion, file, "suggestion");
  const score = scoreOverride(input, definition, file);
  if (score !== undefined) definition.score = score;
  checkPlaceholders(definition, shape, file);
  return definition;
}

/** `scoreSeverity` and `scoreMessage` go together: a new severity needs words that fit it. */
function scoreOverride(input: Record<string, unknown>, definition: RuleDefinition, file: string): RuleDefinition["score"] {
  if (input.scoreSeverity === undefined && input.scoreMessage === undefined) return undefined;
  if (input.scoreSeverity === undefined || input.scoreMessage === undefined) throw ruleError(file, "« scoreSeverity » et « scoreMessage » vont ensemble : donnez les deux ou aucun.");
  const severity = oneOf(input.scoreSeverity, SEVERITIES, file, "scoreSeverity") as Severity;
  const message = text(input.scoreMessage, file, "scoreMessage");
  if (placeholdersOf(message).length > 0) throw ruleError(file, "« scoreMessage » ne peut pas contenir de « {…} ».");
  if (severity === definition.severity && message === definition.message) throw ruleError(file, "« scoreSeverity » et « scoreMessage » ne changent rien : retirez-les.");
  return { severity, message };
}

function text(value: unknown, file: string, key: string): string {
  if (typeof value !== "string" || value.trim() === "") throw ruleError(file, `« ${key} » doit être un texte non vide.`);
  return value.trim();
}

function oneOf(value: unknown, allowed: readonly string[], file: string, key: string): string {
  if (typeof value !== "string" || !allowed.includes(value)) {
    throw ruleError(file, `« ${key} » doit valoir ${allowed.map((v) => `« ${v} »`).join(", ")} (reçu : ${JSON.stringify(value)}).`);
  }
  return value;
}

function sources(value: unknown, file: string): string[] {
  const list = typeof value === "string" ? [value] : value;
  if (!Array.isArray(list) || list.length === 0 || list.some((item) => typeof item !== "string" || item.trim() === "")) {
    throw ruleError(file, "« source » doit être un texte ou une liste de textes non vides.");
  }
  return (list as string[]).map((item) => item.trim());
}

function messages(value: unknown, shape: KindShape, file: string): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw ruleError(file, "« messages » doit être un objet { variante: message }.");
  const out: Record<string, string> = {};
  for (const [variant, message] of Object.entries(value as Record<string, unknown>)) {
    if (!shape.variants.includes(variant)) {
      throw ruleError(file, `variante de message inconnue « messages.${variant} » (variantes possibles : ${shape.variants.join(", ") || "aucune"}).`);
    }
    out[variant] = text(message, file, `messages.${variant}`);
  }
  return out;
}

function checkPlaceholders(definition: RuleDefinition, shape: KindShape, file: string): void {
  const allowed = new Set(["match", "suggestion", ...shape.placeholders]);
  const templates: [string, string][] = [["message", definition.message], ...Object.entries(definition.messages).map(([k, v]) => [`messages.${k}`, v] as [string, string])];
  if (definition.suggestion) templates.push(["suggestion", definition.suggestion]);
  fixTemplates(definition.fix ?? []).forEach((template, i) => templates.push([definition.fix!.length === 1 ? "fix.replace" : `fix[${i}].replace`, template]));
  for (const [key, template] of templates) {
    for (const name of placeholdersOf(template)) {
      if (!allowed.has(name)) throw ruleError(file, `« ${key} » utilise « {${name}} », inconnu ici (possibles : ${[...allowed].map((p) => `{${p}}`).join(", ")}).`);
    }
  }
}

function examples(value: unknown, layout: boolean, fixes: boolean, file: string): RuleDefinition["examples"] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw ruleError(file, "« examples » doit être un objet { trigger: [...], pass: [...] }.");
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) if (key !== "trigger" && key !== "pass" && key !== "fixed") throw ruleError(file, `clé inconnue « examples.${key} » (clés possibles : trigger, pass, fixed).`);
  const out = { trigger: [] as RuleExample[], pass: [] as RuleExample[], fixed: fixedExamples(record.fixed, fixes, file) };
  for (const key of ["trigger", "pass"] as const) {
    const list = record[key];
    if (!Array.isArray(list) || list.length < MIN_EXAMPLES) throw ruleError(file, `« examples.${key} » doit contenir au moins ${MIN_EXAMPLES} exemples.`);
    out[key] = list.map((item, index) => (layout ? layoutExample(item, file, `examples.${key}[${index}]`) : textExample(item, key, file, `examples.${key}[${index}]`)));
  }
  return out;
}

function fixedExamples(value: unknown, fixes: boolean, file: string): FixedExample[] {
  if (value === undefined) {
    if (fixes) throw ruleError(file, "« examples.fixed » doit montrer la correction (« fix ») sur au moins un exemple : { before, after }.");
    return [];
  }
  if (!fixes) {
    if (Array.isArray(value) && value.length === 0) return [];
    throw ruleError(file, "« examples.fixed » ne va qu'avec « fix ».");
  }
  if (!Array.isArray(value) || value.length === 0) throw ruleError(file, "« examples.fixed » doit être une liste d'exemples { before, after }.");
  return value.map((item, index) => {
    const where = `examples.fixed[${index}]`;
    if (typeof item !== "object" || item === null || Array.isArray(item)) throw ruleError(file, `« ${where} » doit être un objet { before, after }.`);
    const record = item as Record<string, unknown>;
    for (const key of Object.keys(record)) if (key !== "before" && key !== "after") throw ruleError(file, `clé inconnue « ${where}.${key} » (clés possibles : before, after).`);
    if (typeof record.before !== "string" || record.before.trim() === "" || typeof record.after !== "string") throw ruleError(file, `« ${where} » : « before » et « after » doivent être des phrases.`);
    return { before: record.before, after: record.after };
  });
}

function textExample(item: unknown, key: "trigger" | "pass", file: string, where: string): string {
  if (typeof item !== "string" || item.trim() === "") throw ruleError(file, `« ${where} » doit être une phrase.`);
  const marked = /\[\[[^\]]+\]\]/.test(item);
  if (key === "trigger" && !marked) throw ruleError(file, `« ${where} » doit marquer le passage attendu avec [[ ]] : « ${item} ».`);
  if (key === "pass" && item.includes("[[")) throw ruleError(file, `« ${where} » ne doit pas contenir de marque [[ ]] : « ${item} ».`);
  return item;
}

/** The type of each style and layout key of a layout example. */
const STYLE_TYPES: Record<string, (value: unknown) => boolean> = {
  text: (v) => typeof v === "string",
  bold: (v) => typeof v === "boolean",
  italic: (v) => typeof v === "boolean",
  underline: (v) => typeof v === "boolean",
  allCaps: (v) => typeof v === "boolean",
  fontFamily: (v) => typeof v === "string",
  fontSizePt: (v) => typeof v === "number" && v > 0,
  alignment: (v) => v === "left" || v === "right" || v === "center" || v === "justify",
  lineSpacing: (v) => typeof v === "number" && v > 0,
  styleName: (v) => typeof v === "string",
};
const RUN_KEYS = ["text", "bold", "italic", "underline", "allCaps", "fontFamily", "fontSizePt"];
const LAYOUT_KEYS = ["alignment", "lineSpacing", "styleName"];

function checkStyleValues(record: object, file: string, where: string): void {
  for (const [key, value] of Object.entries(record)) {
    if (!STYLE_TYPES[key]!(value)) throw ruleError(file, `« ${where}.${key} » a une valeur invalide (${JSON.stringify(value)}).`);
  }
}

function layoutExample(item: unknown, file: string, where: string): LayoutExample {
  if (typeof item !== "object" || item === null || Array.isArray(item)) throw ruleError(file, `« ${where} » doit être un objet { runs, layout?, defaults? }.`);
  const record = item as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!["runs", "layout", "defaults"].includes(key)) throw ruleError(file, `clé inconnue « ${where}.${key} ».`);
  if (!Array.isArray(record.runs) || record.runs.length === 0) throw ruleError(file, `« ${where}.runs » doit être une liste de runs.`);
  for (const run of record.runs) {
    if (typeof run !== "object" || run === null || typeof (run as Run).text !== "string") throw ruleError(file, `« ${where}.runs » : chaque run doit avoir un « text ».`);
    for (const key of Object.keys(run)) if (!RUN_KEYS.includes(key)) throw ruleError(file, `clé de run inconnue « ${key} » dans « ${where} ».`);
    checkStyleValues(run, file, `${where}.runs`);
  }
  for (const key of ["layout", "defaults"] as const) {
    const value = record[key];
    if (value === undefined) continue;
    if (typeof value !== "object" || value === null) throw ruleError(file, `« ${where}.${key} » doit être un objet.`);
    for (const k of Object.keys(value)) if (![...LAYOUT_KEYS, ...RUN_KEYS].includes(k)) throw ruleError(file, `clé inconnue « ${k} » dans « ${where}.${key} ».`);
    checkStyleValues(value, file, `${where}.${key}`);
  }
  return record as unknown as LayoutExample;
}

/** Strips the `[[ ]]` marks of a text example and returns the expected spans. */
export function parseMarkedExample(example: string): { text: string; spans: { start: number; end: number }[] } {
  const spans: { start: number; end: number }[] = [];
  let text = "";
  let rest = example;
  for (let open = rest.indexOf("[["); open >= 0; open = rest.indexOf("[[")) {
    const close = rest.indexOf("]]", open);
    if (close < 0) break;
    text += rest.slice(0, open);
    const start = text.length;
    text += rest.slice(open + 2, close);
    spans.push({ start, end: text.length });
    rest = rest.slice(close + 2);
  }
  return { text: text + rest, spans };
}
