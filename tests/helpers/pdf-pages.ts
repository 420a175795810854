/**
 * Reads PDF pages the way the PDF reader sees them (pdf.js pieces and graphics) and runs the table
 * finder on each: for the table tests.
 */
import { readPageGraphics } from "../../src/ingest/pdf/graphics.js";
import { FontBook, readPageText, toPieces } from "../../src/ingest/pdf/items.js";
import { loadPdfjs, openPdf } from "../../src/ingest/pdf/pdfjs.js";
import { cellText, findTables } from "../../src/ingest/pdf/tables/index.js";
import type { PageGraphics, PdfTable, TextPiece } from "../../src/ingest/pdf/types.js";
import { renderPdf, type PdfKitDoc } from "./make-pdf.js";

export interface ReadPage {
  pieces: TextPiece[];
  graphics: PageGraphics;
  tables: PdfTable[];
  rest: TextPiece[];
}

/** What the reader will see of each page: real pdf.js pieces and graphics, and the tables found. */
export async function readPages(bytes: Uint8Array, numbers?: number[]): Promise<Map<number, ReadPage>> {
  const pdfjs = await loadPdfjs();
  const { document, task } = await openPdf(pdfjs, bytes, "test.pdf");
  const fonts = new FontBook();
  const pages = new Map<number, ReadPage>();
  try {
    for (const number of numbers ?? Array.from({ length: document.numPages }, (_, k) => k + 1)) {
      const page = await document.getPage(number);
      const text = await readPageText(page, fonts);
      const pieces = toPieces(text, fonts);
      const graphics = await readPageGraphics(page, text.view);
      pages.set(number, { pieces, graphics, ...findTables(pieces, graphics, number) });
      page.cleanup();
    }
  } finally {
    await task.destroy();
  }
  return pages;
}

export async function readFirstPage(draw: (doc: PdfKitDoc) => void): Promise<ReadPage> {
  const page = (await readPages(await renderPdf(draw), [1])).get(1);
  if (!page) throw new Error("no page");
  return page;
}

export const texts = (table: PdfTable) => table.rows.map((row) => row.map((cell) => cellText(cell.pieces)));
export const visibleText = (pieces: TextPiece[]) => pieces.map((piece) => piece.text).filter((text) => text.trim() !== "");
