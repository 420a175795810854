/**
 * PDF reader. A PDF has no paragraphs, headings or lists, only glyphs at positions: this module
 * rebuilds them from the text layer (positions, font sizes, bold fonts), after dropping what repeats
 * on every page. Tables are read as text in reading order, not rebuilt.
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
import { buildLines } from "./lines.js";
import { measureBody } from "./metrics.js";
import { loadPdfjs, openPdf } from "./pdfjs.js";
import { meaningfulTitle } from "./title.js";
import type { PageLines } from "./types.js";
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

  const { pages, unreadable } = await readPages(document, count);
  if (pages.length === 0) throw corruptPdf(context.path);
  if (unreadable.length > 0) warnings.push(unreadablePagesWarning(unreadable));

  const cleaned = removeFurniture(pages);
  // Checked once headers and footers are gone: a scan stamped with a page number has no text either.
  const blank = cleaned.filter((page) => letterCount(page) < MIN_PAGE_LETTERS).map((page) => page.page);
  if (blank.length === cleaned.length) throw scannedPdf(context.path);
  if (blank.length > 0) warnings.push(pagesWithoutTextWarning(blank));

  const lines = cleaned.flatMap((page) => page.lines);
  const body = measureBody(cleaned);
  const groups = Grouper.group(lines, body);
  const hyphenated = lines.some((line) => /[-\u2010]$/.test(line.text));
  const blocks = assembleBlocks(groups, hyphenated ? collectCompounds(lines.map((line) => line.text)) : new Set(), body);

  const result: ReadResult = { blocks, warnings, defaults: { fontSizePt: body.size } };
  if (body.font) result.defaults = { ...result.defaults, fontFamily: body.font };
  const title = meaningfulTitle(await infoTitle(document));
  if (title) result.metadataTitle = title;
  return result;
}

async function readPages(document: PDFDocumentProxy, count: number): Promise<{ pages: PageLines[]; unreadable: number[] }> {
  const fonts = new FontBook();
  const pages: PageLines[] = [];
  const unreadable: number[] = [];
  for (let number = 1; number <= count; number++) {
    const text = await pageText(document, number, fonts);
    if (text) pages.push({ page: number, lines: buildLines(toPieces(text, fonts), number) });
    else unreadable.push(number);
  }
  return { pages, unreadable };
}

/** The page's text layer, or nothing when pdfjs cannot parse the page. */
async function pageText(document: PDFDocumentProxy, number: number, fonts: FontBook): Promise<PageText | undefined> {
  let page;
  try {
    page = await document.getPage(number);
    return await readPageText(page, fonts);
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

function letterCount(page: PageLines): number {
  let count = 0;
  for (const line of page.lines) count += line.text.match(/\p{L}/gu)?.length ?? 0;
  return count;
}
