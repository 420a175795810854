import type { ServerResponse } from "node:http";
import type { MockUsage } from "./mock-anthropic.js";

/** The JSON shapes of the Messages API, as the mock server writes them (JSON body or SSE events). */

export type MockContent = { type: "text"; text: string } | { type: "tool_use"; id: string; name: string; input: unknown };

export interface MockMessage {
  id: string;
  model: string;
  content: MockContent[];
  stopReason: "end_turn" | "tool_use" | "max_tokens" | "refusal";
  stopDetails?: { type: "refusal"; category: null; explanation: string | null };
  /** For a truncated answer: the max_tokens it hit. */
  truncatedAt?: number;
}

export function errorBody(type: string, message: string): unknown {
  return { type: "error", error: { type, message }, request_id: `req_mock_${Date.now().toString(36)}` };
}

function usageBody(usage: MockUsage) {
  return {
    input_tokens: usage.input_tokens,
    output_tokens: usage.output_tokens,
    cache_creation_input_tokens: usage.cache_creation_input_tokens,
    cache_read_input_tokens: usage.cache_read_input_tokens,
    cache_creation: { ephemeral_5m_input_tokens: usage.cache_creation_input_tokens, ephemeral_1h_input_tokens: 0 },
    service_tier: "standard",
    server_tool_use: null,
    inference_geo: null,
    output_tokens_details: null,
    speed: null,
  };
}

export function messageBody(message: MockMessage, usage: MockUsage): unknown {
  return {
    id: message.id,
    type: "message",
    role: "assistant",
    model: message.model,
    content: message.content,
    stop_reason: message.stopReason,
    stop_sequence: null,
    stop_details: message.stopDetails ?? null,
    container: null,
    diagnostics: null,
    usage: usageBody(usage),
  };
}

/** Deltas are cut this small so that a client has to join many of them, as with the real stream. */
const CHUNK = 24;

/**
 * The streaming answer: message_start (usage with output_tokens 1), then per block
 * content_block_start, content_block_delta (text_delta or input_json_delta) and content_block_stop,
 * a ping, message_delta with the stop reason and the output usage, message_stop.
 */
export function writeSse(res: ServerResponse, message: MockMessage, usage: MockUsage, headers: Record<string, string>): void {
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    "request-id": `req_mock_${Date.now().toString(36)}`,
    ...headers,
  });
  const event = (name: string, data: unknown) => res.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  const start = messageBody({ ...message, content: [] }, { ...usage, output_tokens: 1 }) as Record<string, unknown>;
  event("message_start", { type: "message_start", message: { ...start, stop_reason: null, stop_details: null } });
  message.content.forEach((block, index) => {
    if (block.type === "text") {
      event("content_block_start", { type: "content_block_start", index, content_block: { type: "text", text: "" } });
      if (index === 0) event("ping", { type: "ping" });
      for (const piece of chunks(block.text)) event("content_block_delta", { type: "content_block_delta", index, delta: { type: "text_delta", text: piece } });
    } else {
      event("content_block_start", { type: "content_block_start", index, content_block: { type: "tool_use", id: block.id, name: block.name, input: {} } });
      if (index === 0) event("ping", { type: "ping" });
      for (const piece of chunks(JSON.stringify(block.input))) {
        event("content_block_delta", { type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: piece } });
      }
    }
    event("content_block_stop", { type: "content_block_stop", index });
  });
  event("message_delta", {
    type: "message_delta",
    delta: { stop_reason: message.stopReason, stop_sequence: null, stop_details: message.stopDetails ?? null },
    usage: {
      output_tokens: usage.output_tokens,
      input_tokens: usage.input_tokens,
      cache_creation_input_tokens: usage.cache_creation_input_tokens,
      cache_read_input_tokens: usage.cache_read_input_tokens,
    },
  });
  event("message_stop", { type: "message_stop" });
  res.end();
}

function chunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) out.push(text.slice(i, i + CHUNK));
  return out;
}
