import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { convertFiles } from "../../src/commands/convert.js";
import { startMockAnthropic, type MockAnthropic, type MockReply, type MockScript } from "../helpers/mock-anthropic.js";
import { tempDir } from "../helpers/temp.js";

const tmp = tempDir("falc-library-");
const KEY = "sk-ant-test-LIBRARY-4321";

let mock: MockAnthropic | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

async function withMock(script: MockScript, options: { delayMs?: number; hold?: boolean } = {}) {
  mock = await startMockAnthropic(script, { ...options, apiKey: KEY });
  return { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: mock.url };
}

/** A document of four articles, each with its own amount, so that every request names its document. */
function library(name: string, documents: number): string {
  const dir = join(tmp.dir, name);
  mkdirSync(dir);
  for (let d = 1; d <= documents; d++) {
    const articles = [1, 2, 3, 4].map(
      (a) => `## Article ${a}\n\nDans le document ${d}, le résident verse ${d * 10 + a} € par mois ; la somme est due avant le 5 du mois, sauf accord écrit de la direction.`,
    );
    tmp.write(`${name}/doc-${d}.md`, `# Document ${d}\n\n${articles.join("\n\n")}\n`);
  }
  return dir;
}

const documentOf = (text: string) => /document (\d+)/.exec(text)?.[1];

describe("falc convert over a library", () => {
  it("keeps --concurrency requests in flight across documents, not per document", async () => {
    const env = await withMock([], { hold: true });
    const dir = library("shared", 3);
    const converting = convertFiles([dir], { env, out: join(tmp.dir, "shared-out"), cache: false, concurrency: 3, maxRepairs: 0, checkModel: false, formats: ["json"] });
    // Each time the limit's worth (3) is held at the server, note whose requests they are and answer the
    // oldest: the next request takes its place. Requests of two different documents end up held together
    // (each document has 4 sections and the limit is 3, so this holds whichever document is read first).
    const overlap = (documents: (string | undefined)[]) => new Set(documents.filter(Boolean)).size > 1;
    const together: (string | undefined)[][] = [];
    while (!together.some(overlap) && together.length < 9) {
      const held = await mock!.whenHeld(3);
      together.push(held.map((request) => documentOf(request.userText)));
      mock!.release(1);
    }
    mock!.release();
    const outcome = await converting;
    expect(outcome.exitCode).toBe(0);
    expect(outcome.files.map((f) => f.path.split("/").pop())).toEqual(["doc-1.md", "doc-2.md", "doc-3.md"]);
    expect(mock!.requests).toHaveLength(12);
    expect(mock!.maxInFlight).toBe(3);
    expect(together.some(overlap)).toBe(true);
  });

  it("slows the whole run down on a 429 the SDK could not absorb, and still converts everything", async () => {
    let refused = 0;
    const script: MockScript = (request) => {
      // More 429s than the SDK's own retries (3) for one section: the run must wait and send it again.
      if (request.userText.includes("document 2") && request.userText.includes("Article 3") && refused < 5) {
        refused++;
        return { status: 429, headers: { "retry-after-ms": "20" } };
      }
      return {};
    };
    const env = await withMock(script, { delayMs: 20 });
    const dir = library("throttled", 3);
    const slowDowns: { limit: number; waitMs: number }[] = [];
    const out = join(tmp.dir, "throttled-out");
    const outcome = await convertFiles([dir], {
      env,
      out,
      cache: false,
      concurrency: 4,
      maxRepairs: 0,
      formats: ["md"],
      onSlowDown: (limit, waitMs) => slowDowns.push({ limit, waitMs }),
    });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.failures).toEqual([]);
    expect(refused).toBe(5);
    expect(slowDowns[0]).toEqual({ limit: 2, waitMs: 20 });
    expect(readdirSync(out).filter((f) => f.endsWith(".falc.md")).sort()).toEqual(["doc-1.falc.md", "doc-2.falc.md", "doc-3.falc.md"]);
  });

  it("reports a document whose provider fails, and converts the others", async () => {
    const env = await withMock((request): MockReply => (request.userText.includes("document 2") ? { status: 400, message: "requête refusée" } : {}));
    const dir = library("failing", 3);
    const failed: string[] = [];
    const outcome = await convertFiles([dir], { env, out: join(tmp.dir, "failing-out"), cache: false, concurrency: 2, maxRepairs: 0, formats: ["md"], onFileFailed: (path) => failed.push(path) });
    expect(outcome.exitCode).toBe(3);
    expect(outcome.files.map((f) => f.path.split("/").pop())).toEqual(["doc-1.md", "doc-3.md"]);
    expect(outcome.failures.map((f) => [f.path.split("/").pop(), f.error.code])).toEqual([["doc-2.md", "provider-bad-request"]]);
    expect(failed).toHaveLength(1);
    // Once a section of document 2 failed, its sections still waiting were not sent.
    expect(mock!.requests.filter((r) => documentOf(r.userText) === "2").length).toBeLessThan(4);
  });
});
