import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it, vi } from "vitest";
import { writeFileAtomic, writeFilesAtomic } from "../../src/output/atomic.js";
import type { FalcError } from "../../src/errors.js";
import { outputError } from "../../src/output/errors.js";
import { ManifestStore } from "../../src/output/manifest.js";
import { tempDir } from "../helpers/temp.js";

/**
 * A full disk (ENOSPC), for real. On every Linux machine: /dev/full, a device whose writes the kernel
 * refuses with ENOSPC. Where an unprivileged user and mount namespace is allowed: the whole CLI writing
 * its outputs to a tiny tmpfs that fills up during the run.
 */

const tmp = tempDir("falc-disk-full-");
const ROOT = join(import.meta.dirname, "..", "..");
const DEV_FULL = "/dev/full";
const HAS_DEV_FULL = existsSync(DEV_FULL);

// writeFileAtomic writes a temporary file of its own, which cannot be /dev/full: while `toDevFull` is
// set, the temporary file is created as usual and its writes go to /dev/full, so that the kernel, not
// the test, raises the error that writeFileAtomic must clean up after.
const redirect = vi.hoisted(() => ({ toDevFull: false, only: undefined as string | undefined }));
vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  const open: typeof real.open = async (path, flags, mode) => {
    if (redirect.toDevFull && String(path).endsWith(".tmp") && flags === "wx" && (redirect.only === undefined || String(path).includes(redirect.only))) {
      await (await real.open(path, flags, mode)).close();
      return real.open("/dev/full", "w");
    }
    return real.open(path, flags, mode);
  };
  return { ...real, open, default: { ...real, open } };
});

describe.runIf(HAS_DEV_FULL)("ENOSPC from the kernel (/dev/full)", () => {
  it("is mapped to a French message naming the file, exit 2, with what to do", async () => {
    const error = await writeFile(DEV_FULL, "Le prix de journée est de 74,50 €.").then(
      () => undefined,
      (e: unknown) => e as NodeJS.ErrnoException,
    );
    expect(error?.code).toBe("ENOSPC");
    const mapped = outputError("/srv/falc/contrat.falc.docx", error);
    expect(mapped?.code).toBe("output-unwritable");
    expect(mapped?.exitCode).toBe(2);
    expect(mapped?.message).toBe("Impossible d’écrire /srv/falc/contrat.falc.docx : le disque est plein. Aucun fichier à moitié écrit n’a été laissé.");
    expect(mapped?.hint).toContain("Libérez de la place, puis relancez la même commande");
  });

  it("makes writeFileAtomic fail with ENOSPC and leave neither the file nor its temporary file", async () => {
    const dir = tmp.path("atomic");
    mkdirSync(dir);
    redirect.toDevFull = true;
    const error = await writeFileAtomic(join(dir, "contrat.falc.md"), "x".repeat(100_000)).then(
      () => undefined,
      (e: unknown) => e as NodeJS.ErrnoException,
    );
    redirect.toDevFull = false;
    expect(error?.code).toBe("ENOSPC");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("makes a set of outputs all or nothing: the previous set stays whole when one file does not fit", async () => {
    const dir = tmp.path("set");
    mkdirSync(dir);
    const previous = { "contrat.falc.md": "ancienne version\n", "contrat.falc.json": '{"ancien":true}\n' };
    for (const [name, text] of Object.entries(previous)) await writeFile(join(dir, name), text);
    redirect.toDevFull = true;
    redirect.only = "contrat.falc.json";
    const error = await writeFilesAtomic([
      [join(dir, "contrat.falc.md"), "nouvelle version\n"],
      [join(dir, "contrat.falc.json"), '{"nouveau":true}\n'],
    ]).then(
      () => undefined,
      (e: unknown) => e as NodeJS.ErrnoException,
    );
    redirect.toDevFull = false;
    redirect.only = undefined;
    expect(error?.code).toBe("ENOSPC");
    expect(readdirSync(dir).sort()).toEqual(["contrat.falc.json", "contrat.falc.md"]);
    for (const [name, text] of Object.entries(previous)) expect(readFileSync(join(dir, name), "utf8")).toBe(text);
  });

  it("makes the manifest's write fail with the same French error, not an unexpected one", async () => {
    const dir = tmp.path("manifest");
    mkdirSync(dir);
    const manifest = await ManifestStore.open(dir);
    redirect.toDevFull = true;
    const error = await manifest
      .record("docs/contrat.docx", { sha256: "a", settings: "b", outputs: [], score: { before: 40, after: 60 }, missingFacts: 0, addedFacts: 0, status: "converted", updatedAt: "2026-11-28T10:00:00.000Z" })
      .then(
        () => undefined,
        (e: unknown) => e as FalcError,
      );
    redirect.toDevFull = false;
    expect(error?.code).toBe("output-unwritable");
    expect(error?.message).toContain("falc-manifest.json : le disque est plein");
    expect(readdirSync(dir)).toEqual([]);
  });
});

/** Runs `script` as root of a new user and mount namespace; undefined when the machine does not allow it. */
function inNamespace(script: string, env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync("unshare", ["--user", "--map-root-user", "--mount", "sh", "-c", script], { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8", timeout: 60_000 });
  return { status: result.error ? null : result.status, stdout: result.stdout ?? "", stderr: (result.stderr ?? "") + (result.error ? String(result.error) : "") };
}

function namespaceRefusal(): string | undefined {
  const probe = tmp.path("probe");
  mkdirSync(probe, { recursive: true });
  const result = inNamespace('mount -t tmpfs -o size=64k tmpfs "$PROBE"', { PROBE: probe });
  if (result.status === 0) return undefined;
  return `unshare --user --map-root-user --mount + mount -t tmpfs is not permitted here (${result.stderr.trim().split("\n")[0] || `exit ${result.status}`})`;
}

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** Everything in a folder, recursively, with sizes. */
function listing(dir: string): Record<string, number> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true })
      .map(String)
      .filter((file) => statSync(join(dir, file)).isFile())
      .map((file) => [file, statSync(join(dir, file)).size]),
  );
}

describe("falc convert on a disk that fills up during the run (tmpfs in a user namespace)", () => {
  it("exits 2 with the French message, leaves no partial or temporary file, keeps the input, and a rerun with room finishes", (context) => {
    const refusal = namespaceRefusal();
    if (refusal) context.skip(refusal);

    const input = tmp.write("contrat-de-sejour.md", readFileSync(join(ROOT, "fixtures", "contrat-de-sejour.md")));
    const before = { hash: sha256(input), mtime: statSync(input).mtimeMs };
    const paths = { IN: input, OUT: tmp.path("tmpfs"), CACHE: tmp.path("cache"), SNAP1: tmp.path("after-full"), SNAP2: tmp.path("after-rerun"), ERR1: tmp.path("stderr-1"), ERR2: tmp.path("stderr-2") };
    for (const dir of [paths.OUT, paths.SNAP1, paths.SNAP2]) mkdirSync(dir, { recursive: true });
    // 256 KiB: room for the two DOCX and the Markdown (about 185 KiB with their pictures), not for the JSON
    // report too (about 145 KiB).
    // The tmpfs only exists inside the namespace, so what it holds is copied out before the namespace ends.
    const convert = 'node --import tsx scripts/dev.ts convert "$IN" -o "$OUT" --provider offline --cache-dir "$CACHE" -q';
    const result = inNamespace(
      [
        'mount -t tmpfs -o size=256k tmpfs "$OUT" || exit 97',
        `${convert} 2>"$ERR1"; echo "rc1=$?"`,
        'df -k "$OUT" | tail -1',
        'cp -a "$OUT/." "$SNAP1/"',
        // « Libérez de la place » : the same folder, with room.
        'mount -o remount,size=2m "$OUT" || exit 98',
        `${convert} 2>"$ERR2"; echo "rc2=$?"`,
        'cp -a "$OUT/." "$SNAP2/"',
      ].join("\n"),
      paths,
    );
    expect(result.status, result.stderr).toBe(0);

    // The full disk: exit 2, the French message naming the output that did not fit.
    expect(result.stdout).toMatch(/^rc1=2$/m);
    const stderr1 = readFileSync(paths.ERR1, "utf8");
    const jsonOut = join(paths.OUT, "contrat-de-sejour.falc.json");
    expect(stderr1).toBe(
      `Erreur : Impossible d’écrire ${jsonOut} : le disque est plein. Aucun fichier à moitié écrit n’a été laissé.\n` +
        "  → Libérez de la place, puis relancez la même commande : les sections déjà réécrites ne seront pas redemandées.\n",
    );
    // Nothing partial: no temporary file, no lock, no manifest claiming outputs; what was written is whole.
    // All or nothing: the outputs that fitted were not put in place without the one that did not.
    expect(listing(paths.SNAP1)).toEqual({});

    // Room again: the same command finishes and writes everything.
    expect(result.stdout).toMatch(/^rc2=0$/m);
    expect(readFileSync(paths.ERR2, "utf8")).toBe("");
    const afterRerun = listing(paths.SNAP2);
    expect(Object.keys(afterRerun).sort()).toEqual([
      "contrat-de-sejour.falc.docx",
      "contrat-de-sejour.falc.json",
      "contrat-de-sejour.falc.md",
      "contrat-de-sejour.relecture.docx",
      "falc-manifest.json",
    ]);
    const report = JSON.parse(readFileSync(join(paths.SNAP2, "contrat-de-sejour.falc.json"), "utf8")) as { sections: unknown[] };
    expect(report.sections.length).toBeGreaterThan(5);

    // The input is untouched.
    expect(sha256(input)).toBe(before.hash);
    expect(statSync(input).mtimeMs).toBe(before.mtime);
  }, 90_000);
});
