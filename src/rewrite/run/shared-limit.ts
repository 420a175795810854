import { isFalcError } from "../../errors.js";
import type { RewriteCallOptions, RewriteProvider } from "../types.js";
import type { AdaptiveLimiter } from "./limiter.js";

/**
 * A 429 means "too many requests from you right now": slowing down cures it. A 529 (overloaded) is
 * the service's own state, that the provider already retried; it fails the document (exit 3).
 */
const SLOW_DOWN = new Set(["provider-rate-limited"]);

/** A wait longer than this is not waited for: the run stops and says when to try again. */
const LONGEST_WAIT_MS = 120_000;

export interface SharedLimitOptions {
  /** Extra rounds after the provider's own retries gave up on a 429, each after a pause. */
  maxRounds?: number;
  /** Pause when the provider did not say how long to wait. */
  defaultWaitMs?: number;
  /** Told each time the run slows down (for the progress display). */
  onSlowDown?: (limit: number, waitMs: number) => void;
}

/**
 * Puts a provider behind the run's shared limiter. When the provider still answers 429 after
 * its own retries, the section is not failed: the limiter lowers the concurrency of the whole run and
 * pauses for the wait the provider asked for, then the request is sent again.
 */
export function withSharedLimit(provider: RewriteProvider, limiter: AdaptiveLimiter, options: SharedLimitOptions = {}): RewriteProvider {
  return {
    name: provider.name,
    model: provider.model,
    // The document pass sends no request: it needs no slot.
    ...(provider.finishDocument !== undefined ? { finishDocument: provider.finishDocument.bind(provider) } : {}),
    rewrite: (request, callOptions = {}) => runWithSharedLimit(limiter, options, callOptions, () => provider.rewrite(request, callOptions)),
  };
}

/** One request behind the run's limiter, with the pauses above; any request of a run (the second reader's too) goes through it. */
export async function runWithSharedLimit<T>(limiter: AdaptiveLimiter, options: SharedLimitOptions, callOptions: RewriteCallOptions, work: () => Promise<T>): Promise<T> {
  const maxRounds = options.maxRounds ?? 4;
  const defaultWaitMs = options.defaultWaitMs ?? 5_000;
  for (let round = 0; ; round++) {
    try {
      return await limiter.run(work, callOptions.queueSignal ?? callOptions.signal);
    } catch (error) {
      if (!isFalcError(error) || !SLOW_DOWN.has(error.code) || round >= maxRounds || callOptions.signal?.aborted || callOptions.queueSignal?.aborted) throw error;
      const wait = error.retryAfterMs ?? defaultWaitMs;
      if (wait > LONGEST_WAIT_MS) throw error;
      limiter.throttled(wait);
      options.onSlowDown?.(limiter.current, wait);
    }
  }
}
