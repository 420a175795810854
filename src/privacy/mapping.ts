import { emptyCounts, type PiiKind, type PseudonymMap } from "./kinds.js";

export function emptyMapping(): PseudonymMap {
  return { entries: [] };
}

/** Hands out placeholders for one mapping; built once per call so look-ups stay constant-time. */
export type PlaceholderAssigner = (kind: PiiKind, value: string) => string;

/**
 * Stability is by exact value: the same written form always gets the same placeholder, which is
 * what lets `restore` give back the exact text. New entries are appended to `mapping.entries`.
 */
export function placeholderAssigner(mapping: PseudonymMap): PlaceholderAssigner {
  const known = new Map<string, string>();
  const used = emptyCounts();
  for (const entry of mapping.entries) {
    known.set(keyOf(entry.kind, entry.value), entry.placeholder);
    used[entry.kind] += 1;
  }
  return (kind, value) => {
    const key = keyOf(kind, value);
    const existing = known.get(key);
    if (existing !== undefined) return existing;
    used[kind] += 1;
    const placeholder = `[${kind}_${used[kind]}]`;
    mapping.entries.push({ placeholder, kind, value });
    known.set(key, placeholder);
    return placeholder;
  };
}

export function valuesOfKind(mapping: PseudonymMap, kind: PiiKind): string[] {
  return mapping.entries.filter((entry) => entry.kind === kind).map((entry) => entry.value);
}

function keyOf(kind: PiiKind, value: string): string {
  return `${kind}\u0000${value}`;
}
