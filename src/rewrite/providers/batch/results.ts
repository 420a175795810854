import type Anthropic from "@anthropic-ai/sdk";
import { addUsage, type Usage } from "../../types.js";
import type { FailureContext } from "../anthropic-errors.js";
import { messageUsage, type Attempt } from "../anthropic.js";
import { erroredRequest, notProcessed, TRANSIENT_ERRORS } from "./errors.js";

/** What a batch result needs to know of the call waiting for it (a section's rewrite, or its second reading). */
export interface Waiting {
  /** The section, for messages. */
  title: string;
  attempt: Attempt;
  usage: Usage;
  settled: boolean;
  /** What a Message answering this call means: its value, or the next attempt (or it throws the error to fail with). */
  exchange: { judge(message: Anthropic.Message, attempt: Attempt): { ok: true; value: unknown; model: string } | { ok: false; next: Attempt } };
}

export interface ResultHandlers<J> {
  /** For the messages: the model asked for, the credentials to mask, what the call was. */
  model: string;
  secrets: readonly string[];
  failure: FailureContext;
  succeed(job: J, outcome: { value: unknown; usage: Usage; model: string }): void;
  fail(job: J, error: unknown): void;
  /** Into a new batch, once; the second time, the section fails with `error()`. */
  sendAgainOrFail(job: J, error: () => unknown): void;
  /** The next attempt of the retry rules (more room, or a note): new parameters, so a new custom_id. */
  askAgain(job: J, attempt: Attempt): void;
}

/**
 * Applies one result line to the calls waiting for its custom_id: a succeeded Message is judged by
 * the rules the direct calls use; an errored request fails at once, unless the error is a passing
 * one (overloaded, internal), sent again once like an expired or canceled request.
 */
export function deliverResult<J extends Waiting>(jobs: readonly J[], result: Anthropic.Messages.MessageBatchResult, batchId: string, handlers: ResultHandlers<J>): void {
  let billed = false;
  for (const job of jobs) {
    if (job.settled) continue;
    const where = { batchId, section: job.title };
    if (result.type === "succeeded") {
      // Calls with the same parameters shared one request: it is billed once.
      if (!billed) job.usage = addUsage(job.usage, { ...messageUsage(result.message.usage, 1), batch: true });
      billed = true;
      answer(job, result.message, handlers);
    } else if (result.type === "errored") {
      const error = result.error.error;
      const failure = () => erroredRequest(error, where, handlers.failure);
      if (TRANSIENT_ERRORS.has(error.type)) handlers.sendAgainOrFail(job, failure);
      else handlers.fail(job, failure());
    } else {
      handlers.sendAgainOrFail(job, () => notProcessed(result.type, where));
    }
  }
}

function answer<J extends Waiting>(job: J, message: Anthropic.Message, handlers: ResultHandlers<J>): void {
  let verdict: ReturnType<Waiting["exchange"]["judge"]>;
  try {
    verdict = job.exchange.judge(message, job.attempt);
  } catch (error) {
    return handlers.fail(job, error);
  }
  if (verdict.ok) handlers.succeed(job, { value: verdict.value, usage: job.usage, model: verdict.model });
  else handlers.askAgain(job, verdict.next);
}
