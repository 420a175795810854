// Runs in a fresh process over the compiled library: ingest one file, print time and peak RSS as JSON.
import { performance } from "node:perf_hooks";

const path = process.argv[2];
const start = performance.now();
const { ingestFile } = await import("../dist/ingest/index.js");
const document = await ingestFile(path);
const ms = performance.now() - start;
const words = document.sections.reduce((sum, section) => sum + section.wordCount, 0);
process.stdout.write(JSON.stringify({ ms, words, sections: document.sections.length, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
