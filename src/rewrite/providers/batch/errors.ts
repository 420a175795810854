import { FalcError } from "../../../errors.js";
import { KEPT, mapSdkError, providerError, type FailureContext } from "../anthropic-errors.js";

/** The HTTP status the same error would have had as a direct call, so the usual messages apply. */
const STATUS_OF: Readonly<Record<string, number>> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

/** Errors of one request inside a batch that the same request, sent again, may well not meet. */
export const TRANSIENT_ERRORS: ReadonlySet<string> = new Set(["api_error", "overloaded_error", "timeout_error", "rate_limit_error"]);

/** Failures of a batch call (create, retrieve) worth waiting out during a wait that can last hours. */
const TRANSIENT_CODES: ReadonlySet<string> = new Set(["provider-connection", "provider-timeout", "provider-server-error", "provider-overloaded", "provider-rate-limited"]);

export type NotProcessed = "expired" | "canceled" | "missing" | "gone";

/** The `errored` result of one request: the message a direct call with that error gets, saying which section and batch. */
export function erroredRequest(error: { type: string; message?: string }, where: { batchId: string; section: string }, context: FailureContext): FalcError {
  const message = error.message ?? "";
  const like = Object.assign(new Error(message), { name: "APIError", status: STATUS_OF[error.type] ?? 500, apiMessage: message });
  const mapped = mapSdkError(like, context) ?? providerError("provider-bad-request", `Le service Anthropic a refusé la demande (${error.type}).`);
  return new FalcError(mapped.code, `Section « ${where.section} » (lot ${where.batchId}) : ${mapped.message}`, {
    exitCode: mapped.exitCode,
    ...(mapped.hint ? { hint: mapped.hint } : {}),
    ...(mapped.retryAfterMs === undefined ? {} : { retryAfterMs: mapped.retryAfterMs }),
    cause: mapped.cause,
  });
}

/** A request the batch gave no answer for, after it was sent a second time. */
export function notProcessed(kind: NotProcessed, where: { batchId: string; section: string }): FalcError {
  const again = `Relancez simplement la commande : ${KEPT}`;
  const section = `la section « ${where.section} »`;
  switch (kind) {
    case "expired":
      return providerError(
        "provider-batch-expired",
        `Le lot ${where.batchId} a expiré avant de traiter ${section}, même après un second envoi : ` +
          `le service Anthropic n’a pas pu la traiter dans les 24 heures. ${again}`,
      );
    case "canceled":
      return providerError("provider-batch-canceled", `Le lot ${where.batchId} a été annulé avant de traiter ${section}, même après un second envoi. ${again}`);
    case "missing":
      return providerError("provider-batch-incomplete", `Les résultats du lot ${where.batchId} ne contiennent pas ${section}, même après un second envoi. ${again}`);
    case "gone":
      return providerError(
        "provider-batch-gone",
        `Le lot ${where.batchId} est introuvable, ou ses résultats ne sont plus disponibles, et un second envoi n’a pas abouti pour ${section}. ${again}`,
      );
  }
}

/** A batch failure (mapped) that another poll, minutes later, may not meet. */
export function isTransient(error: FalcError): boolean {
  return TRANSIENT_CODES.has(error.code);
}

/** The batch, or its results, are unknown to the server (expired past 29 days, another workspace, deleted). */
export function isNotFound(error: unknown): boolean {
  return error instanceof Error && (error as { status?: unknown }).status === 404;
}
