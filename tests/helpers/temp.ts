import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

/** A temporary folder removed after the test file; `write` returns the path of the file written. */
export function tempDir(prefix = "falc-test-") {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    path: (name: string) => join(dir, name),
    write: (name: string, content: string | Uint8Array) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}

/** Runs `fn` and returns the FalcError it throws (fails the test when it does not throw). */
export async function thrown(fn: () => Promise<unknown>): Promise<{ code: string; message: string; hint?: string; exitCode: number }> {
  try {
    await fn();
  } catch (error) {
    return error as { code: string; message: string; hint?: string; exitCode: number };
  }
  throw new Error("expected an error, got none");
}
