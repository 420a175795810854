import { afterEach, describe, expect, it } from "vitest";
import Anthropic from "@anthropic-ai/sdk";
import { parseAnswer, REWRITE_SCHEMA } from "../../src/rewrite/answer.js";
import { buildUserMessage } from "../../src/rewrite/prompt.js";
import { startMockAnthropic, wellBehavedRewrite, type MockAnthropic, type MockScript } from "../helpers/mock-anthropic.js";

/** The mock server itself, driven by the real SDK: streaming, forced tool use, protocol errors. */

const KEY = "sk-ant-test-SECRET-1234";
const servers: MockAnthropic[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function client(script: MockScript = []) {
  const mock = await startMockAnthropic(script);
  servers.push(mock);
  return { mock, anthropic: new Anthropic({ apiKey: KEY, baseURL: mock.url, maxRetries: 2, logLevel: "off" }) };
}

const text = "Vous arrivez le matin. Vous posez vos affaires.\n\nVous apportez :\n- vos vêtements\n- votre carte Vitale\nL'équipe vous attend.";
const user = buildUserMessage({ documentTitle: "Livret d'accueil", sectionIndex: 0, sectionTitle: "Votre arrivée", text });
const system = [{ type: "text" as const, text: "Consignes. ".repeat(600), cache_control: { type: "ephemeral" as const } }];
const expected = {
  title: "Votre arrivée",
  blocks: [
    { type: "paragraph", sentences: ["Vous arrivez le matin.", "Vous posez vos affaires."] },
    { type: "paragraph", sentences: ["Vous apportez :"] },
    { type: "list", items: ["vos vêtements", "votre carte Vitale"] },
    { type: "paragraph", sentences: ["L'équipe vous attend."] },
  ],
  glossary: [],
};

describe("mock Anthropic server", () => {
  it("holds answers until the test releases them, oldest first, then answers at once", async () => {
    const { mock, anthropic } = await client();
    mock.hold();
    const ask = (content: string) => anthropic.messages.create({ model: "claude-sonnet-5-5", max_tokens: 100, messages: [{ role: "user", content }] });
    const answered: string[] = [];
    const first = ask("un").then(() => answered.push("un"));
    const second = ask("deux").then(() => answered.push("deux"));
    const held = await mock.whenHeld(2);
    expect(held.map((r) => r.userText).sort()).toEqual(["deux", "un"]);
    expect(mock.maxInFlight).toBe(2);
    const oldest = held[0]!.userText;
    mock.release(1);
    await (oldest === "un" ? first : second);
    expect(answered).toEqual([oldest]);
    expect(mock.held.map((r) => r.userText)).toEqual([oldest === "un" ? "deux" : "un"]);
    mock.release();
    await Promise.all([first, second, ask("trois").then(() => answered.push("trois"))]);
    expect(answered).toHaveLength(3);
    expect(mock.held).toEqual([]);
  });

  it("derives a valid, well-behaved rewrite from the section text", () => {
    const rewrite = wellBehavedRewrite({ userText: user });
    expect(rewrite).toEqual(expected);
    expect(parseAnswer(rewrite)).toEqual({ ok: true, result: rewrite });
  });

  it("streams a JSON answer as server-sent events that the SDK assembles", async () => {
    const { mock, anthropic } = await client();
    const stream = anthropic.messages.stream({
      model: "claude-sonnet-5-5",
      max_tokens: 1000,
      system,
      messages: [{ role: "user", content: user }],
      output_config: { format: { type: "json_schema", schema: REWRITE_SCHEMA as unknown as Record<string, unknown> } },
    });
    const events: string[] = [];
    for await (const event of stream) events.push(event.type);
    const message = await stream.finalMessage();
    expect(mock.requests[0]!.body.stream).toBe(true);
    expect(events[0]).toBe("message_start");
    expect(events.filter((type) => type === "content_block_delta").length).toBeGreaterThan(5);
    expect(events.slice(-2)).toEqual(["message_delta", "message_stop"]);
    expect(message.stop_reason).toBe("end_turn");
    const block = message.content[0];
    expect(block?.type === "text" && JSON.parse(block.text)).toEqual(expected);
    expect(message.usage.cache_creation_input_tokens).toBeGreaterThan(1000);
    expect(message.usage.output_tokens).toBeGreaterThan(10);
  });

  it("answers a forced tool call with a tool_use block, in JSON and streamed", async () => {
    const { anthropic } = await client();
    const params = {
      model: "claude-haiku-4-5",
      max_tokens: 1000,
      messages: [{ role: "user" as const, content: user }],
      tools: [{ name: "emit_rewrite", input_schema: REWRITE_SCHEMA as unknown as Anthropic.Tool.InputSchema }],
      tool_choice: { type: "tool" as const, name: "emit_rewrite" },
    };
    const message = await anthropic.messages.create(params);
    expect(message.stop_reason).toBe("tool_use");
    expect(message.content[0]).toMatchObject({ type: "tool_use", name: "emit_rewrite", input: expected });
    const streamed = await anthropic.messages.stream(params).finalMessage();
    expect(streamed.content[0]).toMatchObject({ type: "tool_use", name: "emit_rewrite", input: expected });
  });

  it("caches a marked prefix only when it is long enough, and only after the first answer", async () => {
    const { anthropic } = await client();
    const ask = (systemText: string) =>
      anthropic.messages.create({
        model: "claude-sonnet-5-5",
        max_tokens: 100,
        system: [{ type: "text", text: systemText, cache_control: { type: "ephemeral" } }],
        messages: [{ role: "user", content: user }],
      });
    const short = await ask("Consignes courtes.");
    expect(short.usage.cache_creation_input_tokens).toBe(0);
    expect(short.usage.input_tokens).toBeGreaterThan(0);
    const first = await ask(system[0]!.text);
    const second = await ask(system[0]!.text);
    expect(first.usage.cache_creation_input_tokens).toBeGreaterThan(1000);
    expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
    expect(second.usage.cache_creation_input_tokens).toBe(0);
  });

  it("answers errors with the API's error bodies, which the SDK turns into its error classes", async () => {
    const { mock, anthropic } = await client([{ status: 529, headers: { "x-should-retry": "false" } }, { status: 401 }]);
    const ask = () => anthropic.messages.create({ model: "claude-sonnet-5-5", max_tokens: 10, messages: [{ role: "user", content: "Bonjour" }] });
    await expect(ask()).rejects.toMatchObject({ name: "OverloadedError", status: 529, type: "overloaded_error" });
    await expect(ask()).rejects.toMatchObject({ name: "AuthenticationError", status: 401, type: "authentication_error" });
    expect(mock.requests).toHaveLength(2);
  });

  it("refuses requests without a credential or an API version, as the real API does", async () => {
    const { mock } = await client();
    const post = (headers: Record<string, string>) =>
      fetch(`${mock.url}/v1/messages`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ model: "m", max_tokens: 1, messages: [] }) });
    const anonymous = await post({ "anthropic-version": "2026-10-21" });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ type: "error", error: { type: "authentication_error" } });
    const unversioned = await post({ authorization: `Bearer ${KEY}` });
    expect(unversioned.status).toBe(400);
    expect((await fetch(`${mock.url}/v1/complete`, { method: "POST" })).status).toBe(404);
  });
});
