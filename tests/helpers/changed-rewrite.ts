/**
 * A conversion through the mock Anthropic server whose rewrite is the original, sentence by sentence,
 * passed through `change`: how the fidelity tests plant one faithful or careless edit at a time.
 */
import { join } from "node:path";
import { afterEach } from "vitest";
import { convertFiles } from "../../src/commands/convert.js";
import { startMockAnthropic, wellBehavedRewrite, type MockAnthropic, type MockScript } from "./mock-anthropic.js";
import type { tempDir } from "./temp.js";

type TempDir = ReturnType<typeof tempDir>;

/** The mock answers with the original sentences, each passed through `change`. */
export function rewriting(change: (sentence: string) => string): MockScript {
  return (request) => {
    const rewrite = wellBehavedRewrite(request);
    for (const block of rewrite.blocks) if (block.type === "paragraph") block.sentences = block.sentences.map(change);
    return { rewrite };
  };
}

export interface ChangedConversion {
  tmp: TempDir;
  /** The API key the mock expects (never written anywhere by falc). */
  key: string;
  /** The Markdown document converted. */
  markdown: string;
}

/** Converts `markdown` with --strict and no repairs; the caller closes the returned mock. */
export async function convertChanged(setup: ChangedConversion, name: string, change: (sentence: string) => string) {
  const mock: MockAnthropic = await startMockAnthropic(rewriting(change), { apiKey: setup.key });
  const env = { ANTHROPIC_API_KEY: setup.key, ANTHROPIC_BASE_URL: mock.url };
  const input = setup.tmp.write(`${name}.md`, setup.markdown);
  const out = join(setup.tmp.dir, `${name}-out`);
  const outcome = await convertFiles([input], { env, out, cacheDir: join(setup.tmp.dir, `${name}-cache`), strict: true, maxRepairs: 0 });
  return { outcome, out, mock };
}

/**
 * `convert(name, change)` for one test file: each call starts its own mock server, closed after the
 * test that started it.
 */
export function changedConversions(setup: ChangedConversion) {
  let mock: MockAnthropic | undefined;
  afterEach(async () => {
    await mock?.close();
    mock = undefined;
  });
  return async (name: string, change: (sentence: string) => string) => {
    const run = await convertChanged(setup, name, change);
    mock = run.mock;
    return run;
  };
}
