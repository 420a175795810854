/**
 * What the end of one line says about the next, read by the grouping of lines into paragraphs and by
 * the outline (headings, tables of contents) alike.
 */

/** A line that ends with a blank to fill in is a whole field: the next line is the next field. */
export function endsWithBlank(text: string): boolean {
  return /(?:[_…][_….]{2,}|\.{5,})\s*$/u.test(text);
}

/** An entry's dotted (or dashed, or underscored) leader and its page number. */
const LEADER_ENTRY = /(?:\.{4,}|…{2,}|(?:\.\s){4,}|·{4,}|_{5,}|-{5,})\s*\d{1,4}\s*$/u;

/** A line of a table of contents: each is an entry of its own, never joined to the next line. */
export function isLeaderLine(text: string): boolean {
  return LEADER_ENTRY.test(text);
}
