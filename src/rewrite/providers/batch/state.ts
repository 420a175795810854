import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../../../output/atomic.js";

/**
 * What a run remembers of each Message Batch it submitted, one JSON file per batch, so that a run
 * interrupted while the batch runs (Ctrl-C, kill -9, a closed laptop) picks the same batch up again
 * instead of paying for it twice. Holds the batch id, its creation date and the custom_id of each
 * request (a hash of the request): never a credential, never a text.
 */
export interface BatchRecord {
  id: string;
  /** RFC 3339, as the API gave it. */
  created_at: string;
  model: string;
  custom_ids: string[];
}

/** Anthropic keeps a batch's results this long after its creation; past that, a record is useless. */
export const RESULTS_KEPT_MS = 29 * 24 * 60 * 60 * 1000;

const FORMAT = 1;
const SUFFIX = ".batch.json";
const BATCH_ID = /^[A-Za-z0-9_-]{1,200}$/;
const CUSTOM_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface BatchStore {
  /** The records still worth resuming, newest first. Removes the expired ones; skips (and reports) unreadable ones. */
  read(): Promise<BatchRecord[]>;
  save(record: BatchRecord): Promise<void>;
  remove(id: string): Promise<void>;
}

export function batchStore(dir: string, options: { now: () => Date; onCorrupt: (file: string) => void }): BatchStore {
  const pathOf = (id: string) => join(dir, `${id}${SUFFIX}`);
  return {
    async read() {
      let names: string[];
      try {
        names = (await readdir(dir)).filter((name) => name.endsWith(SUFFIX));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
        throw error;
      }
      const records: BatchRecord[] = [];
      const now = options.now().getTime();
      for (const name of names) {
        const file = join(dir, name);
        const record = parseRecord(await readFile(file, "utf8").catch(() => ""));
        if (record === undefined) {
          options.onCorrupt(file);
          continue;
        }
        if (now - Date.parse(record.created_at) > RESULTS_KEPT_MS) {
          await rm(file, { force: true });
          continue;
        }
        records.push(record);
      }
      return records.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
    },
    save(record) {
      if (!BATCH_ID.test(record.id)) throw new Error(`unexpected batch id: ${record.id}`);
      return writeFileAtomic(pathOf(record.id), `${JSON.stringify({ format: FORMAT, ...record }, null, 1)}\n`);
    },
    async remove(id) {
      if (BATCH_ID.test(id)) await rm(pathOf(id), { force: true });
    },
  };
}

/** A record written by this module, or undefined for anything else (torn, edited, another format). */
function parseRecord(text: string): BatchRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const { format, id, created_at, model, custom_ids } = value as Record<string, unknown>;
  if (format !== FORMAT || typeof id !== "string" || !BATCH_ID.test(id)) return undefined;
  if (typeof created_at !== "string" || Number.isNaN(Date.parse(created_at)) || typeof model !== "string") return undefined;
  if (!Array.isArray(custom_ids) || !custom_ids.every((customId) => typeof customId === "string" && CUSTOM_ID.test(customId))) return undefined;
  return { id, created_at, model, custom_ids };
}
