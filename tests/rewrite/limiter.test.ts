import { afterEach, describe, expect, it, vi } from "vitest";
import { ExitCode, FalcError } from "../../src/errors.js";
import { AdaptiveLimiter } from "../../src/rewrite/run/limiter.js";
import { withSharedLimit } from "../../src/rewrite/run/shared-limit.js";
import type { RewriteProvider, RewriteRequest } from "../../src/rewrite/types.js";
import { NO_USAGE } from "../../src/rewrite/types.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/** Work items that stay running until released, recording how many run at once. */
function gatedWork() {
  let running = 0;
  let peak = 0;
  const gates: (() => void)[] = [];
  const work = () =>
    new Promise<void>((resolve) => {
      running++;
      peak = Math.max(peak, running);
      gates.push(() => {
        running--;
        resolve();
      });
    });
  return { work, gates, running: () => running, peak: () => peak };
}

describe("AdaptiveLimiter", () => {
  afterEach(() => vi.useRealTimers());

  it("never runs more than its limit at once, and runs everything in order", async () => {
    const limiter = new AdaptiveLimiter(3);
    const { work, gates, peak, running } = gatedWork();
    const all = Array.from({ length: 10 }, () => limiter.run(work));
    await tick();
    expect(running()).toBe(3);
    while (gates.length > 0) {
      gates.shift()!();
      await tick();
    }
    await Promise.all(all);
    expect(peak()).toBe(3);
  });

  it("halves its limit once per pause on a 429, waits the pause, then grows back by one per round of successes", async () => {
    // The limiter's clock and its timer are both the test's: the pause ends when the test says so.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    let clock = 0;
    const limiter = new AdaptiveLimiter(8, () => clock);
    limiter.throttled(50);
    limiter.throttled(50); // same pause: one cut only
    expect(limiter.current).toBe(4);
    const started: number[] = [];
    const pending = limiter.run(async () => void started.push(clock));
    clock = 49;
    await vi.advanceTimersByTimeAsync(49);
    expect(started).toEqual([]); // paused
    clock = 50;
    await vi.advanceTimersByTimeAsync(1);
    vi.useRealTimers();
    await pending;
    expect(started).toEqual([50]);
    for (let i = 0; i < 3; i++) await limiter.run(async () => undefined);
    expect(limiter.current).toBe(5); // 4 successes at limit 4 → +1
    clock = 100;
    limiter.throttled(0);
    expect(limiter.current).toBe(2);
  });

  it("lets a waiting task go when its signal aborts, without taking a slot", async () => {
    const limiter = new AdaptiveLimiter(1);
    const { work, gates } = gatedWork();
    const first = limiter.run(work);
    const controller = new AbortController();
    const second = limiter.run(work, controller.signal);
    controller.abort(new Error("stop"));
    await expect(second).rejects.toThrow("stop");
    const third = limiter.run(async () => "third");
    gates.shift()!();
    await first;
    await expect(third).resolves.toBe("third");
  });
});

describe("withSharedLimit", () => {
  const request: RewriteRequest = { documentTitle: "Livret", sectionIndex: 0, sectionTitle: "Accueil", text: "Bienvenue." };
  const answer = { result: { title: "Accueil", blocks: [], glossary: [] }, usage: NO_USAGE, model: "m" };
  const rateLimited = (retryAfterMs?: number) =>
    new FalcError("provider-rate-limited", "429", { exitCode: ExitCode.external, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });

  it("sends again after a 429 the provider's retries could not absorb, lowering the run's concurrency", async () => {
    let calls = 0;
    const provider: RewriteProvider = {
      name: "anthropic",
      model: "m",
      rewrite: async () => {
        if (++calls <= 2) throw rateLimited(5);
        return answer;
      },
    };
    const limiter = new AdaptiveLimiter(8);
    const slowDowns: number[] = [];
    const limited = withSharedLimit(provider, limiter, { onSlowDown: (limit) => slowDowns.push(limit) });
    await expect(limited.rewrite(request)).resolves.toEqual(answer);
    expect(calls).toBe(3);
    expect(slowDowns).toEqual([4, 2]);
  });

  it("gives up after its rounds, and never retries other errors", async () => {
    const always429: RewriteProvider = { name: "anthropic", model: "m", rewrite: async () => Promise.reject(rateLimited(1)) };
    await expect(withSharedLimit(always429, new AdaptiveLimiter(2), { maxRounds: 2 }).rewrite(request)).rejects.toMatchObject({ code: "provider-rate-limited" });
    let calls = 0;
    const overloaded: RewriteProvider = {
      name: "anthropic",
      model: "m",
      rewrite: async () => {
        calls++;
        throw new FalcError("provider-overloaded", "529", { exitCode: ExitCode.external });
      },
    };
    await expect(withSharedLimit(overloaded, new AdaptiveLimiter(2)).rewrite(request)).rejects.toMatchObject({ code: "provider-overloaded" });
    expect(calls).toBe(1);
  });

  it("does not wait for a provider that asks for more than two minutes", async () => {
    let calls = 0;
    const provider: RewriteProvider = {
      name: "anthropic",
      model: "m",
      rewrite: async () => {
        calls++;
        throw rateLimited(10 * 60_000);
      },
    };
    await expect(withSharedLimit(provider, new AdaptiveLimiter(2)).rewrite(request)).rejects.toMatchObject({ code: "provider-rate-limited" });
    expect(calls).toBe(1);
  });
});
