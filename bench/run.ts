/**
 * `npm run bench`: start time, ingest time and peak memory on large documents, scoring throughput,
 * and `falc score` wall time. Child processes run the compiled CLI (dist/), as users do.
 * Figures vary with machine load: run it on an idle machine and read medians.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { longDocx } from "../tests/helpers/make-docx.js";
import { makeLargePdf } from "./make-large-pdf.js";
import { benchScoreBig } from "./score-big.js";

const ROOT = join(import.meta.dirname, "..");
const work = mkdtempSync(join(tmpdir(), "falc-bench-"));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (n: number, digits = 0) => n.toLocaleString("fr-FR", { maximumFractionDigits: digits });

function timeCommand(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, [join(ROOT, "bin", "falc.js"), ...args], { encoding: "utf8" });
    times.push(performance.now() - start);
    if (result.status !== 0 && result.status !== 1) throw new Error(`falc ${args.join(" ")} : ${result.stderr}`);
  }
  return median(times);
}

function ingestInChild(path: string): { ms: number; words: number; sections: number; maxRssMb: number } {
  const out = execFileSync(process.execPath, [join(ROOT, "bench", "child-ingest.mjs"), path], { encoding: "utf8" });
  return JSON.parse(out);
}

function throughput(): { rules: number; analyze: number; words: number; source: string } {
  return JSON.parse(execFileSync(process.execPath, [join(ROOT, "bench", "child-throughput.mjs")], { encoding: "utf8" }));
}

try {
  console.log("falc — mesures (médianes)\n");
  console.log(`falc --help : ${fmt(timeCommand(["--help"], 15))} ms (démarrage, 15 essais)`);

  const docx = join(work, "long-100.docx");
  writeFileSync(docx, await longDocx(100));
  const pdf = join(work, "long-100.pdf");
  writeFileSync(pdf, await makeLargePdf(100));
  const docx10 = join(work, "long-10.docx");
  writeFileSync(docx10, await longDocx(10));

  for (const [label, path] of [["DOCX de 100 pages", docx], ["PDF de 100 pages", pdf]] as const) {
    const runs = [ingestInChild(path), ingestInChild(path), ingestInChild(path)];
    const r = runs.sort((a, b) => a.ms - b.ms)[1]!;
    console.log(`Lecture ${label} : ${fmt(r.ms)} ms, mémoire max ${fmt(r.maxRssMb)} Mo (${fmt(r.words)} mots, ${r.sections} sections)`);
  }

  console.log(`falc score sur un DOCX de 10 pages : ${fmt(timeCommand(["score", docx10, "--format", "json"], 5))} ms (processus complet)`);
  console.log(`falc score sur un texte court (.md) : ${fmt(timeCommand(["score", join(ROOT, "fixtures", "livret-falc.md")], 5))} ms`);

  console.log("");
  benchScoreBig();
  console.log("");

  const t = throughput();
  console.log(`Débit en mémoire sur ${fmt(t.words)} mots de ${t.source} (paragraphes de 10 lignes, médiane de 5) :`);
  console.log(`  toutes les règles : ${fmt(t.rules)} mots/s ; analyse complète (règles + chiffres + score) : ${fmt(t.analyze)} mots/s`);
  console.log("");
  const convert = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "bench", "convert.ts"), "1500"], { encoding: "utf8", cwd: ROOT });
  process.stdout.write(convert.stdout.split("\n").filter((line) => !line.startsWith("[")).join("\n"));
} finally {
  rmSync(work, { recursive: true, force: true });
}
