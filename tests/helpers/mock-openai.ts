import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { estimateTokens } from "../../src/rewrite/providers/anthropic-models.js";
import type { RewriteResult } from "../../src/rewrite/types.js";
import { isCheckRequest, NO_CHANGE, wellBehavedRewrite } from "./mock-anthropic.js";
import { headersOf, lastUserText, parseJson, readBody, sleepUnlessClosed } from "./http.js";

/**
 * A local server on 127.0.0.1 that speaks the Chat Completions API (`POST /v1/chat/completions`,
 * JSON only), as Mistral, Albert, Ollama, vLLM and llama.cpp's server do. It records every request
 * and answers from a script, with faults: OpenAI-style error bodies, delays, malformed, truncated or
 * refused answers, a server that refuses `json_schema`, connection resets. No network.
 */

export interface RecordedChatRequest {
  index: number;
  method: string;
  path: string;
  /** Lowercase names, as received. */
  headers: Record<string, string>;
  /** The parsed JSON body (undefined when it was not JSON). */
  body: any;
  /** The raw body, as received (for greps). */
  raw: string;
  /** The text of the last user message. */
  userText: string;
}

export interface MockChatUsage {
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens: number;
}

type Common = {
  /** Wait this long before answering (a slow model, or a time-out on the client's side). */
  delayMs?: number;
  headers?: Record<string, string>;
};

export type MockChatReply = Common &
  (
    | { rewrite: RewriteResult; usage?: Partial<MockChatUsage>; model?: string }
    /** Any answer, as JSON (the second reader's list of changes). */
    | { json: unknown; usage?: Partial<MockChatUsage>; model?: string }
    | { status: 400 | 401 | 403 | 404 | 429 | 500 | 502 | 503; body?: unknown; message?: string }
    /** Sent as the message content. */
    | { malformed: string }
    | { finishReason: "length" }
    | { refusal: string }
    /** A server without json_schema support: 400 when the request asks for one, else the well-behaved answer. */
    | { rejectJsonSchema: true }
    | { destroySocket: true }
    /** The well-behaved answer derived from the section text (also what `{}` or `{ delayMs }` give). */
    | { wellBehaved?: true; usage?: Partial<MockChatUsage> }
  );

export type MockChatScript = ((request: RecordedChatRequest, index: number) => MockChatReply) | readonly MockChatReply[];

export interface MockOpenAiOptions {
  /** The key the server demands (401 otherwise); unset = no key needed, as for a local server. */
  apiKey?: string;
  /** Every request asking for json_schema gets a 400, whatever the script says (vLLM, llama.cpp versions). */
  rejectJsonSchema?: boolean;
  /** Every request with any response_format gets a 400 (an old server or proxy without JSON mode). */
  rejectResponseFormat?: boolean;
}

export interface MockOpenAi {
  /** Without /v1: the provider's base URL is `${url}/v1`. */
  url: string;
  requests: RecordedChatRequest[];
  close(): Promise<void>;
}

const ERROR_TYPES: Record<number, [type: string, code: string | null]> = {
  400: ["invalid_request_error", null],
  401: ["invalid_request_error", "invalid_api_key"],
  403: ["permission_error", null],
  404: ["invalid_request_error", "model_not_found"],
  429: ["rate_limit_exceeded", "rate_limit_exceeded"],
  500: ["server_error", null],
  502: ["server_error", null],
  503: ["server_error", "service_unavailable"],
};

export const JSON_SCHEMA_REFUSAL = "response_format type json_schema is not supported by this server";

export async function startMockOpenAi(script: MockChatScript = [], options: MockOpenAiOptions = {}): Promise<MockOpenAi> {
  const requests: RecordedChatRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const seenPrefixes = new Set<string>();
  let count = 0;

  const replyFor = (request: RecordedChatRequest): MockChatReply =>
    typeof script === "function" ? script(request, request.index) : (script[request.index] ?? {});

  const sleep = (ms: number, res: ServerResponse) => sleepUnlessClosed(ms, res, timers);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    const body = parseJson(raw);
    const record: RecordedChatRequest = { index: requests.length, method: req.method ?? "", path: req.url ?? "", headers: headersOf(req), body, raw, userText: lastUserText(body) };
    requests.push(record);
    const refused = protocolError(record, options);
    if (refused) return void send(res, refused.status, errorBody(refused.status, refused.message));
    const reply = replyFor(record);
    await sleep(reply.delayMs ?? 0, res);
    if (res.destroyed) return;
    if ("destroySocket" in reply) return void req.socket.destroy();
    const headers = reply.headers ?? {};
    if ("status" in reply) return void send(res, reply.status, reply.body ?? errorBody(reply.status, reply.message ?? `Mock error ${reply.status}`), headers);
    if ("rejectJsonSchema" in reply && asksSchema(body)) return void send(res, 400, errorBody(400, JSON_SCHEMA_REFUSAL), headers);
    send(res, 200, completion(record, reply, `chatcmpl-mock-${++count}`, seenPrefixes), headers);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, errorBody(500, `mock failure: ${String(error)}`));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The OpenAI error shape, which the compatible servers copy. */
export function errorBody(status: number, message: string): unknown {
  const [type, code] = ERROR_TYPES[status] ?? ["server_error", null];
  return { error: { message, type, param: null, code } };
}

function asksSchema(body: any): boolean {
  return body?.response_format?.type === "json_schema";
}

function protocolError(request: RecordedChatRequest, options: MockOpenAiOptions): { status: number; message: string } | undefined {
  if (request.method !== "POST" || request.path.split("?")[0] !== "/v1/chat/completions") return { status: 404, message: `Not found: ${request.method} ${request.path}` };
  if (options.apiKey !== undefined && request.headers.authorization !== `Bearer ${options.apiKey}`) {
    return { status: 401, message: "Incorrect API key provided. You can find your API key at your provider's console." };
  }
  const body = request.body;
  if (typeof body !== "object" || body === null || typeof body.model !== "string" || !Array.isArray(body.messages)) {
    return { status: 400, message: "model and messages are required" };
  }
  if (options.rejectJsonSchema && asksSchema(body)) return { status: 400, message: JSON_SCHEMA_REFUSAL };
  if (options.rejectResponseFormat && body.response_format !== undefined) return { status: 400, message: "Unrecognized request argument supplied: response_format" };
  return undefined;
}

function completion(request: RecordedChatRequest, reply: MockChatReply, id: string, seenPrefixes: Set<string>): unknown {
  const body = request.body;
  const model = "model" in reply && typeof reply.model === "string" ? reply.model : String(body.model);
  let content: string | null;
  let refusal: string | null = null;
  let finishReason = "stop";
  if ("malformed" in reply) content = reply.malformed;
  else if ("refusal" in reply) {
    content = null;
    refusal = reply.refusal;
  } else if ("finishReason" in reply) {
    const json = JSON.stringify(wellBehavedRewrite(request));
    content = json.slice(0, Math.max(1, Math.floor(json.length / 2)));
    finishReason = "length";
  } else content = JSON.stringify("rewrite" in reply ? reply.rewrite : "json" in reply ? reply.json : isCheckRequest(request) ? NO_CHANGE : wellBehavedRewrite(request));
  return {
    id,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: "assistant", content, refusal }, logprobs: null, finish_reason: finishReason }],
    usage: usageOf(body, content ?? refusal ?? "", finishReason, reply, seenPrefixes),
  };
}

/** Prefix caching as vLLM and OpenAI report it: a system prompt seen before is counted as cached tokens. */
function usageOf(body: any, answer: string, finishReason: string, reply: MockChatReply, seen: Set<string>) {
  const system = String(body.messages.find((message: { role?: string }) => message?.role === "system")?.content ?? "");
  const promptTokens = estimateTokens(JSON.stringify(body.messages));
  const key = `${body.model}\0${system}`;
  const cached = seen.has(key) ? estimateTokens(system) : 0;
  seen.add(key);
  const completionTokens = finishReason === "length" ? Number(body.max_tokens) || 1 : Math.max(1, estimateTokens(answer));
  const override = "usage" in reply ? (reply.usage ?? {}) : {};
  const usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, cached_tokens: Math.min(cached, promptTokens), ...override };
  return {
    prompt_tokens: usage.prompt_tokens,
    completion_tokens: usage.completion_tokens,
    total_tokens: usage.prompt_tokens + usage.completion_tokens,
    prompt_tokens_details: { cached_tokens: usage.cached_tokens },
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}



/** The answer the mock gives by default for a request: the well-behaved rewrite of its section. */
export function wellBehaved(request: Pick<RecordedChatRequest, "userText">): RewriteResult {
  return wellBehavedRewrite(request);
}
