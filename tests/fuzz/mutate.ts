/**
 * Seeded randomness and format-blind byte mutations for the ingestion fuzz test. Everything is
 * driven by `Rng`, so a (seed, format, case) triple always gives the same input: a failure seen in
 * CI can be replayed locally.
 */

/** mulberry32: tiny, fast, good enough to pick mutations; not for anything secret. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max]. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[this.int(items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.int(256);
    return out;
  }
}

/** A stable 32-bit seed for one case, so that cases do not depend on how many ran before. */
export function caseSeed(seed: number, format: string, index: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const char of `${format}#${index}`) h = Math.imul(h ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

export interface Mutated {
  bytes: Uint8Array;
  /** What was done, to name the case in a failure report. */
  label: string;
}

export type Mutator = (bytes: Uint8Array, rng: Rng) => Mutated;

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** A chunk length biased towards small, sometimes large. */
function chunkLength(rng: Rng, max: number): number {
  const limit = Math.max(1, max);
  return rng.chance(0.7) ? rng.range(1, Math.min(64, limit)) : rng.range(1, limit);
}

export const flipBits: Mutator = (bytes, rng) => {
  const out = new Uint8Array(bytes);
  const flips = rng.range(1, 16);
  for (let i = 0; i < flips && out.byteLength > 0; i++) out[rng.int(out.byteLength)]! ^= 1 << rng.int(8);
  return { bytes: out, label: `flip ${flips} bits` };
};

export const overwriteBytes: Mutator = (bytes, rng) => {
  const out = new Uint8Array(bytes);
  const length = chunkLength(rng, out.byteLength);
  const at = rng.int(Math.max(1, out.byteLength - length));
  out.set(rng.bytes(Math.min(length, out.byteLength - at)), at);
  return { bytes: out, label: `overwrite ${length} bytes at ${at}` };
};

export const truncate: Mutator = (bytes, rng) => {
  const at = rng.int(bytes.byteLength);
  return { bytes: bytes.slice(0, at), label: `truncate at ${at}` };
};

export const deleteChunk: Mutator = (bytes, rng) => {
  const length = chunkLength(rng, bytes.byteLength);
  const at = rng.int(Math.max(1, bytes.byteLength - length));
  return { bytes: concat(bytes.subarray(0, at), bytes.subarray(at + length)), label: `delete ${length} bytes at ${at}` };
};

export const duplicateChunk: Mutator = (bytes, rng) => {
  const length = chunkLength(rng, bytes.byteLength);
  const at = rng.int(Math.max(1, bytes.byteLength - length));
  const to = rng.int(bytes.byteLength + 1);
  const chunk = bytes.subarray(at, at + length);
  return { bytes: concat(bytes.subarray(0, to), chunk, bytes.subarray(to)), label: `duplicate ${length} bytes from ${at} to ${to}` };
};

export const insertRandom: Mutator = (bytes, rng) => {
  const length = chunkLength(rng, 4096);
  const to = rng.int(bytes.byteLength + 1);
  return { bytes: concat(bytes.subarray(0, to), rng.bytes(length), bytes.subarray(to)), label: `insert ${length} random bytes at ${to}` };
};

export const BYTE_MUTATORS: readonly Mutator[] = [flipBits, overwriteBytes, truncate, deleteChunk, duplicateChunk, insertRandom];

/** One to three byte mutations in a row. */
export function mutateBytes(bytes: Uint8Array, rng: Rng): Mutated {
  let current: Mutated = { bytes, label: "" };
  const labels: string[] = [];
  const rounds = rng.range(1, 3);
  for (let i = 0; i < rounds; i++) {
    current = rng.pick(BYTE_MUTATORS)(current.bytes, rng);
    labels.push(current.label);
  }
  return { bytes: current.bytes, label: labels.join(", ") };
}

// ---- Text helpers shared by the structure-aware mutators ----

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** Positions of every match of `pattern` (global) in `text`. */
export function matchPositions(text: string, pattern: RegExp): { index: number; match: string }[] {
  const found: { index: number; match: string }[] = [];
  for (const m of text.matchAll(pattern)) found.push({ index: m.index, match: m[0] });
  return found;
}

/** Values an attribute or a number field should never hold. */
export const HOSTILE_VALUES: readonly string[] = [
  "",
  "-1",
  "0",
  "NaN",
  "Infinity",
  "1e309",
  "-2147483649",
  "99999999999999999999",
  "0x10",
  "abc",
  "12.5.3",
  "&amp;amp;",
  "\u0000",
  "\uFFFD\uD800",
  "../../../../etc/passwd",
  "#",
  "  ",
];

// ---- Markdown ----

/** Constructs that parsers handle recursively or with backtracking, repeated far beyond sense. */
const MARKDOWN_BOMBS: { label: string; make: (depth: number) => string }[] = [
  { label: "nested block quotes", make: (n) => `${"> ".repeat(n)}Citation profonde.\n` },
  // Capped: the indentation grows with the depth, so the input grows with its square.
  { label: "nested lists", make: (n) => Array.from({ length: Math.min(n, 2_000) }, (_, i) => `${"  ".repeat(i)}- élément ${i}`).join("\n") + "\n" },
  { label: "nested emphasis", make: (n) => `${"*_".repeat(n)}texte${"_*".repeat(n)}\n` },
  { label: "nested links", make: (n) => `${"[".repeat(n)}lien${"](x)".repeat(n)}\n` },
  { label: "unclosed brackets", make: (n) => `${"[".repeat(n)}\n` },
  { label: "backtick runs", make: (n) => `${"`".repeat(n)}a${"`".repeat(n - 1)}\n` },
  // Large rather than deep: capped so that they cost the parser a fraction of a second.
  { label: "table columns", make: (n) => table(Math.min(n, 2_000)) },
  { label: "one huge line", make: (n) => `${"mot ".repeat(Math.min(n, 2_000) * 20)}\n` },
];

function table(columns: number): string {
  return `|${" a |".repeat(columns)}\n|${" - |".repeat(columns)}\n|${" b |".repeat(columns)}\n`;
}

export function mutateMarkdown(bytes: Uint8Array, rng: Rng): Mutated {
  if (rng.chance(0.6)) return mutateBytes(bytes, rng);
  const bomb = rng.pick(MARKDOWN_BOMBS);
  const depth = rng.pick([1_000, 10_000, 50_000]);
  const text = fromUtf8(bytes);
  const lines = text.split("\n");
  const at = rng.int(lines.length + 1);
  lines.splice(at, 0, "", bomb.make(depth));
  return { bytes: utf8(lines.join("\n")), label: `${bomb.label} ×${depth} at line ${at}` };
}
