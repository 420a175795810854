import type { Line, PageLines } from "./types.js";

/** The document's typographic baseline, against which headings and paragraph breaks are judged. */
export interface BodyMetrics {
  /** Font size of most of the text. */
  size: number;
  /** Usual distance between the baselines of two lines of body text. */
  lineSpacing: number;
  /** Left edge of the text column: where most body lines start. */
  left: number;
  /** Right edge of the text column. */
  right: number;
  /** Font of most of the text, when the PDF names it. */
  font: string | undefined;
}

function letterCount(text: string): number {
  let count = 0;
  for (const char of text) if (char !== " ") count++;
  return count;
}

export function isBodySize(size: number, body: number): boolean {
  return Math.abs(size - body) <= Math.max(0.6, body * 0.05);
}

export function measureBody(pages: PageLines[]): BodyMetrics {
  const weights = new Map<number, number>();
  for (const page of pages) {
    for (const line of page.lines) {
      const size = Math.round(line.size * 2) / 2;
      weights.set(size, (weights.get(size) ?? 0) + letterCount(line.text));
    }
  }
  const size = mostCommon(weights) ?? 11;
  return {
    size,
    lineSpacing: measureLineSpacing(pages, size),
    left: measureLeft(pages, size),
    right: measureRight(pages, size),
    font: measureFont(pages),
  };
}

/** The median gap between consecutive body lines: most of them are inside a paragraph. */
function measureLineSpacing(pages: PageLines[], size: number): number {
  const gaps: number[] = [];
  for (const page of pages) {
    let previous: Line | undefined;
    for (const line of page.lines) {
      if (previous && isBodySize(line.size, size) && isBodySize(previous.size, size)) {
        const gap = line.y - previous.y;
        if (gap > 0.8 * size && gap < 3 * size) gaps.push(gap);
      }
      previous = line;
    }
  }
  if (gaps.length === 0) return 1.2 * size;
  gaps.sort((p, q) => p - q);
  return gaps[Math.floor(gaps.length / 2)] ?? 1.2 * size;
}

function measureRight(pages: PageLines[], size: number): number {
  let right = 0;
  for (const page of pages) {
    for (const line of page.lines) if (isBodySize(line.size, size)) right = Math.max(right, line.right);
  }
  return right;
}

function mostCommon<T>(weights: Map<T, number>): T | undefined {
  let best: T | undefined;
  let bestWeight = -1;
  for (const [value, weight] of weights) {
    if (weight > bestWeight) {
      best = value;
      bestWeight = weight;
    }
  }
  return best;
}

function measureLeft(pages: PageLines[], size: number): number {
  const starts = new Map<number, number>();
  for (const page of pages) {
    for (const line of page.lines) {
      if (!isBodySize(line.size, size)) continue;
      const x = Math.round(line.x);
      starts.set(x, (starts.get(x) ?? 0) + 1);
    }
  }
  return mostCommon(starts) ?? 0;
}

function measureFont(pages: PageLines[]): string | undefined {
  const fonts = new Map<string, number>();
  for (const page of pages) {
    for (const line of page.lines) {
      for (const span of line.spans) if (span.font) fonts.set(span.font, (fonts.get(span.font) ?? 0) + span.text.length);
    }
  }
  return mostCommon(fonts);
}
