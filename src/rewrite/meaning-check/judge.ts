import type Anthropic from "@anthropic-ai/sdk";
import { answerText, attemptScale, type Attempt } from "../providers/anthropic.js";
import { redact } from "../providers/anthropic-errors.js";
import { supportsEffort } from "../providers/anthropic-models.js";
import { NO_USAGE, type MeaningChange, type Usage } from "../types.js";
import { parseCheckAnswer } from "./answer.js";
import { buildCheckRetryNote, CHECK_SYSTEM } from "./prompt.js";

/**
 * Room for the answer: a list of short quotes, and the thinking a model may do at low effort. A
 * section whose reading needs more is cut, asked again once with twice the room, then left to the
 * reviewers with a note.
 */
export const CHECK_MAX_TOKENS = 8_000;

/**
 * The second reader gave nothing usable (a refusal, an answer cut or invalid twice): the section is
 * not failed for it, the reviewers are told to read its meaning themselves. Transport and budget
 * errors are not this: they stop the run, as for any request.
 */
export class CheckFailure extends Error {
  override readonly name = "CheckFailure";
  constructor(
    /** French, for the review document: « le modèle … a refusé de relire cette section ». */
    readonly reason: string,
    /** What the failed attempts cost. */
    readonly usage: Usage = NO_USAGE,
  ) {
    super(reason);
  }

  withUsage(usage: Usage): CheckFailure {
    return new CheckFailure(this.reason, usage);
  }
}

export type CheckVerdict = { ok: true; changes: MeaningChange[]; model: string } | { ok: false; next: Attempt };

/** The Messages API request for one attempt at reading a section (direct call or Message Batch). */
export function checkParams(model: string, schema: Record<string, unknown>, userMessage: string, attempt: Attempt): Anthropic.MessageCreateParamsNonStreaming {
  // Low effort: comparing two short texts needs little thinking, and thinking is paid as output.
  const effort = supportsEffort(model) ? { effort: "low" as const } : {};
  return {
    model,
    max_tokens: CHECK_MAX_TOKENS * attemptScale(attempt),
    system: [{ type: "text", text: CHECK_SYSTEM, cache_control: { type: "ephemeral" } }],
    messages: [{ role: "user", content: userMessage + attempt.note }],
    output_config: { format: { type: "json_schema", schema }, ...effort },
  };
}

/** What a returned Message means: the changes, the next attempt, or a CheckFailure when nothing more is tried. */
export function judgeCheck(message: Anthropic.Message, attempt: Attempt, model: string, secrets: readonly string[]): CheckVerdict {
  const stop = message.stop_reason;
  if (stop === "refusal") throw new CheckFailure(`le modèle ${model} a refusé de relire cette section`);
  if (stop === "model_context_window_exceeded") throw new CheckFailure(`la section est trop longue pour le modèle ${model}`);
  if (stop === "max_tokens") {
    if (attempt.truncated) throw new CheckFailure(`la réponse du modèle ${model} a été coupée deux fois`);
    return { ok: false, next: { ...attempt, truncated: true } };
  }
  const parsed = parseCheckAnswer(answerText(message));
  if (parsed.ok) return { ok: true, changes: parsed.changes, model: message.model || model };
  if (attempt.invalid) throw new CheckFailure(`la réponse du modèle ${model} n’avait pas la forme attendue, deux fois (${redact(parsed.problems.slice(0, 2).join(" "), secrets)})`);
  return { ok: false, next: { ...attempt, invalid: true, note: buildCheckRetryNote(parsed.problems) } };
}
