import { hostname } from "node:os";
import { mkdir, open, readFile, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { ExitCode, FalcError } from "../errors.js";
import { outputError } from "./errors.js";

export const LOCK_FILE = ".falc.lock";

/** Lock files held by this process. */
const heldHere = new Set<string>();

/** A day: longer than a conversion of a whole library, shorter than the life of a CI cache. */
const FOREIGN_LOCK_MAX_AGE_MS = 24 * 60 * 60 * 1000;

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

/**
 * One run at a time per output folder: two runs writing the same outputs and cache entries would
 * interleave their files. The lock file names its owner; a lock whose process is gone (killed, power
 * cut) is stale and taken over, so a crash never blocks the next run.
 */
export async function acquireOutputLock(dir: string, now: Date = new Date()): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    // The folder itself is what cannot be made (a file of that name, no right to write).
    throw outputError(dir, error) ?? error;
  }
  const me: LockOwner = { pid: process.pid, host: hostname(), since: now.toISOString() };
  const key = resolve(path);
  // A lock file with our own pid is taken over as stale (a container restarted with the same pid), so
  // two runs inside one program (the library API) are told apart here.
  if (heldHere.has(key)) {
    throw new FalcError("output-locked", `Le dossier ${dir} est déjà utilisé par une autre conversion falc de ce programme.`, {
      file: dir,
      exitCode: ExitCode.usage,
      hint: "Attendez la fin de l’autre conversion, ou choisissez un autre dossier de sortie.",
    });
  }
  heldHere.add(key); // reserved before any await: a second run of this program sees it at once
  try {
    return await takeLock(path, dir, me, now);
  } catch (error) {
    heldHere.delete(key);
    throw error;
  }
}

async function takeLock(path: string, dir: string, me: LockOwner, now: Date): Promise<() => Promise<void>> {
  const key = resolve(path);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, "wx");
      try {
        await handle.writeFile(JSON.stringify(me));
      } catch (error) {
        // A full disk: leave no empty lock behind.
        await handle.close();
        await rm(path, { force: true });
        throw error;
      }
      await handle.close();
      return async () => {
        heldHere.delete(key);
        // Only our own lock: another run may have taken over one we held too long ago.
        const owner = await readOwner(path);
        if (owner?.pid === me.pid && owner.since === me.since) await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw outputError(path, error) ?? error;
      const owner = await readOwner(path);
      if (owner && isAlive(owner, now)) {
        throw new FalcError("output-locked", `Le dossier ${dir} est déjà utilisé par une autre conversion falc (processus ${owner.pid}, depuis le ${sinceText(owner.since)}).`, {
          file: dir,
          exitCode: ExitCode.usage,
          hint: `Attendez la fin de l’autre conversion, ou choisissez un autre dossier avec --out. Si aucune conversion ne tourne, supprimez ${path}.`,
        });
      }
      await rm(path, { force: true }); // stale: its process is gone
    }
  }
  throw new FalcError("output-locked", `Impossible de réserver le dossier ${dir} : une autre conversion vient de le prendre.`, { file: dir, exitCode: ExitCode.usage });
}

async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as LockOwner;
  } catch {
    return undefined; // torn or empty: treated as stale
  }
}

function isAlive(owner: LockOwner, now: Date): boolean {
  // A lock from another machine (a shared folder) cannot be checked: respect it, unless it is older
  // than any real run, as one restored from a CI cache is.
  if (owner.host !== hostname()) return now.getTime() - Date.parse(owner.since) < FOREIGN_LOCK_MAX_AGE_MS;
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The output folders of one run, each locked on first use and all released at the end: documents
 * converted at the same time may share a folder, and the run holds it once.
 */
export class FolderLocks {
  private readonly held = new Map<string, Promise<() => Promise<void>>>();

  acquire(dir: string): Promise<unknown> {
    const key = resolve(dir);
    let lock = this.held.get(key);
    if (!lock) {
      lock = acquireOutputLock(dir);
      this.held.set(key, lock);
    }
    return lock;
  }

  async releaseAll(): Promise<void> {
    const locks = [...this.held.values()];
    this.held.clear();
    for (const lock of locks) {
      const release = await lock.catch(() => undefined);
      await release?.();
    }
  }
}

/** « 28/11/2026 à 21:12 », in the user's time zone; the raw value if it is not a date. */
function sinceText(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toLocaleDateString("fr-FR")} à ${date.toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit" })}`;
}
