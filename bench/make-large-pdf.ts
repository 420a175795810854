/**
 * Writes a long contract PDF (100 pages by default) for measuring the PDF reader:
 *   node --import tsx bench/make-large-pdf.ts /tmp/falc-large.pdf 100
 *   /usr/bin/time -v node --import tsx bench/read-pdf.ts /tmp/falc-large.pdf
 */
import { writeFileSync } from "node:fs";
import { CONTRACT, CONTRACT_HEADER, drawBlock, drawRunningText, renderPdf, type ContractBlock } from "../tests/helpers/make-pdf.js";

/** The contract's articles, renumbered, repeated until the document has `pages` pages. */
export function makeLargePdf(pages: number): Promise<Uint8Array> {
  return renderPdf(
    (doc) => {
      const body = CONTRACT.filter((block) => block.kind !== "title");
      drawBlock(doc, { kind: "title", text: "Contrat de séjour" });
      let article = 0;
      for (let round = 0; doc.bufferedPageRange().count < pages; round++) {
        for (const block of body) {
          drawBlock(doc, renumber(block, block.kind === "heading" ? ++article : article));
          if (doc.bufferedPageRange().count >= pages) break;
        }
      }
      drawRunningText(doc, CONTRACT_HEADER, (n, total) => `Page ${n} sur ${total}`);
    },
    { title: "Contrat de séjour – EHPAD Les Tilleuls" },
  );
}

function renumber(block: ContractBlock, article: number): ContractBlock {
  if (block.kind !== "heading") return block;
  return { ...block, text: block.text.replace(/^Article \d+/, `Article ${article}`) };
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"));
if (isMain) {
  const out = process.argv[2] ?? "/tmp/falc-large.pdf";
  const pages = Number(process.argv[3] ?? 100);
  const bytes = await makeLargePdf(pages);
  writeFileSync(out, bytes);
  console.log(`${out}: ${pages} pages, ${(bytes.byteLength / 1024).toFixed(0)} Kio`);
}
