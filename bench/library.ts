/**
 * A document library converted by the CLI (dist/, in a child process) against a local Messages API
 * server answering after a fixed delay: wall time against the ideal, peak memory, an unchanged
 * re-run, a re-run after one paragraph changed, and a run killed with SIGKILL halfway then resumed.
 *   node --import tsx bench/library.ts [delayMs] [documents] [sectionsPerDocument] [concurrency]
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { unzipSync } from "fflate";
import { startMockAnthropic, type MockAnthropic } from "../tests/helpers/mock-anthropic.js";
import { article } from "./library-article.js";

const [delayMs, documents, sectionsPerDocument, concurrency] = [1000, 20, 10, 8].map((fallback, i) => Number(process.argv[2 + i] ?? fallback)) as [number, number, number, number];
const ROOT = join(import.meta.dirname, "..");
const KEY = "sk-ant-bench-library";
const work = mkdtempSync(join(tmpdir(), "falc-bench-library-"));
const library = join(work, "docs");


function writeLibrary(): void {
  for (let d = 1; d <= documents; d++) {
    const folder = join(library, d % 2 === 0 ? "contrats" : "livrets");
    mkdirSync(folder, { recursive: true });
    const body = Array.from({ length: sectionsPerDocument }, (_, i) => article(d, i + 1)).join("\n\n");
    writeFileSync(join(folder, `document-${String(d).padStart(2, "0")}.md`), `# Document ${d}\n\n${body}\n`);
  }
}

interface Run {
  wallMs: number;
  code: number | null;
  maxRssMb: number;
  requests: number;
  stdout: string;
}

function falc(mock: MockAnthropic, args: string[], killAfterAnswers?: number): Promise<Run> {
  const before = mock.requests.length;
  const start = performance.now();
  const child = spawn(process.execPath, ["--import", join(ROOT, "bench", "report-rss.mjs"), join(ROOT, "bin", "falc.js"), ...args], {
    env: { ...process.env, ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: mock.url },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  let watcher: NodeJS.Timeout | undefined;
  if (killAfterAnswers !== undefined) {
    watcher = setInterval(() => {
      const answered = mock.requests.slice(before).filter((r) => r.answeredAt !== undefined).length;
      if (answered >= killAfterAnswers) child.kill("SIGKILL");
    }, 20);
  }
  return new Promise((resolve) => {
    child.on("close", (code) => {
      clearInterval(watcher);
      const rss = /falc-bench-maxrss-kb=(\d+)/.exec(stderr)?.[1];
      resolve({ wallMs: performance.now() - start, code, maxRssMb: rss ? Number(rss) / 1024 : NaN, requests: mock.requests.length - before, stdout });
    });
  });
}

/** Every output present is whole: JSON parses, DOCX unzips with its main part. */
function checkOutputs(out: string): { files: number; broken: string[]; temporary: string[] } {
  const all = readdirSync(out, { recursive: true }).map(String);
  const broken: string[] = [];
  for (const file of all) {
    const path = join(out, file);
    try {
      if (file.endsWith(".json")) JSON.parse(readFileSync(path, "utf8"));
      if (file.endsWith(".docx") && !unzipSync(readFileSync(path))["word/document.xml"]) broken.push(file);
    } catch {
      broken.push(file);
    }
  }
  return { files: all.filter((f) => /\.(docx|md|json)$/.test(f)).length, broken, temporary: all.filter((f) => f.endsWith(".tmp")) };
}

const fmt = (ms: number) => `${(ms / 1000).toLocaleString("fr-FR", { maximumFractionDigits: 2 })} s`;
const mock = await startMockAnthropic([], { delayMs, apiKey: KEY });
try {
  writeLibrary();
  const out = join(work, "sortie");
  const cache = join(work, "cache");
  const args = ["convert", library, "-o", out, "--cache-dir", cache, "--concurrency", String(concurrency), "--quiet"];
  const sections = documents * sectionsPerDocument;
  const ideal = Math.ceil(sections / concurrency) * delayMs;
  console.log(`Bibliothèque : ${documents} documents, ${sections} sections, concurrence ${concurrency}, serveur local à ${delayMs} ms par réponse`);

  const first = await falc(mock, args);
  console.log(`1. Première conversion : ${fmt(first.wallMs)} pour un idéal de ${fmt(ideal)} (${(first.wallMs / ideal).toFixed(2)} ×), ${first.requests} requêtes, mémoire max ${Math.round(first.maxRssMb)} Mo, code ${first.code}`);

  const unchanged = await falc(mock, args);
  console.log(`2. Relance sans changement : ${fmt(unchanged.wallMs)}, ${unchanged.requests} requête(s), code ${unchanged.code}`);

  const changed = join(library, "livrets", "document-03.md");
  writeFileSync(changed, readFileSync(changed, "utf8").replace("Le résident du document 3 verse une participation de 35,50 €", "Le résident du document 3 paie une participation de 35,50 €"));
  const before = mock.requests.length;
  const oneChange = await falc(mock, args);
  const asked = new Set(mock.requests.slice(before).map((r) => /Article \d+ – Règle \d+ du document \d+/.exec(r.userText)?.[0]));
  console.log(`3. Un paragraphe changé dans un document : ${fmt(oneChange.wallMs)}, ${oneChange.requests} requête(s) pour ${asked.size} section(s) : ${[...asked].join(", ")}`);

  const killedOut = join(work, "sortie-tuee");
  const killedCache = join(work, "cache-tue");
  const killedArgs = ["convert", library, "-o", killedOut, "--cache-dir", killedCache, "--concurrency", String(concurrency), "--quiet"];
  const startKilled = mock.requests.length;
  const killed = await falc(mock, killedArgs, Math.floor(sections / 2));
  const cachedAtKill = readdirSync(killedCache, { recursive: true }).filter((f) => String(f).endsWith(".json")).length;
  const afterKill = checkOutputs(killedOut);
  const answeredBeforeKill = new Set(mock.requests.slice(startKilled).filter((r) => r.answeredAt !== undefined).map((r) => r.userText));
  const startResume = mock.requests.length;
  const resumed = await falc(mock, killedArgs);
  const askedAgain = mock.requests.slice(startResume).filter((r) => answeredBeforeKill.has(r.userText)).length;
  const afterResume = checkOutputs(killedOut);
  console.log(
    `4. Tuée (SIGKILL) après ${answeredBeforeKill.size} réponses : code ${killed.code ?? "SIGKILL"}, ${cachedAtKill} sections enregistrées dans le cache, ${afterKill.files} sorties, ` +
      `${afterKill.broken.length} abîmée(s), ${afterKill.temporary.length} fichier(s) temporaire(s)`,
  );
  console.log(
    `   Relance : ${fmt(resumed.wallMs)}, ${resumed.requests} requêtes pour ${sections - cachedAtKill} sections non enregistrées ; ` +
      `${askedAgain} pour des sections répondues avant la mort du processus mais pas encore enregistrées (${answeredBeforeKill.size - cachedAtKill}) ; ` +
      `${afterResume.files} sorties, ${afterResume.broken.length} abîmée(s), code ${resumed.code}`,
  );
} finally {
  await mock.close();
  rmSync(work, { recursive: true, force: true });
}
