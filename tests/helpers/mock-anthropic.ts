import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { splitSentences } from "../../src/analysis/sentences.js";
import { checkOfUserMessage } from "../../src/rewrite/meaning-check/prompt.js";
import { sectionOfUserMessage } from "../../src/rewrite/prompt.js";
import { estimateTokens } from "../../src/rewrite/providers/anthropic-models.js";
import type { RewriteBlock, RewriteResult } from "../../src/rewrite/types.js";
import { isBatchPath, mockBatchEndpoints, type BatchAnswer, type MockBatches, type MockBatchOptions } from "./mock-anthropic-batches.js";
import { errorBody, messageBody, writeSse, type MockContent, type MockMessage } from "./mock-anthropic-wire.js";
import { HeldAnswers, headersOf, lastUserText, parseJson, readBody, sleepUnlessClosed } from "./http.js";

/**
 * A local server on 127.0.0.1 that speaks the Anthropic Messages API (`POST /v1/messages`, JSON and
 * server-sent events when the request has `stream: true`), records every request, and answers from
 * a script, with faults: error statuses with the real error bodies, delays, malformed answers,
 * truncated or refused answers, connection resets, and answers held until the test releases them
 * (`hold`), so that concurrency is observed rather than timed. Used by the real SDK over real HTTP: no network.
 * The Message Batches endpoints are in mock-anthropic-batches.ts.
 */

export interface RecordedRequest {
  index: number;
  method: string;
  path: string;
  /** Lowercase names, as received. */
  headers: Record<string, string>;
  /** The parsed JSON body (undefined when it was not JSON). */
  body: any;
  /** The text of the last user message. */
  userText: string;
  /** Milliseconds since the server started, when the body was received and when the answer ended. */
  receivedAt: number;
  answeredAt?: number;
  /** For a request inside a Message Batch (in `batchRequests`): its batch and custom_id. */
  batch?: { id: string; customId: string };
}

/** Token usage the mock reports; unset fields are computed from the request and the answer. */
export interface MockUsage {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens: number;
  cache_creation_input_tokens: number;
}

type Common = {
  /** Wait this long before answering (a slow model, or a time-out on the client's side). */
  delayMs?: number;
  /** Extra response headers (retry-after, retry-after-ms, x-should-retry…). */
  headers?: Record<string, string>;
};

export type MockReply = Common &
  (
    | { rewrite: RewriteResult; usage?: Partial<MockUsage>; model?: string }
    /** Any answer, as JSON (the second reader's list of changes). */
    | { json: unknown; usage?: Partial<MockUsage>; model?: string }
    | { status: number; body?: unknown; message?: string }
    /** A string is sent as the answer text (non-JSON); an object as the answer's JSON (schema-violating). */
    | { malformed: string | object }
    | { stopReason: "max_tokens" | "refusal"; explanation?: string }
    | { destroySocket: true }
    /**
     * The well-behaved answer derived from the section text (also what `{}` or `{ delayMs }` give);
     * to a second reader's request (see isCheckRequest), « no change of meaning ».
     */
    | { wellBehaved?: true }
  );

/** A function of each request, or a list of replies in order (requests past its end get the well-behaved answer). */
export type MockScript = ((request: RecordedRequest, index: number) => MockReply | Promise<MockReply>) | readonly MockReply[];

export interface MockOptions {
  /** Added to every answer's delay (a slow model). To see requests in flight together, use `hold` instead. */
  delayMs?: number;
  /** Hold every answer of `POST /v1/messages` until `release()` (see MockAnthropic.hold). */
  hold?: boolean;
  /** The key the server accepts; any other gets a 401. Default: any non-empty credential. */
  apiKey?: string;
  /** Below this many tokens, a prefix marked with cache_control is not cached (as the real API does). Default 1024. */
  minCacheTokens?: number;
  /** The Message Batches endpoints: when batches end, and their faults. */
  batches?: MockBatchOptions;
}

export interface MockAnthropic {
  /** The base URL to give the SDK (`baseURL`), without /v1. */
  url: string;
  /** Every HTTP request, batch endpoints included. */
  requests: RecordedRequest[];
  /** Each request inside a batch, answered by the script (which sees them indexed from 0, apart from `requests`). */
  batchRequests: RecordedRequest[];
  batches: MockBatches;
  /** The most requests the server was answering at once. */
  readonly maxInFlight: number;
  /** Requests whose answer is held now, oldest first. */
  readonly held: RecordedRequest[];
  /** Holds every answer from now on, until release(). */
  hold(): void;
  /** Sends the `count` oldest held answers; without a count, all of them, and holds no more. */
  release(count?: number): void;
  /** Resolves, with the held requests, once at least `count` answers are held at the same time. */
  whenHeld(count: number): Promise<RecordedRequest[]>;
  close(): Promise<void>;
}

export async function startMockAnthropic(script: MockScript = [], options: MockOptions = {}): Promise<MockAnthropic> {
  const started = performance.now();
  const requests: RecordedRequest[] = [];
  const batchRequests: RecordedRequest[] = [];
  let url = "";
  const cachedPrefixes = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let maxInFlight = 0;
  let messageCount = 0;
  const holds = new HeldAnswers<RecordedRequest>(options.hold === true);

  const replyFor = async (request: RecordedRequest): Promise<MockReply> => {
    if (typeof script === "function") return script(request, request.index);
    return (script as readonly MockReply[])[request.index] ?? {};
  };

  const sleep = (ms: number, res: ServerResponse) => sleepUnlessClosed(ms, res, timers);

  /** A request inside a batch gets the same scripted reply as a direct one; delays and headers do not apply. */
  const answer = async (record: RecordedRequest): Promise<BatchAnswer> => {
    const reply = await replyFor(record);
    if ("status" in reply) {
      const type = ERROR_TYPES[reply.status] ?? "api_error";
      return { error: { type, message: reply.message ?? `Mock ${type}` } };
    }
    if ("destroySocket" in reply) return { error: { type: "api_error", message: "Mock internal error" } };
    const message = buildMessage(record, reply, `msg_mock_${String(++messageCount).padStart(4, "0")}`);
    return { message: messageBody(message, usageOf(record, message, reply, cachedPrefixes, options.minCacheTokens ?? 1024)) };
  };
  const batches = mockBatchEndpoints({
    options: options.batches ?? {},
    answer,
    record: (request) => {
      const record = { ...request, index: batchRequests.length };
      batchRequests.push(record);
      return record;
    },
    url: () => url,
    send,
    errorType: (status) => ERROR_TYPES[status] ?? "api_error",
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    const record: RecordedRequest = {
      index: requests.length,
      method: req.method ?? "",
      path: req.url ?? "",
      headers: headersOf(req),
      body: parseJson(raw),
      userText: "",
      receivedAt: performance.now() - started,
    };
    record.userText = lastUserText(record.body);
    requests.push(record);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.once("close", () => {
      inFlight--;
      record.answeredAt = performance.now() - started;
    });

    const refusal = protocolError(record, options);
    if (refusal) return void send(res, refusal.status, errorBody(refusal.type, refusal.message));
    if (isBatchPath(record.path)) return batches.handle(record, res);
    await holds.wait(record, res);
    if (res.destroyed) return;
    const reply = await replyFor(record);
    await sleep((options.delayMs ?? 0) + (reply.delayMs ?? 0), res);
    if (res.destroyed) return;
    if ("destroySocket" in reply && reply.destroySocket) return void req.socket.destroy();
    const headers = reply.headers ?? {};
    if ("status" in reply) {
      const type = ERROR_TYPES[reply.status] ?? "api_error";
      return void send(res, reply.status, reply.body ?? errorBody(type, reply.message ?? `Mock ${type}`), headers);
    }
    const message = buildMessage(record, reply, `msg_mock_${String(++messageCount).padStart(4, "0")}`);
    const usage = usageOf(record, message, reply, cachedPrefixes, options.minCacheTokens ?? 1024);
    if (record.body?.stream === true) writeSse(res, message, usage, headers);
    else send(res, 200, messageBody(message, usage), headers);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, errorBody("api_error", `mock failure: ${String(error)}`));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  url = `http://127.0.0.1:${port}`;

  return {
    url,
    requests,
    batchRequests,
    batches: batches.control,
    get maxInFlight() {
      return maxInFlight;
    },
    get held() {
      return holds.held;
    },
    hold: () => holds.hold(),
    release: (count?: number) => holds.release(count),
    whenHeld: (count: number) => holds.whenHeld(count),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The answer a well-behaved model could give: the section's text from the user message, one sentence
 * per line, paragraphs kept, lines starting with a dash as a list. Valid for `parseAnswer`.
 */
export function wellBehavedRewrite(request: Pick<RecordedRequest, "userText">): RewriteResult {
  const section = sectionOfUserMessage(request.userText);
  const text = section?.text ?? "";
  const blocks: RewriteBlock[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    let items: string[] = [];
    let sentences: string[] = [];
    const flush = () => {
      if (sentences.length > 0) blocks.push({ type: "paragraph", sentences });
      if (items.length > 0) blocks.push({ type: "list", items });
      sentences = [];
      items = [];
    };
    for (const line of paragraph.split("\n")) {
      const bullet = /^\s*[-•*–]\s+(.*)$/.exec(line);
      if (bullet) {
        if (sentences.length > 0) flush();
        items.push(plain(bullet[1]!));
      } else {
        if (items.length > 0) flush();
        sentences.push(...splitSentences(line).map((span) => plain(span.text)).filter((s) => s !== ""));
      }
    }
    flush();
  }
  if (blocks.length === 0) blocks.push({ type: "paragraph", sentences: ["Cette partie ne contient pas de texte."] });
  return { title: plain(section?.sectionTitle ?? "") || "Section", blocks, glossary: [] };
}

/** What a good second reader answers about a faithful rewrite. */
export const NO_CHANGE = { changes: [] };

/** A request of the second reader (`--check-model`), not a section's rewrite. */
export function isCheckRequest(request: Pick<RecordedRequest, "userText">): boolean {
  return checkOfUserMessage(request.userText) !== undefined;
}

function plain(text: string): string {
  return text.replace(/[*`]/g, "").replace(/\s+/g, " ").trim();
}

const ERROR_TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  500: "api_error",
  503: "api_error",
  529: "overloaded_error",
};

/** What the real API refuses before looking at the script: wrong route, no credential, no version. */
function protocolError(request: RecordedRequest, options: MockOptions): { status: number; type: string; message: string } | undefined {
  const batch = isBatchPath(request.path);
  if (!batch && (request.method !== "POST" || request.path.split("?")[0] !== "/v1/messages")) {
    return { status: 404, type: "not_found_error", message: `Not found: ${request.method} ${request.path}` };
  }
  const auth = request.headers.authorization?.replace(/^Bearer\s+/i, "") ?? request.headers["x-api-key"] ?? "";
  if (auth === "" || (options.apiKey !== undefined && auth !== options.apiKey)) {
    return { status: 401, type: "authentication_error", message: "invalid x-api-key" };
  }
  if (!request.headers["anthropic-version"]) return { status: 400, type: "invalid_request_error", message: "anthropic-version: header is required" };
  if (batch) return undefined;
  if (typeof request.body !== "object" || request.body === null || typeof request.body.model !== "string" || !Array.isArray(request.body.messages)) {
    return { status: 400, type: "invalid_request_error", message: "model and messages are required" };
  }
  return undefined;
}

function buildMessage(request: RecordedRequest, reply: MockReply, id: string): MockMessage {
  const body = request.body;
  const model = "model" in reply && typeof reply.model === "string" ? reply.model : String(body.model);
  const toolName: string | undefined = body.tool_choice?.type === "tool" ? body.tool_choice.name : undefined;
  const answer = (value: unknown): MockContent =>
    toolName !== undefined ? { type: "tool_use", id: `toolu_${id}`, name: toolName, input: value } : { type: "text", text: JSON.stringify(value) };
  const base = { id, model };
  if ("malformed" in reply) {
    const content: MockContent = typeof reply.malformed === "string" ? { type: "text", text: reply.malformed } : answer(reply.malformed);
    return { ...base, content: [content], stopReason: toolName ? "tool_use" : "end_turn" };
  }
  if ("stopReason" in reply && reply.stopReason === "refusal") {
    return { ...base, content: [], stopReason: "refusal", stopDetails: { type: "refusal", category: null, explanation: reply.explanation ?? null } };
  }
  const result = "rewrite" in reply ? reply.rewrite : "json" in reply ? reply.json : isCheckRequest(request) ? NO_CHANGE : wellBehavedRewrite(request);
  if ("stopReason" in reply && reply.stopReason === "max_tokens") {
    const json = JSON.stringify(result);
    const cut = json.slice(0, Math.max(1, Math.floor(json.length / 2)));
    const content: MockContent = toolName !== undefined ? { type: "tool_use", id: `toolu_${id}`, name: toolName, input: {} } : { type: "text", text: cut };
    return { ...base, content: [content], stopReason: "max_tokens", truncatedAt: Number(body.max_tokens) || 1 };
  }
  return { ...base, content: [answer(result)], stopReason: toolName ? "tool_use" : "end_turn" };
}

/**
 * Realistic usage: the prefix (tools and system) is cached when it has cache_control and is long
 * enough; the first request writes it, later ones read it. `input_tokens` counts only what is not cached.
 */
function usageOf(request: RecordedRequest, message: MockMessage, reply: MockReply, cache: Set<string>, minCacheTokens: number): MockUsage {
  const body = request.body;
  const system = typeof body.system === "string" ? body.system : Array.isArray(body.system) ? body.system.map((block: { text?: string }) => block.text ?? "").join("\n") : "";
  const prefix = `${JSON.stringify(body.tools ?? [])}\n${system}\n${JSON.stringify(body.output_config?.format ?? null)}`;
  const prefixTokens = estimateTokens(prefix);
  const messagesTokens = estimateTokens(JSON.stringify(body.messages));
  const marked = body.cache_control != null || (Array.isArray(body.system) && body.system.some((block: { cache_control?: unknown }) => block.cache_control != null));
  const usage: MockUsage = { input_tokens: prefixTokens + messagesTokens, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 };
  if (marked && prefixTokens >= minCacheTokens) {
    const key = createHash("sha256").update(`${body.model}\0${prefix}`).digest("hex");
    usage.input_tokens = messagesTokens;
    if (cache.has(key)) usage.cache_read_input_tokens = prefixTokens;
    else usage.cache_creation_input_tokens = prefixTokens;
    cache.add(key);
  }
  usage.output_tokens = message.truncatedAt ?? Math.max(1, estimateTokens(JSON.stringify(message.content)));
  return { ...usage, ...("usage" in reply ? reply.usage : {}) };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "request-id": `req_mock_${Date.now().toString(36)}`,
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}


