/**
 * A concurrency limit shared by every section of every document of a run, that backs off when the
 * provider says it is overloaded: the limit is halved on a 429 (at most once per pause, so a burst of
 * simultaneous 429s does not collapse it to 1), nothing starts until the provider's retry-after has
 * passed, and the limit grows back by one after each full round of successes (AIMD, like TCP).
 */
export class AdaptiveLimiter {
  private limit: number;
  private active = 0;
  private pausedUntil = 0;
  private successes = 0;
  private readonly waiting: { resume: () => void; signal?: AbortSignal }[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly max: number,
    private readonly now: () => number = Date.now,
  ) {
    this.limit = Number.isFinite(max) ? Math.max(1, Math.floor(max)) : Number.POSITIVE_INFINITY;
  }

  /** The limit in force now (lower than `max` after a 429, until it has grown back). */
  get current(): number {
    return this.limit;
  }

  async run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      const result = await work();
      this.succeeded();
      return result;
    } finally {
      this.active--;
      this.pump();
    }
  }

  /** The provider asked us to slow down: halve the limit and pause new starts for `waitMs`. */
  throttled(waitMs: number): void {
    const now = this.now();
    if (now >= this.pausedUntil) {
      const base = Number.isFinite(this.limit) ? this.limit : Math.max(1, this.active);
      this.limit = Math.max(1, Math.floor(base / 2));
      this.successes = 0;
    }
    this.pausedUntil = Math.max(this.pausedUntil, now + waitMs);
    this.pump();
  }

  private succeeded(): void {
    if (!Number.isFinite(this.limit) || this.limit >= this.max) return;
    if (++this.successes >= this.limit) {
      this.limit++;
      this.successes = 0;
    }
  }

  private acquire(signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.waiting.length === 0 && this.canStart()) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const entry = {
        resume: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
        ...(signal ? { signal } : {}),
      };
      const onAbort = () => {
        const index = this.waiting.indexOf(entry);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiting.push(entry);
      this.pump();
    });
  }

  private canStart(): boolean {
    return this.active < this.limit && this.now() >= this.pausedUntil;
  }

  private pump(): void {
    while (this.waiting.length > 0 && this.canStart()) {
      this.active++;
      this.waiting.shift()!.resume();
    }
    const wait = this.pausedUntil - this.now();
    if (this.waiting.length > 0 && wait > 0 && this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.pump();
      }, wait);
    }
  }
}
