/** Best of `runs` timings, in milliseconds, after one warm-up run: the least disturbed measurement. */
export function bestOf(runs: number, run: () => unknown): number {
  run();
  let best = Infinity;
  for (let k = 0; k < runs; k++) {
    const t0 = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}
