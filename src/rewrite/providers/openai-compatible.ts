import { parseAnswer, REWRITE_SCHEMA } from "../answer.js";
import { buildRetryNote, buildUserMessage } from "../prompt.js";
import { NO_USAGE, type PromptBundle, type RewriteProvider, type RewriteResponse, type Usage } from "../types.js";
import { providerError, redact } from "./anthropic-errors.js";
import { httpError, invalidTwice, refusalError, truncatedTwice } from "./openai-errors.js";
import { postChatCompletion, type HttpSettings, type RetryInfo } from "./openai-http.js";

/**
 * The `openai-compatible` provider: the Chat Completions API (`POST {baseURL}/chat/completions`),
 * spoken by Mistral's API, Albert, Ollama, vLLM, llama.cpp's server and OpenAI itself, over Node's
 * fetch (no SDK). Structured output asks for the answer's JSON schema; a server that does not take
 * one (a 400 about `response_format`) is asked again in JSON mode, with the schema in the prompt, and
 * stays in JSON mode for the next sections. Either way `parseAnswer` validates the answer.
 */

export type JsonMode = "schema" | "object";

export interface OpenAiCompatibleOptions {
  /** For instance https://api.mistral.ai/v1 or http://localhost:11434/v1. */
  baseURL: string;
  model: string;
  /** OPENAI_API_KEY, given by the caller; without one no Authorization header is sent (local servers). */
  apiKey?: string;
  prompt: PromptBundle;
  /** Retries on 408, 409, 429, 5xx, connection errors and time-outs. */
  maxRetries?: number;
  /** Per HTTP attempt: a local model on a small machine is slow, hence the long default. */
  timeoutMs?: number;
  maxTokens?: number;
  /** "schema" (default): json_schema, falling back to JSON mode when the server refuses it. */
  jsonMode?: JsonMode;
  /** null leaves it to the server; low by default, because a rewrite must keep every fact. */
  temperature?: number | null;
  retryBaseMs?: number;
  maxRetryDelayMs?: number;
  /** Called before each retry (for a --debug log): never holds the key. */
  onRetry?: (retry: RetryInfo) => void;
}

export const OPENAI_COMPATIBLE_DEFAULTS = {
  maxRetries: 3,
  timeoutMs: 300_000,
  /** Room for a long section, yet small enough for a local model's context (vLLM refuses a max_tokens past it). */
  maxTokens: 4_096,
  temperature: 0.2,
  retryBaseMs: 500,
  maxRetryDelayMs: 60_000,
} as const;

/** A truncated answer is asked again once, with this much more room. */
const TRUNCATION_FACTOR = 2;

/** Reasoning models served by Ollama or vLLM may think aloud before the JSON. */
export const THINKING = /^\s*<think>[\s\S]*?<\/think>\s*/;

/** In JSON mode the server does not know the schema: the system prompt gives it. */
export const JSON_MODE_NOTE = `\n\n# Le schéma JSON de ta réponse\nTa réponse est un seul objet JSON qui suit exactement ce schéma :\n${JSON.stringify(REWRITE_SCHEMA)}`;

/** "none": a server that refuses JSON mode too gets no response_format, only the schema in the prompt. */
export type WireMode = JsonMode | "none";

export const MODE_RANK: Record<WireMode, number> = { none: 0, object: 1, schema: 2 };

export const SCHEMA_REFUSED = /response_format|json_schema|guided_json|structured output|grammar/i;

export function createOpenAiCompatibleProvider(options: OpenAiCompatibleOptions): RewriteProvider {
  const model = options.model.trim();
  const apiKey = options.apiKey?.trim() ?? "";
  const secrets = apiKey === "" ? [] : [apiKey];
  const http: HttpSettings = {
    baseURL: options.baseURL.trim(),
    apiKey,
    model,
    maxRetries: options.maxRetries ?? OPENAI_COMPATIBLE_DEFAULTS.maxRetries,
    retryBaseMs: options.retryBaseMs ?? OPENAI_COMPATIBLE_DEFAULTS.retryBaseMs,
    maxRetryDelayMs: options.maxRetryDelayMs ?? OPENAI_COMPATIBLE_DEFAULTS.maxRetryDelayMs,
    secrets,
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
  };
  const settings = {
    timeoutMs: options.timeoutMs ?? OPENAI_COMPATIBLE_DEFAULTS.timeoutMs,
    maxTokens: options.maxTokens ?? OPENAI_COMPATIBLE_DEFAULTS.maxTokens,
    temperature: options.temperature === undefined ? OPENAI_COMPATIBLE_DEFAULTS.temperature : options.temperature,
  };
  // Shared by every section: once the server has refused a schema (or JSON mode), it is not offered one again.
  const format: FormatState = { mode: options.jsonMode ?? "schema" };

  return {
    name: "openai-compatible",
    model,
    async rewrite(request, { signal } = {}): Promise<RewriteResponse> {
      if (apiKey !== "" && !/^[\x21-\x7e]+$/.test(apiKey)) {
        // fetch would quote the bad header value, key included, in its error.
        throw providerError("provider-auth", "La clé d’API (OPENAI_API_KEY) contient des espaces ou des caractères non permis : vérifiez sa copie.");
      }
      const userMessage = buildUserMessage(request, options.prompt);
      let usage: Usage = NO_USAGE;
      let maxTokens = settings.maxTokens;
      let timeoutMs = settings.timeoutMs;
      let note = "";
      let truncated = false;
      let invalid = false;
      for (;;) {
        const body = (mode: WireMode) => requestBody({ model, system: options.prompt.system, user: userMessage + note, maxTokens, temperature: settings.temperature, mode });
        const posted = await postInBestFormat(body, format, http, timeoutMs, signal, { model, withKey: apiKey !== "", secrets });
        usage = { ...usage, requests: usage.requests + posted.requests };
        const completion = readCompletion(posted.json);
        usage = addCompletionUsage(usage, completion.usage);
        if (completion.refusal !== "") throw refusalError(model, request, redact(completion.refusal, secrets));
        if (completion.finishReason === "content_filter") throw refusalError(model, request, "filtre de contenu du service");
        if (completion.finishReason === "length") {
          if (truncated) throw truncatedTwice(maxTokens, request);
          truncated = true;
          maxTokens *= TRUNCATION_FACTOR;
          timeoutMs *= TRUNCATION_FACTOR;
          continue;
        }
        const parsed = parseAnswer(completion.content.replace(THINKING, ""));
        if (parsed.ok) return { result: parsed.result, usage, model: completion.model || model };
        if (invalid) throw invalidTwice(model, request, redact(parsed.problems.slice(0, 3).join(" "), secrets));
        invalid = true;
        note = "\n" + buildRetryNote(parsed.problems);
      }
    },
  };
}

function requestBody(input: { model: string; system: string; user: string; maxTokens: number; temperature: number | null; mode: WireMode }): object {
  const schema = input.mode === "schema";
  const format =
    input.mode === "schema"
      ? { response_format: { type: "json_schema", json_schema: { name: "rewrite", strict: true, schema: REWRITE_SCHEMA } } }
      : input.mode === "object"
        ? { response_format: { type: "json_object" } }
        : {};
  return {
    model: input.model,
    messages: [
      // The schema note stays in the system text, so that prefix caching (vLLM, llama.cpp) still applies.
      { role: "system", content: schema ? input.system : input.system + JSON_MODE_NOTE },
      { role: "user", content: input.user },
    ],
    max_tokens: input.maxTokens,
    ...(input.temperature === null ? {} : { temperature: input.temperature }),
    ...format,
    stream: false,
  };
}

export interface Completion {
  content: string;
  refusal: string;
  finishReason: string;
  model: string;
  usage: RawUsage | undefined;
}

interface RawUsage {
  prompt_tokens?: unknown;
  completion_tokens?: unknown;
  prompt_tokens_details?: { cached_tokens?: unknown } | null;
}

/** The first choice of a completion, read defensively: servers differ in what they fill in. */
export function readCompletion(json: unknown): Completion {
  const root = (typeof json === "object" && json !== null ? json : {}) as { choices?: unknown; model?: unknown; usage?: unknown };
  const choice = (Array.isArray(root.choices) ? root.choices[0] : undefined) as { message?: { content?: unknown; refusal?: unknown }; finish_reason?: unknown } | undefined;
  const content = choice?.message?.content;
  return {
    content: typeof content === "string" ? content : Array.isArray(content) ? content.map((part: { text?: unknown }) => (typeof part?.text === "string" ? part.text : "")).join("") : "",
    refusal: typeof choice?.message?.refusal === "string" ? choice.message.refusal.trim() : "",
    finishReason: typeof choice?.finish_reason === "string" ? choice.finish_reason : "",
    model: typeof root.model === "string" ? root.model : "",
    usage: typeof root.usage === "object" && root.usage !== null ? (root.usage as RawUsage) : undefined,
  };
}

/** Named as the Anthropic API names them: cached prompt tokens are cache reads, the rest is input. */
export function addCompletionUsage(total: Usage, usage: RawUsage | undefined): Usage {
  const prompt = count(usage?.prompt_tokens);
  const cached = Math.min(prompt, count(usage?.prompt_tokens_details?.cached_tokens));
  return {
    requests: total.requests,
    input_tokens: total.input_tokens + prompt - cached,
    output_tokens: total.output_tokens + count(usage?.completion_tokens),
    cache_read_input_tokens: total.cache_read_input_tokens + cached,
    cache_creation_input_tokens: total.cache_creation_input_tokens,
  };
}

function count(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

export type { RetryInfo } from "./openai-http.js";

/** The answer format a server takes, shared by every request of one provider: once refused, never offered again. */
export interface FormatState {
  mode: WireMode;
}

/**
 * One chat completion in the strictest answer format the server takes: a 400 that refuses a JSON
 * schema (or JSON mode) steps down to the next format and sends again; any other failure is thrown.
 */
export async function postInBestFormat(
  body: (mode: WireMode) => object,
  format: FormatState,
  http: HttpSettings,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  context: { model: string; withKey: boolean; secrets: readonly string[] },
): Promise<{ json: unknown; requests: number }> {
  let requests = 0;
  for (let fallbacks = 0; ; fallbacks++) {
    const sent = format.mode;
    const posted = await postChatCompletion(body(sent), http, timeoutMs, signal);
    requests += posted.requests;
    if (posted.ok) return { json: posted.json, requests };
    const { failure } = posted;
    if (failure.status !== 400 || sent === "none" || fallbacks >= 2 || !SCHEMA_REFUSED.test(failure.apiMessage)) {
      throw httpError(failure, { attempts: posted.attempts, timeoutMs, model: context.model, baseURL: http.baseURL, withKey: context.withKey, secrets: [...context.secrets] });
    }
    // Requests run in parallel: another one may have stepped down already; never go lower than one step.
    const next: WireMode = sent === "schema" ? "object" : "none";
    if (MODE_RANK[next] < MODE_RANK[format.mode]) format.mode = next;
  }
}
