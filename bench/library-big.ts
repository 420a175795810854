/**
 * Issue 16, item 3: a library of thousands of documents through `falc convert`, in a child process,
 * against the local Messages API server (tests/helpers/mock-anthropic.ts) answering each request
 * after a fixed delay, run in this process. The library is generated: `documents` Markdown files of
 * `sections` articles each (two sentences with amounts and dates), in 20 sub-folders. Four runs:
 * direct requests at --concurrency, the same again (nothing changed), then --batch into a fresh
 * output and cache folder, and again. For each: wall time, peak RSS of the falc process, requests,
 * batches and their sizes, and falc's own time per section (wall time minus the server's time).
 *   node --import tsx bench/library-big.ts [documents=2000] [sections=10] [concurrency=16] [delayMs=50]
 * The child runs dist/ (bin/falc.js, after `npm run build`); FALC_BENCH_SOURCES=1 runs the sources
 * through tsx instead (slower start, more memory: an upper bound).
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { startMockAnthropic, type MockAnthropic } from "../tests/helpers/mock-anthropic.js";
import { article } from "./library-article.js";

const [documents, sections, concurrency, delayMs] = [2000, 10, 16, 50].map((fallback, i) => Number(process.argv[2 + i] ?? fallback)) as [number, number, number, number];
const ROOT = join(import.meta.dirname, "..");
const KEY = "sk-ant-bench-library-big";
const fromSources = process.env.FALC_BENCH_SOURCES === "1";
const work = mkdtempSync(join(tmpdir(), "falc-bench-library-big-"));
const library = join(work, "bibliotheque");

function writeLibrary(): void {
  for (let d = 1; d <= documents; d++) {
    const folder = join(library, `etablissement-${String(d % 20).padStart(2, "0")}`);
    mkdirSync(folder, { recursive: true });
    const articles = Array.from({ length: sections }, (_, i) => article(d, i + 1));
    writeFileSync(join(folder, `document-${String(d).padStart(4, "0")}.md`), `# Document ${d}\n\n${articles.join("\n\n")}\n`);
  }
}

interface Run {
  wallMs: number;
  code: number | null;
  maxRssMb: number;
  requests: number;
  batches: number[];
  stderr: string;
}

function falc(mock: MockAnthropic, args: string[]): Promise<Run> {
  const before = { requests: mock.requests.filter((r) => r.path === "/v1/messages").length, batches: mock.batches.created.length };
  const entry = fromSources ? ["--import", import.meta.resolve("tsx"), join(ROOT, "scripts", "dev.ts")] : [join(ROOT, "bin", "falc.js")];
  const start = performance.now();
  // FALC_BENCH_NODE_ARGS: e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" for the profile of each run.
  const nodeArgs = (process.env.FALC_BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, "--import", join(ROOT, "bench", "report-rss.mjs"), ...entry, ...args], {
    cwd: work,
    env: { ...process.env, ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: mock.url, FALC_BATCH_POLL_MS: "20" },
  });
  let stderr = "";
  child.stdout.resume();
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve) => {
    child.on("close", (code) => {
      const rss = /falc-bench-maxrss-kb=(\d+)/.exec(stderr)?.[1];
      const batchIds = mock.batches.created.slice(before.batches);
      resolve({
        wallMs: performance.now() - start,
        code,
        maxRssMb: rss ? Number(rss) / 1024 : NaN,
        requests: mock.requests.filter((r) => r.path === "/v1/messages").length - before.requests,
        batches: batchIds.map((id) => mock.batchRequests.filter((r) => r.batch?.id === id).length),
        stderr,
      });
    });
  });
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const total = documents * sections;
const mock = await startMockAnthropic([], { delayMs, apiKey: KEY, batches: { delayMs } });
try {
  writeLibrary();
  console.log(`Bibliothèque : ${documents} documents Markdown, ${total} articles, --concurrency ${concurrency}, serveur local à ${delayMs} ms par réponse (${fromSources ? "sources via tsx" : "dist/"}), charge ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  // FALC_BENCH_ARGS: more options for every run, e.g. "--format md" to leave the DOCX out.
  const common = ["--concurrency", String(concurrency), "--no-check-model", "--quiet", ...(process.env.FALC_BENCH_ARGS ?? "").split(" ").filter(Boolean)];
  const report = (label: string, run: Run, serverMs: number) => {
    const overhead = (run.wallMs - serverMs) / total;
    const batches = run.batches.length > 0 ? `, ${run.batches.length} lots (${Math.min(...run.batches)} à ${Math.max(...run.batches)} requêtes)` : "";
    console.log(`${label} : ${s(run.wallMs)}, code ${run.code}, ${run.requests} requêtes directes${batches}, mémoire max ${Math.round(run.maxRssMb)} Mo, surcoût de falc ${overhead.toFixed(2)} ms par article (temps du serveur ${s(serverMs)})`);
    if (run.code !== 0) console.log(run.stderr.slice(-2000));
  };

  const direct = ["convert", library, "-o", join(work, "sortie"), "--cache-dir", join(work, "cache"), ...common];
  const first = await falc(mock, direct);
  report("1. Requêtes directes", first, Math.ceil(first.requests / concurrency) * delayMs);
  const again = await falc(mock, direct);
  report("2. Relance sans changement", again, 0);

  const batch = ["convert", library, "-o", join(work, "sortie-lots"), "--cache-dir", join(work, "cache-lots"), "--batch", ...common];
  const batched = await falc(mock, batch);
  // Batches overlap and are polled every 20 ms: the server's share is counted as nothing, so this overhead is an upper bound.
  report("3. --batch", batched, 0);
  const batchedAgain = await falc(mock, batch);
  report("4. --batch, relance sans changement", batchedAgain, 0);
} finally {
  await mock.close();
  rmSync(work, { recursive: true, force: true });
}
