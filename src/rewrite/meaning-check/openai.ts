import { providerError } from "../providers/anthropic-errors.js";
import { addCompletionUsage, OPENAI_COMPATIBLE_DEFAULTS, postInBestFormat, readCompletion, THINKING, type FormatState, type WireMode } from "../providers/openai-compatible.js";
import type { HttpSettings } from "../providers/openai-http.js";
import { NO_USAGE, type MeaningChecker, type Usage } from "../types.js";
import { parseCheckAnswer } from "./answer.js";
import { CheckFailure } from "./judge.js";
import { buildCheckMessage, buildCheckRetryNote, CHECK_SCHEMA, CHECK_SYSTEM } from "./prompt.js";

export interface OpenAiCheckerOptions {
  baseURL: string;
  model: string;
  apiKey?: string;
  timeoutMs?: number;
}

/** In JSON mode the server does not know the schema: the system prompt gives it. */
const JSON_MODE_NOTE = `\n\n# Le schéma JSON de ta réponse\n${JSON.stringify(CHECK_SCHEMA)}`;

/**
 * The second reader on an openai-compatible server (Mistral, Albert, Ollama, vLLM…): the Chat
 * Completions API, the answer's JSON schema, and JSON mode for a server that refuses a schema, as the
 * rewrite does. Temperature 0: a reading, not a writing.
 */
export function createOpenAiChecker(options: OpenAiCheckerOptions): MeaningChecker {
  const model = options.model.trim();
  const apiKey = options.apiKey?.trim() ?? "";
  const http: HttpSettings = {
    baseURL: options.baseURL.trim(),
    apiKey,
    model,
    maxRetries: OPENAI_COMPATIBLE_DEFAULTS.maxRetries,
    retryBaseMs: OPENAI_COMPATIBLE_DEFAULTS.retryBaseMs,
    maxRetryDelayMs: OPENAI_COMPATIBLE_DEFAULTS.maxRetryDelayMs,
    secrets: apiKey === "" ? [] : [apiKey],
  };
  const timeoutMs = options.timeoutMs ?? OPENAI_COMPATIBLE_DEFAULTS.timeoutMs;
  const format: FormatState = { mode: "schema" };
  return {
    name: "openai-compatible",
    model,
    async check(request, { signal } = {}) {
      if (apiKey !== "" && !/^[\x21-\x7e]+$/.test(apiKey)) {
        throw providerError("provider-auth", "La clé d’API (OPENAI_API_KEY) contient des espaces ou des caractères non permis : vérifiez sa copie.");
      }
      const userMessage = buildCheckMessage(request);
      let usage: Usage = NO_USAGE;
      let note = "";
      // The rewrite's room: a local model's context may not take more.
      let maxTokens: number = OPENAI_COMPATIBLE_DEFAULTS.maxTokens;
      let truncated = false;
      let invalid = false;
      for (;;) {
        const body = (mode: WireMode) => requestBody(model, userMessage + note, maxTokens, mode);
        const posted = await postInBestFormat(body, format, http, timeoutMs, signal, { model, withKey: apiKey !== "", secrets: http.secrets });
        usage = { ...usage, requests: usage.requests + posted.requests };
        const completion = readCompletion(posted.json);
        usage = addCompletionUsage(usage, completion.usage);
        if (completion.refusal !== "" || completion.finishReason === "content_filter") throw new CheckFailure(`le modèle ${model} a refusé de relire cette section`, usage);
        if (completion.finishReason === "length") {
          if (truncated) throw new CheckFailure(`la réponse du modèle ${model} a été coupée deux fois`, usage);
          truncated = true;
          maxTokens *= 2;
          continue;
        }
        const parsed = parseCheckAnswer(completion.content.replace(THINKING, ""));
        if (parsed.ok) return { changes: parsed.changes, usage, model: completion.model || model };
        if (invalid) throw new CheckFailure(`la réponse du modèle ${model} n’avait pas la forme attendue, deux fois`, usage);
        invalid = true;
        note = buildCheckRetryNote(parsed.problems);
      }
    },
  };
}

function requestBody(model: string, user: string, maxTokens: number, mode: WireMode): object {
  const format =
    mode === "schema"
      ? { response_format: { type: "json_schema", json_schema: { name: "meaning_check", strict: true, schema: CHECK_SCHEMA } } }
      : mode === "object"
        ? { response_format: { type: "json_object" } }
        : {};
  return {
    model,
    messages: [
      { role: "system", content: mode === "schema" ? CHECK_SYSTEM : CHECK_SYSTEM + JSON_MODE_NOTE },
      { role: "user", content: user },
    ],
    max_tokens: maxTokens,
    temperature: 0,
    ...format,
    stream: false,
  };
}
