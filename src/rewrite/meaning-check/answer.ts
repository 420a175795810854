import { answerValue } from "../answer.js";
import { MEANING_CHANGE_KINDS, type MeaningChange, type MeaningChangeKind } from "../types.js";
import { MAX_CHANGES } from "./prompt.js";

export type ParseCheckResult = { ok: true; changes: MeaningChange[] } | { ok: false; problems: string[] };

const LIMITS = { original: 600, rewrite: 600, explanation: 400 } as const;

/**
 * Validates the second reader's answer (JSON text or parsed value). Strings are trimmed and put on
 * one line; the same change listed twice is kept once. Problems are in French: they go back to the
 * model once, then into the section's note when the second answer is no better.
 */
export function parseCheckAnswer(value: unknown): ParseCheckResult {
  const parsed = answerValue(value);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  if (!isObject(input)) return { ok: false, problems: ["La réponse doit être un objet JSON avec la liste « changes »."] };
  const problems: string[] = [];
  for (const key of Object.keys(input)) if (key !== "changes") problems.push(`La réponse contient une clé inconnue « ${key} » (seule « changes » est permise).`);
  const list = input.changes;
  if (!Array.isArray(list)) return { ok: false, problems: [...problems, "« changes » doit être une liste (vide si le sens est gardé)."] };
  if (list.length > MAX_CHANGES) problems.push(`« changes » a trop d'éléments (${list.length}, ${MAX_CHANGES} au plus).`);
  const changes: MeaningChange[] = [];
  const seen = new Set<string>();
  list.slice(0, MAX_CHANGES).forEach((raw, index) => {
    const path = `changes[${index}]`;
    if (!isObject(raw)) return void problems.push(`« ${path} » doit être un objet.`);
    for (const key of Object.keys(raw)) {
      if (!["kind", "original", "rewrite", "explanation"].includes(key)) problems.push(`« ${path} » contient une clé inconnue « ${key} ».`);
    }
    if (!(MEANING_CHANGE_KINDS as readonly unknown[]).includes(raw.kind)) {
      problems.push(`« ${path}.kind » doit valoir ${MEANING_CHANGE_KINDS.map((kind) => `"${kind}"`).join(", ")} (reçu : ${JSON.stringify(raw.kind) ?? "rien"}).`);
    }
    const original = field(raw.original, `${path}.original`, LIMITS.original, true, problems);
    const rewrite = field(raw.rewrite, `${path}.rewrite`, LIMITS.rewrite, false, problems);
    const explanation = field(raw.explanation, `${path}.explanation`, LIMITS.explanation, true, problems);
    if (original === undefined || rewrite === undefined || explanation === undefined) return;
    const key = `${String(raw.kind)}\0${original}\0${rewrite}`;
    if (seen.has(key)) return;
    seen.add(key);
    changes.push({ kind: raw.kind as MeaningChangeKind, original, rewrite, explanation });
  });
  return problems.length > 0 ? { ok: false, problems: problems.slice(0, 10) } : { ok: true, changes };
}

function field(value: unknown, path: string, maxLength: number, required: boolean, problems: string[]): string | undefined {
  if (typeof value !== "string") {
    problems.push(`« ${path} » doit être un texte.`);
    return undefined;
  }
  const text = value.replace(/\s+/g, " ").trim();
  if (required && text === "") {
    problems.push(`« ${path} » est vide.`);
    return undefined;
  }
  if (text.length > maxLength) {
    problems.push(`« ${path} » est trop long (${text.length} caractères, ${maxLength} au plus) : recopiez seulement les mots qui portent le sens.`);
    return undefined;
  }
  return text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

