import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../helpers/cli.js";
import { startMockAnthropic, type MockAnthropic } from "../helpers/mock-anthropic.js";
import { startMockOpenAi, type MockOpenAi } from "../helpers/mock-openai.js";
import { tempDir } from "../helpers/temp.js";

/** `falc convert --max-cost / --max-tokens-per-run / --max-sections`, and the `limits` of falc.config.json. */

const tmp = tempDir("falc-limits-");
const KEY = "sk-ant-limits-test";
const CONTRACT = readFileSync(join(import.meta.dirname, "..", "..", "fixtures", "contrat-de-sejour.md"), "utf8");

let anthropic: MockAnthropic | undefined;
let openai: MockOpenAi | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await anthropic?.close();
  await openai?.close();
  anthropic = openai = undefined;
});

async function withAnthropic(): Promise<MockAnthropic> {
  anthropic = await startMockAnthropic([], { apiKey: KEY });
  vi.stubEnv("ANTHROPIC_API_KEY", KEY);
  vi.stubEnv("ANTHROPIC_BASE_URL", anthropic.url);
  vi.stubEnv("FALC_MODEL", "");
  return anthropic;
}

/** Each test in its own folder: a falc.config.json found there applies to that test only. */
function put(name: string, content: string): string {
  const path = tmp.path(name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

function cacheEntries(dir: string): number {
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(".json")).length : 0;
}

describe("--max-cost", () => {
  it("stops the run before spending more (exit 3, French message), writes nothing, and a bigger budget finishes from the cache", async () => {
    const mock = await withAnthropic();
    const input = put("cost/contrat.md", CONTRACT);
    const out = tmp.path("cost/out");
    const cache = tmp.path("cost/cache");
    // The second reader's readings are held to the budget too: tests/rewrite/meaning-check-budget.test.ts.
    const common = ["convert", input, "-o", out, "--cache-dir", cache, "--concurrency", "1", "--max-repairs", "0", "--no-check-model", "-q"];

    const stopped = await runCli(...common, "--max-cost", "0,05");
    expect(stopped.code).toBe(3);
    const message = /^Erreur : Budget atteint : (\d+,\d+) \$ dépensés sur 0,05 \$ \(--max-cost\)\. La section « (.+) » pourrait coûter jusqu’à (\d+,\d+) \$ : elle n’a pas été envoyée\.$/m.exec(stopped.stderr);
    expect(message, stopped.stderr).not.toBeNull();
    expect(stopped.stderr).toContain("  → Les sections déjà réécrites sont gardées en cache : relancez avec un budget plus élevé pour finir.");
    const spent = Number(message![1]!.replace(",", "."));
    expect(spent).toBeLessThanOrEqual(0.05);
    // Shown to 3 significant digits: the refused section's worst case did not fit in what was left.
    expect(spent + Number(message![3]!.replace(",", ".")) + 0.0005).toBeGreaterThan(0.05);
    const sent = mock.requests.length;
    expect(sent).toBeGreaterThan(0);
    expect(cacheEntries(cache)).toBe(sent);
    expect(readdirSync(out).filter((f) => !f.startsWith("."))).toEqual([]);

    const finished = await runCli(...common, "--max-cost", "1");
    expect(finished.code, finished.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, "contrat.falc.json"), "utf8")) as { sections: { cached: boolean; usage: { requests: number } }[] };
    expect(report.sections.filter((s) => s.cached)).toHaveLength(sent);
    expect(mock.requests.length - sent).toBe(report.sections.filter((s) => s.usage.requests > 0).length);
  });

  it("refuses a model without a known price (exit 2) before any request, and takes its price from falc.config.json", async () => {
    openai = await startMockOpenAi([]);
    const input = put("price/doc.md", "# Livret\n\n## Les repas\n\nLe repas d'un invité coûte 9,80 € et se réserve 2 jours avant.\n");
    const common = ["convert", input, "--provider", "openai-compatible", "--base-url", `${openai.url}/v1`, "--model", "mistral-small-latest", "--max-cost", "0.5", "--no-cache", "-q"];
    const refused = await runCli(...common, "-o", tmp.path("price/out-1"));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("Erreur : --max-cost : falc ne connaît pas le prix du modèle « mistral-small-latest »");
    expect(refused.stderr).toContain("Ajoutez son prix sous « prices » dans falc.config.json");
    expect(openai.requests).toHaveLength(0);

    const config = put("price/falc.config.json", JSON.stringify({ prices: { "mistral-small-latest": { input: 0.1, output: 0.3 } } }));
    const priced = await runCli(...common, "-o", tmp.path("price/out-2"), "--config", config);
    expect(priced.code, priced.stderr).toBe(0);
    expect(openai.requests.length).toBeGreaterThan(0);
  });
});

describe("--max-sections and --max-tokens-per-run", () => {
  it("refuses a document with too many sections before any request, naming the file and the flag (exit 2)", async () => {
    const mock = await withAnthropic();
    const input = put("sections/contrat.md", CONTRACT);
    const result = await runCli("convert", input, "-o", tmp.path("sections/out"), "--no-cache", "--max-sections", "5", "-q");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^Erreur : ${input.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} : \\d+ sections, plus que la limite de 5 \\(--max-sections\\)\\. Aucune section n’a été envoyée\\.$`, "m"));
    expect(mock.requests).toHaveLength(0);
  });

  it("reads the limits from falc.config.json; a flag wins over them", async () => {
    const mock = await withAnthropic();
    const input = put("config/contrat.md", CONTRACT);
    put("config/falc.config.json", JSON.stringify({ limits: { maxSections: 5, maxTokensPerRun: 12_000 } }));
    const bySections = await runCli("convert", input, "-o", tmp.path("config/out-1"), "--no-cache", "-q");
    expect(bySections.code).toBe(2);
    expect(bySections.stderr).toContain("plus que la limite de 5 (--max-sections)");
    expect(mock.requests).toHaveLength(0);

    const byTokens = await runCli("convert", input, "-o", tmp.path("config/out-2"), "--no-cache", "--max-sections", "50", "--concurrency", "1", "--max-repairs", "0", "-q");
    expect(byTokens.code).toBe(3);
    expect(byTokens.stderr).toMatch(/^Erreur : Limite de jetons atteinte : [\d ]+ jetons utilisés sur 12 000 \(--max-tokens-per-run\)\./m);
    expect(mock.requests.length).toBeGreaterThan(0);
  });

  it("checks the flags' values, in French", async () => {
    const bad = await runCli("convert", "x.md", "--max-cost", "beaucoup");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("« beaucoup » n’est pas un nombre positif.");
    expect((await runCli("convert", "x.md", "--max-sections", "0")).stderr).toContain("« 0 » n’est pas un entier positif.");
  });
});

describe("--dry-run --max-cost", () => {
  it("says whether the estimated cost fits the budget", async () => {
    const input = put("dry/contrat.md", CONTRACT);
    vi.stubEnv("FALC_MODEL", "");
    const over = await runCli("convert", input, "--dry-run", "--max-cost", "0,01", "--max-sections", "5");
    expect(over.code).toBe(0);
    expect(over.stdout).toMatch(/Budget \(--max-cost 0,01 \$\) : dépassé, le coût estimé \(~\d+,\d+ \$\) est plus élevé\./);
    expect(over.stdout).toMatch(/Refusé par --max-sections : \d+ sections, plus que la limite de 5\./);
    const within = await runCli("convert", input, "--dry-run", "--max-cost", "50");
    expect(within.stdout).toContain("tient dans le budget");
  });
});
