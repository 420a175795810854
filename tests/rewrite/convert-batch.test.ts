import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../helpers/cli.js";
import { convertFiles } from "../../src/commands/convert.js";
import type { BatchProgress } from "../../src/rewrite/types.js";
import { estimateCost } from "../../src/rewrite/providers/anthropic-models.js";
import { startMockAnthropic, type MockAnthropic } from "../helpers/mock-anthropic.js";
import { tempDir, thrown } from "../helpers/temp.js";

const tmp = tempDir("falc-convert-batch-");
const KEY = "sk-ant-test-BATCH-2468";

let mock: MockAnthropic | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await mock?.close();
  mock = undefined;
});

function library(name: string): string {
  const dir = join(tmp.dir, name);
  mkdirSync(dir);
  for (const d of [1, 2]) {
    const articles = [1, 2, 3].map((a) => `## Article ${a}\n\nDans le document ${d}, la participation est de ${d * 10 + a} € par mois ; elle est due avant le 5 du mois.`);
    tmp.write(`${name}/doc-${d}.md`, `# Document ${d}\n\n${articles.join("\n\n")}\n`);
  }
  return dir;
}

describe("falc convert --batch (Message Batches API, real SDK, local server)", () => {
  it("sends the sections of every document in one batch, assembles them, and a re-run sends nothing", async () => {
    mock = await startMockAnthropic([], { apiKey: KEY, batches: { delayMs: 30 } });
    const env = { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: mock.url, FALC_BATCH_POLL_MS: "10" };
    const dir = library("one-batch");
    const progress: BatchProgress[] = [];
    // Without the second reader, whose readings would make a second batch (tests/rewrite/meaning-check.test.ts).
    const options = { env, batch: true, out: join(tmp.dir, "one-batch-out"), cacheDir: join(tmp.dir, "one-batch-cache"), maxRepairs: 0, checkModel: false as const, formats: ["json" as const], onBatch: (p: BatchProgress) => progress.push(p) };
    const outcome = await convertFiles([dir], options);
    expect(outcome.exitCode).toBe(0);
    expect(mock.batches.created).toHaveLength(1);
    expect(mock.batchRequests).toHaveLength(6);
    expect(mock.requests.filter((r) => r.path === "/v1/messages")).toEqual([]);
    for (const file of outcome.files) {
      const d = /doc-(\d)/.exec(file.path)![1]!;
      expect(file.result.sections.filter((s) => s.usage.requests > 0).map((s) => s.falc)).toEqual(
        [1, 2, 3].map((a) => expect.stringContaining(`${Number(d) * 10 + a}`)),
      );
      // Billed at the batch price: half the standard one.
      expect(file.result.usage.batch).toBe(true);
      expect(estimateCost(file.result.usage, file.result.model)).toBeCloseTo(estimateCost({ ...file.result.usage, batch: undefined } as never, file.result.model)! / 2, 10);
    }
    expect(progress.map((p) => p.state)).toContain("submitted");
    expect(progress.at(-1)).toMatchObject({ state: "ended", done: 6, total: 6 });
    expect(readdirSync(join(tmp.dir, "one-batch-cache", "batches")).filter((f) => f.endsWith(".json"))).toHaveLength(1);

    const again = await convertFiles([dir], options);
    expect(again.skipped).toHaveLength(2);
    expect(mock.batches.created).toHaveLength(1);
  });

  it("works from the command line: --batch --json prints the summary, --resume finds nothing left to send", async () => {
    mock = await startMockAnthropic([], { apiKey: KEY, batches: { delayMs: 30 } });
    for (const [name, value] of Object.entries({ ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: mock.url, FALC_BATCH_POLL_MS: "10" })) vi.stubEnv(name, value);
    const dir = library("cli");
    const args = ["convert", dir, "-o", join(tmp.dir, "cli-out"), "--cache-dir", join(tmp.dir, "cli-cache"), "--max-repairs", "0", "--format", "md"];
    const first = await runCli(...args, "--batch", "--json");
    expect(first.code, first.stderr).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary.totals).toMatchObject({ files: 2, converted: 2, failed: 0 });
    expect(first.stderr).toContain(mock.batches.created[0]!);
    // The rewrites, then the second reader's readings of them.
    expect(mock.batches.created).toHaveLength(2);
    const resumed = await runCli(...args, "--resume");
    expect(resumed.code).toBe(0);
    expect(mock.batches.created).toHaveLength(2);
  });

  it("is priced at half the standard price by the dry run", async () => {
    const { dryRun } = await import("../../src/commands/convert-dry-run.js");
    const costOf = (text: string) => Number(/Coût total estimé : ~([\d,]+) \$/.exec(text)![1]!.replace(",", "."));
    const standard = await dryRun(["fixtures/reglement-de-fonctionnement.md"], { env: {} });
    const batch = await dryRun(["fixtures/reglement-de-fonctionnement.md"], { env: {}, batch: true });
    expect(batch).toContain("(--batch : moitié prix)");
    expect(costOf(batch)).toBeCloseTo(costOf(standard) / 2, 1);
  });

  it("is refused, before anything is sent, with a provider that has no batch API", async () => {
    const error = await thrown(() => convertFiles([library("offline")], { env: {}, batch: true, provider: "offline", cache: false, out: join(tmp.dir, "offline-out") }));
    expect(error.code).toBe("batch-needs-anthropic");
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain("--batch");
  });
});
