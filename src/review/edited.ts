import type { RewriteBlock, RewriteResult } from "../rewrite/types.js";
import type { CellItem, CellParagraph } from "./cell.js";

/**
 * An easy-to-read cell corrected by hand, read back into the rewrite's structure: the first line is
 * the title, numbered paragraphs are list items, a nested table is a table, and falc's own spacing
 * sets the blocks apart (a paragraph with space before starts a new block). Bold stays `**…**`.
 */

/** Space before the first sentence of a block in the review document (see render/review/table.ts). */
const BLOCK_GAP = 120;

export function parseEditedCell(items: readonly CellItem[], earlier: RewriteResult): RewriteResult {
  const paragraphs = items.filter((item) => item.kind === "table" || item.text.trim() !== "");
  const first = paragraphs[0];
  const title = first?.kind === "paragraph" ? unbold(first.markup).trim() : earlier.title;
  const blocks: RewriteBlock[] = [];
  let open: RewriteBlock | undefined;
  const close = () => {
    if (open) blocks.push(open);
    open = undefined;
  };
  for (const item of paragraphs.slice(first?.kind === "paragraph" ? 1 : 0)) {
    if (item.kind === "table") {
      const intro = open?.type === "paragraph" && open.sentences.length === 1 && introLike(open.sentences[0]!) ? open.sentences[0] : undefined;
      if (intro !== undefined) open = undefined;
      close();
      const [head, ...rest] = item.rows;
      blocks.push({ type: "table", ...(intro !== undefined ? { intro } : {}), ...(item.header && head ? { header: head, rows: rest } : { rows: item.rows }) });
      continue;
    }
    const lines = sentenceLines(item);
    if (item.list) {
      if (open?.type !== "list") {
        // A lone sentence just before the items, set apart like a block, is the list's introduction.
        const intro = open?.type === "paragraph" && open.sentences.length === 1 && introLike(open.sentences[0]!) ? open.sentences[0] : undefined;
        if (intro === undefined) close();
        open = { type: "list", ...(intro !== undefined ? { intro } : {}), items: [] };
      }
      open.items.push(...lines);
      continue;
    }
    if (open?.type !== "paragraph" || item.spaceBefore >= BLOCK_GAP) {
      close();
      open = { type: "paragraph", sentences: [] };
    }
    open.sentences.push(...lines);
  }
  close();
  // The glossary is not in the cell: the earlier one stays (an edit rarely removes a difficult word, and a
  // glossary entry too many harms less than an explanation lost).
  return { title, blocks, glossary: earlier.glossary };
}

function sentenceLines(paragraph: CellParagraph): string[] {
  return paragraph.markup
    .split("\n")
    .map((line) => line.replace(/[\s\u00a0\u202f]+/g, " ").trim())
    .filter((line) => line !== "");
}

function introLike(sentence: string): boolean {
  return /:\s*(\*\*)?$/.test(sentence.trim());
}

function unbold(text: string): string {
  return text.replace(/\*\*/g, "");
}
