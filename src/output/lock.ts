import { hostname } from "node:os";
import { mkdir, open, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { ExitCode, FalcError } from "../errors.js";
import { outputError } from "./errors.js";

export const LOCK_FILE = ".falc.lock";

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
    throw outputError(path, error) ?? error;
  }
  const me: LockOwner = { pid: process.pid, host: hostname(), since: now.toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(JSON.stringify(me));
      await handle.close();
      return async () => {
        await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw outputError(path, error) ?? error;
      const owner = await readOwner(path);
      if (owner && isAlive(owner)) {
        throw new FalcError("output-locked", `Le dossier ${dir} est déjà utilisé par une autre conversion falc (processus ${owner.pid}, depuis ${owner.since}).`, {
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

function isAlive(owner: LockOwner): boolean {
  // A lock from another machine (a shared folder) cannot be checked: respect it.
  if (owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
