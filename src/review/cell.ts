import { isElement, type Element } from "../ingest/xml.js";

/**
 * Reading the cells of a review document as a person sees them once every tracked change is
 * accepted: inserted and moved-to text counts, deleted and moved-from text does not. Checkbox
 * content controls read as « ☒ » or « ☐ » from their state (the glyph inside may be stale), and the
 * comments anchored in the cell are collected.
 */

export const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W14 = "http://schemas.microsoft.com/office/word/2010/wordml";

export interface CellParagraph {
  kind: "paragraph";
  /** Plain text, with a line break as "\n". */
  text: string;
  /** The same with bold parts as `**…**` (falc's markup for key information). */
  markup: string;
  /** A list item (the paragraph is numbered). */
  list: boolean;
  /** Space before the paragraph, in twentieths of a point (falc sets blocks apart with it). */
  spaceBefore: number;
}

export interface CellTable {
  kind: "table";
  /** Each row's cells as text; `header` when the first row repeats as a header. */
  rows: string[][];
  header: boolean;
}

export type CellItem = CellParagraph | CellTable;

export interface CellContent {
  items: CellItem[];
  /** Every paragraph of the cell in reading order, those of nested tables included. */
  paragraphs: CellParagraph[];
  /** Ids of the comments anchored in the cell. */
  comments: string[];
  /** Names of the bookmarks that start in the cell. */
  bookmarks: string[];
}

export function readCell(tc: Element): CellContent {
  const content: CellContent = { items: [], paragraphs: [], comments: [], bookmarks: [] };
  for (const node of children(tc)) {
    if (is(node, "p")) {
      const paragraph = readParagraph(node, content);
      content.items.push(paragraph);
      content.paragraphs.push(paragraph);
    } else if (is(node, "tbl")) content.items.push(readTable(node, content));
    else if (is(node, "sdt")) {
      // A block-level content control around paragraphs: read what it holds.
      const inner = child(node, "sdtContent");
      if (inner) {
        const held = readCell(inner);
        content.items.push(...held.items);
        content.paragraphs.push(...held.paragraphs);
      }
    } else collectMarks(node, content);
  }
  return content;
}

/** The text of a cell's items, as compared to detect an edit: paragraphs on lines, spaces collapsed. */
export function cellText(items: readonly CellItem[]): string {
  const lines: string[] = [];
  for (const item of items) {
    if (item.kind === "paragraph") lines.push(item.text);
    else for (const row of item.rows) lines.push(row.join(" | "));
  }
  return lines
    .map((line) => line.replace(/[\s\u00a0\u202f]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

function readParagraph(p: Element, content: CellContent): CellParagraph {
  const pPr = child(p, "pPr");
  const spacing = pPr ? child(pPr, "spacing") : undefined;
  const before = Number(spacing?.getAttributeNS(W, "before") ?? "0");
  const list = pPr !== undefined && child(pPr, "numPr") !== undefined;
  let text = "";
  let markup = "";
  let boldOpen = false;
  const write = (piece: string, bold: boolean) => {
    if (piece === "") return;
    // Spaces stay outside the bold markers: « **20 €** », never « **20 € **».
    if (bold !== boldOpen && piece.trim() !== "") {
      markup = boldOpen ? closeBold(markup) : markup + "**";
      boldOpen = bold;
    }
    text += piece;
    markup += piece;
  };
  walkRuns(p, content, write);
  if (boldOpen) markup = closeBold(markup);
  return { kind: "paragraph", text, markup: markup.replace(/\*\*\*\*/g, ""), list, spaceBefore: Number.isFinite(before) ? before : 0 };
}

function closeBold(markup: string): string {
  const trailing = /\s*$/.exec(markup)![0];
  return markup.slice(0, markup.length - trailing.length) + "**" + trailing;
}

/** The runs of a paragraph in order, through hyperlinks, smart tags, insertions and inline content controls. */
function walkRuns(parent: Element, content: CellContent, write: (piece: string, bold: boolean) => void): void {
  for (const node of children(parent)) {
    if (is(node, "r")) {
      const bold = runBold(node);
      for (const part of children(node)) {
        if (is(part, "t")) write(part.textContent ?? "", bold);
        else if (is(part, "tab")) write(" ", bold);
        else if (is(part, "br") || is(part, "cr")) write("\n", bold);
        else if (is(part, "noBreakHyphen")) write("-", bold);
        else if (is(part, "sym")) write(symbol(part), bold);
        else collectMarks(part, content);
      }
    } else if (is(node, "sdt")) {
      const box = checkbox(node);
      if (box !== undefined) write(box ? "☒" : "☐", false);
      else {
        const inner = child(node, "sdtContent");
        if (inner) walkRuns(inner, content, write);
      }
    } else if (is(node, "del") || is(node, "moveFrom") || is(node, "pPr") || is(node, "rPr")) {
      // Deleted text is gone once the changes are accepted; properties hold no text.
      continue;
    } else if (is(node, "ins") || is(node, "moveTo") || is(node, "hyperlink") || is(node, "smartTag") || is(node, "customXml") || is(node, "fldSimple")) {
      walkRuns(node, content, write);
    } else collectMarks(node, content);
  }
}

function readTable(tbl: Element, content: CellContent): CellTable {
  const rows: string[][] = [];
  let header = false;
  for (const tr of children(tbl).filter((node) => is(node, "tr"))) {
    const trPr = child(tr, "trPr");
    if (rows.length === 0 && trPr && child(trPr, "tblHeader")) header = true;
    const cells = children(tr)
      .filter((node) => is(node, "tc"))
      .map((tc) => {
        const inner = readCell(tc);
        content.comments.push(...inner.comments);
        content.paragraphs.push(...inner.paragraphs);
        return cellText(inner.items).replace(/\n/g, " ");
      });
    rows.push(cells);
  }
  return { kind: "table", rows, header };
}

function collectMarks(node: Element, content: CellContent): void {
  if (is(node, "commentRangeStart") || is(node, "commentReference")) {
    const id = node.getAttributeNS(W, "id");
    if (id && !content.comments.includes(id)) content.comments.push(id);
  } else if (is(node, "bookmarkStart")) {
    const name = node.getAttributeNS(W, "name");
    if (name) content.bookmarks.push(name);
  }
  for (const inner of children(node)) if (!is(inner, "del") && !is(inner, "moveFrom")) collectMarks(inner, content);
}

/** The state of a checkbox content control, or undefined for any other control. */
function checkbox(sdt: Element): boolean | undefined {
  const sdtPr = child(sdt, "sdtPr");
  const box = sdtPr ? children(sdtPr).find((node) => node.localName === "checkbox" && node.namespaceURI === W14) : undefined;
  if (!box) return undefined;
  const checked = children(box).find((node) => node.localName === "checked");
  const value = checked?.getAttributeNS(W14, "val") ?? "0";
  return value === "1" || value === "true";
}

function runBold(r: Element): boolean {
  const rPr = child(r, "rPr");
  const b = rPr ? child(rPr, "b") : undefined;
  if (!b) return false;
  const value = b.getAttributeNS(W, "val");
  return value === null || value === "" || !["0", "false", "off"].includes(value);
}

function symbol(sym: Element): string {
  const code = Number.parseInt(sym.getAttributeNS(W, "char") ?? "", 16);
  if (!Number.isFinite(code)) return "";
  // Symbol fonts map their glyphs to the private area F0xx: Wingdings' ticked and empty boxes.
  if (code === 0xf0fe || code === 0xf078) return "☒";
  if (code === 0xf0a8 || code === 0xf06f) return "☐";
  return code >= 0xf000 && code <= 0xf0ff ? "" : String.fromCodePoint(code);
}

export function children(parent: Element): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) if (isElement(node)) out.push(node);
  return out;
}

export function child(parent: Element, local: string): Element | undefined {
  return children(parent).find((node) => is(node, local));
}

export function is(node: Element, local: string): boolean {
  return node.localName === local && node.namespaceURI === W;
}
