import { apiSchema } from "../providers/anthropic.js";
import type { AnthropicBatchProvider } from "../providers/anthropic-batch.js";
import type { MeaningChange, MeaningChecker } from "../types.js";
import { CheckFailure, checkParams, judgeCheck } from "./judge.js";
import { buildCheckMessage, CHECK_SCHEMA } from "./prompt.js";

/**
 * The second reader with `--batch`: its readings join the Message Batches of the run (half price), the
 * same queue, state folder and resume rules as the sections. A reading the model refused or answered
 * badly twice is a value here, not an error, so that its usage is counted like a good one's.
 */
export function createBatchChecker(batches: AnthropicBatchProvider, model: string, secrets: readonly string[] = []): MeaningChecker {
  let schema: Promise<Record<string, unknown>> | undefined;
  return {
    name: "anthropic",
    model,
    async check(request, { signal } = {}) {
      schema ??= apiSchema(CHECK_SCHEMA);
      const resolved = await schema;
      const userMessage = buildCheckMessage(request);
      const outcome = await batches.exchange<MeaningChange[] | CheckFailure>(
        {
          title: request.sectionTitle,
          params: (attempt) => checkParams(model, resolved, userMessage, attempt),
          judge: (message, attempt) => {
            try {
              const verdict = judgeCheck(message, attempt, model, secrets);
              return verdict.ok ? { ok: true, value: verdict.changes, model: verdict.model } : verdict;
            } catch (error) {
              if (error instanceof CheckFailure) return { ok: true, value: error, model };
              throw error;
            }
          },
        },
        signal,
      );
      if (outcome.value instanceof CheckFailure) throw outcome.value.withUsage(outcome.usage);
      return { changes: outcome.value, usage: outcome.usage, model: outcome.model };
    },
  };
}
