import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect } from "vitest";
import { FalcError, isFalcError } from "../../src/errors.js";

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

/** Runs `run` and returns the FalcError it throws synchronously (fails the test when it throws none or another). */
export function caught(run: () => unknown): FalcError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FalcError);
    return error as FalcError;
  }
  throw new Error("aucune erreur levée");
}

/** The promise must reject with an input error (exit 2) naming `path`, with a hint for the user. */
export async function expectInputError(promise: Promise<unknown>, code: string, path: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isFalcError(error), String(error)).toBe(true);
  if (!isFalcError(error)) return;
  expect(error.code).toBe(code);
  expect(error.exitCode).toBe(2);
  expect(error.message).toContain(path);
  expect(error.hint ?? "").not.toBe("");
}
