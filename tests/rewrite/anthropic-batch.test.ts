import Anthropic from "@anthropic-ai/sdk";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadRuleSet } from "../../src/config/ruleset.js";
import { ingestFile } from "../../src/ingest/index.js";
import { convertDocument } from "../../src/rewrite/pipeline.js";
import { buildPrompt, sectionOfUserMessage } from "../../src/rewrite/prompt.js";
import { ANTHROPIC_DEFAULTS, createAnthropicProvider, DEFAULT_ANTHROPIC_MODEL } from "../../src/rewrite/providers/anthropic.js";
import { createAnthropicBatchProvider, type AnthropicBatchOptions } from "../../src/rewrite/providers/anthropic-batch.js";
import { estimateCost } from "../../src/rewrite/providers/anthropic-models.js";
import { customIdOf, splitIntoBatches } from "../../src/rewrite/providers/batch/plan.js";
import { addUsage, NO_USAGE, type BatchProgress, type RewriteRequest, type RewriteResult, type Usage } from "../../src/rewrite/types.js";
import { startMockAnthropic, wellBehavedRewrite, type MockAnthropic, type MockOptions, type MockReply, type MockScript } from "../helpers/mock-anthropic.js";
import { tempDir, thrown } from "../helpers/temp.js";

const KEY = "sk-ant-test-SECRET-BATCH-5678";
const ruleSet = loadRuleSet();
const prompt = buildPrompt(ruleSet);
const tmp = tempDir("falc-batch-");

const TEXTS = ["Vous mangez à midi.", "Vous dormez dans votre chambre.", "Votre famille vient le dimanche.", "Le repas coûte 8 euros.", "Le médecin passe le lundi."];
const requestOf = (text: string, index: number): RewriteRequest => ({ documentTitle: "Livret d'accueil", sectionIndex: index, sectionTitle: `Partie ${index + 1}`, text });
const REQUESTS = TEXTS.map(requestOf);

const servers: MockAnthropic[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

let runs = 0;
async function setup(script: MockScript = [], mockOptions: MockOptions = {}, options: Partial<AnthropicBatchOptions> = {}) {
  const mock = await startMockAnthropic(script, { apiKey: KEY, ...mockOptions });
  servers.push(mock);
  const stateDir = join(tmp.dir, `state-${++runs}`);
  const progress: BatchProgress[] = [];
  const warnings: string[] = [];
  const make = (extra: Partial<AnthropicBatchOptions> = {}) =>
    createAnthropicBatchProvider({
      apiKey: KEY,
      baseURL: mock.url,
      model: DEFAULT_ANTHROPIC_MODEL,
      prompt,
      env: {},
      stateDir,
      pollIntervalMs: 2,
      idleMs: 20,
      onProgress: (p) => progress.push(p),
      onWarning: (w) => warnings.push(w),
      ...options,
      ...extra,
    });
  return { mock, provider: make(), make, stateDir, progress, warnings };
}

const creates = (mock: MockAnthropic) => mock.requests.filter((r) => r.method === "POST" && r.path === "/v1/messages/batches");
const retrieves = (mock: MockAnthropic) => mock.requests.filter((r) => r.method === "GET" && /^\/v1\/messages\/batches\/[^/]+$/.test(r.path));
const stateFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith(".batch.json"));
const readState = (dir: string) => stateFiles(dir).map((name) => JSON.parse(readFileSync(join(dir, name), "utf8")));
const sectionTitleOf = (userText: string) => sectionOfUserMessage(userText)?.sectionTitle;

describe("anthropic batch provider over HTTP (real SDK, local server)", () => {
  it("sends N sections as one batch of N requests, records it before polling, and gives each section its own answer", async () => {
    const { mock, make, stateDir, progress } = await setup();
    const recordedAtSubmit: unknown[] = [];
    const provider = make({
      onProgress: (p) => {
        progress.push(p);
        if (p.state === "submitted") recordedAtSubmit.push(...readState(stateDir));
      },
    });
    expect(provider.name).toBe("anthropic");
    const responses = await Promise.all(REQUESTS.map((request) => provider.rewrite(request)));

    expect(creates(mock)).toHaveLength(1);
    const sent = creates(mock)[0]!.body.requests as { custom_id: string; params: any }[];
    expect(sent).toHaveLength(TEXTS.length);
    for (const item of sent) expect(item.custom_id).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(sent.map((item) => item.custom_id)).size).toBe(TEXTS.length);
    expect(mock.batchRequests.map((r) => sectionOfUserMessage(r.userText)?.text)).toEqual(TEXTS);
    responses.forEach((response, index) => {
      expect(response.result.blocks).toEqual([{ type: "paragraph", sentences: [TEXTS[index]] }]);
      expect(response.result.title).toBe(`Partie ${index + 1}`);
      expect(response.usage).toMatchObject({ requests: 1, batch: true });
      expect(response.usage.output_tokens).toBeGreaterThan(0);
    });

    // Recorded right after create returned, before the first poll.
    const id = mock.batches.created[0]!;
    expect(recordedAtSubmit).toEqual([{ format: 1, id, created_at: expect.any(String), model: DEFAULT_ANTHROPIC_MODEL, custom_ids: sent.map((item) => item.custom_id) }]);
    expect(progress[0]).toEqual({ id, state: "submitted", done: 0, total: TEXTS.length });
    expect(progress.at(-1)).toEqual({ id, state: "ended", done: TEXTS.length, total: TEXTS.length });
    expect(progress.slice(1, -1).every((p) => p.state === "polling")).toBe(true);
  });

  it("sends, inside the batch, exactly the request the direct provider sends", async () => {
    const { mock, provider } = await setup();
    await provider.rewrite(REQUESTS[0]!);
    const direct = createAnthropicProvider({ apiKey: KEY, baseURL: mock.url, prompt, env: {} });
    await direct.rewrite(REQUESTS[0]!);
    const viaDirect = mock.requests.find((r) => r.path === "/v1/messages")!.body;
    expect(creates(mock)[0]!.body.requests[0].params).toEqual(viaDirect);
  });

  it("runs a repair round as a second batch holding only the sections that needed a repair", async () => {
    const text = (i: number) => `Le résident peut recevoir des visites de ${8 + i} h à 19 h. Le repas d'un invité coûte ${i + 7} euros.`;
    const markdown = ["# Règlement", "", ...[0, 1, 2, 3, 4].flatMap((i) => [`## Article ${i + 1}`, "", text(i), ""])].join("\n");
    const document = await ingestFile(tmp.write("reglement.md", markdown));
    // Articles 2 and 4 lose their price in the first answer: the fidelity guard asks for a repair.
    const tampered = new Set(["Article 2", "Article 4"]);
    const script: MockScript = (request) => {
      const rewrite = wellBehavedRewrite(request);
      const firstAnswer = !request.userText.includes("Voici ta réponse précédente");
      if (!firstAnswer || !tampered.has(sectionTitleOf(request.userText) ?? "")) return { rewrite };
      return { rewrite: dropSentencesWith(rewrite, "euros") };
    };
    const { mock, provider } = await setup(script);
    const result = await convertDocument(document, { provider, ruleSet, prompt, concurrency: Infinity, maxRepairs: 1 });

    const sent = creates(mock).map((r) => (r.body.requests as { params: any }[]).map((item) => sectionTitleOf(item.params.messages[0].content)));
    expect(sent).toHaveLength(2);
    expect(sent[0]!.sort()).toEqual(["Article 1", "Article 2", "Article 3", "Article 4", "Article 5"]);
    expect(sent[1]!.sort()).toEqual(["Article 2", "Article 4"]);
    expect(result.sections.filter((s) => s.repairs > 0).map((s) => s.title)).toEqual(["Article 2", "Article 4"]);
    expect(result.sections.flatMap((s) => s.facts.missing)).toEqual([]);
    expect(result.sections.find((s) => s.title === "Article 4")!.falc).toContain("10 euros");
    expect(result.usage.batch).toBe(true);
    expect(result.usage.requests).toBe(7);
  });

  it("stops polling when aborted; a new run with the same state folder resumes the same batch and pays nothing twice", async () => {
    const { mock, provider, make, stateDir, progress } = await setup([], { batches: { hold: true } });
    const controller = new AbortController();
    const pending = REQUESTS.slice(0, 3).map((request) => provider.rewrite(request, { signal: controller.signal }));
    await until(() => progress.some((p) => p.state === "polling"));
    controller.abort(new Error("interrompu"));
    for (const promise of pending) await expect(promise).rejects.toThrow("interrompu");
    const id = mock.batches.created[0]!;
    expect(stateFiles(stateDir)).toEqual([`${id}.batch.json`]);

    // The batch went on server-side; the next run finds it through the state folder.
    mock.batches.release();
    const pollsBefore = retrieves(mock).length;
    const resumedProgress: BatchProgress[] = [];
    const again = make({ onProgress: (p) => resumedProgress.push(p) });
    const responses = await Promise.all(REQUESTS.slice(0, 3).map((request) => again.rewrite(request)));
    expect(creates(mock)).toHaveLength(1);
    expect(mock.batchRequests).toHaveLength(3);
    expect(retrieves(mock).slice(pollsBefore).map((r) => r.path)).toContain(`/v1/messages/batches/${id}`);
    expect(resumedProgress[0]).toMatchObject({ id, state: "resumed", total: 3 });
    expect(resumedProgress.at(-1)).toEqual({ id, state: "ended", done: 3, total: 3 });
    expect(responses.map((r) => r.result.blocks[0])).toEqual(TEXTS.slice(0, 3).map((t) => ({ type: "paragraph", sentences: [t] })));

    // Aborted before its batch went out: nothing is sent.
    const gone = new AbortController();
    gone.abort(new Error("annulé"));
    await expect(again.rewrite(REQUESTS[4]!, { signal: gone.signal })).rejects.toThrow("annulé");
    const queued = new AbortController();
    const waiting = again.rewrite(REQUESTS[4]!, { signal: queued.signal });
    queued.abort(new Error("annulé"));
    await expect(waiting).rejects.toThrow("annulé");
    expect(creates(mock)).toHaveLength(1);
  });

  it("records a batch whose create was under way when the run was aborted, so that the next run resumes it", async () => {
    const { mock, provider, make, stateDir } = await setup([], { batches: { hold: true } });
    const controller = new AbortController();
    const pending = provider.rewrite(REQUESTS[0]!, { signal: controller.signal });
    await until(() => creates(mock).length === 1);
    controller.abort(new Error("interrompu"));
    await expect(pending).rejects.toThrow("interrompu");
    await provider.whenRecorded();
    expect(stateFiles(stateDir)).toEqual([`${mock.batches.created[0]}.batch.json`]);
    mock.batches.release();
    await make().rewrite(REQUESTS[0]!);
    expect(creates(mock)).toHaveLength(1);
  });

  it("keeps polling through passing failures of a status check, and gives up on a lasting one", async () => {
    let failures = 0;
    const flaky = await setup([], { batches: { fault: (endpoint) => (endpoint === "retrieve" && failures++ < 3 ? { status: 503 } : undefined) } }, { maxRetries: 0 });
    await flaky.provider.rewrite(REQUESTS[0]!);
    expect(retrieves(flaky.mock).length).toBeGreaterThan(3);

    const locked = await setup([], { batches: { fault: (endpoint) => (endpoint === "retrieve" ? { status: 401 } : undefined) } });
    const error = await thrown(() => locked.provider.rewrite(REQUESTS[0]!));
    expect(error).toMatchObject({ code: "provider-auth", exitCode: 3 });
    expect(retrieves(locked.mock)).toHaveLength(1);
  });

  it("resumes only what the recorded batch holds: the other sections go into a new batch", async () => {
    const { mock, provider, make } = await setup();
    await Promise.all(REQUESTS.slice(0, 2).map((request) => provider.rewrite(request)));
    const again = make();
    const responses = await Promise.all(REQUESTS.map((request) => again.rewrite(request)));
    expect(creates(mock)).toHaveLength(2);
    expect(creates(mock)[1]!.body.requests).toHaveLength(3);
    expect(responses.map((r) => r.result.blocks[0])).toEqual(TEXTS.map((t) => ({ type: "paragraph", sentences: [t] })));
  });

  it("drops the record of a batch the server no longer knows (404) and sends its requests again", async () => {
    const { mock, provider, make, stateDir } = await setup();
    await provider.rewrite(REQUESTS[0]!);
    const [record] = readState(stateDir);
    rmSync(join(stateDir, stateFiles(stateDir)[0]!));
    writeFileSync(join(stateDir, "msgbatch_unknown.batch.json"), JSON.stringify({ ...record, id: "msgbatch_unknown" }));
    const response = await make().rewrite(REQUESTS[0]!);
    expect(retrieves(mock).map((r) => r.path)).toContain("/v1/messages/batches/msgbatch_unknown");
    expect(creates(mock)).toHaveLength(2);
    expect(stateFiles(stateDir)).not.toContain("msgbatch_unknown.batch.json");
    expect(response.result.blocks[0]).toEqual({ type: "paragraph", sentences: [TEXTS[0]] });
  });

  it("forgets batches whose results have expired (29 days) and sends their requests again", async () => {
    const { mock, provider, make, stateDir } = await setup();
    await provider.rewrite(REQUESTS[0]!);
    const later = make({ now: () => new Date(Date.now() + 30 * 24 * 3600 * 1000) });
    await later.rewrite(REQUESTS[0]!);
    expect(creates(mock)).toHaveLength(2);
    expect(stateFiles(stateDir)).toEqual([`${mock.batches.created[1]}.batch.json`]);
  });

  it("ignores a corrupt state file, with a warning, and never writes the key into the state folder", async () => {
    const { mock, provider, stateDir, warnings } = await setup();
    await provider.rewrite(REQUESTS[0]!);
    writeFileSync(join(stateDir, "msgbatch_torn.batch.json"), '{"format":1,"id":"msgbatch_to');
    writeFileSync(join(stateDir, "msgbatch_odd.batch.json"), JSON.stringify({ format: 1, id: "msgbatch_odd", created_at: "hier", model: "x", custom_ids: [] }));
    const response = await provider.rewrite(REQUESTS[1]!);
    expect(response.result.blocks[0]).toEqual({ type: "paragraph", sentences: [TEXTS[1]] });
    expect(creates(mock)).toHaveLength(2);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^Le fichier d’état de lot « .*msgbatch_(torn|odd)\.batch\.json » est illisible : il est ignoré\.$/);
    const written = readdirSync(stateDir).map((name) => readFileSync(join(stateDir, name), "utf8")).join("\n");
    expect(written).not.toContain(KEY);
    expect(written).not.toContain("SECRET");
  });
});

describe("results that are not an answer", () => {
  it("asks again with doubled max_tokens in the next batch when an answer is cut", async () => {
    const { mock, provider } = await setup([{ stopReason: "max_tokens" }, {}]);
    const response = await provider.rewrite(REQUESTS[0]!);
    expect(creates(mock)).toHaveLength(2);
    expect(mock.batchRequests.map((r) => r.body.max_tokens)).toEqual([ANTHROPIC_DEFAULTS.maxTokens, 2 * ANTHROPIC_DEFAULTS.maxTokens]);
    expect(mock.batchRequests[0]!.batch!.customId).not.toBe(mock.batchRequests[1]!.batch!.customId);
    expect(response.usage.requests).toBe(2);
  });

  it("asks again with the retry note when an answer is invalid, then fails with provider-invalid-answer", async () => {
    const ok = await setup([{ malformed: "Voici la section : …" }, {}]);
    await ok.provider.rewrite(REQUESTS[0]!);
    expect(ok.mock.batchRequests[1]!.userText).toContain("Ta réponse précédente n'a pas pu être utilisée :\n1. La réponse n'est pas du JSON valide");

    const bad = await setup(() => ({ malformed: { title: "Repas", blocks: [] } }));
    const error = await thrown(() => bad.provider.rewrite(REQUESTS[0]!));
    expect(creates(bad.mock)).toHaveLength(2);
    expect(error).toMatchObject({ code: "provider-invalid-answer", exitCode: 3 });
  });

  for (const outcome of ["expired", "canceled"] as const) {
    it(`sends ${outcome === "expired" ? "an expired" : "a canceled"} request again once in a new batch, then tells the user to run the command again`, async () => {
      const once = await setup([], { batches: { outcome: (r) => (r.index === 0 ? outcome : undefined) } });
      const response = await once.provider.rewrite(REQUESTS[0]!);
      expect(creates(once.mock)).toHaveLength(2);
      expect(once.mock.batchRequests[1]!.batch!.customId).toBe(once.mock.batchRequests[0]!.batch!.customId);
      expect(response.result.blocks[0]).toEqual({ type: "paragraph", sentences: [TEXTS[0]] });

      const always = await setup([], { batches: { outcome: () => outcome } });
      const error = await thrown(() => always.provider.rewrite(REQUESTS[0]!));
      expect(creates(always.mock)).toHaveLength(2);
      expect(error).toMatchObject({ code: `provider-batch-${outcome}`, exitCode: 3 });
      expect(error.message).toContain(`Le lot ${always.mock.batches.created[1]} a ${outcome === "expired" ? "expiré" : "été annulé"} avant de traiter la section « Partie 1 »`);
      expect(error.message).toContain("Relancez simplement la commande");

      // Run again: the recorded batch gave no answer, so the request goes into a new one.
      const rerun = await always.make().rewrite(REQUESTS[0]!).catch((e: unknown) => e);
      expect(rerun).toMatchObject({ code: `provider-batch-${outcome}` });
      expect(creates(always.mock)).toHaveLength(3);
    });
  }

  it("sends an overloaded request again once, then fails with provider-overloaded", async () => {
    const once = await setup([{ status: 529 }, {}]);
    await expect(once.provider.rewrite(REQUESTS[0]!)).resolves.toMatchObject({ usage: { requests: 1 } });
    expect(creates(once.mock)).toHaveLength(2);

    const always = await setup(() => ({ status: 500 }));
    const error = await thrown(() => always.provider.rewrite(REQUESTS[0]!));
    expect(creates(always.mock)).toHaveLength(2);
    expect(error).toMatchObject({ code: "provider-server-error", exitCode: 3 });
    expect(error.message).toContain(`Section « Partie 1 » (lot ${always.mock.batches.created[1]}) : Le service Anthropic a eu une erreur interne`);
  });

  it("fails an invalid request at once (exit 3) with the API's message, the key masked; the other sections get their answer", async () => {
    const { mock, provider } = await setup((r): MockReply => (r.userText.includes(TEXTS[1]!) ? { status: 400, message: `max_tokens: too large for Bearer ${KEY}` } : {}));
    const outcomes = await Promise.allSettled(REQUESTS.slice(0, 3).map((request) => provider.rewrite(request)));
    expect(creates(mock)).toHaveLength(1);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const error = (outcomes[1] as PromiseRejectedResult).reason as Error & { code: string; exitCode: number; cause?: Error };
    expect(error).toMatchObject({ code: "provider-bad-request", exitCode: 3 });
    expect(error.message).toBe(`Section « Partie 2 » (lot ${mock.batches.created[0]}) : Le service Anthropic a refusé la demande (erreur 400) : max_tokens: too large for Bearer [clé masquée].`);
    expect([error.message, String(error.cause), JSON.stringify(error)].join("\n")).not.toContain("SECRET");
  });

  it("retries a 429 on create as the SDK does, and maps a 500 that outlasts the retries", async () => {
    let faults = 0;
    const quick = await setup([], { batches: { fault: (endpoint) => (endpoint === "create" && faults++ === 0 ? { status: 429, headers: { "retry-after-ms": "1" } } : undefined) } });
    await quick.provider.rewrite(REQUESTS[0]!);
    expect(creates(quick.mock)).toHaveLength(2);
    expect(quick.mock.batches.created).toHaveLength(1);

    const down = await setup([], { batches: { fault: (endpoint) => (endpoint === "create" ? { status: 500, headers: { "retry-after-ms": "1" } } : undefined) } }, { maxRetries: 1 });
    const error = await thrown(() => down.provider.rewrite(REQUESTS[0]!));
    expect(error).toMatchObject({ code: "provider-server-error", exitCode: 3 });
    expect(error.message).toContain("après 2 essais");
  });
});

describe("the mock's batch endpoints, through the SDK", () => {
  it("cancels a running batch: it ends with every request canceled; it refuses an invalid custom_id", async () => {
    const { mock } = await setup([], { batches: { hold: true } });
    const client = new Anthropic({ apiKey: KEY, baseURL: mock.url, maxRetries: 0, logLevel: "off" });
    const params = { model: DEFAULT_ANTHROPIC_MODEL, max_tokens: 100, messages: [{ role: "user" as const, content: "Bonjour" }] };
    const batch = await client.messages.batches.create({ requests: [{ custom_id: "a", params }, { custom_id: "b", params }] });
    expect(batch).toMatchObject({ processing_status: "in_progress", results_url: null, request_counts: { processing: 2 } });
    expect(await client.messages.batches.cancel(batch.id)).toMatchObject({ processing_status: "canceling" });
    expect(await client.messages.batches.retrieve(batch.id)).toMatchObject({ processing_status: "ended", request_counts: { canceled: 2, processing: 0 } });
    const lines = [];
    for await (const line of await client.messages.batches.results(batch.id)) lines.push(line);
    expect(lines).toEqual([{ custom_id: "a", result: { type: "canceled" } }, { custom_id: "b", result: { type: "canceled" } }]);
    await expect(client.messages.batches.create({ requests: [{ custom_id: "pas valide !", params }] })).rejects.toMatchObject({ status: 400 });
  });
});

describe("batch pieces", () => {
  const usage: Usage = { requests: 2, input_tokens: 1_000_000, output_tokens: 100_000, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 };

  it("prices batch usage at half, and keeps the mark only while nothing standard-priced is added", () => {
    const batch: Usage = { ...usage, batch: true };
    expect(estimateCost(usage, DEFAULT_ANTHROPIC_MODEL)).toBeCloseTo(3);
    expect(estimateCost(batch, DEFAULT_ANTHROPIC_MODEL)).toBeCloseTo(1.5);
    expect(addUsage(NO_USAGE, batch)).toEqual({ ...usage, batch: true });
    expect(addUsage(batch, batch)).toMatchObject({ requests: 4, batch: true });
    expect(addUsage(batch, usage)).not.toHaveProperty("batch");
    expect(addUsage(usage, NO_USAGE)).not.toHaveProperty("batch");
  });

  it("derives the same custom_id from the same parameters, whatever their key order", () => {
    const id = customIdOf({ model: "m", max_tokens: 10, messages: [{ role: "user", content: "a" }] });
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(customIdOf({ messages: [{ content: "a", role: "user" }], max_tokens: 10, model: "m" })).toBe(id);
    expect(customIdOf({ model: "m", max_tokens: 20, messages: [{ role: "user", content: "a" }] })).not.toBe(id);
  });

  it("splits at the request count and at the size limit, in order", () => {
    const items = [5, 5, 5, 5, 5];
    expect(splitIntoBatches(items, (n) => n, { requests: 2, bytes: 1000 })).toEqual([[5, 5], [5, 5], [5]]);
    expect(splitIntoBatches(items, (n) => n, { requests: 100, bytes: 13 })).toEqual([[5, 5], [5, 5], [5]]);
    expect(splitIntoBatches([50, 1], (n) => n, { requests: 100, bytes: 10 })).toEqual([[50], [1]]);
    expect(splitIntoBatches([], (n: number) => n)).toEqual([]);
  });
});

function dropSentencesWith(rewrite: RewriteResult, word: string): RewriteResult {
  return {
    ...rewrite,
    blocks: rewrite.blocks.map((block) => (block.type === "paragraph" ? { ...block, sentences: block.sentences.filter((s) => !s.includes(word)) } : block)),
  };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 2));
}
