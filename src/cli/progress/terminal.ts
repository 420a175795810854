import cliProgress from "cli-progress";
import type { BatchProgress } from "../../rewrite/types.js";
import type { CliIO } from "../io.js";
import { batchLine, formatCost, formatDuration, formatInteger, tokenCount } from "./format.js";
import type { ProgressTally } from "./tally.js";

/** Redraws per second at most: enough to look alive, few enough not to flood a remote terminal. */
const FPS = 5;
const CLEAR_TO_END_OF_LINE = "\x1b[K";

/**
 * The progress bar on a terminal (standard error), drawn by cli-progress: one line for sections and
 * files, one per running Message Batch. Messages go above the bars through MultiBar.log, so that
 * the bars stay whole at the bottom.
 */
export class TerminalDisplay {
  private readonly bars: cliProgress.MultiBar;
  private main: cliProgress.SingleBar | undefined;
  private readonly batches = new Map<string, { bar: cliProgress.SingleBar; progress: BatchProgress }>();
  private readonly columns: number;

  constructor(
    io: CliIO,
    private readonly tally: ProgressTally,
    columns: number | undefined,
  ) {
    this.columns = columns && columns > 20 ? columns : 80;
    // cli-progress drives a stream with readline's cursor functions, which only call write(): this
    // adapter sends everything through CliIO, so tests see exactly what a terminal would receive.
    const stream = { isTTY: true, columns: this.columns, write: (chunk: unknown) => (io.stderr(String(chunk)), true) };
    this.bars = new cliProgress.MultiBar({
      stream: stream as unknown as NodeJS.WritableStream,
      fps: FPS,
      // Trim to the width rather than switch the terminal's line wrapping off: nothing to restore if falc is killed.
      linewrap: true,
      hideCursor: false,
      gracefulExit: false,
      clearOnComplete: true,
      // A message logged above pushes the bars down a line: an unchanged bar must be drawn again there.
      forceRedraw: true,
      barsize: 24,
      barCompleteChar: "█",
      barIncompleteChar: "░",
    });
    // The redraw timer must never keep the process alive (after Ctrl-C, finish() is not called).
    for (const event of ["start", "update-post"]) this.bars.on(event, () => this.unrefTimer());
  }

  /** Shows the bar at once, then redraws it at most FPS times a second. */
  start(): void {
    if (this.main) return;
    this.main = this.bars.create(1, 0, {}, { format: (options) => this.mainLine(options) });
    this.bars.update();
  }

  /** Lines above the bars, flushed at once so that they keep their order with other output. */
  log(lines: string[]): void {
    this.start();
    this.bars.log(lines.map((line) => `${line}${CLEAR_TO_END_OF_LINE}\n`).join(""));
    this.bars.update();
  }

  batch(progress: BatchProgress): void {
    this.start();
    const known = this.batches.get(progress.id);
    if (progress.state === "ended") {
      if (known) {
        this.bars.remove(known.bar);
        this.batches.delete(progress.id);
      }
      this.log([batchLine(progress)]);
      return;
    }
    if (known) {
      known.progress = progress;
      return;
    }
    const entry = { progress, bar: undefined as unknown as cliProgress.SingleBar };
    entry.bar = this.bars.create(1, 0, {}, { format: () => this.fit(`  ${batchLine(entry.progress, true)}`) });
    this.batches.set(progress.id, entry);
    this.bars.update();
  }

  /** Removes the bars (the summary that follows gives the final figures). */
  stop(): void {
    if (!this.main) return;
    this.bars.update();
    this.bars.stop();
  }

  private mainLine(options: cliProgress.Options): string {
    const t = this.tally;
    const expected = Math.max(t.sectionsExpected(), t.sectionsDone);
    const progress = expected > 0 ? t.sectionsDone / expected : t.plannedFiles > 0 ? t.filesDone / t.plannedFiles : 0;
    const bar = cliProgress.Format.BarFormat(Math.min(1, progress), options);
    const parts = [`${formatInteger(t.sectionsDone)}/${formatInteger(t.sectionsKnown)} sections`, `${formatInteger(t.filesDone)}/${formatInteger(t.plannedFiles)} documents`];
    if (t.skipped > 0) parts.push(`${formatInteger(t.skipped)} inchangé${t.skipped > 1 ? "s" : ""}`);
    if (t.failed > 0) parts.push(`${formatInteger(t.failed)} en échec`);
    const eta = t.eta();
    if (eta !== undefined && eta >= 500 && t.filesDone < t.plannedFiles) parts.push(`reste ~${formatDuration(eta)}`);
    const tokens = tokenCount(t.usage);
    if (tokens > 0) parts.push(`${formatInteger(tokens)} jetons`);
    if (t.cost !== null) parts.push(formatCost(t.cost));
    let line = `${bar} ${parts.join(" · ")}`;
    // Least useful last: drop from the end until the line fits, rather than cut a figure in half.
    while (line.length > this.columns - 1 && parts.length > 1) {
      parts.pop();
      line = `${bar} ${parts.join(" · ")}`;
    }
    return this.fit(line);
  }

  private fit(line: string): string {
    return line.length > this.columns - 1 ? `${line.slice(0, this.columns - 2)}…` : line;
  }

  private unrefTimer(): void {
    (this.bars as unknown as { timer?: { unref?: () => void } | null }).timer?.unref?.();
  }
}
