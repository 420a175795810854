import type { SectionEvent } from "../../rewrite/pipeline.js";
import { usageCost } from "../../rewrite/meaning-check/cost.js";
import { addUsage, NO_USAGE, type Usage } from "../../rewrite/types.js";

interface FileCount {
  total: number;
  done: number;
  usage: Usage;
  cost: number | null;
}

/**
 * The running counts of a conversion, fed by events that may interleave across files (they run
 * concurrently): sections done against sections known so far, files settled, tokens and cost.
 */
export class ProgressTally {
  plannedFiles = 0;
  converted = 0;
  skipped = 0;
  failed = 0;
  sectionsKnown = 0;
  sectionsDone = 0;
  sectionsCached = 0;
  usage: Usage = NO_USAGE;
  /** null while no request went to a model with a known price. */
  cost: number | null = null;
  readonly startedAt: number;
  private readonly files = new Map<string, FileCount>();
  private readonly settled = new Set<string>();
  /** Files started and not settled yet. */
  private running = 0;

  constructor(private readonly now: () => number) {
    this.startedAt = now();
  }

  get filesDone(): number {
    return this.converted + this.skipped + this.failed;
  }

  elapsed(): number {
    return this.now() - this.startedAt;
  }

  plan(files: number): void {
    this.plannedFiles = Math.max(files, this.filesDone);
  }

  fileStarted(path: string, sections: number): void {
    const file = this.files.get(path);
    if (file) return this.grow(file, Math.max(sections, file.done));
    this.files.set(path, { total: sections, done: 0, usage: NO_USAGE, cost: null });
    this.sectionsKnown += sections;
    if (!this.settled.has(path)) this.running++;
  }

  /** Returns how many sections of this file are done, for « [3/12] » lines. */
  section(path: string, event: SectionEvent): number {
    if (!this.files.has(path)) this.fileStarted(path, event.total);
    const file = this.files.get(path)!;
    if (file.done >= file.total) this.grow(file, file.done + 1);
    file.done++;
    file.usage = addUsage(file.usage, event.usage);
    this.sectionsDone++;
    if (event.cached) this.sectionsCached++;
    this.usage = addUsage(this.usage, event.usage);
    // Cached sections carry no usage: only fresh requests cost anything.
    const cost = event.usage.requests > 0 ? usageCost(event.usage, event.model, event.check) : undefined;
    if (cost !== undefined) {
      this.cost = (this.cost ?? 0) + cost;
      file.cost = (file.cost ?? 0) + cost;
    }
    return file.done;
  }

  /** The file's sections all count as done, even if one event was missed: the bar must reach its end. */
  fileDone(path: string, sections: number): void {
    if (!this.settle(path)) return;
    this.converted++;
    const file = this.files.get(path) ?? { total: 0, done: 0, usage: NO_USAGE, cost: null };
    if (!this.files.has(path)) this.files.set(path, file);
    this.grow(file, Math.max(sections, file.done));
    this.sectionsDone += file.total - file.done;
    file.done = file.total;
  }

  fileSkipped(path: string): void {
    if (this.settle(path)) this.skipped++;
  }

  /** A failed file's unfinished sections will never come: they leave the total. */
  fileFailed(path: string): void {
    if (!this.settle(path)) return;
    this.failed++;
    const file = this.files.get(path);
    if (file) this.grow(file, file.done);
  }

  /** Tokens spent on these files during this run, from their section events (failed files' finished sections). */
  spentOn(paths: Iterable<string>): { usage: Usage; cost: number | null } {
    let usage = NO_USAGE;
    let cost: number | null = null;
    for (const path of paths) {
      const file = this.files.get(path);
      if (!file) continue;
      usage = addUsage(usage, file.usage);
      if (file.cost !== null) cost = (cost ?? 0) + file.cost;
    }
    return { usage, cost };
  }

  /**
   * Sections still to come: those known, plus, for files not started yet, as many as the files
   * started so far have on average.
   */
  sectionsExpected(): number {
    const started = this.files.size;
    const waiting = Math.max(0, this.plannedFiles - this.filesDone - this.running);
    const average = started > 0 ? this.sectionsKnown / started : 0;
    return this.sectionsKnown + Math.round(waiting * average);
  }

  /**
   * Milliseconds left at the pace of the sections rewritten so far; cached sections come back at
   * once and would make the pace look faster than it is. undefined until a pace is known.
   */
  eta(): number | undefined {
    const rewritten = this.sectionsDone - this.sectionsCached;
    const elapsed = this.elapsed();
    if (rewritten < 1 || elapsed <= 0) return undefined;
    const remaining = Math.max(0, this.sectionsExpected() - this.sectionsDone);
    return (remaining * elapsed) / rewritten;
  }

  private grow(file: FileCount, total: number): void {
    this.sectionsKnown += total - file.total;
    file.total = total;
  }

  private settle(path: string): boolean {
    if (this.settled.has(path)) return false;
    this.settled.add(path);
    if (this.files.has(path)) this.running--;
    if (this.filesDone + 1 > this.plannedFiles) this.plannedFiles = this.filesDone + 1;
    return true;
  }
}
