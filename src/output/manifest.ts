import { createHash } from "node:crypto";
import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "./atomic.js";
import { outputError } from "./errors.js";

export const MANIFEST_FILE = "falc-manifest.json";

/** What the last run did with one input: enough to skip it next time if nothing changed. */
export interface ManifestEntry {
  sha256: string;
  /** Hash of everything else that changes the outputs: rules, prompt, provider, model, formats. */
  settings: string;
  outputs: string[];
  score: { before: number | null; after: number | null };
  missingFacts: number;
  addedFacts: number;
  status: "converted" | "failed";
  /** Hash of the review document as falc wrote it: a different file on disk was filled in by its readers. */
  reviewSha256?: string;
  error?: { code: string; message: string };
  updatedAt: string;
}

export interface Manifest {
  version: 1;
  inputs: Record<string, ManifestEntry>;
}

/**
 * `falc-manifest.json` in the output folder (with --out): per input, its hash, outputs, scores and
 * status. An input whose hash and settings are unchanged, and whose outputs are all still there, is
 * skipped without being read again. Written atomically after each document, so that a run killed at
 * any moment leaves a manifest that describes exactly the outputs that exist.
 */
export class ManifestStore {
  private writes: Promise<void> = Promise.resolve();
  /** The write queued behind the one under way, not started yet: it will hold any entry recorded now. */
  private queued: Promise<void> | undefined;

  private constructor(
    private readonly path: string,
    private readonly manifest: Manifest,
  ) {}

  static async open(outDir: string): Promise<ManifestStore> {
    const path = join(outDir, MANIFEST_FILE);
    let manifest: Manifest = { version: 1, inputs: {} };
    try {
      const parsed = JSON.parse(await readFile(path, "utf8")) as Manifest;
      if (parsed.version === 1 && typeof parsed.inputs === "object" && parsed.inputs !== null) manifest = parsed;
    } catch {
      // Absent or unreadable: start afresh; every input is then converted (or read from the cache).
    }
    return new ManifestStore(path, manifest);
  }

  async isUpToDate(input: string, sha256: string, settings: string): Promise<boolean> {
    const entry = this.manifest.inputs[input];
    if (!entry || entry.status !== "converted" || entry.sha256 !== sha256 || entry.settings !== settings) return false;
    try {
      await Promise.all(entry.outputs.map((output) => access(output)));
      return true;
    } catch {
      return false;
    }
  }

  entry(input: string): ManifestEntry | undefined {
    return this.manifest.inputs[input];
  }

  /**
   * Documents finish concurrently: writes are chained so that a later snapshot never lands before an
   * earlier one, and the file on disk always ends with every recorded entry. Documents that finish
   * while a write is under way share the next one: a library of thousands is not rewritten per document.
   */
  record(input: string, entry: ManifestEntry): Promise<void> {
    this.manifest.inputs[input] = entry;
    if (this.queued) return this.queued;
    const write = this.writes.then(async () => {
      this.queued = undefined;
      try {
        await writeFileAtomic(this.path, JSON.stringify(this.manifest, null, 2) + "\n");
      } catch (error) {
        throw outputError(this.path, error) ?? error;
      }
    });
    this.queued = write;
    this.writes = write.catch(() => undefined);
    return write;
  }
}

export function fileHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function settingsHash(parts: readonly string[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 16);
}
