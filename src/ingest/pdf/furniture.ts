import { isTableAtom, type Line, type PageLines } from "./types.js";

/**
 * Page furniture: running headers and footers, and page numbers. They repeat on every page and
 * would otherwise be read as text in the middle of paragraphs that cross a page break.
 */

/** Lines this close to the top or bottom of a page may be furniture. */
const EDGE_LINES = 3;
/** Repeated lines must sit at the same height on each page, within this many points. */
const SAME_PLACE = 4;

const PAGE_NUMBER =
  /^(?:[-–—]\s*)?(?:(?:page|p\.)\s*)?\d{1,4}(?:\s*(?:\/|sur|de|of)\s*\d{1,4})?(?:\s*[-–—])?$/i;

/** « Page 3 », « page 3 sur 12 », « 3/12 », « - 3 - » or just « 3 ». */
export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

/** Digits change from page to page (« Page 2 sur 3 »), the rest of a running line does not. */
function furnitureKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();
}

/** The page's lines from top to bottom: reading order may put a sidebar or a column anywhere. */
function byHeight(page: PageLines): Line[] {
  return page.lines.slice().sort((p, q) => p.y - q.y);
}

function edgeLines(page: PageLines): Line[] {
  const lines = byHeight(page);
  if (lines.length <= 2 * EDGE_LINES) return lines;
  return [...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)];
}

/** How many pages must repeat a line for it to count as a running header or footer. */
function repeatThreshold(pageCount: number): number {
  if (pageCount < 2) return Infinity;
  if (pageCount === 2) return 2;
  return Math.max(2, Math.ceil(pageCount * 0.5));
}

/** Returns the pages without their running headers, footers and page numbers. */
export function removeFurniture(pages: PageLines[]): PageLines[] {
  const withText = pages.filter((page) => page.lines.length > 0);
  const running = findRunningLines(withText, repeatThreshold(withText.length));
  return pages.map((page) => {
    const edges = new Set(edgeLines(page));
    const sorted = byHeight(page);
    const firstAndLast = new Set([...sorted.slice(0, 2), ...sorted.slice(-2)]);
    const dropped = new Set(
      page.lines.filter((line) => {
        if (firstAndLast.has(line) && isPageNumber(line.text)) return true;
        return edges.has(line) && running.some((run) => run.key === furnitureKey(line.text) && Math.abs(run.y - line.y) <= SAME_PLACE);
      }),
    );
    if (dropped.size === 0) return page;
    return {
      page: page.page,
      lines: page.lines.filter((line) => !dropped.has(line)),
      flow: page.flow.filter((item) => isTableAtom(item) || !dropped.has(item)),
    };
  });
}

interface RunningLine {
  key: string;
  y: number;
}

function findRunningLines(pages: PageLines[], threshold: number): RunningLine[] {
  if (!Number.isFinite(threshold)) return [];
  const byKey = new Map<string, { page: number; y: number }[]>();
  for (const page of pages) {
    for (const line of edgeLines(page)) {
      const key = furnitureKey(line.text);
      if (key === "") continue;
      const seen = byKey.get(key) ?? [];
      seen.push({ page: page.page, y: line.y });
      byKey.set(key, seen);
    }
  }
  const running: RunningLine[] = [];
  for (const [key, places] of byKey) {
    if (places.length < threshold) continue;
    const y = busiestHeight(places, threshold);
    if (y !== undefined) running.push({ key, y });
  }
  return running;
}

/** The height at which the line sits on at least `threshold` distinct pages, if any. */
function busiestHeight(places: { page: number; y: number }[], threshold: number): number | undefined {
  const sorted = places.slice().sort((p, q) => p.y - q.y);
  for (let start = 0; start < sorted.length; start++) {
    const first = sorted[start];
    if (!first) continue;
    const pagesHere = new Set<number>();
    for (let end = start; end < sorted.length; end++) {
      const place = sorted[end];
      if (!place || place.y - first.y > SAME_PLACE) break;
      pagesHere.add(place.page);
    }
    if (pagesHere.size >= threshold) return first.y + SAME_PLACE / 2;
  }
  return undefined;
}
