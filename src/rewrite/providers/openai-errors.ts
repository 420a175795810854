import { fr } from "../../french-numbers.js";
import type { FalcError } from "../../errors.js";
import type { RewriteRequest } from "../types.js";
import { KEPT, providerError, redact } from "./anthropic-errors.js";
import { hostOf, seconds, triesText } from "./error-text.js";

/** What a failed call did, for the message. */
export interface OpenAiFailure {
  /** HTTP attempts made for the call, retries included. */
  attempts: number;
  timeoutMs: number;
  model: string;
  baseURL: string;
  /** Whether a key was sent (a 401 means something else without one). */
  withKey: boolean;
  /** Credentials to mask in anything that reaches a message. */
  secrets: readonly string[];
}

/** The server's answer to a failed request: status, its error message (masked) and the wait it asked for. */
export interface HttpFailure {
  status: number;
  apiMessage: string;
  retryAfterMs?: number;
}

/** A French name for the service in messages: its host, which tells Mistral from a local Ollama. */
export function serviceName(baseURL: string): string {
  return `le service ${hostOf(baseURL)}`;
}

/** Turns an HTTP error status into a FalcError (exit 3) with a stable code and a French message. */
export function httpError(failure: HttpFailure, context: OpenAiFailure): FalcError {
  const { status } = failure;
  const service = serviceName(context.baseURL);
  const Service = capitalise(service);
  const tries = triesText(context.attempts);
  const apiMessage = redact(failure.apiMessage, context.secrets).trim();
  const detail = apiMessage === "" ? {} : { hint: `Réponse du service : ${apiMessage}` };
  if (status === 401) {
    return providerError(
      "provider-auth",
      context.withKey
        ? `La clé d’API est refusée par ${service} (erreur 401). Vérifiez la variable OPENAI_API_KEY : la clé est peut-être fausse, expirée ou révoquée.`
        : `${Service} demande une clé d’API (erreur 401). Définissez la variable OPENAI_API_KEY avec la clé fournie par ce service.`,
      detail,
    );
  }
  if (status === 403) {
    return providerError(
      "provider-auth",
      `La clé d’API n’a pas le droit d’utiliser ${service} ou le modèle « ${context.model} » (erreur 403). ` +
        "Vérifiez les droits de la clé, ou choisissez un autre modèle avec --model.",
      detail,
    );
  }
  if (status === 429) {
    const wait = failure.retryAfterMs;
    return providerError(
      "provider-rate-limited",
      `${Service} limite le nombre de demandes (erreur 429)${tries}. ` +
        `Réessayez ${wait === undefined ? "dans quelques minutes" : `dans ${seconds(wait)} ou plus`}, ou baissez --concurrency : ${KEPT}`,
      { ...detail, ...(wait === undefined ? {} : { retryAfterMs: wait }) },
    );
  }
  if (status === 503 || status === 529) {
    return providerError("provider-overloaded", `${Service} est surchargé ou indisponible (erreur ${status})${tries}. Réessayez dans quelques minutes : ${KEPT}`, detail);
  }
  if (status >= 500) {
    return providerError("provider-server-error", `${Service} a eu une erreur interne (erreur ${status})${tries}. Réessayez dans quelques minutes : ${KEPT}`, detail);
  }
  if (status === 404) {
    return providerError(
      "provider-bad-request",
      `${Service} ne trouve pas le modèle « ${context.model} » ou l’adresse ${displayURL(context.baseURL)}/chat/completions (erreur 404).`,
      {
        hint:
          "Vérifiez le nom du modèle (--model ou FALC_MODEL) et l’adresse (--base-url, qui finit souvent par /v1). " +
          `Avec Ollama, téléchargez d’abord le modèle : ollama pull ${context.model}.` +
          (apiMessage === "" ? "" : ` Réponse du service : ${apiMessage}`),
      },
    );
  }
  return providerError(
    "provider-bad-request",
    `${Service} a refusé la demande (erreur ${status})${apiMessage === "" ? "" : ` : ${apiMessage}`}.`,
    { hint: "Vérifiez le modèle (--model) et l’adresse (--base-url). Si l’erreur persiste, signalez-la aux mainteneurs de falc." },
  );
}

export function timeoutError(context: OpenAiFailure): FalcError {
  return providerError(
    "provider-timeout",
    `${capitalise(serviceName(context.baseURL))} n’a pas répondu dans le délai de ${seconds(context.timeoutMs)}${triesText(context.attempts)}. ` +
      `Réessayez plus tard : ${KEPT}`,
    { hint: "Un modèle local sur un petit ordinateur peut être lent : découpez le document en parties plus courtes, ou baissez --concurrency." },
  );
}

export function connectionError(context: OpenAiFailure, reason: string): FalcError {
  return providerError(
    "provider-connection",
    `Impossible de joindre ${serviceName(context.baseURL)}${reason === "" ? "" : ` (${redact(reason, context.secrets)})`}${triesText(context.attempts)}. ` +
      `Vérifiez l’adresse donnée avec --base-url (ou OPENAI_BASE_URL), que le serveur est lancé (par exemple « ollama serve ») et la connexion, puis relancez : ${KEPT}`,
  );
}

export function truncatedTwice(maxTokens: number, request: RewriteRequest): FalcError {
  return providerError(
    "provider-truncated",
    `La réponse du modèle pour la section « ${request.sectionTitle} » a été coupée (limite de ${fr.int(maxTokens)} jetons atteinte), ` +
      "même après un essai avec une limite plus haute. Découpez cette section en parties plus courtes, puis relancez.",
    { hint: "Avec un serveur local, vérifiez aussi la taille de contexte du modèle (par exemple num_ctx pour Ollama, --max-model-len pour vLLM, -c pour llama.cpp)." },
  );
}

export function invalidTwice(model: string, request: RewriteRequest, problems: string): FalcError {
  return providerError(
    "provider-invalid-answer",
    `La réponse du modèle ${model} pour la section « ${request.sectionTitle} » n’a pas la forme attendue, même après un second essai : ` +
      `${problems} Relancez la commande : ${KEPT}`,
    { hint: "Un petit modèle local suit mal le format demandé : essayez un modèle plus grand avec --model." },
  );
}

export function refusalError(model: string, request: RewriteRequest, reason: string): FalcError {
  return providerError(
    "provider-refusal",
    `Le modèle ${model} a refusé de réécrire la section « ${request.sectionTitle} »${reason === "" ? "" : ` (raison donnée : ${reason})`}. ` +
      "Vérifiez le contenu de cette section, ou réécrivez le document avec --provider offline.",
  );
}

/** The error message in an OpenAI-style body (`{"error":{"message":…}}`), or its text; masked and bounded. */
export function apiMessageOf(body: string, secrets: readonly string[]): string {
  let message = body;
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown; detail?: unknown };
    const error = parsed.error;
    if (typeof error === "object" && error !== null && typeof (error as { message?: unknown }).message === "string") message = (error as { message: string }).message;
    else if (typeof error === "string") message = error;
    else if (typeof parsed.message === "string") message = parsed.message;
    else if (typeof parsed.detail === "string") message = parsed.detail;
    else if (parsed.detail !== undefined) message = JSON.stringify(parsed.detail);
  } catch {
    // Not JSON: an HTML error page from a proxy, or plain text.
  }
  const clean = redact(message, secrets).replace(/\s+/g, " ").trim();
  return clean.length > 300 ? `${clean.slice(0, 300)}…` : clean;
}

/** The base URL without any user name or password it may hold. */
export function displayURL(baseURL: string): string {
  try {
    const url = new URL(baseURL);
    url.username = "";
    url.password = "";
    return url.toString().replace(/\/+$/, "");
  } catch {
    return "(adresse invalide)";
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
