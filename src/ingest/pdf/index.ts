/**
 * PDF reader. A PDF has no paragraphs, headings or lists, only glyphs at positions: this module
 * rebuilds them from the text layer (positions, font sizes, bold fonts) and the drawing (rules, frames,
 * images): columns and sidebars in reading order, tables with their cells, after dropping what
 * repeats on every page; and says when the text layer cannot be trusted.
 *
 * Loaded lazily by the ingest dispatcher; pdfjs itself is imported on the first read.
 */
import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { DocumentWarning } from "../../model/types.js";
import type { FormatReader, ReadContext, ReadResult } from "../types.js";
import { assembleBlocks } from "./assemble.js";
import { corruptPdf, emptyPdf, scannedPdf } from "./errors.js";
import { removeFurniture } from "./furniture.js";
import { Grouper } from "./groups.js";
import { collectCompounds } from "./hyphenation.js";
import { FontBook, readPageText, toPieces, type PageText } from "./items.js";
import { readPageGraphics } from "./graphics.js";
import { layoutPage } from "./layout/page.js";
import { findTables } from "./tables/index.js";
import { measureBody } from "./metrics.js";
import { loadPdfjs, openPdf } from "./pdfjs.js";
import { meaningfulTitle } from "./title.js";
import { checkTextLayer, imageTextCheck, type PageForImages } from "./trust/index.js";
import { isTableAtom, tablePieces, type Line, type PageGraphics, type PageLines } from "./types.js";
import { pagesWithoutTextWarning, truncatedWarning, unreadablePagesWarning } from "./warnings.js";

/** A page with fewer letters than this, once headers and footers are gone, has no text layer. */
const MIN_PAGE_LETTERS = 5;

export const readPdf: FormatReader = async (bytes, context) => {
  const pdfjs = await loadPdfjs();
  const { document, task } = await openPdf(pdfjs, bytes, context.path);
  try {
    return await readDocument(document, context);
  } finally {
    await task.destroy().catch(() => undefined);
  }
};

async function readDocument(document: PDFDocumentProxy, context: ReadContext): Promise<ReadResult> {
  const total = document.numPages;
  if (total === 0) throw emptyPdf(context.path);
  const count = Math.min(total, Math.max(1, context.limits.maxPages));
  const warnings: DocumentWarning[] = [];
  if (count < total) warnings.push(truncatedWarning(total, count));

  const { pages: read, unreadable, pictured } = await readPages(document, count);
  if (read.length === 0) throw corruptPdf(context.path);
  if (unreadable.length > 0) warnings.push(unreadablePagesWarning(unreadable));
  // trust/: an XFA placeholder or unmapped fonts stop the read; pages of symbol soup are left out.
  const trusted = await checkTextLayer(document, read, context.path);
  warnings.push(...trusted.warnings);
  const pages = trusted.pages;
  const scans = imageTextCheck(pictured);
  warnings.push(...scans.warnings);

  const cleaned = removeFurniture(pages);
  // Checked once headers and footers are gone: a scan stamped with a page number has no text either.
  const blank = cleaned.filter((page) => letterCount(page) < MIN_PAGE_LETTERS).map((page) => page.page);
  if (blank.length === cleaned.length) throw scannedPdf(context.path);
  // A scanned page is already named by the image warning: one warning per page is enough.
  const blankOnly = blank.filter((page) => !scans.pages.includes(page));
  if (blankOnly.length > 0) warnings.push(pagesWithoutTextWarning(blankOnly));

  const lines = cleaned.flatMap((page) => page.lines);
  const body = measureBody(cleaned);
  const groups = Grouper.group(cleaned.flatMap((page) => page.flow), body);
  const hyphenated = lines.some((line) => /[-\u2010]$/.test(line.text));
  const assembled = assembleBlocks(groups, hyphenated ? collectCompounds(lines.map((line) => line.text)) : new Set(), body);
  const blocks = assembled.blocks;
  warnings.push(...assembled.warnings);

  const result: ReadResult = { blocks, warnings, defaults: { fontSizePt: body.size } };
  if (body.font) result.defaults = { ...result.defaults, fontFamily: body.font };
  const title = meaningfulTitle(await infoTitle(document));
  if (title) result.metadataTitle = title;
  return result;
}

interface ReadPages {
  pages: PageLines[];
  unreadable: number[];
  /** Pages that paint images large enough to be a scan, with their text: judged by trust/images. */
  pictured: PageForImages[];
}

async function readPages(document: PDFDocumentProxy, count: number): Promise<ReadPages> {
  const fonts = new FontBook();
  const pages: PageLines[] = [];
  const unreadable: number[] = [];
  const pictured: PageForImages[] = [];
  let regions = 0;
  const nextRegion = () => ++regions;
  for (let number = 1; number <= count; number++) {
    const content = await pageContent(document, number, fonts);
    if (!content) {
      unreadable.push(number);
      continue;
    }
    const pieces = toPieces(content.text, fonts);
    if (content.graphics.images.length > 0) pictured.push({ page: number, lines: pieces, graphics: content.graphics });
    const { tables, rest } = findTables(pieces, content.graphics, number);
    const drawing = { frames: content.graphics.rects, separators: content.graphics.rulings };
    const page = layoutPage(number, rest, tables, drawing, nextRegion);
    numberLines(page.lines, tables.flatMap((table) => tablePieces(table)));
    pages.push(page);
  }
  return { pages, unreadable, pictured };
}

interface PageContent {
  text: PageText;
  graphics: PageGraphics;
}

/** The page's text layer and drawings, or nothing when pdfjs cannot parse the page. */
async function pageContent(document: PDFDocumentProxy, number: number, fonts: FontBook): Promise<PageContent | undefined> {
  let page;
  try {
    page = await document.getPage(number);
    const text = await readPageText(page, fonts);
    return { text, graphics: await readPageGraphics(page, text.view) };
  } catch {
    // One broken page (a bad content stream) should not cost the user the rest of the document.
    return undefined;
  } finally {
    page?.cleanup();
  }
}

async function infoTitle(document: PDFDocumentProxy): Promise<unknown> {
  try {
    const metadata = await document.getMetadata();
    return (metadata.info as { Title?: unknown } | undefined)?.Title;
  } catch {
    return undefined;
  }
}

/**
 * Numbers a page's lines from the top, as a person counts them: lines side by side at one height (two
 * columns, a label and its value) are one line of the page, and the lines of the page's tables count too.
 */
function numberLines(lines: Line[], tableText: readonly { y: number; size: number }[]): void {
  const rows: { y: number; size: number; line?: Line }[] = [...lines.map((line) => ({ y: line.y, size: line.size, line })), ...tableText];
  let number = 0;
  let lastY = -Infinity;
  let lastSize = 0;
  for (const row of rows.sort((p, q) => p.y - q.y)) {
    if (row.y - lastY > 0.5 * Math.min(row.size, lastSize || row.size)) number++;
    if (row.line) row.line.number = number;
    lastY = row.y;
    lastSize = row.size;
  }
}

/** Letters of the page's lines and of its tables' cells: a page that is one table has text too. */
function letterCount(page: PageLines): number {
  let count = 0;
  for (const item of page.flow) {
    const texts = isTableAtom(item) ? tablePieces(item.table).map((piece) => piece.text) : [item.text];
    for (const text of texts) count += text.match(/\p{L}/gu)?.length ?? 0;
  }
  return count;
}
