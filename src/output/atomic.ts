import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** A file written in full to a temporary name beside its target, not yet visible under its name. */
export interface StagedFile {
  path: string;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * Writes `data` to a temporary file in the target's folder and flushes it to disk. Nothing is visible
 * under `path` until `commit()` renames it (atomic on POSIX file systems); a crash leaves at most a
 * hidden `.tmp` file, never a half output.
 */
export async function stageFile(path: string, data: string | Uint8Array): Promise<StagedFile> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const discard = () => rm(temp, { force: true });
  try {
    const handle = await open(temp, "wx");
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await discard();
    throw error;
  }
  return {
    path,
    discard,
    async commit() {
      try {
        await rename(temp, path);
      } catch (error) {
        await discard();
        throw error;
      }
    },
  };
}

/** A reader (or a later run) sees either the old content or the whole new one, never a partial file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await (await stageFile(path, data)).commit();
}

/**
 * All or nothing for a set of files (a document's draft, review, Markdown and JSON): every file is
 * written and flushed first; only then are they renamed into place. A full disk while writing leaves
 * the previous set untouched instead of a mix of two runs.
 */
export async function writeFilesAtomic(files: readonly (readonly [string, string | Uint8Array])[], onError: (path: string, error: unknown) => unknown = (_, e) => e): Promise<void> {
  const staged: StagedFile[] = [];
  try {
    for (const [path, data] of files) {
      try {
        staged.push(await stageFile(path, data));
      } catch (error) {
        throw onError(path, error);
      }
    }
  } catch (error) {
    await Promise.all(staged.map((file) => file.discard()));
    throw error;
  }
  // A rename fails when a folder has the target's name: found before any file is renamed.
  for (const file of staged) {
    const info = await stat(file.path).catch(() => undefined);
    if (info?.isDirectory()) {
      await Promise.all(staged.map((f) => f.discard()));
      throw onError(file.path, Object.assign(new Error(`EISDIR: ${file.path}`), { code: "EISDIR" }));
    }
  }
  for (const [index, file] of staged.entries()) {
    try {
      await file.commit();
    } catch (error) {
      await Promise.all(staged.slice(index + 1).map((f) => f.discard()));
      throw onError(file.path, error);
    }
  }
}
