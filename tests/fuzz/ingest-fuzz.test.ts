import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFile } from "../../src/ingest/index.js";
import { Rng, caseSeed, mutateBytes, mutateMarkdown, type Mutated } from "./mutate.js";
import { problemWith, rejectionCode, withTimeLimit } from "./outcome.js";
import { mutatePdf } from "./pdf-mutate.js";
import { isAbsorbedPdfjsRejection } from "../../src/ingest/pdf/pdfjs.js";
import { tempDir } from "../helpers/temp.js";
import { mutateArchive } from "./zip-mutate.js";

/**
 * Mutated DOCX, ODT, PDF and Markdown files, from the shipped fixtures and a fixed seed: each must
 * give a document with consistent offsets or a clean FalcError (exit code 2, naming the file),
 * never another exception, a hang or runaway memory.
 *
 * FALC_FUZZ_CASES sets the cases per format, FALC_FUZZ_SEED the seed. A failing input is kept in
 * $TMPDIR/falc-fuzz-failures/ to be replayed with `falc score` or a regression test.
 */

const SEED = Number(process.env.FALC_FUZZ_SEED ?? 0x5eedfa1c);
const CASES = Number(process.env.FALC_FUZZ_CASES ?? 100);
const TIME_LIMIT_MS = 5_000;
const MAX_RSS_BYTES = 1.5 * 1024 ** 3;
const FIXTURES = join(import.meta.dirname, "../../fixtures");
const FAILURES = join(tmpdir(), "falc-fuzz-failures");

type Format = "docx" | "odt" | "pdf" | "md";

const MUTATORS: Record<Format, (bytes: Uint8Array, rng: Rng) => Mutated> = {
  // A third of the ZIP cases are blind byte noise (the container), the rest reach the XML.
  docx: (bytes, rng) => (rng.chance(0.35) ? mutateBytes(bytes, rng) : mutateArchive(bytes, rng, "docx")),
  odt: (bytes, rng) => (rng.chance(0.35) ? mutateBytes(bytes, rng) : mutateArchive(bytes, rng, "odt")),
  pdf: mutatePdf,
  md: mutateMarkdown,
};

interface Tally {
  cases: number;
  accepted: number;
  rejected: Map<string, number>;
  failures: string[];
  slowestMs: number;
  slowest: string;
}

const tallies = new Map<Format, Tally>();
const strayErrors: string[] = [];
let maxRss = 0;
let maxRssCase = "";
/** The case being read, to name it when a stray rejection or exception shows up. */
let currentCase = "";
const started = performance.now();
const tmp = tempDir("falc-fuzz-");

let absorbedRejections = 0;

function onUnhandled(reason: unknown): void {
  // pdfjs's worker drops some promises on broken files; the PDF reader absorbs exactly those.
  if (isAbsorbedPdfjsRejection(reason)) {
    absorbedRejections++;
    return;
  }
  const described = reason instanceof Error ? `${reason.name}: ${reason.message}\n${reason.stack}` : String(reason);
  strayErrors.push(`unhandled rejection during ${currentCase}: ${described}`);
}
function onUncaught(error: Error): void {
  strayErrors.push(`uncaught exception during ${currentCase}: ${error.name}: ${error.message}\n${error.stack}`);
}

beforeAll(() => {
  process.on("unhandledRejection", onUnhandled);
  process.on("uncaughtException", onUncaught);
});

afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
  process.off("uncaughtException", onUncaught);
  console.log(summary());
});

function fixtures(format: Format): Uint8Array[] {
  const names = readdirSync(FIXTURES).filter((name) => name.endsWith(`.${format}`) && name !== "README.md");
  return names.sort().map((name) => new Uint8Array(readFileSync(join(FIXTURES, name))));
}

async function runCase(format: Format, index: number, bases: Uint8Array[], tally: Tally): Promise<void> {
  const rng = new Rng(caseSeed(SEED, format, index));
  const baseIndex = rng.int(bases.length);
  const mutated = MUTATORS[format](bases[baseIndex]!, rng);
  const path = tmp.write(`cas-${index}.${format}`, mutated.bytes);
  const name = `${format} #${index} (fixture ${baseIndex}: ${mutated.label})`;
  currentCase = name;
  const begin = performance.now();
  const outcome = await withTimeLimit(() => ingestFile(path), TIME_LIMIT_MS);
  const elapsed = performance.now() - begin;
  tally.cases++;
  if (elapsed > tally.slowestMs) [tally.slowestMs, tally.slowest] = [elapsed, name];
  if (outcome.kind === "accepted") tally.accepted++;
  if (outcome.kind === "rejected") tally.rejected.set(rejectionCode(outcome), (tally.rejected.get(rejectionCode(outcome)) ?? 0) + 1);
  const problem = problemWith(outcome, path);
  if (problem) {
    mkdirSync(FAILURES, { recursive: true });
    const kept = join(FAILURES, `seed-${SEED}-${format}-${index}.${format}`);
    writeFileSync(kept, mutated.bytes);
    tally.failures.push(`${name}: ${problem}\n    input kept in ${kept}`);
  }
  // Hung reads may still be running: the file stays for them (the folder goes in afterAll).
  if (outcome.kind !== "timeout") rmSync(path, { force: true });
  const rss = process.memoryUsage().rss;
  if (rss > maxRss) [maxRss, maxRssCase] = [rss, name];
}

function summary(): string {
  const lines = [`Fuzz d’ingestion : graine ${SEED}, ${CASES} cas par format, ${((performance.now() - started) / 1000).toFixed(1)} s`];
  for (const [format, tally] of tallies) {
    const rejected = [...tally.rejected].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n}`).join(", ");
    lines.push(
      `  ${format.padEnd(4)} ${tally.cases} cas : ${tally.accepted} acceptés, ${tally.cases - tally.accepted} refusés (${rejected || "aucun"}), ` +
        `${tally.failures.length} anomalies ; le plus lent ${tally.slowestMs.toFixed(0)} ms (${tally.slowest.slice(0, 120)})`,
    );
  }
  lines.push(`  rejets internes de pdfjs absorbés par le lecteur PDF : ${absorbedRejections}`);
  lines.push(`  mémoire (RSS) maximale : ${(maxRss / 1024 / 1024).toFixed(0)} Mo (après ${maxRssCase.slice(0, 120)})`);
  return lines.join("\n");
}

describe(`ingestion survives mutated input (seed ${SEED}, ${CASES} cases per format)`, () => {
  const formats: Format[] = ["docx", "odt", "pdf", "md"];
  for (const format of formats) {
    it(
      `${format}: every case gives a consistent document or a clean error`,
      async () => {
        const bases = fixtures(format);
        expect(bases.length).toBeGreaterThan(0);
        const tally: Tally = { cases: 0, accepted: 0, rejected: new Map(), failures: [], slowestMs: 0, slowest: "" };
        tallies.set(format, tally);
        for (let index = 0; index < CASES; index++) await runCase(format, index, bases, tally);
        expect(tally.failures, tally.failures.join("\n")).toEqual([]);
        expect(maxRss).toBeLessThan(MAX_RSS_BYTES);
        // Mutations must leave some inputs readable, or the fuzzer only tests the error paths.
        expect(tally.accepted).toBeGreaterThan(0);
      },
      // Generous: a hang is caught per case by TIME_LIMIT_MS and reported as such.
      Math.max(60_000, CASES * TIME_LIMIT_MS),
    );
  }

  it("no promise was left rejected and no exception escaped", () => {
    expect(strayErrors, strayErrors.join("\n")).toEqual([]);
  });
});
