import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { convertFiles } from "../../src/commands/convert.js";
import { runCli } from "../helpers/cli.js";
import { startMockAnthropic, type MockAnthropic, type MockScript } from "../helpers/mock-anthropic.js";
import { tempDir, thrown } from "../helpers/temp.js";

const tmp = tempDir("falc-faults-");
const KEY = "sk-ant-api03-SECRET-KEY-must-never-leak-4242";
const DOCUMENT = ["# Règlement", "", ...[1, 2, 3].flatMap((i) => [`## Article ${i}`, "", `Le résident peut recevoir des visites de 10 h à 19 h. Le repas coûte ${i + 7} euros.`, ""])].join("\n");

let mock: MockAnthropic | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await mock?.close();
  mock = undefined;
});

function everythingWritten(dir: string): string {
  if (!existsSync(dir)) return "";
  return readdirSync(dir, { recursive: true })
    .map(String)
    .map((file) => {
      try {
        return readFileSync(join(dir, file), "latin1");
      } catch {
        return "";
      }
    })
    .join("\n");
}

async function cliRun(name: string, script: MockScript, ...extra: string[]) {
  mock = await startMockAnthropic(script, { apiKey: KEY });
  vi.stubEnv("ANTHROPIC_API_KEY", KEY);
  vi.stubEnv("ANTHROPIC_BASE_URL", mock.url);
  const input = tmp.write(`${name}.md`, DOCUMENT);
  const work = join(tmp.dir, name);
  const result = await runCli("--debug", "convert", input, "-o", join(work, "out"), "--cache-dir", join(work, "cache"), "--max-repairs", "0", ...extra);
  return { ...result, work };
}

describe("the API key never leaks", () => {
  for (const [label, script, code] of [
    ["a successful run", [] as MockScript, 0],
    ["an authentication failure", [{ status: 401 }] as MockScript, 3],
    ["an overloaded service", (() => ({ status: 529, headers: { "retry-after": "0" } })) as MockScript, 3],
  ] as const) {
    it(`not in output, reports, cache or --debug logs: ${label}`, async () => {
      const { code: exit, stdout, stderr, work } = await cliRun(label.replace(/\W+/g, "-"), script);
      expect(exit).toBe(code);
      expect(stdout + stderr).not.toContain(KEY);
      expect(stdout + stderr).not.toContain(KEY.slice(8, 30));
      expect(everythingWritten(work)).not.toContain(KEY);
      if (code !== 0) expect(stderr).toMatch(/^Erreur : /m);
    });
  }
});

describe("faults", () => {
  it("ignores a corrupted cache entry and rewrites only that section", async () => {
    mock = await startMockAnthropic([], { apiKey: KEY });
    const env = { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: mock.url };
    const input = tmp.write("cache.md", DOCUMENT);
    // Without the second reader, whose verdicts are cache entries of their own (tests/rewrite/meaning-check.test.ts).
    const options = { env, out: join(tmp.dir, "cache-out"), cacheDir: join(tmp.dir, "cache-cache"), maxRepairs: 0, checkModel: false as const };
    await convertFiles([input], options);
    const sent = mock.requests.length;
    const entries = readdirSync(options.cacheDir, { recursive: true }).map(String).filter((f) => f.endsWith(".json"));
    expect(entries).toHaveLength(3);
    const victim = join(options.cacheDir, entries[0]!);
    writeFileSync(victim, readFileSync(victim, "utf8").replace(/"sentences":\["/, '"sentences":["Phrase inventée. '));
    rmSync(join(options.out, "falc-manifest.json")); // so that the run goes through the section cache
    const again = await convertFiles([input], options);
    expect(mock.requests.length).toBe(sent + 1);
    expect(again.files[0]!.result.sections.filter((s) => !s.cached && s.usage.requests > 0)).toHaveLength(1);
    expect(JSON.stringify(again.files[0]!.result)).not.toContain("Phrase inventée");
  });

  it("says in French which output cannot be written, exits 2, and leaves nothing half-written", async () => {
    const blocker = tmp.write("not-a-folder", "x");
    const input = tmp.write("unwritable.md", DOCUMENT);
    const error = await thrown(() => convertFiles([input], { env: {}, out: join(blocker, "out"), cache: false }));
    expect(error.code).toBe("output-unwritable");
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain("Impossible d’écrire");
    expect(error.message).toContain(join(blocker, "out"));
  });
});

describe("one run at a time per output folder", () => {
  it("refuses a folder locked by a live process, takes over a stale lock, and releases it", async () => {
    const { spawn } = await import("node:child_process");
    const { hostname } = await import("node:os");
    const input = tmp.write("locked.md", DOCUMENT);
    const out = join(tmp.dir, "locked-out");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(out, { recursive: true });
    const sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"]);
    try {
      writeFileSync(join(out, ".falc.lock"), JSON.stringify({ pid: sleeper.pid, host: hostname(), since: "2026-11-28T10:00:00.000Z" }));
      const error = await thrown(() => convertFiles([input], { env: {}, out, cache: false, formats: ["md"] }));
      expect(error.code).toBe("output-locked");
      expect(error.exitCode).toBe(2);
      expect(error.message).toContain(`processus ${sleeper.pid}`);
    } finally {
      sleeper.kill();
    }
    writeFileSync(join(out, ".falc.lock"), JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), since: "2026-11-28T10:00:00.000Z" }));
    const outcome = await convertFiles([input], { env: {}, out, cache: false, formats: ["md"] });
    expect(outcome.exitCode).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["falc-manifest.json", "locked.falc.md"]);
  });

  it("refuses a second conversion of the same program on the same folder (library use)", async () => {
    const input = tmp.write("twice.md", DOCUMENT);
    const out = join(tmp.dir, "twice-out");
    const runs = await Promise.allSettled([1, 2].map(() => convertFiles([input], { env: {}, out, cache: false, formats: ["md"] })));
    expect(runs.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = runs.find((r): r is PromiseRejectedResult => r.status === "rejected")!.reason;
    expect(refused.code).toBe("output-locked");
    expect(refused.message).toContain("de ce programme");
    expect(readdirSync(out)).not.toContain(".falc.lock");
    const again = await convertFiles([input], { env: {}, out, cache: false, formats: ["md"] });
    expect(again.exitCode).toBe(0);
  });

  it("respects a recent lock from another machine, not one restored from a CI cache days later", async () => {
    const input = tmp.write("foreign.md", DOCUMENT);
    const out = join(tmp.dir, "foreign-out");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(out, { recursive: true });
    const lockFrom = (since: Date) => writeFileSync(join(out, ".falc.lock"), JSON.stringify({ pid: 4242, host: "runner-autre-machine", since: since.toISOString() }));
    lockFrom(new Date(Date.now() - 60_000));
    const error = await thrown(() => convertFiles([input], { env: {}, out, cache: false, formats: ["md"] }));
    expect(error.code).toBe("output-locked");
    lockFrom(new Date(Date.now() - 3 * 24 * 3600_000));
    const outcome = await convertFiles([input], { env: {}, out, cache: false, formats: ["md"] });
    expect(outcome.exitCode).toBe(0);
    expect(readdirSync(out)).not.toContain(".falc.lock");
  });
});
