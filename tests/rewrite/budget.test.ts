import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { applyConfig, validateConfig } from "../../src/config/config.js";
import { loadRuleSet } from "../../src/config/ruleset.js";
import { isFalcError } from "../../src/errors.js";
import { ingestFile } from "../../src/ingest/index.js";
import type { FalcDocument } from "../../src/model/types.js";
import { boundCost, checkSectionCount, createRunBudget, dollars, requestBound, withBudget, type RunBudget } from "../../src/rewrite/budget.js";
import { SectionCache } from "../../src/rewrite/cache.js";
import { convertDocument } from "../../src/rewrite/pipeline.js";
import { buildPrompt } from "../../src/rewrite/prompt.js";
import { costOf, mergePrices, priceOf, type ModelPrice } from "../../src/rewrite/providers/anthropic-models.js";
import { chooseProvider } from "../../src/rewrite/providers/index.js";
import type { RewriteProvider } from "../../src/rewrite/types.js";
import { startMockAnthropic, wellBehavedRewrite, type MockAnthropic, type MockOptions, type MockScript } from "../helpers/mock-anthropic.js";
import { startMockOpenAi, type MockOpenAi } from "../helpers/mock-openai.js";
import { tempDir, thrown } from "../helpers/temp.js";

const tmp = tempDir("falc-budget-");
const KEY = "sk-ant-budget-test";
const SONNET = "claude-sonnet-5-5";
const SONNET_PRICE = priceOf(SONNET)!;
const ruleSet = loadRuleSet();
const prompt = buildPrompt(ruleSet);

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A règlement with `count` articles, each with its own facts (so that no two sections share a cache entry). */
async function reglement(name: string, count: number): Promise<FalcDocument> {
  const articles = Array.from({ length: count }, (_, i) => [
    `## Article ${i + 1} – Visites et repas`,
    "",
    `Le résident peut recevoir des visites de ${8 + (i % 4)} h à 19 h. Le repas d'un invité coûte ${i + 7} euros et se réserve ${i + 2} jours avant.`,
    "",
  ]);
  const path = tmp.write(`${name}.md`, ["# Règlement de fonctionnement", "", ...articles.flat()].join("\n"));
  return ingestFile(path);
}

async function anthropic(script: MockScript = [], options: MockOptions = {}): Promise<{ mock: MockAnthropic; provider: RewriteProvider }> {
  const mock = await startMockAnthropic(script, { apiKey: KEY, ...options });
  servers.push(mock);
  const env = { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: mock.url };
  const { provider } = await chooseProvider({ requested: "anthropic", model: SONNET, env, ruleSet, prompt });
  return { mock, provider };
}

/** Every answer reports this usage: costs known in advance, whatever the size of the system prompt. */
const FIXED_USAGE = { input_tokens: 1_000, output_tokens: 500, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 };
const fixedUsage: MockScript = (request) => ({ rewrite: wellBehavedRewrite(request), usage: FIXED_USAGE });

function run(document: FalcDocument, provider: RewriteProvider, budget: RunBudget, extra: { cache?: SectionCache; concurrency?: number } = {}) {
  return convertDocument(document, { provider: withBudget(provider, budget, { prompt }), ruleSet, prompt, maxRepairs: 0, concurrency: extra.concurrency ?? 1, ...(extra.cache ? { cache: extra.cache } : {}) });
}

/** The worst case reserved for a section's first call; `prefixCached` once the provider reported its prompt cache. */
function firstBound(document: FalcDocument, sectionIndex: number, price: ModelPrice = SONNET_PRICE, prefixCached = false): number {
  const section = document.sections[sectionIndex]!;
  return boundCost(requestBound({ documentTitle: document.title, sectionIndex, sectionTitle: section.title, text: section.text }, prompt), price, { prefixCached });
}

function cacheEntries(dir: string): { result: { title: string }; usage: Parameters<typeof costOf>[0] }[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith(".json"))
    .map((file) => (JSON.parse(readFileSync(join(dir, file), "utf8")) as { value: { result: { title: string }; usage: Parameters<typeof costOf>[0] } }).value);
}

const budgetMessage = (max: number) =>
  new RegExp(`^Budget atteint : (\\d+,\\d+) \\$ dépensés sur ${dollars(max)} \\$ \\(--max-cost\\)\\. La section « (.+) » pourrait coûter jusqu’à (\\d+,\\d+) \\$ : elle n’a pas été envoyée\\.$`);

describe("--max-cost through the real SDK and the local Messages API server", () => {
  it("stops before the request that could take the run past the budget, and a bigger budget finishes from the cache", async () => {
    const document = await reglement("stop", 12);
    const { mock, provider } = await anthropic();
    const cache = new SectionCache(tmp.path("stop-cache"));
    // Room for the first call's worst case (the prompt cache still to write) and a little more.
    const maxCost = 1.25 * firstBound(document, 1);
    const budget = createRunBudget({ maxCost });

    const error = await thrown(() => run(document, provider, budget, { cache }));
    expect(error.code).toBe("budget-exceeded");
    expect(error.exitCode).toBe(3);
    const match = budgetMessage(maxCost).exec(error.message);
    expect(match, error.message).not.toBeNull();
    expect(error.hint).toBe("Les sections déjà réécrites sont gardées en cache : relancez avec un budget plus élevé pour finir.");

    const spent = budget.spent;
    // It stopped part-way, never past the budget, and the refused section was never sent.
    expect(spent.calls).toBeGreaterThan(0);
    expect(spent.calls).toBeLessThan(12);
    expect(spent.refused).toBe(1);
    expect(mock.requests).toHaveLength(spent.calls);
    expect(spent.cost).toBeLessThanOrEqual(maxCost);
    expect(Number(match![1]!.replace(",", "."))).toBeCloseTo(spent.cost, 3);
    // The refusal was needed: what was spent plus that section's worst case is past the budget.
    const refused = document.sections.find((s) => s.title === match![2])!;
    expect(spent.cost + firstBound(document, refused.index, SONNET_PRICE, true)).toBeGreaterThan(maxCost);

    // The figures are the server's: the usage it reported, as the cache recorded it, at Sonnet 5.5's price.
    const entries = cacheEntries(cache.dir);
    expect(entries).toHaveLength(spent.calls);
    const recomputed = entries.reduce((sum, entry) => sum + costOf(entry.usage, SONNET_PRICE), 0);
    expect(recomputed).toBeCloseTo(spent.cost, 10);
    // Each call cost less than the worst case reserved for it: the call that wrote the prompt cache was
    // reserved at the cache-write price, the later ones at the cache-read price.
    expect(entries.filter((entry) => entry.usage.cache_creation_input_tokens > 0)).toHaveLength(1);
    for (const entry of entries) {
      const section = document.sections.find((s) => s.title === entry.result.title)!;
      expect(costOf(entry.usage, SONNET_PRICE)).toBeLessThan(firstBound(document, section.index, SONNET_PRICE, entry.usage.cache_creation_input_tokens === 0));
    }

    const sentBefore = mock.requests.length;
    const rest = await run(document, provider, createRunBudget({ maxCost: 1 }), { cache });
    expect(rest.sections.filter((s) => s.cached)).toHaveLength(spent.calls);
    expect(mock.requests.length - sentBefore).toBe(12 - spent.calls);
  });

  it("holds the worst case of requests in flight: concurrent sections cannot overspend together", async () => {
    const document = await reglement("concurrent", 12);
    const bound = firstBound(document, 1);
    const { mock: free, provider: unlimited } = await anthropic([], { hold: true });
    const ample = run(document, unlimited, createRunBudget({ maxCost: 100 }), { concurrency: 4 });
    // With room to spare, the four workers are at the server together before any is answered.
    await free.whenHeld(4);
    free.release();
    await ample;
    expect(free.maxInFlight).toBe(4);
    // Room for one request's worst case, not two: of 4 workers, one goes out at first, and the others
    // wait for it (and for the prompt cache it fills) instead of stopping the run.
    const { mock, provider } = await anthropic([], { delayMs: 50 });
    const maxCost = bound * 1.5;
    const budget = createRunBudget({ maxCost });
    const outcome = await run(document, provider, budget, { concurrency: 4 }).catch((error: unknown) => error);
    expect(mock.maxInFlight).toBeLessThan(4);
    expect(budget.spent.calls).toBeGreaterThan(1);
    expect(mock.requests).toHaveLength(budget.spent.calls);
    expect(budget.spent.cost).toBeLessThanOrEqual(maxCost);
    if (budget.spent.calls < 12) expect((outcome as { code?: string }).code).toBe("budget-exceeded");
  });

  it("is one budget for the whole run: a second document is refused with what the first spent", async () => {
    const first = await reglement("shared-1", 3);
    const second = await reglement("shared-2", 3);
    const { mock, provider } = await anthropic(fixedUsage);
    const perCall = costOf(FIXED_USAGE, SONNET_PRICE);
    // Enough for the 3 calls of the first document, and for the second one's first call on its own.
    const maxCost = 3 * perCall + firstBound(second, 1) - perCall / 2;
    expect(firstBound(second, 1)).toBeLessThan(maxCost);
    const budget = createRunBudget({ maxCost });
    const done = await run(first, provider, budget);
    expect(done.usage.requests).toBe(3);
    expect(budget.spent.cost).toBeCloseTo(3 * perCall, 12);
    const error = await thrown(() => run(second, provider, budget));
    expect(error.code).toBe("budget-exceeded");
    expect(mock.requests).toHaveLength(3);
  });

  it("prices an openai-compatible model from the configuration's `prices`, and refuses --max-cost without one", async () => {
    const mock: MockOpenAi = await startMockOpenAi([]);
    servers.push(mock);
    const { provider } = await chooseProvider({ requested: "openai-compatible", model: "mistral-small-latest", baseURL: `${mock.url}/v1`, env: {}, ruleSet, prompt });

    const unknown = await thrown(async () => withBudget(provider, createRunBudget({ maxCost: 1 }), { prompt }));
    expect(unknown.code).toBe("price-unknown");
    expect(unknown.exitCode).toBe(2);
    expect(unknown.message).toContain("« mistral-small-latest »");
    expect(unknown.hint).toContain("« prices » dans falc.config.json");
    expect(unknown.hint).toContain('"mistral-small-latest": { "input"');
    expect(mock.requests).toHaveLength(0);

    const config = validateConfig({ prices: { "Mistral-Small-Latest": { input: 0.2, output: 0.6 } } }, "falc.config.json", ruleSet);
    const budget = createRunBudget({ maxCost: 1 });
    const document = await reglement("mistral", 2);
    const result = await convertDocument(document, { provider: withBudget(provider, budget, { prompt, prices: mergePrices(config.prices) }), ruleSet, prompt, maxRepairs: 0 });
    expect(result.usage.requests).toBe(2);
    // Cached tokens cost the input price when the configuration gives no cache price.
    expect(budget.spent.cost).toBeCloseTo(costOf(result.usage, { input: 0.2, output: 0.6, cacheRead: 0.2, cacheWrite: 0.2 }), 12);
    expect(budget.spent.cost).toBeGreaterThan(0);
  });

  it("never stops the offline provider, which costs nothing", async () => {
    const { provider } = await chooseProvider({ requested: "offline", env: {}, ruleSet, prompt });
    const budget = createRunBudget({ maxCost: 1e-9, maxTokensPerRun: 1 });
    expect(withBudget(provider, budget, { prompt })).toBe(provider);
    const result = await run(await reglement("offline", 3), provider, budget);
    expect(result.sections.filter((s) => s.falc.includes("euros") || s.falc.includes("€"))).toHaveLength(3);
    expect(budget.spent.calls).toBe(0);
  });
});

describe("the run budget", () => {
  const dollarsOnly = (cost: number) => () => ({ cost, tokens: 0 });

  it("stops for good once a call is refused: a smaller call after it is refused too", async () => {
    const budget = createRunBudget({ maxCost: 0.5 });
    (await budget.reserve(dollarsOnly(0.4), "Article 1"))({ cost: 0.3, tokens: 0 });
    await expect(budget.reserve(dollarsOnly(0.25), "Article 2")).rejects.toThrow("Budget atteint : 0,30 $ dépensés sur 0,50 $ (--max-cost). La section « Article 2 » pourrait coûter jusqu’à 0,25 $ : elle n’a pas été envoyée.");
    await expect(budget.reserve(dollarsOnly(0.01), "Article 3")).rejects.toThrow("Budget atteint");
    expect(budget.spent).toEqual({ cost: 0.3, tokens: 0, calls: 1, refused: 2 });
  });

  it("makes a call wait for a running one when only the reservations are in the way, then decides on the real cost", async () => {
    const budget = createRunBudget({ maxCost: 0.5 });
    const first = await budget.reserve(dollarsOnly(0.3), "Article 1");
    let second: ((real: { cost: number; tokens: number }) => void) | undefined;
    const waiting = budget.reserve(dollarsOnly(0.3), "Article 2").then((settle) => (second = settle));
    await Promise.resolve();
    expect(second).toBeUndefined(); // 0,30 $ held + 0,30 $ > 0,50 $: it waits
    first({ cost: 0.1, tokens: 0 });
    await waiting;
    expect(second).toBeDefined(); // 0,10 $ spent + 0,30 $ ≤ 0,50 $: it goes
    // A third waits for the second, whose real cost then leaves no room: refused, with what was spent.
    const third = budget.reserve(dollarsOnly(0.3), "Article 3");
    second!({ cost: 0.25, tokens: 0 });
    await expect(third).rejects.toThrow("Budget atteint : 0,35 $ dépensés sur 0,50 $ (--max-cost). La section « Article 3 »");
  });

  it("takes a configuration's limits only where the command line set none, the lowest of them winning", () => {
    const budget = createRunBudget({ maxCost: 2 });
    budget.adopt({ maxCost: 0.5, maxTokensPerRun: 90_000 });
    budget.adopt({ maxTokensPerRun: 50_000 });
    budget.adopt({ maxTokensPerRun: 70_000 });
    expect(budget.limits).toEqual({ maxCost: 2, maxTokensPerRun: 50_000 });
  });

  it("refuses an unpriced model at its first call when --max-cost comes from a document's configuration", async () => {
    const mock: MockOpenAi = await startMockOpenAi([]);
    servers.push(mock);
    const { provider } = await chooseProvider({ requested: "openai-compatible", model: "albert-large", baseURL: `${mock.url}/v1`, env: {}, ruleSet, prompt });
    const budget = createRunBudget();
    const held = withBudget(provider, budget, { prompt });
    const document = await reglement("albert", 2);
    await convertDocument(document, { provider: held, ruleSet, prompt, maxRepairs: 0 });
    expect(budget.spent.calls).toBe(2);
    expect(budget.spent.tokens).toBeGreaterThan(0);
    budget.adopt({ maxCost: 1 });
    const other = await reglement("albert-2", 2);
    const error = await thrown(() => convertDocument(other, { provider: held, ruleSet, prompt, maxRepairs: 0 }));
    expect(error.code).toBe("price-unknown");
    expect(error.exitCode).toBe(2);
    expect(mock.requests).toHaveLength(2);
  });
});

describe("--max-tokens-per-run", () => {
  it("stops before a request whose worst case would go past the limit, without needing a price", async () => {
    const mock: MockOpenAi = await startMockOpenAi([]);
    servers.push(mock);
    const { provider } = await chooseProvider({ requested: "openai-compatible", model: "llama3.1:8b", baseURL: `${mock.url}/v1`, env: {}, ruleSet, prompt });
    const document = await reglement("tokens", 6);
    const section = document.sections[1]!;
    const bound = requestBound({ documentTitle: document.title, sectionIndex: 1, sectionTitle: section.title, text: section.text }, prompt);
    const limit = Math.ceil((bound.prefixTokens + bound.messageTokens + bound.outputTokens) * 1.8);
    const budget = createRunBudget({ maxTokensPerRun: limit });
    const error = await thrown(() => run(document, provider, budget));
    expect(error.code).toBe("budget-exceeded");
    expect(error.exitCode).toBe(3);
    expect(error.message).toMatch(/^Limite de jetons atteinte : [\d ]+ jetons utilisés sur [\d ]+ \(--max-tokens-per-run\)\./);
    expect(budget.spent.tokens).toBeLessThanOrEqual(limit);
    expect(budget.spent.calls).toBeGreaterThan(0);
    expect(mock.requests).toHaveLength(budget.spent.calls);
  });
});

describe("--max-sections", () => {
  it("refuses a document with more sections, naming the file and the flag (exit 2)", async () => {
    const document = await reglement("sections", 5);
    const path = document.source.path;
    expect(() => checkSectionCount(path, document.sections.length, 6)).not.toThrow();
    expect(() => checkSectionCount(path, document.sections.length, undefined)).not.toThrow();
    let error: unknown;
    try {
      checkSectionCount(path, document.sections.length, 4);
    } catch (e) {
      error = e;
    }
    expect(isFalcError(error)).toBe(true);
    if (!isFalcError(error)) return;
    expect(error.code).toBe("too-many-sections");
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(`${path} : 6 sections, plus que la limite de 4 (--max-sections). Aucune section n’a été envoyée.`);
  });
});

describe("prices and limits in falc.config.json", () => {
  const file = "falc.config.json";
  const invalid = (raw: unknown) => {
    try {
      validateConfig(raw, file, ruleSet);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error("expected the configuration to be refused");
  };

  it("reads prices (per million tokens, cached tokens at the input price by default) and limits", () => {
    const config = validateConfig(
      { prices: { "albert-large": { input: 0, output: 0 }, "mistral-medium": { input: 0.4, output: 2, cacheRead: 0.04, cacheWrite: 0.5 } }, limits: { maxCost: 2.5, maxTokensPerRun: 1_000_000, maxSections: 80 } },
      file,
      ruleSet,
    );
    expect(config.prices["albert-large"]).toEqual({ input: 0, output: 0, cacheRead: 0, cacheWrite: 0 });
    expect(priceOf("mistral-medium", mergePrices(config.prices))).toEqual({ input: 0.4, output: 2, cacheRead: 0.04, cacheWrite: 0.5 });
    expect(priceOf(SONNET, mergePrices(config.prices))).toEqual(SONNET_PRICE);
    expect(config.limits).toEqual({ maxCost: 2.5, maxTokensPerRun: 1_000_000, maxSections: 80 });
  });

  it("lets the configuration override a built-in price", () => {
    const config = validateConfig({ prices: { [SONNET]: { input: 1, output: 5 } } }, file, ruleSet);
    expect(priceOf(`${SONNET}-20260901`, mergePrices(config.prices))?.output).toBe(5);
  });

  it("names what is wrong, in French", () => {
    expect(invalid({ prices: { m: { input: 1 } } })).toBe("falc.config.json : « prices.m.output » doit être un nombre positif ou nul : le prix en dollars pour un million de jetons (obligatoire).");
    expect(invalid({ prices: { m: { input: -1, output: 1 } } })).toContain("« prices.m.input » doit être un nombre positif ou nul");
    expect(invalid({ prices: { m: { input: 1, output: 1, cache: 1 } } })).toContain("clé inconnue « prices.m.cache » (clés possibles : input, output, cacheRead, cacheWrite)");
    expect(invalid({ prices: { m: 3 } })).toContain("« prices.m » doit être un objet");
    expect(invalid({ prices: [] })).toContain("« prices » doit être un objet");
    expect(invalid({ limits: { maxCost: 0 } })).toContain("« limits.maxCost » doit être un nombre de dollars supérieur à 0 (reçu : 0)");
    expect(invalid({ limits: { maxSections: 2.5 } })).toContain("« limits.maxSections » doit être un entier positif (reçu : 2.5)");
    expect(invalid({ limits: { maxTokens: 10 } })).toContain("clé inconnue « limits.maxTokens »");
    expect(invalid({ price: {} })).toContain("clé inconnue « price » (vouliez-vous dire « prices » ?)");
  });

  it("keeps prices and limits out of the rules version, so changing a budget keeps the section cache", () => {
    const plain = applyConfig(ruleSet, validateConfig({ words: { "à compter de": "à partir de" } }, file, ruleSet));
    const budgeted = applyConfig(ruleSet, validateConfig({ words: { "à compter de": "à partir de" }, prices: { x: { input: 1, output: 1 } }, limits: { maxCost: 3 } }, file, ruleSet));
    expect(budgeted.effectiveVersion).toBe(plain.effectiveVersion);
  });
});

describe("falc convert --dry-run with a budget", () => {
  it("says whether the estimated cost goes past --max-cost, and names a document --max-sections would refuse", async () => {
    const { dryRun } = await import("../../src/commands/convert-dry-run.js");
    const path = (await reglement("dry", 6)).source.path;
    const within = await dryRun([path], { env: {}, maxCost: 100 });
    expect(within).toMatch(/Budget \(--max-cost 100,00 \$\) : le coût estimé \(~\d+,\d+ \$\) tient dans le budget/);
    const over = await dryRun([path], { env: {}, maxCost: 0.001, maxSections: 5 });
    expect(over).toMatch(/Budget \(--max-cost 0,001 \$\) : dépassé, le coût estimé \(~\d+,\d+ \$\) est plus élevé\./);
    expect(over).toContain("Refusé par --max-sections : 7 sections, plus que la limite de 5.");
    expect(await dryRun([path], { env: {}, maxCost: 0.001, provider: "offline" })).not.toContain("Budget");
  });

  it("prices an openai-compatible model from the configuration, or says how to", async () => {
    const { dryRun } = await import("../../src/commands/convert-dry-run.js");
    const path = (await reglement("dry-mistral", 2)).source.path;
    const unpriced = await dryRun([path], { env: {}, provider: "openai-compatible", model: "mistral-small-latest", maxCost: 1 });
    expect(unpriced).toContain("prix du modèle mistral-small-latest inconnu (ajoutez-le sous « prices » dans falc.config.json)");
    expect(unpriced).toContain("Budget (--max-cost 1,00 $) : prix inconnu, la conversion serait refusée.");
    const configPath = tmp.write("dry.config.json", JSON.stringify({ prices: { "mistral-small-latest": { input: 0.1, output: 0.3 } } }));
    const priced = await dryRun([path], { env: {}, provider: "openai-compatible", model: "mistral-small-latest", configPath });
    expect(priced).toMatch(/~\d+,\d\d \$ avec mistral-small-latest\./);
    expect(priced).toMatch(/Coût total estimé : ~\d+,\d\d \$/);
  });
});
