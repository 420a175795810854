import type { RewriteBlock, RewriteResult } from "./types.js";

export interface RewriteTextOptions {
  /**
   * Start with the title, as a section's original text starts with its heading (default true):
   * the fidelity guard then compares like with like, and a fact of the heading (« Article 3 ») is
   * not reported missing. Pass false when the title is shown separately.
   */
  title?: boolean;
}

/** Removes the `**bold**` markers of key information. */
export function stripBold(text: string): string {
  return text.replace(/\*\*/g, "");
}

/**
 * A rewrite as plain text: one sentence per line, a list's intro then one item per line, a table's
 * cells one per line, blocks
 * separated by a blank line, bold markers removed. This is the text that is scored, checked and
 * compared with the original.
 */
export function rewriteToText(result: RewriteResult, options: RewriteTextOptions = {}): string {
  const parts: string[] = [];
  const title = stripBold(result.title).trim();
  if (options.title !== false && title !== "") parts.push(title);
  for (const block of result.blocks) {
    const clean = blockLines(block).map((line) => stripBold(line).trim()).filter((line) => line !== "");
    if (clean.length > 0) parts.push(clean.join("\n"));
  }
  return parts.join("\n\n");
}

/**
 * A block's lines. A table gives its intro, then its column names, then its cells row by row, one
 * per line, as the document model renders an original table: the fidelity guard then sees every
 * cell on both sides, and the checker reads a cell as the short unit it is.
 */
export function blockLines(block: RewriteBlock): string[] {
  const intro = block.type !== "paragraph" && block.intro !== undefined ? [block.intro] : [];
  switch (block.type) {
    case "paragraph":
      return block.sentences;
    case "list":
      return [...intro, ...block.items];
    case "table":
      return [...intro, ...(block.header ?? []), ...block.rows.flat()].filter((cell) => cell.trim() !== "");
  }
}
