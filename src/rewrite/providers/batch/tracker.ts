import type Anthropic from "@anthropic-ai/sdk";
import { FalcError } from "../../../errors.js";
import type { BatchProgress } from "../../types.js";
import { isNotFound, isTransient, type NotProcessed } from "./errors.js";

type MessageBatch = Anthropic.Messages.MessageBatch;
type MessageBatchResult = Anthropic.Messages.MessageBatchResult;

/** Polls that fail in a row (each after the SDK's own retries) before the wait is given up. */
const MAX_POLL_FAILURES = 10;

/** What a tracker needs from the provider that owns the jobs. */
export interface TrackerContext<J extends { customId: string }> {
  client(): Anthropic;
  pollIntervalMs: number;
  report(progress: BatchProgress): void;
  /** The result for the jobs of one custom_id. */
  deliver(jobs: readonly J[], result: MessageBatchResult, batchId: string): void;
  /** Jobs the batch gave no result for. */
  unanswered(jobs: readonly J[], kind: NotProcessed, batchId: string): void;
  fail(jobs: readonly J[], error: unknown): void;
  /** An SDK failure as the FalcError the user sees (or the error itself when it is not one). */
  mapError(error: unknown): unknown;
  /** Drops the state file of a batch the server no longer knows. Never throws. */
  forget(batchId: string): Promise<void>;
  /** The tracker is done: jobs for this batch id now need a new tracker. */
  finished(tracker: BatchTracker<J>): void;
}

/**
 * Waits for one Message Batch to end, then hands each job the result for its custom_id. Jobs may
 * be added while it polls (a resumed batch that holds them). When every job has left (aborted),
 * polling stops at once; the batch runs on server-side, and a later run picks it up.
 */
export class BatchTracker<J extends { customId: string }> {
  /** False once the results are being read: a job added later would miss its line. */
  accepting = true;
  private readonly jobs = new Map<string, J[]>();
  private readonly stopper = new AbortController();

  constructor(
    readonly id: string,
    private readonly context: TrackerContext<J>,
  ) {}

  add(job: J): void {
    const list = this.jobs.get(job.customId);
    if (list) list.push(job);
    else this.jobs.set(job.customId, [job]);
  }

  remove(job: J): void {
    const list = this.jobs.get(job.customId);
    const index = list?.indexOf(job) ?? -1;
    if (list === undefined || index < 0) return;
    list.splice(index, 1);
    if (list.length === 0) this.jobs.delete(job.customId);
    if (this.jobs.size === 0) this.stopper.abort();
  }

  /** `resumed`: found in the state folder, so polled at once; a batch just created is first left alone a while. */
  async run(resumed: boolean): Promise<void> {
    try {
      const batch = await this.waitForEnd(resumed);
      this.accepting = false;
      if (batch === undefined) return;
      if (!batch.results_url) return await this.gone();
      await this.collect();
    } catch (error) {
      this.accepting = false;
      if (this.stopper.signal.aborted) return;
      if (isNotFound(error)) return await this.gone();
      this.context.fail(this.take(), this.context.mapError(error));
    } finally {
      this.accepting = false;
      this.context.finished(this);
    }
  }

  private async waitForEnd(resumed: boolean): Promise<MessageBatch | undefined> {
    const { signal } = this.stopper;
    let failures = 0;
    for (let first = true; ; first = false) {
      if (!(first && resumed)) await sleep(this.context.pollIntervalMs, signal);
      if (signal.aborted) return undefined;
      let batch: MessageBatch;
      try {
        batch = await this.context.client().messages.batches.retrieve(this.id, {}, { signal });
        failures = 0;
      } catch (error) {
        if (signal.aborted) return undefined;
        if (isNotFound(error)) throw error;
        const mapped = this.context.mapError(error);
        if (mapped instanceof FalcError && isTransient(mapped) && ++failures < MAX_POLL_FAILURES) continue;
        throw mapped;
      }
      const ended = batch.processing_status === "ended";
      const counts = batch.request_counts;
      const total = counts.processing + counts.succeeded + counts.errored + counts.canceled + counts.expired;
      const progress = { id: this.id, done: total - counts.processing, total };
      if (first && resumed) this.context.report({ ...progress, state: "resumed" });
      if (!(first && resumed) || ended) this.context.report({ ...progress, state: ended ? "ended" : "polling" });
      if (ended) return batch;
    }
  }

  private async collect(): Promise<void> {
    const results = await this.context.client().messages.batches.results(this.id, {}, { signal: this.stopper.signal });
    for await (const line of results) {
      const jobs = this.jobs.get(line.custom_id);
      if (jobs === undefined) continue;
      this.jobs.delete(line.custom_id);
      this.context.deliver(jobs, line.result, this.id);
    }
    const left = this.take();
    if (left.length > 0) this.context.unanswered(left, "missing", this.id);
  }

  private async gone(): Promise<void> {
    await this.context.forget(this.id);
    const jobs = this.take();
    if (jobs.length > 0) this.context.unanswered(jobs, "gone", this.id);
  }

  private take(): J[] {
    const jobs = [...this.jobs.values()].flat();
    this.jobs.clear();
    return jobs;
  }
}

/** Waits `ms`, or less when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}
