import { retryAfterMs } from "./error-text.js";
import { apiMessageOf, connectionError, timeoutError, httpError, type HttpFailure, type OpenAiFailure } from "./openai-errors.js";
import { providerError, redact } from "./anthropic-errors.js";

/**
 * One Chat Completions call over Node's fetch, with the retries an HTTP client owes a remote model:
 * 408, 409, 429, 5xx, connection errors and time-outs are retried with exponential back-off (or the
 * wait the server asks for, capped); any other status is returned to the caller, which knows what a
 * 400 about `response_format` means. Each attempt has its own time-out, combined with the caller's signal.
 */

export interface HttpSettings {
  baseURL: string;
  apiKey: string;
  model: string;
  maxRetries: number;
  /** First back-off delay; doubles on each retry. */
  retryBaseMs: number;
  /** Cap on any wait, the server's Retry-After included. */
  maxRetryDelayMs: number;
  secrets: readonly string[];
  onRetry?: (retry: RetryInfo) => void;
}

export interface RetryInfo {
  /** 1 for the first retry. */
  retry: number;
  delayMs: number;
  /** « erreur 429 », « délai dépassé », « connexion impossible »… (French, for a --debug log). */
  reason: string;
}

export type PostResult =
  | { ok: true; json: unknown; requests: number }
  | { ok: false; failure: HttpFailure; requests: number; attempts: number };

const RETRYABLE = new Set([408, 409, 429]);

export async function postChatCompletion(body: object, settings: HttpSettings, timeoutMs: number, signal?: AbortSignal): Promise<PostResult> {
  const url = `${settings.baseURL.replace(/\/+$/, "")}/chat/completions`;
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json", "user-agent": "falc" };
  if (settings.apiKey !== "") headers.authorization = `Bearer ${settings.apiKey}`;
  const payload = JSON.stringify(body);
  let requests = 0;
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    const context: OpenAiFailure = { attempts: attempt, timeoutMs, model: settings.model, baseURL: settings.baseURL, withKey: settings.apiKey !== "", secrets: settings.secrets };
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let failure: { error: Error; reason: string; waitMs?: number };
    try {
      const response = await fetch(url, { method: "POST", headers, body: payload, signal: combined });
      requests++;
      const text = await response.text();
      if (response.ok) return { ok: true, json: parseBody(text, context), requests };
      const http: HttpFailure = { status: response.status, apiMessage: apiMessageOf(text, settings.secrets) };
      const wait = retryAfterMs(response.headers);
      if (wait !== undefined) http.retryAfterMs = wait;
      if (!RETRYABLE.has(response.status) && response.status < 500) return { ok: false, failure: http, requests, attempts: attempt };
      failure = { error: httpError(http, context), reason: `erreur ${response.status}`, ...(wait !== undefined ? { waitMs: wait } : {}) };
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error;
      if (isFalcLike(error)) throw error;
      failure = timeout.aborted
        ? { error: timeoutError(context), reason: "délai dépassé" }
        : { error: connectionError(context, networkReason(error, settings.secrets)), reason: "connexion impossible" };
    }
    if (attempt > settings.maxRetries) throw failure.error;
    const delayMs = Math.min(settings.maxRetryDelayMs, failure.waitMs ?? backOff(settings.retryBaseMs, attempt));
    settings.onRetry?.({ retry: attempt, delayMs, reason: failure.reason });
    await sleep(delayMs, signal);
  }
}

/** Exponential, with ±25 % jitter so that parallel sections do not retry in step. */
function backOff(baseMs: number, attempt: number): number {
  return Math.round(baseMs * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5));
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ms <= 0) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function parseBody(text: string, context: OpenAiFailure): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // A 200 that is not JSON is usually a web page: the base URL points at the wrong place.
    throw providerError(
      "provider-bad-request",
      "Le service n’a pas répondu comme l’API Chat Completions (sa réponse n’est pas du JSON).",
      { hint: `Vérifiez l’adresse donnée avec --base-url : elle finit souvent par /v1. Modèle demandé : « ${context.model} ».` },
    );
  }
}

/** fetch says « fetch failed »; the useful part (ECONNREFUSED, ECONNRESET, ENOTFOUND) is in its cause. */
function networkReason(error: unknown, secrets: readonly string[]): string {
  if (!(error instanceof Error)) return "";
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const code = typeof cause?.code === "string" ? cause.code : "";
  const text = code !== "" ? code : typeof cause?.message === "string" ? cause.message : error.message;
  return redact(text, secrets).slice(0, 200);
}

function isFalcLike(error: unknown): boolean {
  return error instanceof Error && error.name === "FalcError";
}
