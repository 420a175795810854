/**
 * Issue #16's `falc score` benchmark: the whole process (the compiled CLI, as users run it) on the
 * large UD French text of bench/big-text.ts, `--format json` and text output written to a file, median
 * wall time of 5 runs and peak memory. textstat and lucid-lint run on the same file in the same run
 * when they are installed (`python3 -c "import textstat"`, `lucid-lint` on the PATH): textstat computes
 * the figures falc's score is made of (words, sentences, syllables, Flesch for French), lucid-lint
 * checks with its FALC profile; `TEXTSTAT_SCRIPT` names a pinned copy of textstat's code where the
 * package cannot be installed (see PINNED_TEXTSTAT), `TEXTSTAT_PYTHON` the Python to run it with (for
 * instance /usr/bin/python3, which has Debian's python3-pyphen). Figures vary with machine load: the
 * load average is printed with them.
 * Run alone: `npm run build && node --import tsx bench/score-big.ts`; `FALC_BIN=path/to/falc.js` measures
 * another build (a checkout before a change).
 */
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { bigTextFile } from "./big-text.js";

const ROOT = join(import.meta.dirname, "..");
const RUNS = 5;

interface Run {
  ms: number;
  maxRssMb: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** One run of `command`, stdout to a file; peak memory from GNU time when present, else from report-rss.mjs for node. */
function runOnce(command: string, args: string[], out: string): Run | undefined {
  const fd = openSync(out, "w");
  try {
    const start = performance.now();
    const result = spawnSync(command, args, { stdio: ["ignore", fd, "pipe"], encoding: "utf8" });
    const ms = performance.now() - start;
    if (result.error || (result.status !== 0 && /ModuleNotFoundError/.test(result.stderr ?? ""))) return undefined;
    const rss = /falc-bench-maxrss-kb=(\d+)/.exec(result.stderr ?? "")?.[1] ?? /maxrss-kb=(\d+)/.exec(result.stderr ?? "")?.[1];
    return { ms, maxRssMb: Number(rss ?? 0) / 1024 };
  } finally {
    closeSync(fd);
  }
}

function measure(label: string, command: string, args: string[], out: string): void {
  const first = runOnce(command, args, out);
  if (!first) {
    console.log(`${label} : absent`);
    return;
  }
  const runs = [first, ...Array.from({ length: RUNS - 1 }, () => runOnce(command, args, out)!)];
  const ms = median(runs.map((run) => run.ms));
  const rss = Math.max(...runs.map((run) => run.maxRssMb));
  console.log(`${label} : ${(ms / 1000).toFixed(2)} s (médiane de ${RUNS}), mémoire maximale ${rss > 0 ? `${rss.toFixed(0)} Mo` : "non mesurée"}`);
}

/** Python's own peak memory, printed on exit like report-rss.mjs does for node. */
const TEXTSTAT = [
  "import sys, resource, textstat",
  "textstat.set_lang('fr')",
  "text = open(sys.argv[1], encoding='utf-8').read()",
  "print(textstat.lexicon_count(text), textstat.sentence_count(text), textstat.syllable_count(text), textstat.flesch_reading_ease(text))",
  "sys.stderr.write('maxrss-kb=%d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)",
].join("\n");

/**
 * Where textstat cannot be installed (no PyPI): a script holding a verbatim copy of the functions
 * textstat runs for French Flesch, given by `TEXTSTAT_SCRIPT=path/to/script.py` and called as
 * `python3 script.py <file>`; its peak memory is printed the same way.
 */
const PINNED_TEXTSTAT = [
  "import sys, resource, runpy",
  "script, sys.argv = sys.argv[1], [sys.argv[1], sys.argv[2]]",
  "runpy.run_path(script, run_name='__main__')",
  "sys.stderr.write('maxrss-kb=%d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)",
].join("\n");

export function benchScoreBig(): void {
  const file = bigTextFile();
  if (!file) {
    console.log("Mesure sautée : ../shared/corpus/ud-fr-gsd-dev/sentences.txt est absent.");
    return;
  }
  const work = mkdtempSync(join(tmpdir(), "falc-bench-score-"));
  try {
    const out = join(work, "out");
    console.log(`falc score sur ${file.replace(`${ROOT}/`, "")} (293 800 mots), charge ${loadavg()[0]!.toFixed(1)} :`);
    const bin = process.env.FALC_BIN ?? join(ROOT, "bin", "falc.js");
    const falc = ["--import", join(ROOT, "bench", "report-rss.mjs"), bin, "score", file];
    measure("  falc score --format json", process.execPath, [...falc, "--format", "json"], out);
    measure("  falc score (texte)", process.execPath, falc, out);
    // The Python that has textstat (or pyphen, for the pinned copy): Debian's, when another one is first on the PATH.
    const python = process.env.TEXTSTAT_PYTHON ?? "python3";
    measure("  textstat (Python)", python, ["-c", TEXTSTAT, file], out);
    const pinned = process.env.TEXTSTAT_SCRIPT;
    if (pinned) measure("  textstat, copie épinglée (TEXTSTAT_SCRIPT)", python, ["-c", PINNED_TEXTSTAT, pinned, file], out);
    measure("  lucid-lint check --profile=falc", "lucid-lint", ["check", "--profile=falc", file], out);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) benchScoreBig();
