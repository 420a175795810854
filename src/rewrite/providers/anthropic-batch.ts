import type Anthropic from "@anthropic-ai/sdk";
import type { Middleware } from "@anthropic-ai/sdk";
import { buildUserMessage } from "../prompt.js";
import { NO_USAGE, type BatchProgress, type RewriteProvider, type RewriteResponse, type RewriteResult, type Usage } from "../types.js";
import { anthropicSetup, attemptScale, FIRST_ATTEMPT, judgeMessage, messageParams, missingKey, type AnthropicProviderOptions, type Attempt } from "./anthropic.js";
import { mapSdkError } from "./anthropic-errors.js";
import { notProcessed } from "./batch/errors.js";
import { BATCH_BOUND, BATCH_LIMITS, customIdOf, splitIntoBatches, type BatchLimits } from "./batch/plan.js";
import { deliverResult, type ResultHandlers } from "./batch/results.js";
import { batchStore, type BatchRecord } from "./batch/state.js";
import { BatchTracker, type TrackerContext } from "./batch/tracker.js";

export interface AnthropicBatchOptions extends AnthropicProviderOptions {
  /** Where each submitted batch is recorded, so that an interrupted run resumes it (one JSON file per batch). */
  stateDir: string;
  /** Between two status checks of a running batch. Default 30 s. */
  pollIntervalMs?: number;
  /** The queue goes out as one batch once no request has arrived for this long. Default 250 ms. */
  idleMs?: number;
  /** A batch goes out as soon as its queue reaches this many requests or bytes (default BATCH_BOUND), capped at the API's limits. */
  limits?: Partial<BatchLimits>;
  onProgress?: (progress: BatchProgress) => void;
  /** For the age of recorded batches (results are kept 29 days). */
  now?: () => Date;
}

export const BATCH_DEFAULTS = { pollIntervalMs: 30_000, idleMs: 250 } as const;

export interface AnthropicBatchProvider extends RewriteProvider {
  /**
   * Any Messages request through the same queue and batches as the sections (the second reader's):
   * `params` builds the request of an attempt, `judge` says what its answer means, with the retry
   * rules of the rewrite (a new attempt, or an error thrown).
   */
  exchange<T>(exchange: BatchExchange<T>, signal?: AbortSignal): Promise<BatchOutcome<T>>;
  /**
   * Resolves once every batch already being created is recorded in `stateDir`. A create is never
   * aborted (a batch the API made but nobody recorded would be paid twice): after an abort, await
   * this before exiting so that the next run can resume it.
   */
  whenRecorded(): Promise<void>;
}

export type Judged<T> = { ok: true; value: T; model: string } | { ok: false; next: Attempt };

export interface BatchExchange<T> {
  /** The section the request is about, for messages. */
  title: string;
  params(attempt: Attempt): Anthropic.MessageCreateParamsNonStreaming;
  judge(message: Anthropic.Message, attempt: Attempt): Judged<T>;
}

export interface BatchOutcome<T> {
  value: T;
  usage: Usage;
  model: string;
}

/** One request (a `rewrite()` call or an exchange), from its first attempt to its answer, through as many batches as its retries need. */
interface Job {
  exchange: BatchExchange<unknown>;
  title: string;
  attempt: Attempt;
  params: Anthropic.MessageCreateParamsNonStreaming;
  customId: string;
  /** The request's size in a batch body, counted when it is queued. */
  bytes: number;
  usage: Usage;
  /** Sent again once already, after a batch gave it no answer (expired, canceled, a passing error). */
  resubmitted: boolean;
  /** Must go into a new batch: the recorded batch that holds it gave no answer. */
  fresh: boolean;
  settled: boolean;
  tracker?: BatchTracker<Job>;
  resolve(outcome: BatchOutcome<unknown>): void;
  reject(error: unknown): void;
  detach(): void;
}

/**
 * The `anthropic` provider over the Message Batches API (`falc convert --batch`): half the price, no
 * rate-limit pressure, answers within 24 hours. `rewrite()` queues its request; once no request has
 * arrived for `idleMs`, the queue goes out as one batch (split at the API's limits). The pipeline asks
 * for repairs as soon as a section's answer is checked, so the repairs of a round form the next batch.
 * Each batch is recorded in `stateDir` before it is polled: a request whose custom_id (a hash of its
 * parameters) is in a recorded batch joins that batch instead of being sent again, so an interrupted
 * run, run again, pays nothing twice. Named "anthropic": its answers share the section cache with the
 * direct calls.
 */
export function createAnthropicBatchProvider(options: AnthropicBatchOptions): AnthropicBatchProvider {
  const setup = anthropicSetup(options);
  const { model, secrets } = setup;
  const pollIntervalMs = options.pollIntervalMs ?? BATCH_DEFAULTS.pollIntervalMs;
  const idleMs = options.idleMs ?? BATCH_DEFAULTS.idleMs;
  const warned = new Set<string>();
  const warn = (text: string) => {
    if (warned.has(text)) return;
    warned.add(text);
    options.onWarning?.(text);
  };
  const store = batchStore(options.stateDir, {
    now: options.now ?? (() => new Date()),
    onCorrupt: (file) => warn(`Le fichier d’état de lot « ${file} » est illisible : il est ignoré.`),
  });
  const bound: BatchLimits = {
    requests: Math.min(options.limits?.requests ?? BATCH_BOUND.requests, BATCH_LIMITS.requests),
    bytes: Math.min(options.limits?.bytes ?? BATCH_BOUND.bytes, BATCH_LIMITS.bytes),
  };
  const queue = new Set<Job>();
  let queuedBytes = 0;
  const trackers = new Map<string, BatchTracker<Job>>();
  const recording = new Set<Promise<unknown>>();
  let idle: NodeJS.Timeout | undefined;
  let connected: { client: Anthropic; schema: Record<string, unknown> } | undefined;

  const failureContext = (attempts: number) => ({ attempts, timeoutMs: setup.settings.timeoutMs, model, baseURL: setup.baseURL, secrets });
  const mapError = (error: unknown, attempts = 1) => mapSdkError(error, failureContext(attempts)) ?? error;

  function enqueue(job: Job): void {
    delete job.tracker;
    job.bytes = sizeOf(job.customId, job.params);
    queue.add(job);
    queuedBytes += job.bytes;
    clearTimeout(idle);
    // A full queue goes out at once: the sections still being read make the next batch.
    if (queue.size >= bound.requests || queuedBytes >= bound.bytes) return sendQueue();
    idle = setTimeout(sendQueue, idleMs);
  }

  function sendQueue(): void {
    const jobs = [...queue];
    queue.clear();
    queuedBytes = 0;
    flush(jobs).catch((error: unknown) => {
      for (const job of jobs) fail(job, error);
    });
  }

  function settle(job: Job): boolean {
    if (job.settled) return false;
    job.settled = true;
    job.detach();
    if (queue.delete(job)) queuedBytes -= job.bytes;
    job.tracker?.remove(job);
    return true;
  }

  const fail = (job: Job, error: unknown) => settle(job) && job.reject(error);

  /** Sent again in a new batch, once; the second time the batch gives no answer, the section fails. */
  function sendAgainOrFail(job: Job, error: () => unknown): void {
    if (job.resubmitted) return void fail(job, error());
    job.resubmitted = true;
    job.fresh = true;
    enqueue(job);
  }

  async function flush(jobs: readonly Job[]): Promise<void> {
    const recorded = await recordedIds();
    const fresh = new Map<string, Job[]>();
    const resumed: BatchTracker<Job>[] = [];
    for (const job of jobs) {
      if (job.settled) continue;
      const record = job.fresh ? undefined : recorded.get(job.customId);
      if (record === undefined) {
        const same = fresh.get(job.customId);
        if (same) same.push(job);
        else fresh.set(job.customId, [job]);
        continue;
      }
      let tracker = trackers.get(record.id);
      if (tracker === undefined || !tracker.accepting) {
        tracker = newTracker(record.id);
        resumed.push(tracker);
      }
      tracker.add(job);
      job.tracker = tracker;
    }
    for (const tracker of resumed) void tracker.run(true);
    for (const chunk of splitIntoBatches([...fresh], ([, same]) => same[0]!.bytes, bound)) {
      submit(chunk).catch((error: unknown) => {
        for (const [, same] of chunk) for (const job of same) fail(job, error);
      });
    }
  }

  /** custom_id → the newest recorded batch holding it. */
  async function recordedIds(): Promise<Map<string, BatchRecord>> {
    const byId = new Map<string, BatchRecord>();
    let records: BatchRecord[] = [];
    try {
      records = await store.read();
    } catch (error) {
      warn(`Impossible de lire le dossier des lots « ${options.stateDir} » (${codeOf(error)}) : les lots déjà envoyés ne seront pas repris.`);
    }
    for (const record of records) for (const customId of record.custom_ids) if (!byId.has(customId)) byId.set(customId, record);
    return byId;
  }

  async function submit(chunk: [string, Job[]][]): Promise<void> {
    const requests = chunk.map(([customId, same]) => ({ custom_id: customId, params: same[0]!.params }));
    const jobs = chunk.flatMap(([, same]) => same);
    const attempts = { sent: 0 };
    const count: Middleware = (request, next) => {
      attempts.sent++;
      return next(request);
    };
    // No abort signal: a batch created without its id being recorded would be paid twice.
    const created = connected!.client.messages.batches.create({ requests }, { middleware: [count] }).then(async (batch) => {
      const record: BatchRecord = { id: batch.id, created_at: batch.created_at, model, custom_ids: requests.map((request) => request.custom_id) };
      await store.save(record).catch((error: unknown) => {
        warn(`Impossible d’enregistrer le lot ${batch.id} dans « ${options.stateDir} » (${codeOf(error)}) : s’il est interrompu, il ne pourra pas être repris.`);
      });
      return batch;
    });
    recording.add(created);
    let batch: Anthropic.Messages.MessageBatch;
    try {
      batch = await created;
    } catch (error) {
      const mapped = mapError(error, attempts.sent);
      for (const job of jobs) fail(job, mapped);
      return;
    } finally {
      recording.delete(created);
    }
    report({ id: batch.id, state: "submitted", done: 0, total: requests.length });
    const tracker = newTracker(batch.id);
    for (const job of jobs) {
      if (job.settled) continue;
      tracker.add(job);
      job.tracker = tracker;
    }
    await tracker.run(false);
  }

  function report(progress: BatchProgress): void {
    options.onProgress?.(progress);
  }

  const handlers: ResultHandlers<Job> = {
    model,
    secrets,
    failure: failureContext(1),
    succeed: (job, outcome) => settle(job) && job.resolve(outcome),
    fail,
    sendAgainOrFail,
    askAgain: (job, attempt) => {
      job.attempt = attempt;
      job.params = job.exchange.params(attempt);
      job.customId = customIdOf(job.params);
      job.fresh = false;
      enqueue(job);
    },
  };

  const context: TrackerContext<Job> = {
    client: () => connected!.client,
    pollIntervalMs,
    report,
    deliver: (jobs, result, batchId) => deliverResult(jobs, result, batchId, handlers),
    unanswered: (jobs, kind, batchId) => {
      for (const job of jobs) sendAgainOrFail(job, () => notProcessed(kind, { batchId, section: job.title }));
    },
    fail: (jobs, error) => {
      for (const job of jobs) fail(job, error);
    },
    mapError: (error) => mapError(error),
    forget: (batchId) => store.remove(batchId).catch(() => undefined),
    finished: (tracker) => {
      if (trackers.get(tracker.id) === tracker) trackers.delete(tracker.id);
    },
  };

  function newTracker(id: string): BatchTracker<Job> {
    const tracker = new BatchTracker<Job>(id, context);
    trackers.set(id, tracker);
    return tracker;
  }

  return {
    name: "anthropic",
    model,
    async whenRecorded() {
      await Promise.allSettled([...recording]);
    },
    async rewrite(request, { signal } = {}): Promise<RewriteResponse> {
      if (setup.credential === "") throw missingKey();
      signal?.throwIfAborted();
      connected ??= await setup.connect();
      const { schema } = connected;
      const userMessage = buildUserMessage(request, options.prompt);
      const outcome = await exchange<RewriteResult>(
        {
          title: request.sectionTitle,
          params: (attempt) => messageParams(setup, schema, options.prompt.system, userMessage, attempt),
          judge: (message, attempt) => {
            const maxTokens = setup.settings.maxTokens * attemptScale(attempt);
            const verdict = judgeMessage(message, attempt, { model, request, secrets, maxTokens });
            return verdict.ok ? { ok: true, value: verdict.result, model: verdict.model } : verdict;
          },
        },
        signal,
      );
      return { result: outcome.value, usage: outcome.usage, model: outcome.model };
    },
    exchange,
  };

  async function exchange<T>(spec: BatchExchange<T>, signal?: AbortSignal): Promise<BatchOutcome<T>> {
    if (setup.credential === "") throw missingKey();
    signal?.throwIfAborted();
    connected ??= await setup.connect();
    signal?.throwIfAborted();
    const params = spec.params(FIRST_ATTEMPT);
    return new Promise<BatchOutcome<T>>((resolve, reject) => {
      const job: Job = {
        exchange: spec as BatchExchange<unknown>,
        title: spec.title,
        attempt: FIRST_ATTEMPT,
        params,
        customId: customIdOf(params),
        bytes: 0,
        usage: NO_USAGE,
        resubmitted: false,
        fresh: false,
        settled: false,
        resolve: resolve as (outcome: BatchOutcome<unknown>) => void,
        reject,
        detach: () => undefined,
      };
      if (signal) {
        // Stops waiting at once; the batch goes on server-side and a re-run picks it up.
        const onAbort = () => fail(job, signal.reason);
        signal.addEventListener("abort", onAbort, { once: true });
        job.detach = () => signal.removeEventListener("abort", onAbort);
      }
      enqueue(job);
    });
  }
}

function sizeOf(customId: string, params: Anthropic.MessageCreateParamsNonStreaming): number {
  return Buffer.byteLength(JSON.stringify({ custom_id: customId, params }));
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
}
