import { afterEach, describe, expect, it, vi } from "vitest";
import { loadRuleSet } from "../../src/config/ruleset.js";
import { isFalcError } from "../../src/errors.js";
import { buildPrompt, sectionOfUserMessage } from "../../src/rewrite/prompt.js";
import { ANTHROPIC_DEFAULTS, createAnthropicProvider, DEFAULT_ANTHROPIC_MODEL, type AnthropicProviderOptions } from "../../src/rewrite/providers/anthropic.js";
import type { RewriteRequest, RewriteResult } from "../../src/rewrite/types.js";
import { startMockAnthropic, wellBehavedRewrite, type MockAnthropic, type MockReply, type MockScript } from "../helpers/mock-anthropic.js";
import { thrown } from "../helpers/temp.js";

const KEY = "sk-ant-test-SECRET-1234";
const prompt = buildPrompt(loadRuleSet());
const request: RewriteRequest = {
  documentTitle: "Contrat de séjour",
  sectionIndex: 0,
  sectionTitle: "Les repas",
  text: "Afin de prendre ses repas, le résident se rend au réfectoire.\nLe repas coûte 7,50 €.",
};

const servers: MockAnthropic[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function setup(script: MockScript, options: Partial<AnthropicProviderOptions> = {}, mockOptions: Parameters<typeof startMockAnthropic>[1] = {}) {
  const mock = await startMockAnthropic(script, { apiKey: KEY, ...mockOptions });
  servers.push(mock);
  const provider = createAnthropicProvider({ apiKey: KEY, baseURL: mock.url, model: DEFAULT_ANTHROPIC_MODEL, prompt, env: {}, ...options });
  return { mock, provider };
}

/** Replies that ask for a retry without the SDK's default back-off (0.5 s and more). */
const quick = (reply: MockReply): MockReply => ({ ...reply, headers: { "retry-after-ms": "1", ...reply.headers } });
const expected = (mock: MockAnthropic, index = 0): RewriteResult => wellBehavedRewrite(mock.requests[index]!);

describe("anthropic provider over HTTP (real SDK, local server)", () => {
  it("sends the request the API expects and returns the validated answer", async () => {
    const { mock, provider } = await setup([]);
    const response = await provider.rewrite(request);
    expect(mock.requests).toHaveLength(1);
    const [sent] = mock.requests;
    expect(sent!.method).toBe("POST");
    expect(sent!.path).toBe("/v1/messages");
    expect(sent!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent!.headers["anthropic-version"]).toBe("2026-10-21");
    expect(sent!.body.model).toBe("claude-sonnet-5-5");
    expect(sent!.body.max_tokens).toBe(ANTHROPIC_DEFAULTS.maxTokens);
    expect(sent!.body.system).toEqual([{ type: "text", text: prompt.system, cache_control: { type: "ephemeral" } }]);
    expect(sent!.body.output_config.format.type).toBe("json_schema");
    expect(sent!.body.output_config.format.schema.required).toEqual(["title", "blocks", "glossary"]);
    expect(sent!.body.output_config.effort).toBe("medium");
    // Claude Sonnet 5.5 answers 400 to a forced tool choice, to thinking: disabled and to sampling parameters.
    expect(sent!.body).not.toHaveProperty("tool_choice");
    expect(sent!.body).not.toHaveProperty("thinking");
    expect(sent!.body).not.toHaveProperty("temperature");
    expect(sent!.body.messages).toHaveLength(1);
    expect(sectionOfUserMessage(sent!.userText)?.text).toBe(request.text);
    expect(response.result).toEqual(expected(mock));
    expect(response.result.blocks[0]).toEqual({ type: "paragraph", sentences: ["Afin de prendre ses repas, le résident se rend au réfectoire.", "Le repas coûte 7,50 €."] });
    expect(response.model).toBe("claude-sonnet-5-5");
    expect(response.usage.requests).toBe(1);
    expect(response.usage.cache_creation_input_tokens).toBeGreaterThan(1000);
    expect(response.usage.cache_read_input_tokens).toBe(0);
  });

  it("reads the system prompt from the cache on the next sections", async () => {
    const { provider } = await setup([]);
    const first = await provider.rewrite(request);
    const second = await provider.rewrite({ ...request, sectionIndex: 1, sectionTitle: "Les visites", text: "Votre famille peut venir tous les jours." });
    expect(first.usage.cache_creation_input_tokens).toBeGreaterThan(1000);
    expect(second.usage.cache_creation_input_tokens).toBe(0);
    expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
    expect(second.usage.input_tokens).toBeLessThan(first.usage.cache_creation_input_tokens / 5);
    expect(second.usage.output_tokens).toBeGreaterThan(0);
  });

  it("retries a 429 as the SDK does, and counts every HTTP answer", async () => {
    const { mock, provider } = await setup([quick({ status: 429 }), {}]);
    const response = await provider.rewrite(request);
    expect(mock.requests.map((r) => r.headers["x-stainless-retry-count"])).toEqual(["0", "1"]);
    expect(response.usage.requests).toBe(2);
    expect(response.result).toEqual(expected(mock, 1));
  });

  it("retries a 500, then succeeds", async () => {
    const { mock, provider } = await setup([quick({ status: 500 }), {}]);
    const response = await provider.rewrite(request);
    expect(mock.requests).toHaveLength(2);
    expect(response.usage.requests).toBe(2);
  });

  it("gives up on 529 after its retries: provider-overloaded, exit 3, a French message that says what to do", async () => {
    const { mock, provider } = await setup(() => quick({ status: 529 }), { maxRetries: 2 });
    const error = await thrown(() => provider.rewrite(request));
    expect(mock.requests).toHaveLength(3);
    expect(error).toMatchObject({ code: "provider-overloaded", exitCode: 3 });
    expect(error.message).toBe(
      "Le service Anthropic est surchargé (erreur 529) après 3 essais. Réessayez dans quelques minutes : " +
        "les sections déjà réécrites sont gardées et ne seront pas redemandées.",
    );
  });

  it("tells how long to wait after a 429 that outlasts the retries", async () => {
    const { mock, provider } = await setup(() => ({ status: 429, headers: { "retry-after-ms": "1", "retry-after": "20" } }), { maxRetries: 1 });
    const error = await thrown(() => provider.rewrite(request));
    expect(mock.requests).toHaveLength(2);
    expect(error.code).toBe("provider-rate-limited");
    expect(error.message).toContain("(erreur 429) après 2 essais");
    expect(error.message).toContain("dans 1 seconde ou plus");
  });

  it("times out a slow answer: provider-timeout after the retries", async () => {
    const { mock, provider } = await setup(() => ({ delayMs: 5_000 }), { timeoutMs: 100, maxRetries: 1 });
    const error = await thrown(() => provider.rewrite(request));
    expect(mock.requests).toHaveLength(2);
    expect(error).toMatchObject({ code: "provider-timeout", exitCode: 3 });
    expect(error.message).toContain("n’a pas répondu dans le délai de 0,1 seconde après 2 essais");
  });

  it("retries after a connection reset", async () => {
    const { mock, provider } = await setup([{ destroySocket: true }, {}]);
    const response = await provider.rewrite(request);
    expect(mock.requests).toHaveLength(2);
    expect(response.usage.requests).toBe(1);
    expect(response.result).toEqual(expected(mock, 1));
  });

  it("fails with provider-connection when the server cannot be reached", async () => {
    const { mock, provider } = await setup(() => ({ destroySocket: true }), { maxRetries: 0 });
    const error = await thrown(() => provider.rewrite(request));
    expect(mock.requests).toHaveLength(1);
    expect(error.code).toBe("provider-connection");
    expect(error.message).toContain("Impossible de joindre le service Anthropic (127.0.0.1:");
  });

  it("asks once more when the answer is not valid, with the problems, and counts both calls", async () => {
    const { mock, provider } = await setup([{ malformed: "Voici la section réécrite : …" }, {}]);
    const response = await provider.rewrite(request);
    expect(mock.requests).toHaveLength(2);
    expect(mock.requests[0]!.userText).not.toContain("n'a pas pu être utilisée");
    expect(mock.requests[1]!.userText).toContain("Ta réponse précédente n'a pas pu être utilisée :\n1. La réponse n'est pas du JSON valide");
    expect(mock.requests[1]!.body.system[0].text).toBe(prompt.system);
    expect(response.usage.requests).toBe(2);
    expect(response.usage.output_tokens).toBeGreaterThan(0);
    expect(response.result).toEqual(expected(mock, 1));
  });

  it("fails with provider-invalid-answer when the second answer is not valid either", async () => {
    const { mock, provider } = await setup([{ malformed: { title: "Repas", blocks: [] } }, { malformed: { title: "Repas", blocks: [{ type: "paragraph", sentences: ["<b>Midi</b>"] }], glossary: [] } }]);
    const error = await thrown(() => provider.rewrite(request));
    expect(mock.requests).toHaveLength(2);
    expect(mock.requests[1]!.userText).toContain("« glossary » doit être une liste");
    expect(error).toMatchObject({ code: "provider-invalid-answer", exitCode: 3 });
    expect(error.message).toContain("« Les repas » n’a pas la forme attendue, même après un second essai");
    expect(error.message).toContain("une balise HTML");
  });

  it("asks again with more room when the answer is cut, then gives up", async () => {
    const { mock, provider } = await setup([{ stopReason: "max_tokens" }, {}]);
    const response = await provider.rewrite(request);
    expect(mock.requests.map((r) => r.body.max_tokens)).toEqual([ANTHROPIC_DEFAULTS.maxTokens, 2 * ANTHROPIC_DEFAULTS.maxTokens]);
    expect(response.usage.requests).toBe(2);
    expect(response.usage.output_tokens).toBeGreaterThan(ANTHROPIC_DEFAULTS.maxTokens);

    const again = await setup(() => ({ stopReason: "max_tokens" }), { maxTokens: 1000 });
    const error = await thrown(() => again.provider.rewrite(request));
    expect(again.mock.requests).toHaveLength(2);
    expect(error).toMatchObject({ code: "provider-truncated", exitCode: 3 });
    expect(error.message).toContain("(limite de 2 000 jetons atteinte)");
  });

  it("reports a refusal as provider-refusal, with the reason given", async () => {
    const { mock, provider } = await setup([{ stopReason: "refusal", explanation: "contenu signalé" }]);
    const error = await thrown(() => provider.rewrite(request));
    expect(mock.requests).toHaveLength(1);
    expect(error).toMatchObject({ code: "provider-refusal", exitCode: 3 });
    expect(error.message).toContain("a refusé de réécrire la section « Les repas » (raison donnée : contenu signalé)");
  });

  it("does not retry a 401: provider-auth", async () => {
    const { mock, provider } = await setup([], { apiKey: "sk-ant-test-WRONG-0000" });
    const error = await thrown(() => provider.rewrite(request));
    expect(mock.requests).toHaveLength(1);
    expect(error).toMatchObject({ code: "provider-auth", exitCode: 3 });
    expect(error.message).toContain("La clé d’API Anthropic est refusée (erreur 401)");
  });

  it("maps a 400 to provider-bad-request, and a 404 to a hint about the model", async () => {
    const { provider } = await setup([{ status: 400, message: "max_tokens: too large" }, { status: 404, message: "model: claude-inconnu" }]);
    const bad = await thrown(() => provider.rewrite(request));
    expect(bad).toMatchObject({ code: "provider-bad-request", exitCode: 3 });
    expect(bad.message).toBe("Le service Anthropic a refusé la demande (erreur 400) : max_tokens: too large.");
    const missing = await thrown(() => provider.rewrite(request));
    expect(missing.message).toContain("Vérifiez le nom du modèle (--model ou FALC_MODEL) : « claude-sonnet-5-5 ».");
  });

  it("never lets the API key into a message, a hint or a cause", async () => {
    const failures: unknown[] = [];
    const collect = async (script: MockScript, options: Partial<AnthropicProviderOptions> = {}) => {
      const { provider } = await setup(script, { maxRetries: 0, timeoutMs: 100, ...options });
      failures.push(await provider.rewrite(request).catch((error: unknown) => error));
    };
    await collect([{ status: 400, message: `invalid header: Bearer ${KEY}` }]);
    await collect([{ status: 500, message: `upstream said ${KEY}` }]);
    await collect([{ status: 429, message: `rate limit for ${KEY}` }]);
    await collect([{ destroySocket: true }]);
    await collect([{ delayMs: 5_000 }]);
    await collect([{ malformed: KEY }, { malformed: { title: KEY, blocks: [{ type: "paragraph", sentences: [`<i>${KEY}</i>`] }], glossary: [] } }]);
    await collect([], { apiKey: `${KEY}-WRONG` });
    expect(failures).toHaveLength(7);
    for (const failure of failures) {
      expect(isFalcError(failure)).toBe(true);
      const error = failure as Error & { hint?: string; cause?: Error };
      const everything = [error.message, error.hint ?? "", String(error.cause ?? ""), error.cause?.stack ?? "", JSON.stringify(error)].join("\n");
      expect(everything).not.toContain("SECRET-1234");
    }
    expect((failures[0] as Error).message).toContain("invalid header: Bearer [clé masquée]");
  });

  it("turns the SDK's English warning for a deprecated model into one French warning", async () => {
    const warn = vi.spyOn(console, "warn");
    const warnings: string[] = [];
    const { mock, provider } = await setup([], { model: "claude-sonnet-4-5", onWarning: (text) => warnings.push(text) });
    await provider.rewrite(request);
    await provider.rewrite(request);
    expect(mock.requests).toHaveLength(2);
    expect(warn).not.toHaveBeenCalled();
    expect(warnings).toEqual([
      "Le modèle « claude-sonnet-4-5 » est annoncé comme obsolète par Anthropic (fin prévue : November 30th, 2026). Choisissez un modèle plus récent avec --model.",
    ]);
    // Sonnet 4.5 takes no effort setting.
    expect(mock.requests[0]!.body.output_config).not.toHaveProperty("effort");
  });

  it("uses a default model that the SDK does not mark as deprecated", async () => {
    const warnings: string[] = [];
    const warn = vi.spyOn(console, "warn");
    const { provider } = await setup([], { model: undefined, onWarning: (text) => warnings.push(text) });
    expect(provider.model).toBe(DEFAULT_ANTHROPIC_MODEL);
    await provider.rewrite(request);
    expect(warnings).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it("reads the credential from ANTHROPIC_AUTH_TOKEN when there is no API key", async () => {
    const { mock, provider } = await setup([], { apiKey: undefined, env: { ANTHROPIC_AUTH_TOKEN: KEY } });
    await provider.rewrite(request);
    expect(mock.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it("sends nothing without a credential", async () => {
    const { mock, provider } = await setup([], { apiKey: undefined, env: {} });
    const error = await thrown(() => provider.rewrite(request));
    expect(error).toMatchObject({ code: "provider-auth", exitCode: 3 });
    expect(mock.requests).toHaveLength(0);
  });

  it("stops when the caller aborts, with the caller's reason", async () => {
    const { mock, provider } = await setup([], {}, { hold: true });
    const controller = new AbortController();
    const pending = provider.rewrite(request, { signal: controller.signal });
    await mock.whenHeld(1);
    controller.abort(new Error("interrompu"));
    await expect(pending).rejects.toThrow("interrompu");
    expect(mock.requests).toHaveLength(1);
  });

  it("serves concurrent sections, each with its own usage", async () => {
    const { mock, provider } = await setup([], {}, { hold: true });
    const texts = ["Vous mangez à midi.", "Vous dormez dans votre chambre.", "Votre famille vient le dimanche."];
    const pending = Promise.all(texts.map((text, index) => provider.rewrite({ ...request, sectionIndex: index, text })));
    // The three are at the server together before any is answered: concurrency seen, not timed.
    await mock.whenHeld(3);
    mock.release();
    const responses = await pending;
    expect(mock.maxInFlight).toBe(3);
    expect(responses.map((response) => response.result.blocks[0])).toEqual(texts.map((text) => ({ type: "paragraph", sentences: [text] })));
    expect(responses.every((response) => response.usage.requests === 1)).toBe(true);
  });
});
