import { createRequire } from "node:module";

// Loaded only for a file that opens with « --- »: a YAML parser costs a short `falc score` 20 ms to load.
const requireCjs = createRequire(import.meta.url);

/**
 * A YAML front matter (« --- » lines around « title: … », as static site generators write it) is not
 * text to read. It is blanked rather than cut: every character but the line breaks becomes a space, so
 * that offsets, lines and columns of the rest stay those of the file the user opened.
 */
const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;
/** A block this long at the top of a file is not front matter. */
const MAX_CHARS = 20_000;

export function blankFrontMatter(text: string): { source: string; title?: string } {
  const opening = OPENING.exec(text);
  if (!opening) return { source: text };
  const rest = text.slice(opening[0].length, opening[0].length + MAX_CHARS);
  const closing = CLOSING.exec(rest);
  if (!closing) return { source: text };
  const yaml = rest.slice(0, closing.index);
  let data: unknown;
  try {
    const { parse } = requireCjs("yaml") as typeof import("yaml");
    data = parse(yaml);
  } catch {
    return { source: text };
  }
  // Only a mapping is front matter: a rule line, a paragraph and another rule are Markdown.
  if (data === null || typeof data !== "object" || Array.isArray(data)) return { source: text };
  const end = opening[0].length + closing.index + closing[0].length;
  const source = text.slice(0, end).replace(/[^\r\n]/g, " ") + text.slice(end);
  const title = (data as Record<string, unknown>).title;
  return typeof title === "string" && title.trim() !== "" ? { source, title: title.trim() } : { source };
}
