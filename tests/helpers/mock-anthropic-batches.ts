import type { ServerResponse } from "node:http";
import type { RecordedRequest } from "./mock-anthropic.js";
import { errorBody } from "./mock-anthropic-wire.js";
import { lastUserText } from "./http.js";

/**
 * The Message Batches endpoints of the mock Anthropic server: create, retrieve, results (JSONL at the
 * `results_url` the batch object gives, on this server) and cancel. Each request of a batch is
 * answered, when the batch is created, by the same scripted replies as `POST /v1/messages` (a status
 * reply becomes an `errored` result); the batch ends `delayMs` after its creation, or when released.
 */

export type BatchEndpoint = "create" | "retrieve" | "results" | "cancel";

export interface MockBatchOptions {
  /** A batch stays `in_progress` this long after its creation (default 0: ended at the first retrieve). */
  delayMs?: number;
  /** Start with every batch held `in_progress` until `batches.release()`. */
  hold?: boolean;
  /** A request's result when it is not the scripted answer: `expired` or `canceled` (its reply is still computed). */
  outcome?: (request: RecordedRequest) => "expired" | "canceled" | undefined;
  /** An error answer for a batch endpoint call instead of the normal one (404 on retrieve, 429 or 500 on create…). */
  fault?: (endpoint: BatchEndpoint, request: RecordedRequest) => { status: number; message?: string; headers?: Record<string, string> } | undefined;
}

/** What a request inside a batch got: the Message JSON, or an API error. */
export type BatchAnswer = { message: unknown } | { error: { type: string; message: string } };

type ItemResult = { type: "succeeded"; message: unknown } | { type: "errored"; error: unknown } | { type: "expired" } | { type: "canceled" };

interface MockBatch {
  id: string;
  createdAt: number;
  items: { customId: string; result: ItemResult }[];
  cancelAt?: number;
  endedAt?: number;
}

export interface MockBatches {
  /** Ids of the batches created, in order. */
  readonly created: readonly string[];
  /** Keep every batch in progress (polls see `in_progress`) until release(). */
  hold(): void;
  release(): void;
}

const CUSTOM_ID = /^[a-zA-Z0-9_-]{1,64}$/;
const BATCHES = /^\/v1\/messages\/batches(?:\/([^/?]+)(\/results|\/cancel)?)?$/;

export function isBatchPath(path: string): boolean {
  return BATCHES.test(path.split("?")[0]!);
}

export function mockBatchEndpoints(input: {
  options: MockBatchOptions;
  /** The scripted answer to one request of a batch, recorded as `request`. */
  answer: (request: RecordedRequest) => Promise<BatchAnswer>;
  /** Records a request of a batch; returns it with its index among them. */
  record: (request: Omit<RecordedRequest, "index">) => RecordedRequest;
  url: () => string;
  /** The mock's JSON answer and its error type for a status, shared with `POST /v1/messages`. */
  send: (res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>) => void;
  errorType: (status: number) => string;
}) {
  const { options, send } = input;
  const batches = new Map<string, MockBatch>();
  const created: string[] = [];
  let held = options.hold ?? false;

  /** The batch object; `advance` = false answers a cancel (`canceling`), the next retrieve ends the batch. */
  const objectOf = (batch: MockBatch, advance = true) => {
    const now = Date.now();
    if (advance && batch.endedAt === undefined && (batch.cancelAt !== undefined || (!held && now >= batch.createdAt + (options.delayMs ?? 0)))) {
      batch.endedAt = now;
      if (batch.cancelAt !== undefined) for (const item of batch.items) item.result = { type: "canceled" };
    }
    const ended = batch.endedAt !== undefined;
    const counts = { processing: 0, succeeded: 0, errored: 0, canceled: 0, expired: 0 };
    for (const item of batch.items) counts[ended ? item.result.type : "processing"]++;
    const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
    return {
      id: batch.id,
      type: "message_batch",
      processing_status: ended ? "ended" : batch.cancelAt !== undefined ? "canceling" : "in_progress",
      request_counts: counts,
      created_at: iso(batch.createdAt),
      expires_at: iso(batch.createdAt + 24 * 3600 * 1000),
      ended_at: iso(batch.endedAt),
      cancel_initiated_at: iso(batch.cancelAt),
      archived_at: null,
      results_url: ended ? `${input.url()}/v1/messages/batches/${batch.id}/results` : null,
    };
  };

  async function create(request: RecordedRequest, res: ServerResponse): Promise<void> {
    const requests: unknown = request.body?.requests;
    const problem = invalidRequests(requests);
    if (problem) return send(res, 400, errorBody("invalid_request_error", problem));
    const batch: MockBatch = { id: `msgbatch_mock_${String(created.length + 1).padStart(4, "0")}`, createdAt: Date.now(), items: [] };
    for (const { custom_id: customId, params } of requests as { custom_id: string; params: any }[]) {
      const inner = input.record({
        method: "POST",
        path: "/v1/messages",
        headers: request.headers,
        body: params,
        userText: lastUserText(params),
        receivedAt: request.receivedAt,
        batch: { id: batch.id, customId },
      });
      const answer = await input.answer(inner);
      const outcome = options.outcome?.(inner);
      const result: ItemResult = outcome
        ? { type: outcome }
        : "message" in answer
          ? { type: "succeeded", message: answer.message }
          : { type: "errored", error: errorBody(answer.error.type, answer.error.message) };
      batch.items.push({ customId, result });
    }
    batches.set(batch.id, batch);
    created.push(batch.id);
    send(res, 200, objectOf(batch));
  }

  async function handle(request: RecordedRequest, res: ServerResponse): Promise<void> {
    const match = BATCHES.exec(request.path.split("?")[0]!)!;
    const [, id, action] = match;
    const endpoint: BatchEndpoint | undefined =
      id === undefined ? (request.method === "POST" ? "create" : undefined) : action === "/results" ? "results" : action === "/cancel" ? "cancel" : "retrieve";
    const expected = endpoint === "create" || endpoint === "cancel" ? "POST" : "GET";
    if (endpoint === undefined || request.method !== expected) return send(res, 405, errorBody("invalid_request_error", `Method not allowed: ${request.method} ${request.path}`));
    const fault = options.fault?.(endpoint, request);
    if (fault) return send(res, fault.status, errorBody(input.errorType(fault.status), fault.message ?? `Mock fault on ${endpoint}`), fault.headers);
    if (endpoint === "create") return create(request, res);
    const batch = batches.get(decodeURIComponent(id!));
    if (batch === undefined) return send(res, 404, errorBody("not_found_error", `No batch with id ${id}`));
    if (endpoint === "cancel" && batch.endedAt === undefined) batch.cancelAt ??= Date.now();
    const object = objectOf(batch, endpoint !== "cancel");
    if (endpoint !== "results") return send(res, 200, object);
    if (object.processing_status !== "ended") return send(res, 400, errorBody("invalid_request_error", `Batch ${batch.id} has not ended`));
    const jsonl = batch.items.map((item) => JSON.stringify({ custom_id: item.customId, result: item.result })).join("\n") + "\n";
    res.writeHead(200, { "content-type": "application/binary", "content-length": Buffer.byteLength(jsonl) });
    res.end(jsonl);
  }

  const control: MockBatches = {
    created,
    hold: () => void (held = true),
    release: () => void (held = false),
  };
  return { handle, control };
}

/** What the real API checks in a create request before accepting the batch. */
function invalidRequests(requests: unknown): string | undefined {
  if (!Array.isArray(requests) || requests.length === 0) return "requests: must be a non-empty list";
  if (requests.length > 100_000) return "requests: at most 100000 requests per batch";
  const seen = new Set<string>();
  for (const [index, item] of requests.entries()) {
    const customId = item?.custom_id;
    if (typeof customId !== "string" || !CUSTOM_ID.test(customId)) return `requests.${index}.custom_id: must match ^[a-zA-Z0-9_-]{1,64}$`;
    if (seen.has(customId)) return `requests.${index}.custom_id: duplicate custom_id ${customId}`;
    seen.add(customId);
    const params = item?.params;
    if (typeof params?.model !== "string" || !Array.isArray(params?.messages)) return `requests.${index}.params: model and messages are required`;
    if (params.stream === true) return `requests.${index}.params.stream: streaming is not supported in batches`;
  }
  return undefined;
}
