/**
 * Reads a PDF with the PDF reader and prints the time it took; run under `/usr/bin/time -v` for the
 * peak RSS. node --import tsx bench/read-pdf.ts /tmp/falc-large.pdf
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { readPdf } from "../src/ingest/pdf/index.js";
import { DEFAULT_LIMITS } from "../src/ingest/types.js";
import { buildDocument } from "../src/model/build.js";

const path = process.argv[2] ?? "/tmp/falc-large.pdf";
const bytes = new Uint8Array(readFileSync(path));
const runs = Number(process.argv[3] ?? 3);
for (let run = 1; run <= runs; run++) {
  const start = performance.now();
  const result = await readPdf(bytes, { path, limits: DEFAULT_LIMITS });
  const read = performance.now() - start;
  const document = buildDocument({ path, format: "pdf", bytes, ...result });
  const words = document.sections.reduce((sum, section) => sum + section.wordCount, 0);
  console.log(
    `run ${run}: ${read.toFixed(0)} ms to read, ${(performance.now() - start).toFixed(0)} ms with buildDocument; ` +
      `${result.blocks.length} blocks, ${words} words, ${document.sections.length} sections, ` +
      `rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} Mio`,
  );
}
