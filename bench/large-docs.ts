/**
 * Issue #16, item 2: long documents through `extract`, `score` and `convert --dry-run`, whole process
 * (the compiled CLI, as users run it). The DOCX is tests/helpers/make-docx.ts's `longDocx(pages)` (per
 * page: a heading, five paragraphs, a three-item list, a table every five pages), the PDF is
 * bench/make-large-pdf.ts's contract (`makeLargePdf(pages)`, really that many pages); both are made in
 * a temporary folder at 250, 500 and 1,000 pages. Prints each run's time and peak memory, then the
 * slope (milliseconds per page, least squares over the three sizes) and the time ratio 1,000 / 250
 * pages (4 when time is linear in pages). One run per point: read the load average printed with it.
 * Run: `npm run build && node --import tsx bench/large-docs.ts` (`FALC_BIN` measures another build,
 * `FALC_BENCH_FORMATS=DOCX` or `=PDF` measures one format only).
 */
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { longDocx } from "../tests/helpers/make-docx.js";
import { makeLargePdf } from "./make-large-pdf.js";

const ROOT = join(import.meta.dirname, "..");
const BIN = process.env.FALC_BIN ?? join(ROOT, "bin", "falc.js");
const PAGES = [250, 500, 1000];
const FORMATS = (process.env.FALC_BENCH_FORMATS ?? "DOCX,PDF").split(",").map((format) => format.trim().toUpperCase());
const COMMANDS: Record<string, string[]> = {
  "extract --format json": ["extract", "--format", "json"],
  "score --format json": ["score", "--format", "json"],
  "convert --dry-run": ["convert", "--dry-run"],
};

function runOnce(args: string[], file: string, out: string): { ms: number; maxRssMb: number } {
  const fd = openSync(out, "w");
  try {
    const start = performance.now();
    const result = spawnSync(process.execPath, ["--import", join(ROOT, "bench", "report-rss.mjs"), BIN, args[0]!, file, ...args.slice(1)], {
      stdio: ["ignore", fd, "pipe"],
      encoding: "utf8",
      cwd: tmpdir(),
    });
    const ms = performance.now() - start;
    if (result.status !== 0 && result.status !== 1) throw new Error(`falc ${args.join(" ")} ${file} : ${result.stderr}`);
    const rss = /falc-bench-maxrss-kb=(\d+)/.exec(result.stderr)?.[1];
    return { ms, maxRssMb: Number(rss ?? 0) / 1024 };
  } finally {
    closeSync(fd);
  }
}

/** Milliseconds per page: the least-squares slope of time against pages. */
function slope(points: { pages: number; ms: number }[]): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.pages, 0) / n;
  const my = points.reduce((s, p) => s + p.ms, 0) / n;
  const num = points.reduce((s, p) => s + (p.pages - mx) * (p.ms - my), 0);
  const den = points.reduce((s, p) => s + (p.pages - mx) ** 2, 0);
  return num / den;
}

const work = mkdtempSync(join(tmpdir(), "falc-bench-large-"));
try {
  const files: { format: string; pages: number; path: string }[] = [];
  for (const pages of PAGES) {
    if (FORMATS.includes("DOCX")) {
      const docx = join(work, `long-${pages}.docx`);
      writeFileSync(docx, await longDocx(pages));
      files.push({ format: "DOCX", pages, path: docx });
    }
    if (FORMATS.includes("PDF")) {
      const pdf = join(work, `long-${pages}.pdf`);
      writeFileSync(pdf, await makeLargePdf(pages));
      files.push({ format: "PDF", pages, path: pdf });
    }
  }
  const out = join(work, "out");
  for (const format of ["DOCX", "PDF"].filter((name) => FORMATS.includes(name))) {
    for (const [label, args] of Object.entries(COMMANDS)) {
      const points = files
        .filter((file) => file.format === format)
        .map((file) => ({ pages: file.pages, ...runOnce(args, file.path, out), load: loadavg()[0]! }));
      const detail = points.map((p) => `${p.pages} p. ${(p.ms / 1000).toFixed(1)} s ${p.maxRssMb.toFixed(0)} Mo (charge ${p.load.toFixed(1)})`).join(" · ");
      const ratio = points[points.length - 1]!.ms / points[0]!.ms;
      console.log(`${format} ${label} : ${slope(points).toFixed(1)} ms par page, 1 000 / 250 pages ${ratio.toFixed(1)} × ; ${detail}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
