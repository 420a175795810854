import type { PiiKind, PiiSpan } from "./kinds.js";

// When detections overlap, the most specific kind wins: an e-mail or IBAN is certain, a
// « Prénom Nom » inside « avenue Jean Jaurès » is part of the address, not a person.
const PRIORITY: Readonly<Record<PiiKind, number>> = {
  EMAIL: 0,
  IBAN: 1,
  NIR: 2,
  TELEPHONE: 3,
  DATE_NAISSANCE: 4,
  ADRESSE: 5,
  CODE_POSTAL_VILLE: 6,
  PERSONNE: 7,
};

/** Non-overlapping spans in text order: by priority, then longest first. */
export function resolveOverlaps(spans: readonly PiiSpan[]): PiiSpan[] {
  const ranked = [...spans].sort(
    (a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  // Kept spans, sorted by start and disjoint: a new span only has to be checked against its neighbours.
  const kept: PiiSpan[] = [];
  for (const span of ranked) {
    if (span.end <= span.start) continue;
    const at = firstStartingAtOrAfter(kept, span.start);
    const before = kept[at - 1];
    const after = kept[at];
    if (before !== undefined && before.end > span.start) continue;
    if (after !== undefined && after.start < span.end) continue;
    kept.splice(at, 0, span);
  }
  return kept;
}

function firstStartingAtOrAfter(sorted: readonly PiiSpan[], start: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]!.start < start) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Every match of a global pattern as a span of the given kind. */
export function collectMatches(text: string, pattern: RegExp, kind: PiiSpan["kind"]): PiiSpan[] {
  const spans: PiiSpan[] = [];
  pattern.lastIndex = 0;
  for (const match of text.matchAll(pattern)) {
    spans.push({ start: match.index, end: match.index + match[0].length, kind });
  }
  return spans;
}
