import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../output/atomic.js";
import { outputError } from "../output/errors.js";
import type { FactRef, MeaningCheckRecord, RewriteResult, Usage } from "./types.js";

/**
 * A content-addressed cache of rewritten sections. The key covers everything that changes the answer:
 * the section text and title, the rules version, the prompt version, the provider and the model. An
 * unchanged section is never sent twice; a changed rule set or prompt invalidates everything.
 * Entries carry a checksum of their own content and are checked when read: a torn or edited entry
 * is ignored (and rewritten), never trusted.
 */
export const CACHE_FORMAT = 1;

export interface CacheKeyParts {
  sectionTitle: string;
  text: string;
  rulesVersion: string;
  promptVersion: string;
  provider: string;
  model: string;
  /** The second reader's model: its reading may repair the rewrite, so it is part of the key when one reads. */
  checkModel?: string;
}

export interface CachedSection {
  result: RewriteResult;
  repairs: number;
  /** What producing it cost, when it was produced. */
  usage: Usage;
  model: string;
  /** Personal data the model dropped (its placeholder did not come back). */
  lost?: FactRef[];
  /** The second reader's verdict on `result`: a section read from the cache is not read again. */
  meaningCheck?: MeaningCheckRecord;
}

interface CacheEntry {
  format: number;
  key: string;
  checksum: string;
  createdAt: string;
  value: CachedSection;
}

export function cacheKey(parts: CacheKeyParts): string {
  // Without a second reader the key is what it always was: entries written before it stay valid.
  const check = parts.checkModel === undefined ? [] : [`check:${parts.checkModel}`];
  const canonical = JSON.stringify([CACHE_FORMAT, parts.provider, parts.model, ...check, parts.rulesVersion, parts.promptVersion, parts.sectionTitle, parts.text]);
  return createHash("sha256").update(canonical).digest("hex");
}

export class SectionCache {
  constructor(readonly dir: string) {}

  private pathOf(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<CachedSection | undefined> {
    let raw: string;
    try {
      raw = await readFile(this.pathOf(key), "utf8");
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(raw) as CacheEntry;
      if (entry.format !== CACHE_FORMAT || entry.key !== key) return undefined;
      if (checksum(entry.value) !== entry.checksum) return undefined;
      return entry.value;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: CachedSection, now: Date = new Date()): Promise<void> {
    const entry: CacheEntry = { format: CACHE_FORMAT, key, checksum: checksum(value), createdAt: now.toISOString(), value };
    const path = this.pathOf(key);
    try {
      await writeFileAtomic(path, JSON.stringify(entry));
    } catch (error) {
      throw outputError(path, error) ?? error;
    }
  }
}

function checksum(value: CachedSection): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}
