import { anthropicSetup, apiSchema, attemptScale, FIRST_ATTEMPT, messageUsage, missingKey, sendMessage } from "../providers/anthropic.js";
import { addUsage, NO_USAGE, type MeaningChecker, type Usage } from "../types.js";
import { CheckFailure, checkParams, judgeCheck } from "./judge.js";
import { buildCheckMessage, CHECK_PROMPT_VERSION, CHECK_SCHEMA, CHECK_SYSTEM } from "./prompt.js";

export interface AnthropicCheckerOptions {
  model: string;
  apiKey?: string;
  baseURL?: string;
  timeoutMs?: number;
  maxRetries?: number;
  env?: Record<string, string | undefined>;
  onWarning?: (message: string) => void;
}

/**
 * The second reader over the Messages API, one direct call per reading: the same SDK, credentials,
 * retries and error messages as the rewrite, a JSON schema for the answer, and the retry rules of the
 * rewrite (an answer cut or invalid is asked once more).
 */
export function createAnthropicChecker(options: AnthropicCheckerOptions): MeaningChecker {
  const setup = anthropicSetup({ ...options, prompt: { system: CHECK_SYSTEM, version: CHECK_PROMPT_VERSION } });
  let schema: Promise<Record<string, unknown>> | undefined;
  let warned = false;
  const warn = (text: string) => {
    if (warned) return;
    warned = true;
    options.onWarning?.(text);
  };
  return {
    name: "anthropic",
    model: setup.model,
    async check(request, { signal } = {}) {
      if (setup.credential === "") throw missingKey();
      schema ??= apiSchema(CHECK_SCHEMA);
      const userMessage = buildCheckMessage(request);
      let usage: Usage = NO_USAGE;
      let attempt = FIRST_ATTEMPT;
      for (;;) {
        const body = checkParams(setup.model, await schema, userMessage, attempt);
        const { message, requests } = await sendMessage(setup, body, signal, setup.settings.timeoutMs * attemptScale(attempt), warn);
        usage = addUsage(usage, messageUsage(message.usage, requests));
        try {
          const verdict = judgeCheck(message, attempt, setup.model, setup.secrets);
          if (verdict.ok) return { changes: verdict.changes, usage, model: verdict.model };
          attempt = verdict.next;
        } catch (error) {
          throw error instanceof CheckFailure ? error.withUsage(usage) : error;
        }
      }
    },
  };
}
