import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { convertFiles } from "../../src/commands/convert.js";
import { loadRuleSet } from "../../src/config/ruleset.js";
import { REWRITE_SCHEMA } from "../../src/rewrite/answer.js";
import { buildPrompt, sectionOfUserMessage } from "../../src/rewrite/prompt.js";
import { chooseProvider } from "../../src/rewrite/providers/index.js";
import {
  createOpenAiCompatibleProvider,
  JSON_MODE_NOTE,
  OPENAI_COMPATIBLE_DEFAULTS,
  type OpenAiCompatibleOptions,
  type RetryInfo,
} from "../../src/rewrite/providers/openai-compatible.js";
import type { RewriteRequest } from "../../src/rewrite/types.js";
import { startMockOpenAi, wellBehaved, type MockChatScript, type MockOpenAi, type MockOpenAiOptions } from "../helpers/mock-openai.js";
import { runCli } from "../helpers/cli.js";
import { tempDir, thrown } from "../helpers/temp.js";

const KEY = "sk-mistral-test-SECRET-4242";
const ruleSet = loadRuleSet();
const prompt = buildPrompt(ruleSet);
const tmp = tempDir("falc-openai-");
const request: RewriteRequest = {
  documentTitle: "Contrat de séjour",
  sectionIndex: 0,
  sectionTitle: "Les repas",
  text: "Afin de prendre ses repas, le résident se rend au réfectoire.\nLe repas coûte 7,50 €.",
};

const servers: MockOpenAi[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function setup(script: MockChatScript, options: Partial<OpenAiCompatibleOptions> = {}, mockOptions: MockOpenAiOptions = { apiKey: KEY }) {
  const mock = await startMockOpenAi(script, mockOptions);
  servers.push(mock);
  const retries: RetryInfo[] = [];
  const provider = createOpenAiCompatibleProvider({
    baseURL: `${mock.url}/v1`,
    model: "mistral-small",
    prompt,
    apiKey: KEY,
    retryBaseMs: 1,
    onRetry: (retry) => retries.push(retry),
    ...options,
  });
  return { mock, provider, retries };
}

describe("openai-compatible provider over HTTP (local Chat Completions server)", () => {
  it("sends the Chat Completions request with the answer's JSON schema and returns the validated answer", async () => {
    const { mock, provider } = await setup([]);
    const response = await provider.rewrite(request);
    expect(provider.name).toBe("openai-compatible");
    expect(mock.requests).toHaveLength(1);
    const [sent] = mock.requests;
    expect(sent!.method).toBe("POST");
    expect(sent!.path).toBe("/v1/chat/completions");
    expect(sent!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent!.headers["content-type"]).toBe("application/json");
    expect(sent!.body.model).toBe("mistral-small");
    expect(sent!.body.max_tokens).toBe(OPENAI_COMPATIBLE_DEFAULTS.maxTokens);
    expect(sent!.body.stream).toBe(false);
    expect(sent!.body.messages.map((m: { role: string }) => m.role)).toEqual(["system", "user"]);
    expect(sent!.body.messages[0].content).toBe(prompt.system);
    expect(sectionOfUserMessage(sent!.userText)?.text).toBe(request.text);
    expect(sent!.body.response_format).toEqual({ type: "json_schema", json_schema: { name: "rewrite", strict: true, schema: REWRITE_SCHEMA } });
    expect(response.result).toEqual(wellBehaved(sent!));
    expect(response.result.blocks[0]).toEqual({ type: "paragraph", sentences: ["Afin de prendre ses repas, le résident se rend au réfectoire.", "Le repas coûte 7,50 €."] });
    expect(response.model).toBe("mistral-small");
    expect(response.usage.requests).toBe(1);
    expect(response.usage.input_tokens).toBeGreaterThan(1000);
    expect(response.usage.output_tokens).toBeGreaterThan(0);
    expect(response.usage.cache_read_input_tokens).toBe(0);
  });

  it("sends no Authorization header without a key, as a local server expects", async () => {
    const { mock, provider } = await setup([], { apiKey: undefined }, {});
    const response = await provider.rewrite(request);
    expect(mock.requests[0]!.headers).not.toHaveProperty("authorization");
    expect(response.usage.requests).toBe(1);
  });

  it("counts cached prompt tokens as cache reads, and the rest as input", async () => {
    const { provider } = await setup([]);
    const first = await provider.rewrite(request);
    const second = await provider.rewrite({ ...request, sectionIndex: 1, sectionTitle: "Les visites", text: "Votre famille peut venir tous les jours." });
    expect(first.usage.cache_read_input_tokens).toBe(0);
    expect(second.usage.cache_read_input_tokens).toBeGreaterThan(1000);
    expect(second.usage.input_tokens).toBeLessThan(second.usage.cache_read_input_tokens / 5);
    const scripted = await setup([{ usage: { prompt_tokens: 900, completion_tokens: 120, cached_tokens: 700 } }]);
    const usage = (await scripted.provider.rewrite(request)).usage;
    expect(usage).toEqual({ requests: 1, input_tokens: 200, output_tokens: 120, cache_read_input_tokens: 700, cache_creation_input_tokens: 0 });
  });

  it("falls back to JSON mode when the server refuses json_schema, and stays there", async () => {
    const { mock, provider } = await setup([], {}, { apiKey: KEY, rejectJsonSchema: true });
    const first = await provider.rewrite(request);
    expect(mock.requests.map((r) => r.body.response_format.type)).toEqual(["json_schema", "json_object"]);
    expect(mock.requests[1]!.body.messages[0].content).toBe(prompt.system + JSON_MODE_NOTE);
    expect(JSON_MODE_NOTE).toContain(JSON.stringify(REWRITE_SCHEMA));
    expect(first.result).toEqual(wellBehaved(mock.requests[1]!));
    expect(first.usage.requests).toBe(2);
    const second = await provider.rewrite({ ...request, sectionIndex: 1 });
    expect(mock.requests.map((r) => r.body.response_format.type)).toEqual(["json_schema", "json_object", "json_object"]);
    expect(second.usage.requests).toBe(1);
  });

  it("steps down one level only when parallel sections meet the refusal together", async () => {
    const { mock, provider } = await setup([], {}, { apiKey: KEY, rejectJsonSchema: true });
    await Promise.all([0, 1, 2].map((sectionIndex) => provider.rewrite({ ...request, sectionIndex })));
    const types = mock.requests.map((r) => r.body.response_format?.type ?? "none");
    expect(types.filter((type) => type === "json_schema")).toHaveLength(3);
    expect(types.filter((type) => type === "json_object")).toHaveLength(3);
  });

  it("also falls back on a scripted refusal of the schema", async () => {
    const { mock, provider } = await setup([{ rejectJsonSchema: true }, { rejectJsonSchema: true }]);
    await provider.rewrite(request);
    expect(mock.requests.map((r) => r.body.response_format.type)).toEqual(["json_schema", "json_object"]);
  });

  it("drops response_format altogether for a server that refuses JSON mode too", async () => {
    const { mock, provider } = await setup([], {}, { rejectResponseFormat: true });
    const response = await provider.rewrite(request);
    expect(mock.requests.map((r) => r.body.response_format?.type ?? "none")).toEqual(["json_schema", "json_object", "none"]);
    expect(mock.requests[2]!.body.messages[0].content).toBe(prompt.system + JSON_MODE_NOTE);
    expect(response.result).toEqual(wellBehaved(mock.requests[2]!));
    expect(response.usage.requests).toBe(3);
    await provider.rewrite({ ...request, sectionIndex: 1 });
    expect(mock.requests).toHaveLength(4);
    expect(mock.requests[3]!.body).not.toHaveProperty("response_format");
  });

  it("skips the thinking a reasoning model writes before its JSON", async () => {
    const { mock, provider } = await setup((sent) => ({ malformed: `<think>Je dois garder 7,50 €.</think>\n${JSON.stringify(wellBehaved(sent))}` }));
    const response = await provider.rewrite(request);
    expect(mock.requests).toHaveLength(1);
    expect(response.result).toEqual(wellBehaved(mock.requests[0]!));
  });

  it("honours Retry-After on a 429, then succeeds", async () => {
    const { mock, provider, retries } = await setup([{ status: 429, headers: { "retry-after-ms": "30" } }, { status: 429, headers: { "retry-after": "120" } }, {}], { maxRetryDelayMs: 50 });
    const response = await provider.rewrite(request);
    expect(mock.requests).toHaveLength(3);
    // The server's wait is followed, but never past the cap.
    expect(retries).toEqual([
      { retry: 1, delayMs: 30, reason: "erreur 429" },
      { retry: 2, delayMs: 50, reason: "erreur 429" },
    ]);
    expect(response.usage.requests).toBe(3);
    expect(response.result).toEqual(wellBehaved(mock.requests[2]!));
  });

  it("retries a 500 with exponential back-off, then succeeds", async () => {
    const { mock, provider, retries } = await setup([{ status: 500 }, { status: 502 }, {}], { retryBaseMs: 4 });
    await provider.rewrite(request);
    expect(mock.requests).toHaveLength(3);
    expect(retries.map((r) => r.reason)).toEqual(["erreur 500", "erreur 502"]);
    // ±25 % jitter around 4 ms, then 8 ms.
    expect(retries[0]!.delayMs).toBeGreaterThanOrEqual(3);
    expect(retries[0]!.delayMs).toBeLessThanOrEqual(5);
    expect(retries[1]!.delayMs).toBeGreaterThanOrEqual(6);
    expect(retries[1]!.delayMs).toBeLessThanOrEqual(10);
  });

  it("gives up on 503 after its retries: provider-overloaded, exit 3, a French message", async () => {
    const { mock, provider } = await setup(() => ({ status: 503, message: "Service temporarily unavailable" }), { maxRetries: 2 });
    const error = await thrown(() => provider.rewrite(request));
    expect(mock.requests).toHaveLength(3);
    expect(error).toMatchObject({ code: "provider-overloaded", exitCode: 3 });
    expect(error.message).toContain(`Le service 127.0.0.1:${new URL(mock.url).port} est surchargé ou indisponible (erreur 503) après 3 essais`);
    expect(error.message).toContain("les sections déjà réécrites sont gardées");
    expect(error.hint).toBe("Réponse du service : Service temporarily unavailable");
  });

  it("says how long to wait after a 429 that outlasts the retries", async () => {
    const { provider } = await setup(() => ({ status: 429, headers: { "retry-after": "20" } }), { maxRetries: 1, maxRetryDelayMs: 1 });
    const error = await thrown(() => provider.rewrite(request));
    expect(error).toMatchObject({ code: "provider-rate-limited", exitCode: 3 });
    expect(error.message).toContain("dans 20 secondes ou plus");
    expect(error.message).toContain("--concurrency");
  });

  it("times out a slow answer: retried, then provider-timeout", async () => {
    const { mock, provider, retries } = await setup(() => ({ delayMs: 5_000 }), { timeoutMs: 100, maxRetries: 1 });
    const error = await thrown(() => provider.rewrite(request));
    expect(mock.requests).toHaveLength(2);
    expect(retries.map((r) => r.reason)).toEqual(["délai dépassé"]);
    expect(error).toMatchObject({ code: "provider-timeout", exitCode: 3 });
    expect(error.message).toContain("n’a pas répondu dans le délai de 0,1 seconde après 2 essais");
  });

  it("stops at once when the caller aborts, with the caller's reason", async () => {
    const { provider } = await setup(() => ({ delayMs: 5_000 }));
    const controller = new AbortController();
    const pending = provider.rewrite(request, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("interrupted")), 50);
    await expect(pending).rejects.toThrow("interrupted");
  });

  it("retries after a connection reset, and fails with provider-connection when nothing listens", async () => {
    const { mock, provider, retries } = await setup([{ destroySocket: true }, {}]);
    await provider.rewrite(request);
    expect(mock.requests).toHaveLength(2);
    expect(retries.map((r) => r.reason)).toEqual(["connexion impossible"]);
    const closed = await startMockOpenAi();
    const url = closed.url;
    await closed.close();
    const offline = createOpenAiCompatibleProvider({ baseURL: `${url}/v1`, model: "llama3.1:8b", prompt, maxRetries: 1, retryBaseMs: 1 });
    const error = await thrown(() => offline.rewrite(request));
    expect(error).toMatchObject({ code: "provider-connection", exitCode: 3 });
    expect(error.message).toContain("ECONNREFUSED");
    expect(error.message).toContain("ollama serve");
  });

  it("asks once more when the answer is not valid, with the problems, and counts both calls", async () => {
    const { mock, provider } = await setup([{ malformed: "Voici la section réécrite : …" }, {}]);
    const response = await provider.rewrite(request);
    expect(mock.requests).toHaveLength(2);
    expect(mock.requests[0]!.userText).not.toContain("n'a pas pu être utilisée");
    expect(mock.requests[1]!.userText).toContain("Ta réponse précédente n'a pas pu être utilisée");
    expect(mock.requests[1]!.userText).toContain("pas du JSON valide");
    expect(response.usage.requests).toBe(2);
    expect(response.result).toEqual(wellBehaved(mock.requests[1]!));
  });

  it("fails with provider-invalid-answer when the second answer is not valid either", async () => {
    const { mock, provider } = await setup([{ malformed: "{\"title\": 3}" }, { malformed: "pas du JSON" }]);
    const error = await thrown(() => provider.rewrite(request));
    expect(mock.requests).toHaveLength(2);
    expect(error).toMatchObject({ code: "provider-invalid-answer", exitCode: 3 });
    expect(error.message).toContain("n’a pas la forme attendue, même après un second essai");
  });

  it("asks again with more room when the answer is cut, then gives up", async () => {
    const ok = await setup([{ finishReason: "length" }, {}]);
    await ok.provider.rewrite(request);
    expect(ok.mock.requests.map((r) => r.body.max_tokens)).toEqual([4096, 8192]);
    const cut = await setup(() => ({ finishReason: "length" }), { maxTokens: 1000 });
    const error = await thrown(() => cut.provider.rewrite(request));
    expect(cut.mock.requests.map((r) => r.body.max_tokens)).toEqual([1000, 2000]);
    expect(error).toMatchObject({ code: "provider-truncated", exitCode: 3 });
    expect(error.message).toContain("limite de 2 000 jetons atteinte");
  });

  it("reports a refusal as provider-refusal, with the reason given", async () => {
    const { mock, provider } = await setup([{ refusal: "Je ne peux pas traiter ce contenu." }]);
    const error = await thrown(() => provider.rewrite(request));
    expect(mock.requests).toHaveLength(1);
    expect(error).toMatchObject({ code: "provider-refusal", exitCode: 3 });
    expect(error.message).toContain("a refusé de réécrire la section « Les repas » (raison donnée : Je ne peux pas traiter ce contenu.)");
  });

  it("does not retry a 401: provider-auth, worded for a wrong key or a missing one", async () => {
    const wrong = await setup([], { apiKey: "sk-wrong-key-000000" });
    const error = await thrown(() => wrong.provider.rewrite(request));
    expect(wrong.mock.requests).toHaveLength(1);
    expect(error).toMatchObject({ code: "provider-auth", exitCode: 3 });
    expect(error.message).toContain("La clé d’API est refusée");
    expect(error.message).toContain("OPENAI_API_KEY");
    const none = await setup([], { apiKey: undefined });
    const missing = await thrown(() => none.provider.rewrite(request));
    expect(none.mock.requests).toHaveLength(1);
    expect(missing.message).toContain("demande une clé d’API (erreur 401)");
  });

  it("maps a 404 to a hint about the model and the address, and a 400 to provider-bad-request", async () => {
    const { provider } = await setup([{ status: 404, message: "model 'mistral-small' not found, try pulling it first" }, { status: 400, message: "max_tokens is too large" }], { maxRetries: 0 });
    const notFound = await thrown(() => provider.rewrite(request));
    expect(notFound).toMatchObject({ code: "provider-bad-request", exitCode: 3 });
    expect(notFound.hint).toContain("ollama pull mistral-small");
    const bad = await thrown(() => provider.rewrite(request));
    expect(bad).toMatchObject({ code: "provider-bad-request", exitCode: 3 });
    expect(bad.message).toContain("(erreur 400) : max_tokens is too large");
  });

  it("never lets the API key into a message, a hint or a cause", async () => {
    const echo = `invalid key ${KEY} for this project`;
    const scripts: [MockChatScript, Partial<OpenAiCompatibleOptions>][] = [
      [() => ({ status: 401, message: echo }), {}],
      [() => ({ status: 400, message: echo }), {}],
      [() => ({ status: 429, message: echo }), {}],
      [() => ({ status: 503, body: `<html>${echo}</html>` }), {}],
      [() => ({ malformed: echo }), {}],
      [() => ({ refusal: echo }), {}],
      [() => ({ delayMs: 5_000 }), { timeoutMs: 50 }],
      [() => ({ destroySocket: true }), {}],
    ];
    for (const [script, options] of scripts) {
      const { provider } = await setup(script, { maxRetries: 0, ...options });
      const error = (await thrown(() => provider.rewrite(request))) as unknown as Error & { hint?: string };
      const seen = [error.message, error.hint ?? "", String(error.cause ?? ""), JSON.stringify(error), String(error.stack)].join("\n");
      expect(seen).not.toContain(KEY);
      expect(seen).not.toContain("SECRET");
    }
    const { provider } = await setup([], { apiKey: `${KEY}\n` + "é" });
    const bad = await thrown(() => provider.rewrite(request));
    expect(bad).toMatchObject({ code: "provider-auth" });
    expect(bad.message).not.toContain("SECRET");
  });
});

describe("choosing the openai-compatible provider", () => {
  it("needs a base URL and a model (exit 2, French), takes the key from OPENAI_API_KEY", async () => {
    const noUrl = await thrown(() => chooseProvider({ requested: "openai-compatible", model: "m", env: {}, ruleSet, prompt }));
    expect(noUrl).toMatchObject({ code: "provider-no-base-url", exitCode: 2 });
    expect(noUrl.message).toBe("--base-url est obligatoire avec --provider openai-compatible (par exemple http://localhost:11434/v1 pour Ollama).");
    const noModel = await thrown(() => chooseProvider({ requested: "openai-compatible", baseURL: "http://localhost:11434/v1", env: {}, ruleSet, prompt }));
    expect(noModel).toMatchObject({ code: "provider-no-model", exitCode: 2 });
    const badUrl = await thrown(() => chooseProvider({ requested: "openai-compatible", baseURL: "localhost:11434", model: "m", env: {}, ruleSet, prompt }));
    expect(badUrl).toMatchObject({ code: "provider-bad-base-url", exitCode: 2 });

    const mock = await startMockOpenAi([], { apiKey: KEY });
    servers.push(mock);
    const env = { OPENAI_BASE_URL: `${mock.url}/v1`, FALC_MODEL: "mistral-large-latest", OPENAI_API_KEY: KEY };
    const { provider, notice } = await chooseProvider({ requested: "openai-compatible", env, ruleSet, prompt });
    expect(notice).toBeUndefined();
    expect(provider.name).toBe("openai-compatible");
    expect(provider.model).toBe("mistral-large-latest");
    await provider.rewrite(request);
    expect(mock.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(mock.requests[0]!.body.model).toBe("mistral-large-latest");
  });
});

const DOCUMENT = [
  "# Livret d'accueil",
  "",
  "## Les repas",
  "",
  "Le prix du repas est fixé à 7,50 € ; il est révisé chaque année au 1er janvier.",
  "",
  "## Les visites",
  "",
  "Les visites sont autorisées de 10 h 00 à 19 h 30, tous les jours de la semaine.",
  "",
].join("\n");

describe("falc convert with --provider openai-compatible (local server)", () => {
  it("rewrites every section through the server and writes the outputs", async () => {
    const mock = await startMockOpenAi();
    servers.push(mock);
    const input = tmp.write("livret.md", DOCUMENT);
    const out = join(tmp.dir, "out");
    const outcome = await convertFiles([input], { provider: "openai-compatible", baseURL: `${mock.url}/v1`, model: "mistral-small", env: {}, out, cacheDir: join(tmp.dir, "cache") });
    expect(outcome.exitCode).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["falc-manifest.json", "livret.falc.docx", "livret.falc.json", "livret.falc.md", "livret.relecture.docx"]);
    const report = JSON.parse(readFileSync(join(out, "livret.falc.json"), "utf8"));
    expect(report.provider).toBe("openai-compatible");
    expect(report.model).toBe("mistral-small");
    expect(report.usage.requests).toBe(mock.requests.length);
    expect(mock.requests.length).toBeGreaterThanOrEqual(2);
    for (const sent of mock.requests) {
      expect(sent.path).toBe("/v1/chat/completions");
      expect(sent.headers).not.toHaveProperty("authorization");
    }
    const markdown = readFileSync(join(out, "livret.falc.md"), "utf8");
    expect(markdown).toContain("7,50 €");
    expect(markdown).toContain("19 h 30");
  });

  it("takes --provider openai-compatible and --base-url on the command line, and says when the address is missing", async () => {
    for (const name of ["OPENAI_BASE_URL", "OPENAI_API_KEY", "FALC_MODEL"]) vi.stubEnv(name, undefined);
    const mock = await startMockOpenAi();
    servers.push(mock);
    const input = tmp.write("cli.md", DOCUMENT);
    const out = join(tmp.dir, "cli-out");
    const cache = join(tmp.dir, "cli-cache");
    const missing = await runCli("convert", input, "--provider", "openai-compatible", "--model", "llama3.1:8b", "-o", out, "--cache-dir", cache, "-q");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--base-url est obligatoire avec --provider openai-compatible (par exemple http://localhost:11434/v1 pour Ollama)");
    expect(mock.requests).toHaveLength(0);
    const run = await runCli("convert", input, "--provider", "openai-compatible", "--base-url", `${mock.url}/v1`, "--model", "llama3.1:8b", "-o", out, "--cache-dir", cache, "-q");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(mock.requests.length).toBeGreaterThanOrEqual(2);
    expect(mock.requests.every((r) => r.body.model === "llama3.1:8b")).toBe(true);
    expect(JSON.parse(readFileSync(join(out, "cli.falc.json"), "utf8")).provider).toBe("openai-compatible");
  });
});
