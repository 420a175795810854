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
  /** Pages whose own text is set larger than the document's (a cover letter before small-print forms). */
  pageSizes: Map<number, number>;
}

/** Letters a page needs before its own text size is trusted over the document's. */
const PAGE_BODY_MIN_LETTERS = 400;

/** The body size that headings on `page` stand out from. */
export function bodySizeOn(body: BodyMetrics, page: number): number {
  return body.pageSizes.get(page) ?? body.size;
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
  const perPage = new Map<number, Map<number, number>>();
  for (const page of pages) {
    const own = new Map<number, number>();
    for (const line of page.lines) {
      const size = Math.round(line.size * 2) / 2;
      const letters = letterCount(line.text);
      weights.set(size, (weights.get(size) ?? 0) + letters);
      own.set(size, (own.get(size) ?? 0) + letters);
    }
    perPage.set(page.page, own);
  }
  const size = mostCommon(weights) ?? 11;
  const pageSizes = new Map<number, number>();
  for (const [page, own] of perPage) {
    const total = [...own.values()].reduce((sum, letters) => sum + letters, 0);
    const pageSize = mostCommon(own);
    // Only larger: a page of small-print tables must not turn the normal text around it into titles.
    if (pageSize !== undefined && total >= PAGE_BODY_MIN_LETTERS && pageSize > size && !isBodySize(pageSize, size)) pageSizes.set(page, pageSize);
  }
  return {
    pageSizes,
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

/**
 * Where full lines of body text end. Not the largest right edge: one line running into the margin
 * (a wide table row, a URL) would make every wrapped line look short.
 */
function measureRight(pages: PageLines[], size: number): number {
  const rights: number[] = [];
  for (const page of pages) {
    for (const line of page.lines) if (isBodySize(line.size, size) && !line.column) rights.push(line.right);
  }
  if (rights.length === 0) {
    for (const page of pages) for (const line of page.lines) rights.push(line.right);
  }
  rights.sort((p, q) => p - q);
  return rights[Math.min(rights.length - 1, Math.floor(rights.length * 0.95))] ?? 0;
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
