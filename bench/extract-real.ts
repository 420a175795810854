/**
 * `npm run bench:extract`: `falc extract` on long real PDFs, whole process (the compiled CLI, as users
 * run it): median wall time of 3 runs and peak memory. The two PDFs are made with poppler's
 * pdfunite from the public documents of ../shared/corpus/real-docs (160 pages: the DGCS guide four
 * times, the crèche rules and the medical certificate; 142 pages: the crèche rules five times, the
 * holiday questionnaire and the pedagogical project), so that they hold every layout of those files:
 * Word exports with tables of contents, ruled tables, InDesign forms with sidebars. Skipped where the
 * corpus or pdfunite is absent. Figures vary with machine load: run it on an idle machine.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const ROOT = join(import.meta.dirname, "..");
const DOCS = join(ROOT, "..", "shared", "corpus", "real-docs");
const RUNS = 3;

const BOOKS: Record<string, string[]> = {
  "reel-160-pages.pdf": [
    ...Array(4).fill("emjpm-dgcs-guide-enquetes.pdf"),
    "capucine-RI_Creche_CAPUCINE_2017.pdf",
    "mdph-certificat-medical.pdf",
  ],
  "reel-142-pages.pdf": [
    ...Array(5).fill("capucine-RI_Creche_CAPUCINE_2017.pdf"),
    "vao-annexe5-questionnaire-vacanciers.pdf",
    "capucine-projet_pedagogique_2018.pdf",
  ],
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function extractOnce(path: string): { ms: number; maxRssMb: number } {
  const start = performance.now();
  const result = spawnSync(
    process.execPath,
    ["--import", join(ROOT, "bench", "report-rss.mjs"), join(ROOT, "bin", "falc.js"), "extract", path, "--format", "json"],
    { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`falc extract ${path} : ${result.stderr}`);
  const rss = /falc-bench-maxrss-kb=(\d+)/.exec(result.stderr)?.[1];
  return { ms, maxRssMb: Number(rss ?? 0) / 1024 };
}

if (!existsSync(DOCS) || spawnSync("pdfunite", ["-v"]).error) {
  console.log("Mesure sautée : ../shared/corpus/real-docs ou pdfunite (poppler-utils) est absent.");
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), "falc-bench-extract-"));
try {
  for (const [name, parts] of Object.entries(BOOKS)) {
    const path = join(work, name);
    const made = spawnSync("pdfunite", [...parts.map((part) => join(DOCS, part)), path]);
    if (made.status !== 0) throw new Error(`pdfunite : ${made.stderr}`);
    const runs = Array.from({ length: RUNS }, () => extractOnce(path));
    const ms = median(runs.map((run) => run.ms));
    const rss = Math.max(...runs.map((run) => run.maxRssMb));
    console.log(`${name} : ${(ms / 1000).toFixed(2)} s (médiane de ${RUNS}), mémoire maximale ${rss.toFixed(0)} Mo`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
