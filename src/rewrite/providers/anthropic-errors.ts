import { ExitCode, FalcError } from "../../errors.js";
import { hostOf, retryAfterMs, seconds, triesText } from "./error-text.js";

/** What a failed call did, for the message. */
export interface FailureContext {
  /** HTTP attempts made for the call, the SDK's own retries included. */
  attempts: number;
  timeoutMs: number;
  model: string;
  baseURL: string;
  /** Credentials to mask in anything that reaches a message. */
  secrets: readonly string[];
}

/** The sections already rewritten are in the section cache: a re-run resumes where this one stopped. */
export const KEPT = "les sections déjà réécrites sont gardées et ne seront pas redemandées.";

export function providerError(code: string, message: string, options: { hint?: string; cause?: unknown; retryAfterMs?: number } = {}): FalcError {
  return new FalcError(code, message, { exitCode: ExitCode.external, ...options });
}

/**
 * Turns an SDK failure into a FalcError (exit 3) with a stable code and a French message that says
 * what failed and what to try. Returns undefined for a user abort (the caller rethrows it) and for
 * anything that is not an SDK error (a bug, rethrown as is). Classes are recognised by name and
 * status, so that this module does not load the SDK.
 */
export function mapSdkError(error: unknown, context: FailureContext): FalcError | undefined {
  if (!(error instanceof Error)) return undefined;
  const name = error.name;
  if (name === "APIUserAbortError") return undefined;
  const cause = sanitisedCause(error, context.secrets);
  const tries = triesText(context.attempts);
  if (name === "APIConnectionTimeoutError") {
    return providerError(
      "provider-timeout",
      `Le service Anthropic n’a pas répondu dans le délai de ${seconds(context.timeoutMs)}${tries}. ` +
        `Réessayez plus tard : ${KEPT}`,
      { hint: "Une section très longue peut demander plus de temps : découpez le document en parties plus courtes.", cause },
    );
  }
  if (name === "APIConnectionError") {
    return providerError(
      "provider-connection",
      `Impossible de joindre le service Anthropic (${hostOf(context.baseURL)})${tries}. ` +
        `Vérifiez la connexion à Internet, le proxy ou la variable ANTHROPIC_BASE_URL, puis relancez : ${KEPT}`,
      { cause },
    );
  }
  const status = (error as { status?: unknown }).status;
  if (typeof status !== "number") {
    if (!name.endsWith("Error") || !isSdkError(error)) return undefined;
    return providerError("provider-bad-request", `Le client Anthropic a échoué : ${redact(error.message, context.secrets)}`, { cause });
  }
  const apiMessage = redact(String((error as { apiMessage?: unknown }).apiMessage ?? ""), context.secrets).trim();
  const detail = apiMessage === "" ? undefined : `Réponse du service : ${apiMessage}`;
  if (status === 401) {
    return providerError(
      "provider-auth",
      "La clé d’API Anthropic est refusée (erreur 401). Vérifiez la variable ANTHROPIC_API_KEY : la clé est peut-être fausse, expirée ou révoquée.",
      { ...(detail ? { hint: detail } : {}), cause },
    );
  }
  if (status === 403) {
    return providerError(
      "provider-auth",
      `La clé d’API Anthropic n’a pas le droit d’utiliser ce service ou le modèle « ${context.model} » (erreur 403). ` +
        "Vérifiez les droits de la clé, ou choisissez un autre modèle avec --model.",
      { ...(detail ? { hint: detail } : {}), cause },
    );
  }
  if (status === 429) {
    // A wait of 0 says nothing useful once the SDK's own retries are spent: treated as unknown.
    const headers = (error as { headers?: Pick<Headers, "get"> }).headers;
    const waitMs = (headers && retryAfterMs(headers)) || undefined;
    const wait = waitMs === undefined ? undefined : Math.ceil(waitMs / 1000);
    return providerError(
      "provider-rate-limited",
      `Le service Anthropic limite le nombre de demandes (erreur 429)${tries}. ` +
        `Réessayez ${wait === undefined ? "dans quelques minutes" : `dans ${seconds(wait * 1000)} ou plus`}, ou baissez --concurrency : ${KEPT}`,
      { ...(detail ? { hint: detail } : {}), cause, ...(waitMs === undefined ? {} : { retryAfterMs: waitMs }) },
    );
  }
  if (status === 529) {
    return providerError("provider-overloaded", `Le service Anthropic est surchargé (erreur 529)${tries}. Réessayez dans quelques minutes : ${KEPT}`, { cause });
  }
  if (status >= 500) {
    return providerError(
      "provider-server-error",
      `Le service Anthropic a eu une erreur interne (erreur ${status})${tries}. Réessayez dans quelques minutes : ${KEPT}`,
      { ...(detail ? { hint: detail } : {}), cause },
    );
  }
  const modelHint = status === 404 ? ` Vérifiez le nom du modèle (--model ou FALC_MODEL) : « ${context.model} ».` : "";
  return providerError(
    "provider-bad-request",
    `Le service Anthropic a refusé la demande (erreur ${status})${apiMessage === "" ? "" : ` : ${apiMessage}`}.${modelHint}`,
    { hint: "Si l’erreur persiste avec un autre modèle, signalez-la aux mainteneurs de falc.", cause },
  );
}

/** Masks every credential in a text: no key may reach a message, a log or a report. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 8) out = out.split(secret).join("[clé masquée]");
  }
  return out;
}

/** SDK errors carry their class name; AnthropicError is the root of all of them. */
function isSdkError(error: Error): boolean {
  for (let proto = Object.getPrototypeOf(error); proto !== null; proto = Object.getPrototypeOf(proto)) {
    if ((proto as { constructor?: { name?: string } }).constructor?.name === "AnthropicError") return true;
  }
  return false;
}

/**
 * A copy of the SDK error that keeps its name and message, masked, and nothing else: SDK errors hold
 * headers, bodies and causes that nobody has checked for secrets (an invalid header value, for one,
 * is quoted by fetch).
 */
function sanitisedCause(error: Error, secrets: readonly string[]): Error {
  const inner = error.cause instanceof Error ? `, cause: ${redact(error.cause.message, secrets)}` : "";
  const copy = new Error(redact(`${error.message}${inner}`, secrets));
  copy.name = error.name;
  return copy;
}
