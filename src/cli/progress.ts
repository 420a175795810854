import type { FileSummary, RunOutcome } from "../rewrite/run/outcome.js";
import type { FalcError } from "../errors.js";
import type { SectionEvent } from "../rewrite/pipeline.js";
import type { BatchProgress } from "../rewrite/types.js";
import type { CliIO } from "./io.js";
import { batchLine, failureLines, fileDoneLines, noticeLines, sectionLine, skippedLine, tokenCount } from "./progress/format.js";
import { summaryLines } from "./progress/summary.js";
import { ProgressTally } from "./progress/tally.js";
import { TerminalDisplay } from "./progress/terminal.js";

export interface ProgressOptions {
  /** Only failures are shown. */
  quiet: boolean;
  /** Standard error is a terminal: a redrawn bar; otherwise (CI logs) plain lines. */
  tty: boolean;
  /** Width of the terminal (process.stderr.columns); 80 when unknown. */
  columns?: number;
  /** Milliseconds clock, for the elapsed time and the ETA (tests pass their own). */
  now?: () => number;
}

export interface ProgressReporter {
  notice(message: string): void;
  start(plan: { files: number }): void;
  fileStarted(path: string, sections: number): void;
  section(path: string, event: SectionEvent): void;
  fileDone(file: FileSummary): void;
  fileSkipped(path: string): void;
  fileFailed(path: string, error: FalcError): void;
  batch(progress: BatchProgress): void;
  finish(outcome: RunOutcome): void;
}

/** In CI logs, a batch still waiting is reported again after this long, so that the job visibly lives. */
const BATCH_HEARTBEAT_MS = 5 * 60_000;

/**
 * Progress of `falc convert`, always on standard error (standard output is kept for `--json`).
 * Methods are plain functions (no `this`): the command may pass them around as callbacks.
 */
export function progressReporter(io: CliIO, options: ProgressOptions): ProgressReporter {
  const now = options.now ?? Date.now;
  const tally = new ProgressTally(now);
  const terminal = options.tty && !options.quiet ? new TerminalDisplay(io, tally, options.columns) : undefined;
  const reportedFailures = new Set<string>();
  const batchLines = new Map<string, { line: string; at: number }>();
  let finished = false;

  const write = (lines: string[]) => io.stderr(lines.map((line) => `${line}\n`).join(""));
  /** Informational lines: above the bar on a terminal, nowhere when quiet. */
  const info = (lines: string[]) => {
    if (options.quiet || finished) return;
    if (terminal) terminal.log(lines);
    else write(lines);
  };

  return {
    notice(message) {
      info(noticeLines(message));
    },
    start(plan) {
      tally.plan(plan.files);
      terminal?.start();
    },
    fileStarted(path, sections) {
      tally.fileStarted(path, sections);
    },
    section(path, event) {
      const done = tally.section(path, event);
      if (terminal || options.quiet || finished) return;
      write([sectionLine(path, done, Math.max(event.total, done), event.title, event.cached, tokenCount(tally.usage), tally.cost)]);
    },
    fileDone(file) {
      tally.fileDone(file.path, file.digest.sections);
      info(fileDoneLines(file));
    },
    fileSkipped(path) {
      tally.fileSkipped(path);
      // On a terminal the bar counts them: a library of 300 unchanged documents needs no 300 lines.
      if (!terminal) info([skippedLine(path)]);
    },
    fileFailed(path, error) {
      tally.fileFailed(path);
      reportedFailures.add(path);
      const lines = failureLines(path, error);
      if (terminal && !finished) terminal.log(lines);
      else write(lines);
    },
    batch(progress) {
      if (options.quiet || finished) return;
      if (terminal) return terminal.batch(progress);
      const line = batchLine(progress);
      const last = batchLines.get(progress.id);
      if (last && last.line === line && now() - last.at < BATCH_HEARTBEAT_MS) return;
      batchLines.set(progress.id, { line, at: now() });
      write([line]);
    },
    finish(outcome) {
      if (finished) return;
      finished = true;
      terminal?.stop();
      const unreported = outcome.failures.filter((failure) => !reportedFailures.has(failure.path));
      if (options.quiet) {
        for (const { path, error } of unreported) write(failureLines(path, error));
        return;
      }
      const failed = tally.spentOn(outcome.failures.map((failure) => failure.path));
      write(summaryLines(outcome, { elapsedMs: tally.elapsed(), failedUsage: failed.usage, failedCost: failed.cost }));
    },
  };
}
