import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MANIFEST_FILE, ManifestStore, type ManifestEntry } from "../../src/output/manifest.js";
import { tempDir } from "../helpers/temp.js";

const tmp = tempDir("falc-manifest-");

const entry = (n: number): ManifestEntry => ({
  sha256: `sha-${n}`,
  settings: "s",
  outputs: [`doc-${n}.falc.md`],
  score: { before: 40, after: 70 },
  missingFacts: 0,
  addedFacts: 0,
  status: "converted",
  updatedAt: "2026-03-02T10:00:00.000Z",
});

describe("falc-manifest.json when many documents finish together", () => {
  it("has each document's entry on disk by the time its record() resolves, and every entry at the end", async () => {
    const dir = tmp.dir;
    const store = await ManifestStore.open(dir);
    const onDisk = () => JSON.parse(readFileSync(join(dir, MANIFEST_FILE), "utf8")).inputs as Record<string, ManifestEntry>;
    const seen: boolean[] = [];
    // 300 documents finishing in the same tick, as when a batch ends: they share writes.
    await Promise.all(Array.from({ length: 300 }, (_, n) => store.record(`doc-${n}.md`, entry(n)).then(() => seen.push(onDisk()[`doc-${n}.md`]?.sha256 === `sha-${n}`))));
    expect(seen).toHaveLength(300);
    expect(seen.every(Boolean)).toBe(true);
    expect(Object.keys(onDisk())).toHaveLength(300);

    // A later document, recorded once those writes are done, gets its own write.
    await store.record("late.md", entry(999));
    expect(onDisk()["late.md"]!.sha256).toBe("sha-999");
    expect((await ManifestStore.open(dir)).entry("doc-299.md")!.sha256).toBe("sha-299");
  });
});
