import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startMockAnthropic, type MockAnthropic } from "../helpers/mock-anthropic.js";
import { tempDir } from "../helpers/temp.js";

const tmp = tempDir("falc-sigint-");
let mock: MockAnthropic | undefined;
afterEach(async () => mock?.close());

const DOCUMENT = ["# Livret", "", ...[1, 2, 3, 4].flatMap((i) => [`## Partie ${i}`, "", `Vous arrivez le lundi 2 mars 2026. Le repas coûte ${i + 5} euros.`, ""])].join("\n");

describe("Ctrl-C (SIGINT) or a CI job stopped (SIGTERM) during falc convert", () => {
  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const)("%s: stops with code %i, writes no output and no partial file, keeps finished sections in the cache", async (signal, expectedCode) => {
    mock = await startMockAnthropic([], { hold: true, apiKey: "sk-ant-sigint" });
    const input = tmp.write(`livret-${signal}.md`, DOCUMENT);
    const out = join(tmp.dir, `out-${signal}`);
    const cache = join(tmp.dir, `cache-${signal}`);
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/dev.ts", "convert", input, "-o", out, "--cache-dir", cache, "--concurrency", "1", "--max-repairs", "0"], {
      env: { ...process.env, ANTHROPIC_API_KEY: "sk-ant-sigint", ANTHROPIC_BASE_URL: mock.url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    // Answer the first section, then interrupt while the second one's answer is held at the server.
    await mock.whenHeld(1);
    mock.release(1);
    await mock.whenHeld(1);
    child.kill(signal);
    const code = await exited;
    expect(code).toBe(expectedCode);
    expect(stderr).toContain("interruption demandée");
    expect(readdirSync(out)).toEqual([]); // no output, and the lock released
    const cached = readdirSync(cache, { recursive: true }).map(String);
    expect(cached.filter((f) => f.endsWith(".json"))).toHaveLength(1);
    expect(cached.filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 30_000);
});
