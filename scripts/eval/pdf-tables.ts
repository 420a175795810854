/**
 * The tables the PDF reader finds, page by page, for checking by eye against the rendered pages
 * (`pdftoppm -r 60 -png -f N -l N file.pdf /tmp/page`).
 *
 *   node --import tsx scripts/eval/pdf-tables.ts file.pdf [first page] [last page]
 *
 * Each row prints as its cells' texts joined by « | »; a merged cell shows its span as [c×r].
 */
import { readFileSync } from "node:fs";
import { readPageGraphics } from "../../src/ingest/pdf/graphics.js";
import { FontBook, readPageText, toPieces } from "../../src/ingest/pdf/items.js";
import { loadPdfjs, openPdf } from "../../src/ingest/pdf/pdfjs.js";
import { cellText, findTables } from "../../src/ingest/pdf/tables/index.js";
import type { PdfTable } from "../../src/ingest/pdf/types.js";

async function main(): Promise<void> {
  const [path, firstArg, lastArg] = process.argv.slice(2);
  if (!path) {
    console.error("usage: pdf-tables.ts file.pdf [first page] [last page]");
    process.exitCode = 2;
    return;
  }
  const pdfjs = await loadPdfjs();
  const { document, task } = await openPdf(pdfjs, readFileSync(path), path);
  const fonts = new FontBook();
  const first = Math.max(1, Number(firstArg ?? 1));
  const last = Math.min(document.numPages, Number(lastArg ?? firstArg ?? document.numPages));
  let textMs = 0;
  let graphicsMs = 0;
  let tablesMs = 0;
  let found = 0;
  for (let number = first; number <= last; number++) {
    const page = await document.getPage(number);
    let start = performance.now();
    const text = await readPageText(page, fonts);
    const pieces = toPieces(text, fonts);
    textMs += performance.now() - start;
    start = performance.now();
    const graphics = await readPageGraphics(page, text.view);
    graphicsMs += performance.now() - start;
    start = performance.now();
    const { tables } = findTables(pieces, graphics, number);
    tablesMs += performance.now() - start;
    page.cleanup();
    found += tables.length;
    for (const table of tables) print(table);
  }
  const pages = last - first + 1;
  const per = (ms: number) => (ms / pages).toFixed(1);
  console.log(`\n${found} table(s) on ${pages} page(s); ms per page: text ${per(textMs)}, graphics ${per(graphicsMs)}, tables ${per(tablesMs)}`);
  await task.destroy();
}

function print(table: PdfTable): void {
  const { left, top, right, bottom } = table.box;
  const cols = Math.max(...table.rows.map((row) => row.reduce((sum, cell) => sum + cell.colSpan, 0)));
  console.log(`\n— page ${table.page}, ${table.kind}, ${table.rows.length} rows × ${cols} cols, box ${[left, top, right, bottom].map((v) => v.toFixed(0)).join(",")}`);
  for (const row of table.rows) {
    const cells = row.map((cell) => {
      const span = cell.colSpan > 1 || cell.rowSpan > 1 ? `[${cell.colSpan}×${cell.rowSpan}] ` : "";
      return span + cellText(cell.pieces);
    });
    console.log(`  ${cells.join(" | ")}`);
  }
}

await main();
