import { fr } from "../../french-numbers.js";
import type Anthropic from "@anthropic-ai/sdk";
import type { Middleware } from "@anthropic-ai/sdk";
import { parseAnswer, REWRITE_SCHEMA } from "../answer.js";
import { buildRetryNote, buildUserMessage } from "../prompt.js";
import { addUsage, NO_USAGE, type PromptBundle, type RewriteProvider, type RewriteRequest, type RewriteResponse, type RewriteResult, type Usage } from "../types.js";
import { KEPT, mapSdkError, providerError, redact, type FailureContext } from "./anthropic-errors.js";
import { DEFAULT_ANTHROPIC_MODEL, supportsEffort } from "./anthropic-models.js";

export { ANTHROPIC_PRICES, DEFAULT_ANTHROPIC_MODEL, estimateCost, estimateTokens, priceOf, PRICES_AS_OF, type ModelPrice } from "./anthropic-models.js";

export type Effort = "low" | "medium" | "high";

export interface AnthropicProviderOptions {
  /** Default: ANTHROPIC_API_KEY, then ANTHROPIC_AUTH_TOKEN (sent the same way: `Authorization: Bearer`). */
  apiKey?: string;
  /** Default: ANTHROPIC_BASE_URL, read by the SDK. */
  baseURL?: string;
  model?: string;
  /** Retries of the SDK on 408, 409, 429, 5xx and connection errors, with back-off honouring retry-after(-ms). */
  maxRetries?: number;
  /** Per HTTP attempt; a non-streaming answer arrives whole, so this bounds the whole generation. */
  timeoutMs?: number;
  maxTokens?: number;
  /** `output_config.effort` for the models that take it; null leaves it to the model's default. */
  effort?: Effort | null;
  prompt: PromptBundle;
  /** French warnings for the user (a deprecated model), instead of the SDK's English console.warn. */
  onWarning?: (message: string) => void;
  /** Where to read the credentials and ANTHROPIC_LOG (default process.env). */
  env?: Record<string, string | undefined>;
}

export const ANTHROPIC_DEFAULTS = {
  maxRetries: 3,
  timeoutMs: 120_000,
  /** Adaptive thinking (on by default from Sonnet 5) counts against max_tokens: room for it and a long section. */
  maxTokens: 16_000,
  effort: "medium" as Effort,
} as const;

/** A truncated answer is asked again once, with this much more room. */
const TRUNCATION_FACTOR = 2;

type Sdk = { Anthropic: typeof Anthropic; transformJSONSchema: (schema: Record<string, unknown>) => Record<string, unknown> };
let sdkPromise: Promise<Sdk> | undefined;

/** The SDK costs about 180 ms to import: only a run that calls the API pays for it. */
function loadSdk(): Promise<Sdk> {
  sdkPromise ??= Promise.all([import("@anthropic-ai/sdk"), import("@anthropic-ai/sdk/lib/transform-json-schema")]).then(([sdk, transform]) => ({
    Anthropic: sdk.Anthropic,
    transformJSONSchema: transform.transformJSONSchema as Sdk["transformJSONSchema"],
  }));
  return sdkPromise;
}

/** A JSON schema as the API takes it (the SDK moves the constraints it does not take into descriptions). */
export async function apiSchema(schema: object): Promise<Record<string, unknown>> {
  const sdk = await loadSdk();
  return sdk.transformJSONSchema(structuredClone(schema) as Record<string, unknown>);
}

/** What both Anthropic paths (one call per request, and Message Batches) resolve the same way. */
export interface AnthropicSetup {
  model: string;
  /** "" when none is set: the provider then refuses to send anything. */
  credential: string;
  baseURL: string;
  settings: { maxRetries: number; timeoutMs: number; maxTokens: number; effort: Effort | null };
  /** Credentials to mask in anything that reaches a message. */
  secrets: readonly string[];
  /** The SDK client and the answer schema, built on first use (the SDK is loaded then). */
  connect(): Promise<{ client: Anthropic; schema: Record<string, unknown> }>;
}

export function anthropicSetup(options: AnthropicProviderOptions): AnthropicSetup {
  const env = options.env ?? process.env;
  const model = options.model?.trim() || DEFAULT_ANTHROPIC_MODEL;
  const credential = options.apiKey?.trim() || env.ANTHROPIC_API_KEY?.trim() || env.ANTHROPIC_AUTH_TOKEN?.trim() || "";
  const baseURL = options.baseURL?.trim() || env.ANTHROPIC_BASE_URL?.trim() || "https://api.anthropic.com";
  const settings = {
    maxRetries: options.maxRetries ?? ANTHROPIC_DEFAULTS.maxRetries,
    timeoutMs: options.timeoutMs ?? ANTHROPIC_DEFAULTS.timeoutMs,
    maxTokens: options.maxTokens ?? ANTHROPIC_DEFAULTS.maxTokens,
    effort: options.effort === undefined ? ANTHROPIC_DEFAULTS.effort : options.effort,
  };
  let client: Promise<{ client: Anthropic; schema: Record<string, unknown> }> | undefined;
  const connect = () =>
    (client ??= loadSdk().then((sdk) => ({
      client: new sdk.Anthropic({
        // Always explicit: without it the SDK walks a credential chain (profiles, config files).
        apiKey: credential,
        baseURL,
        maxRetries: settings.maxRetries,
        timeout: settings.timeoutMs,
        // The SDK logs in English to the console; the user asked for its logs only with ANTHROPIC_LOG.
        ...(env.ANTHROPIC_LOG ? {} : { logLevel: "off" as const }),
      }),
      // The API takes a subset of JSON Schema; the SDK moves the other constraints into descriptions.
      // parseAnswer checks them all on our side.
      schema: sdk.transformJSONSchema(structuredClone(REWRITE_SCHEMA) as unknown as Record<string, unknown>),
    })));
  return { model, credential, baseURL, settings, secrets: credential === "" ? [] : [credential], connect };
}

export function missingKey() {
  return providerError("provider-auth", "Aucune clé d’API Anthropic : définissez ANTHROPIC_API_KEY, ou utilisez --provider offline.");
}

/**
 * The `anthropic` provider, over the official SDK. Structured output goes through
 * `output_config.format` (a JSON schema), not a forced tool call: Claude Sonnet 5.5, the default,
 * answers 400 to a forced `tool_choice` (and to `thinking: disabled`), while a JSON schema format works
 * with the adaptive thinking it runs by default. The system prompt is one block with `cache_control`,
 * so every section after the first reads it from the prompt cache.
 */
export function createAnthropicProvider(options: AnthropicProviderOptions): RewriteProvider {
  const setup = anthropicSetup(options);
  const { model, secrets } = setup;
  let warned = false;

  const warn = (text: string) => {
    if (warned) return;
    warned = true;
    options.onWarning?.(text);
  };

  const call = (body: Anthropic.MessageCreateParamsNonStreaming, signal: AbortSignal | undefined, timeoutMs: number) => sendMessage(setup, body, signal, timeoutMs, warn);

  return {
    name: "anthropic",
    model,
    async rewrite(request, { signal } = {}): Promise<RewriteResponse> {
      if (setup.credential === "") throw missingKey();
      const { schema } = await setup.connect();
      const userMessage = buildUserMessage(request, options.prompt);
      let usage: Usage = NO_USAGE;
      let attempt = FIRST_ATTEMPT;
      for (;;) {
        const body = messageParams(setup, schema, options.prompt.system, userMessage, attempt);
        const { message, requests } = await call(body, signal, setup.settings.timeoutMs * attemptScale(attempt));
        usage = addUsage(usage, messageUsage(message.usage, requests));
        const verdict = judgeMessage(message, attempt, { model, request, secrets, maxTokens: body.max_tokens });
        if (verdict.ok) return { result: verdict.result, usage, model: verdict.model };
        attempt = verdict.next;
      }
    },
  };
}

/**
 * One Messages API call (the SDK retries it), with the HTTP answers it took counted, and its failure
 * as the French FalcError. Shared by the rewrite and the second reader (src/rewrite/meaning-check/).
 */
export async function sendMessage(
  setup: AnthropicSetup,
  body: Anthropic.MessageCreateParamsNonStreaming,
  signal: AbortSignal | undefined,
  timeoutMs: number,
  warn: (text: string) => void,
): Promise<{ message: Anthropic.Message; requests: number }> {
  const { client: anthropic } = await setup.connect();
  const attempts = { sent: 0, answered: 0 };
  const count: Middleware = async (httpRequest, next) => {
    attempts.sent++;
    const response = await next(httpRequest);
    attempts.answered++;
    return response;
  };
  try {
    const pending = muteDeprecationWarning(body.model, warn, () =>
      anthropic.messages.create(body, { timeout: timeoutMs, middleware: [count], ...(signal ? { signal } : {}) }),
    );
    const message = await pending;
    return { message, requests: attempts.answered };
  } catch (error) {
    const context: FailureContext = { attempts: attempts.sent, timeoutMs, model: body.model, baseURL: setup.baseURL, secrets: setup.secrets };
    const mapped = mapSdkError(error, context);
    if (mapped) throw mapped;
    if (signal?.aborted) throw signal.reason ?? error;
    throw error;
  }
}

/**
 * Where a section's request stands in the retry rules, shared by both paths: an answer cut at
 * max_tokens is asked once more with more room, an invalid answer once more with a note saying what
 * was wrong. Both can happen to the same section, once each.
 */
export interface Attempt {
  truncated: boolean;
  invalid: boolean;
  /** Appended to the user message after an invalid answer ("" before). */
  note: string;
}

export const FIRST_ATTEMPT: Attempt = { truncated: false, invalid: false, note: "" };

/** How much more room (max_tokens, and time for the synchronous call) this attempt gets. */
export function attemptScale(attempt: Attempt): number {
  return attempt.truncated ? TRUNCATION_FACTOR : 1;
}

/** The Messages API request for one attempt at a section. */
export function messageParams(
  setup: Pick<AnthropicSetup, "model" | "settings">,
  schema: Record<string, unknown>,
  system: string,
  userMessage: string,
  attempt: Attempt,
): Anthropic.MessageCreateParamsNonStreaming {
  return requestBody({
    model: setup.model,
    system,
    user: userMessage + attempt.note,
    schema,
    maxTokens: setup.settings.maxTokens * attemptScale(attempt),
    effort: setup.settings.effort,
  });
}

export type Verdict = { ok: true; result: RewriteResult; model: string } | { ok: false; next: Attempt };

/**
 * What a returned Message means for the section: its validated answer, or the next attempt to make.
 * Throws the French FalcError when there is nothing more to try (refusal, section too long for the
 * context window, cut or invalid twice).
 */
export function judgeMessage(
  message: Anthropic.Message,
  attempt: Attempt,
  context: { model: string; request: RewriteRequest; secrets: readonly string[]; maxTokens: number },
): Verdict {
  const { model, request } = context;
  const stop = message.stop_reason;
  if (stop === "refusal") throw refusal(message, model, request);
  if (stop === "model_context_window_exceeded") throw tooLong(model, request);
  if (stop === "max_tokens") {
    if (attempt.truncated) throw cutTwice(context.maxTokens, request);
    return { ok: false, next: { ...attempt, truncated: true } };
  }
  const parsed = parseAnswer(answerText(message));
  if (parsed.ok) return { ok: true, result: parsed.result, model: message.model || model };
  if (attempt.invalid) throw invalidTwice(model, request, redact(parsed.problems.slice(0, 3).join(" "), context.secrets));
  return { ok: false, next: { ...attempt, invalid: true, note: "\n" + buildRetryNote(parsed.problems) } };
}

function requestBody(input: {
  model: string;
  system: string;
  user: string;
  schema: Record<string, unknown>;
  maxTokens: number;
  effort: Effort | null;
}): Anthropic.MessageCreateParamsNonStreaming {
  const effort = input.effort !== null && supportsEffort(input.model) ? { effort: input.effort } : {};
  return {
    model: input.model,
    max_tokens: input.maxTokens,
    system: [{ type: "text", text: input.system, cache_control: { type: "ephemeral" } }],
    messages: [{ role: "user", content: input.user }],
    output_config: { format: { type: "json_schema", schema: input.schema }, ...effort },
  };
}

/** The JSON answer: the text blocks (thinking blocks, when the model thinks, are skipped). */
export function answerText(message: Anthropic.Message): unknown {
  const text = message.content
    .filter((block): block is Anthropic.TextBlock => block.type === "text")
    .map((block) => block.text)
    .join("");
  if (text.trim() !== "") return text;
  const tool = message.content.find((block): block is Anthropic.ToolUseBlock => block.type === "tool_use");
  return tool ? tool.input : text;
}

/** The usage of one Message, counted as `requests` HTTP answers. */
export function messageUsage(usage: Anthropic.Usage | undefined, requests: number): Usage {
  return {
    requests,
    input_tokens: usage?.input_tokens ?? 0,
    output_tokens: usage?.output_tokens ?? 0,
    cache_read_input_tokens: usage?.cache_read_input_tokens ?? 0,
    cache_creation_input_tokens: usage?.cache_creation_input_tokens ?? 0,
  };
}

function tooLong(model: string, request: RewriteRequest) {
  return providerError(
    "provider-truncated",
    `La section « ${request.sectionTitle} » est trop longue pour le modèle ${model}. Découpez-la en parties plus courtes, puis relancez.`,
  );
}

function cutTwice(maxTokens: number, request: RewriteRequest) {
  return providerError(
    "provider-truncated",
    `La réponse du modèle pour la section « ${request.sectionTitle} » a été coupée (limite de ${fr.int(maxTokens)} jetons atteinte), ` +
      "même après un essai avec une limite plus haute. Découpez cette section en parties plus courtes, puis relancez.",
  );
}

function invalidTwice(model: string, request: RewriteRequest, problems: string) {
  return providerError(
    "provider-invalid-answer",
    `La réponse du modèle ${model} pour la section « ${request.sectionTitle} » n’a pas la forme attendue, même après un second essai : ` +
      `${problems} Relancez la commande : ${KEPT}`,
  );
}

function refusal(message: Anthropic.Message, model: string, request: RewriteRequest) {
  const reason = message.stop_details?.explanation?.trim();
  return providerError(
    "provider-refusal",
    `Le modèle ${model} a refusé de réécrire la section « ${request.sectionTitle} »${reason ? ` (raison donnée : ${reason})` : ""}. ` +
      "Vérifiez le contenu de cette section, ou réécrivez le document avec --provider offline.",
  );
}

const DEPRECATION = /^The model '([^']+)' is deprecated and will reach end-of-life on ([^\n]+)/;

/**
 * The SDK `console.warn`s, in English, on every call with a deprecated model id. The warning is
 * written synchronously inside `messages.create`, so console.warn is swapped for that call only: the
 * deprecation becomes one French warning, anything else is passed on.
 */
function muteDeprecationWarning<T>(model: string, warn: (text: string) => void, run: () => T): T {
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    const match = typeof args[0] === "string" ? DEPRECATION.exec(args[0]) : null;
    if (match) {
      warn(`Le modèle « ${model} » est annoncé comme obsolète par Anthropic (fin prévue : ${match[2]}). Choisissez un modèle plus récent avec --model.`);
      return;
    }
    original(...args);
  };
  try {
    return run();
  } finally {
    console.warn = original;
  }
}
