import { createHash } from "node:crypto";

/**
 * The API's limits for one Message Batch: 100,000 requests or 256 MB, whichever comes first. The
 * size kept here leaves room for the JSON around the requests.
 */
export const BATCH_LIMITS = { requests: 100_000, bytes: 256 * 1024 * 1024 - 64 * 1024 } as const;

/**
 * How large falc lets one batch grow before sending it, without waiting for the queue to go idle:
 * a library of thousands of documents goes out batch by batch as its sections are read, and the
 * requests waiting in memory stay a few megabytes, far under the API's limits.
 */
export const BATCH_BOUND = { requests: 2_000, bytes: 32 * 1024 * 1024 } as const;

export interface BatchLimits {
  requests: number;
  bytes: number;
}

/**
 * The custom_id of a request: the SHA-256 of its parameters, written with sorted keys (64 hex
 * characters, within the API's `^[a-zA-Z0-9_-]{1,64}$`). The same section with the same settings gets
 * the same id in every run, which is how a re-run finds the batch that already holds its request.
 */
export function customIdOf(params: unknown): string {
  return createHash("sha256").update(stableJson(params)).digest("hex");
}

/** JSON with object keys sorted, so that the id does not depend on the order a body was built in. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? "null" : stableJson(item))).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * Cuts a list of requests into batches within the limits, in order. A request larger than the size
 * limit on its own still gets a batch of its own: the API, not this function, says it is too big.
 */
export function splitIntoBatches<T>(items: readonly T[], sizeOf: (item: T) => number, limits: BatchLimits = BATCH_LIMITS): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item) + 1;
    if (current.length > 0 && (current.length >= limits.requests || bytes + size > limits.bytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
