import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { convertFiles, type ConvertCommandOptions } from "../../src/commands/convert.js";
import type { BatchProgress } from "../../src/rewrite/types.js";
import { startMockAnthropic, type MockAnthropic } from "../helpers/mock-anthropic.js";
import { tempDir } from "../helpers/temp.js";

const tmp = tempDir("falc-batch-library-");
const KEY = "sk-ant-test-BATCHLIB-1357";

let mock: MockAnthropic | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

/** `documents` documents of two articles each; every request names its document and article. */
function library(name: string, documents: number): string {
  const dir = join(tmp.dir, name);
  mkdirSync(dir);
  for (let d = 1; d <= documents; d++) {
    const articles = [1, 2].map((a) => `## Article ${a}\n\nDans le document ${d}, la participation est de ${d * 10 + a} € par mois ; elle est due avant le 5 du mois.`);
    tmp.write(`${name}/doc-${d}.md`, `# Document ${d}\n\n${articles.join("\n\n")}\n`);
  }
  return dir;
}

const documentsIn = (mock: MockAnthropic, batchId: string) =>
  [...new Set(mock.batchRequests.filter((r) => r.batch?.id === batchId).map((r) => /document (\d+)/.exec(r.userText)?.[1]))].sort();

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 2));
}

describe("falc convert --batch over a library (bounded batches, local server)", () => {
  it("sends batches of at most the bound as they fill, reads documents only as earlier ones finish, and a re-run resumes the batch left running", async () => {
    mock = await startMockAnthropic([], { apiKey: KEY, batches: { hold: true } });
    const env = { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: mock.url, FALC_BATCH_POLL_MS: "5" };
    const dir = library("bounded", 6);
    const cacheDir = join(tmp.dir, "bounded-cache");
    const started: string[] = [];
    const progress: BatchProgress[] = [];
    const controller = new AbortController();
    // 4 requests per batch; one request slot, so two documents (4 sections) in flight at once.
    const options: ConvertCommandOptions = {
      env,
      batch: true,
      batchLimits: { requests: 4 },
      batchDocuments: 2,
      concurrency: 1,
      out: join(tmp.dir, "bounded-out"),
      cacheDir,
      maxRepairs: 0,
      checkModel: false,
      formats: ["json"],
      onFileStart: (path) => started.push(path.split("/").pop()!),
      onBatch: (p) => progress.push(p),
    };

    // The first batch fills with the two documents read; held at the server, it keeps the third unread.
    const interrupted = convertFiles([dir], { ...options, signal: controller.signal });
    await until(() => progress.filter((p) => p.state === "polling").length >= 5);
    expect(mock.batches.created).toHaveLength(1);
    expect(documentsIn(mock, mock.batches.created[0]!)).toEqual(["1", "2"]);
    // Two documents in flight, read concurrently: which one starts first is not the point.
    expect([...started].sort()).toEqual(["doc-1.md", "doc-2.md"]);
    controller.abort(new Error("interrompu"));
    await expect(interrupted).rejects.toThrow("interrompu");
    expect(readdirSync(join(cacheDir, "batches"))).toEqual([`${mock.batches.created[0]}.batch.json`]);

    // The batch ended server-side meanwhile; the re-run joins it, then sends the rest four by four.
    mock.batches.release();
    started.length = 0;
    progress.length = 0;
    const outcome = await convertFiles([dir], options);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.files).toHaveLength(6);
    expect(progress[0]).toMatchObject({ id: mock.batches.created[0], state: "resumed", total: 4 });
    expect(mock.batches.created).toHaveLength(3);
    expect(mock.batches.created.map((id) => mock!.batchRequests.filter((r) => r.batch?.id === id).length)).toEqual([4, 4, 4]);
    expect(mock.batches.created.map((id) => documentsIn(mock!, id))).toEqual([
      ["1", "2"],
      ["3", "4"],
      ["5", "6"],
    ]);
    expect(mock.requests.filter((r) => r.path === "/v1/messages")).toEqual([]);
    for (const file of outcome.files) {
      const d = Number(/doc-(\d)/.exec(file.path)![1]);
      expect(file.result.sections.filter((s) => s.usage.requests > 0).map((s) => s.falc)).toEqual([expect.stringContaining(`${d * 10 + 1}`), expect.stringContaining(`${d * 10 + 2}`)]);
    }
  });

  it("cuts a batch at the byte bound before the request bound", async () => {
    mock = await startMockAnthropic([], { apiKey: KEY, batches: { delayMs: 5 } });
    const env = { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: mock.url, FALC_BATCH_POLL_MS: "5" };
    const dir = library("bytes", 3);
    // One request weighs a few kilobytes (the rules in the system prompt): a bound of one byte sends each alone.
    const outcome = await convertFiles([dir], { env, batch: true, batchLimits: { requests: 100, bytes: 1 }, out: join(tmp.dir, "bytes-out"), cacheDir: join(tmp.dir, "bytes-cache"), maxRepairs: 0, checkModel: false, formats: ["json"] });
    expect(outcome.exitCode).toBe(0);
    expect(mock.batches.created).toHaveLength(6);
    expect(mock.batches.created.map((id) => mock!.batchRequests.filter((r) => r.batch?.id === id).length)).toEqual([1, 1, 1, 1, 1, 1]);
  });
});
