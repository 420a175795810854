/**
 * How `falc convert` survives each fault of issue #6 (« Faults survived »), as a reproducible table:
 * the real CLI (`main`, in-process) converts a small contrat de séjour against the local Messages API
 * test server, which injects one fault into ONE section (« Article 3 : Visites ») so that the sections
 * finished beside it show whether they stay in the cache. No test-only switch in src/: the one
 * exception, the time-out, is lowered here (see `timeout`).
 *
 *   node --import tsx scripts/eval/faults.ts [--verbose] [fault ids…]
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { main } from "../../src/cli/main.js";
import { sectionOfUserMessage } from "../../src/rewrite/prompt.js";
import { startMockAnthropic, type MockAnthropic, type MockOptions, type MockReply, type MockScript, type RecordedRequest } from "../../tests/helpers/mock-anthropic.js";

const KEY = "sk-ant-api03-faults-eval-not-a-real-key-0000";
const ENV_NAMES = ["ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_BASE_URL", "ANTHROPIC_LOG", "FALC_MODEL", "FALC_CACHE_DIR"] as const;
const DOCUMENT = `# Contrat de séjour

## Article 1 : Accueil

La résidence accueille des personnes âgées dépendantes. Le résident reçoit une chambre meublée et le livret d'accueil le jour de son arrivée.

## Article 2 : Repas

Les repas sont servis dans la salle à manger à 12 h et à 19 h. Le prix de la pension comprend les trois repas de la journée.

## Article 3 : Visites

Les visites sont libres tous les jours de 10 h à 20 h. En dehors de ces horaires, les visiteurs demandent l'accord de l'infirmière de garde. Les visiteurs préviennent l'accueil lorsqu'ils restent pour le repas ; le repas de l'invité est facturé 9 euros. Les enfants de moins de 12 ans sont accompagnés d'un adulte. Les animaux de compagnie tenus en laisse sont acceptés dans le hall et dans la chambre du résident, sauf avis contraire du médecin coordonnateur. Un proche peut dormir dans la chambre du résident lorsque son état de santé le justifie, avec l'accord de la direction. Les visiteurs respectent le repos des autres résidents et la confidentialité des soins : ils sortent de la chambre pendant la toilette et les soins. Pendant une épidémie, la direction peut limiter les visites après avis du médecin coordonnateur ; elle en informe les familles par écrit au moins 24 heures à l'avance.
`;
const ROOT = mkdtempSync(join(tmpdir(), "falc-faults-eval-"));
/** `--verbose`: the whole of stderr under each line; other arguments pick faults by id (see FAULTS). */
const VERBOSE = process.argv.includes("--verbose");
const MAIN_URL = pathToFileURL(resolve(import.meta.dirname, "../../src/cli/main.ts")).href;

type Case = { dir: string; input: string; out: string; cache: string };
type Row = { fault: string; code: number; stderr: string; requests: number; c: Case; note?: string };

function makeCase(name: string): Case {
  const dir = join(ROOT, name);
  mkdirSync(dir, { recursive: true });
  const input = join(dir, "contrat.md");
  writeFileSync(input, DOCUMENT);
  return { dir, input, out: join(dir, "out"), cache: join(dir, "cache") };
}

function argv(c: Case, ...extra: string[]): string[] {
  return ["convert", c.input, "-o", c.out, "--cache-dir", c.cache, "--max-repairs", "0", ...extra];
}

async function runCli(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const code = await main(args, { stdout: () => {}, stderr: (t) => void (stderr += t), isTTY: false });
  return { code, stderr };
}

const isVisites = (request: RecordedRequest) => /Visites/.test(sectionOfUserMessage(request.userText)?.sectionTitle ?? "");
/** The fault for the « Visites » section on every request, a well-behaved answer for the others. */
const onVisites = (reply: MockReply): MockScript => (request) => (isVisites(request) ? reply : {});

/** Starts the test server and points the in-process CLI at it through process.env, restored after. */
async function withMock<T>(script: MockScript, options: MockOptions, fn: (mock: MockAnthropic) => Promise<T>): Promise<T> {
  const mock = await startMockAnthropic(script, { apiKey: KEY, ...options });
  const saved = ENV_NAMES.map((name) => [name, process.env[name]] as const);
  for (const name of ENV_NAMES) delete process.env[name];
  Object.assign(process.env, { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: mock.url });
  try {
    return await fn(mock);
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await mock.close();
  }
}

/**
 * --concurrency 3: every section is in flight at once, so the sections finished beside the faulty one
 * reach the cache whatever the order. With --concurrency 1 the sections still waiting are cancelled
 * when one fails, and they do not always go out in document order (their cache look-ups race).
 */
async function sectionFault(fault: string, reply: MockReply, ...extra: string[]): Promise<Row> {
  const c = makeCase(fault.replace(/\W+/g, "-"));
  return withMock(onVisites(reply), {}, async (mock) => ({ fault, ...(await runCli(argv(c, "--concurrency", "3", ...extra))), requests: mock.requests.length, c }));
}

/** `--timeout 0.3`: an answer after 3 s is a time-out on every attempt. */
function timeout(): Promise<Row> {
  return sectionFault("time-out (réponse 3 s, --timeout 0.3)", { delayMs: 3_000 }, "--timeout", "0.3");
}

async function corruptedCache(): Promise<Row> {
  const c = makeCase("cache-corrompu");
  return withMock([], {}, async (mock) => {
    const first = await runCli(argv(c));
    const entries = cacheEntries(c);
    const victim = entries.find((path) => readFileSync(path, "utf8").includes("Visites"));
    if (first.code !== 0 || !victim) return { fault: "entrée de cache corrompue", ...first, requests: mock.requests.length, c, note: "ÉCHEC de la 1re conversion" };
    writeFileSync(victim, readFileSync(victim, "utf8").replace(/"sentences":\["/, '"sentences":["Phrase inventée. '));
    rmSync(join(c.out, "falc-manifest.json")); // else the unchanged input is skipped before the cache is read
    const before = mock.requests.length;
    const second = await runCli(argv(c));
    const invented = readFileSync(join(c.out, "contrat.falc.md"), "utf8").includes("Phrase inventée");
    const note = `1re conversion ${before} demandes, ${entries.length} entrées ; 2e : section redemandée, « Phrase inventée » ${invented ? "PRÉSENTE" : "absente"} de la sortie`;
    return { fault: "entrée de cache corrompue", ...second, requests: mock.requests.length - before, c, note };
  });
}

/**
 * The second run starts once the first (slow server) holds the folder. The first runs in a child
 * process, as two real runs would: a lock that names this very process is taken for a stale one
 * (lock.ts), which the `sameProcess` variant shows for two calls inside one program.
 */
async function twoRuns(sameProcess: boolean): Promise<Row> {
  const c = makeCase(sameProcess ? "deux-conversions-meme-processus" : "deux-conversions");
  return withMock([], { delayMs: 1_000 }, async (mock) => {
    const first = sameProcess ? runCli(argv(c)).then((r) => r.code) : childRun(argv(c));
    await until(() => mock.requests.length > 0 && existsSync(join(c.out, ".falc.lock")));
    const second = await runCli(argv(c));
    const code = await first;
    const fault = sameProcess ? "deux conversions, un même processus (bibliothèque)" : "deux conversions à la fois, un dossier";
    return { fault, ...second, requests: mock.requests.length, c, note: `la 1re (${sameProcess ? "même processus" : "autre processus"}) sort avec ${code}` };
  });
}

function childRun(args: string[]): Promise<number> {
  const code = `const { main } = await import(${JSON.stringify(MAIN_URL)}); process.exitCode = await main(process.argv.slice(1));`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code, "--", ...args], { env: process.env, stdio: "ignore" });
  return new Promise((done) => child.on("close", (exit) => done(exit ?? -1)));
}

async function until(test: () => boolean, limitMs = 30_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!test()) {
    if (Date.now() > end) throw new Error("the first run never started");
    await new Promise((wake) => setTimeout(wake, 20));
  }
}

/**
 * 0,04 $ covers the worst case of the first section (prompt cache written) but not that of the long
 * « Visites » section after the others. --concurrency 1: the budget is spent section after section.
 */
async function maxCost(): Promise<Row> {
  const c = makeCase("max-cost");
  return withMock([], {}, async (mock) => {
    const result = await runCli(argv(c, "--concurrency", "1", "--max-cost", "0.04"));
    return { fault: "--max-cost 0.04, trop petit pour le document", ...result, requests: mock.requests.length, c, note: "aucune panne du serveur : le budget arrête la conversion" };
  });
}

/** As root, chmod does not stop writes: the output folder sits under a regular file (ENOTDIR), as tests/rewrite/faults.test.ts does. */
async function unwritable(): Promise<Row> {
  const c = makeCase("sortie-impossible");
  writeFileSync(join(c.dir, "pas-un-dossier"), "x");
  c.out = join(c.dir, "pas-un-dossier", "out");
  return withMock([], {}, async (mock) => ({ fault: "dossier de sortie non inscriptible", ...(await runCli(argv(c))), requests: mock.requests.length, c, note: "sortie sous un fichier ordinaire (root)" }));
}

/** The outputs are written last: a folder named like one of them makes that write fail after every section is done. */
async function blockedAtTheEnd(): Promise<Row> {
  const c = makeCase("sortie-bloquee-a-la-fin");
  mkdirSync(join(c.out, "contrat.falc.md"), { recursive: true });
  return withMock([], {}, async (mock) => ({ fault: "sortie refusée en fin de conversion", ...(await runCli(argv(c))), requests: mock.requests.length, c, note: "un dossier s'appelle contrat.falc.md (EISDIR)" }));
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function cacheEntries(c: Case): string[] {
  return walk(c.cache).filter((path) => path.endsWith(".json"));
}

function outputsOf(c: Case): string {
  const files = walk(c.out).map((path) => path.slice(c.out.length + 1));
  const outputs = files.filter((name) => /\.falc\.(docx|md|json)$|\.relecture\.docx$/.test(name));
  const tmp = files.filter((name) => name.endsWith(".tmp")).length;
  const lock = files.includes(".falc.lock") ? ", verrou restant" : "";
  const manifest = files.includes("falc-manifest.json") ? " + manifeste" : "";
  return `${outputs.length === 0 ? "aucune" : outputs.length}${manifest}, .tmp ${tmp}${lock}`;
}

function messageOf(stderr: string): string {
  const lines = stderr.split("\n").map((line) => line.trim()).filter(Boolean);
  const found = lines.find((l) => l.startsWith("Erreur")) ?? (lines.length > 0 ? `(pas d'erreur) ${lines.at(-1)}` : "(rien)");
  const line = found.split(ROOT).join("<tmp>");
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

function printRow(row: Row): void {
  console.log(`- ${row.fault} | exit ${row.code} | ${messageOf(row.stderr)} | demandes ${row.requests} | sorties ${outputsOf(row.c)} | cache ${cacheEntries(row.c).length}`);
  if (row.note) console.log(`    (${row.note})`);
  if (VERBOSE) console.log(row.stderr.replace(/^/gm, "    | "));
  if (row.stderr.includes(KEY) || row.stderr.includes(KEY.slice(8, 30))) console.log("    !! la clé d'API apparaît sur stderr");
}

const FAULTS: [string, () => Promise<Row>][] = [
  ["429", () => sectionFault("429 à chaque essai (retry-after-ms 20)", { status: 429, headers: { "retry-after-ms": "20", "retry-after": "1" } })],
  ["529", () => sectionFault("529 à chaque essai", { status: 529 })],
  ["500", () => sectionFault("500 à chaque essai", { status: 500 })],
  ["timeout", timeout],
  ["reset", () => sectionFault("connexion coupée (destroySocket)", { destroySocket: true })],
  ["json", () => sectionFault("JSON mal formé, deux fois", { malformed: "Voici la section réécrite : {pas du JSON" })],
  ["max_tokens", () => sectionFault("réponse tronquée (max_tokens), deux fois", { stopReason: "max_tokens" })],
  ["refusal", () => sectionFault("refus du modèle", { stopReason: "refusal" })],
  ["cache", corruptedCache],
  ["lock", () => twoRuns(false)],
  ["lock-same-process", () => twoRuns(true)],
  ["unwritable", unwritable],
  ["blocked", blockedAtTheEnd],
  ["max-cost", maxCost],
];

console.log("falc convert face aux pannes (issue #6, « Faults survived ») — scripts/eval/faults.ts");
console.log("Document : contrat de séjour en Markdown, 3 articles (Accueil, Repas, Visites) ; CLI réel en processus (main),");
console.log("fournisseur anthropic (modèle par défaut) sur le serveur de test local (tests/helpers/mock-anthropic.ts),");
console.log("`falc convert contrat.md -o out --cache-dir cache --max-repairs 0` ; les pannes du fournisseur ne touchent que la");
console.log("section « Article 3 : Visites » (--concurrency 3 : les 3 articles partent ensemble), les autres sont bien répondues ;");
console.log("les autres cas avec --concurrency 4 (défaut), sauf --max-cost (--concurrency 1).");
console.log("Colonnes : panne | code de sortie | 1re ligne « Erreur » de stderr | requêtes HTTP reçues | sorties laissées | entrées du cache\n");
const only = process.argv.slice(2).filter((arg) => arg !== "--verbose");
try {
  for (const [id, run] of FAULTS) {
    if (only.length > 0 && !only.includes(id)) continue;
    printRow(await run());
  }
} finally {
  rmSync(ROOT, { recursive: true, force: true });
}
