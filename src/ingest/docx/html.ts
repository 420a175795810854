import type { BlockInput, ListInput, ListItemInput, Run, RunStyle, SourceMark, TableCellInput, TableInput } from "../../model/types.js";
import { joinRuns, pushRun, textKey } from "../runs.js";
import { joinedOrigin } from "../origin.js";
import { foldEmptyItems, layoutFields, padRows } from "../structure.js";
import { isElement, isText, parseHtml, plainAttr, type Element } from "../xml.js";
import { overlayRuns, type ParagraphMatcher } from "./align.js";
import type { ParagraphFacts } from "./styles.js";

/**
 * Turns mammoth's HTML into blocks. mammoth writes a flat sequence of h1–h6, p, ul/ol and table
 * elements, then the notes as a final <ol> of <li id="footnote-N">. Every paragraph-like element
 * is matched with its XML paragraph for effective formatting (see align.ts).
 */

export interface HtmlBlocks {
  blocks: BlockInput[];
  /** Footnotes and endnotes, one paragraph block per note paragraph, in reference order. */
  notes: BlockInput[];
}

interface Unit {
  runs: Run[];
  facts: ParagraphFacts | undefined;
  origin?: SourceMark[];
}

const HEADING = /^h([1-6])$/;
/** mammoth's note links: references in the text and back links in the notes. */
const NOTE_LINK = /^#(footnote|endnote)(-ref)?-/;
const NOTE_ITEM = /^(footnote|endnote)-/;
const MAX_COLSPAN = 100;

/** The first and last top-level elements of the body (notes left out), by tag name. */
export interface BodyEdges {
  first?: string;
  last?: string;
}

/**
 * Adds the blocks of mammoth's HTML (the whole document or one slice of it) to `out`; the
 * matchers carry on from where the previous slice left them.
 */
export function htmlToBlocks(html: string, body: ParagraphMatcher, notes: ParagraphMatcher, out: HtmlBlocks): BodyEdges {
  const root = parseHtml(html).documentElement;
  if (!root) return {};
  new HtmlWalker(body, notes, out).blocks(root);
  const edges: BodyEdges = {};
  for (const element of childElements(root)) {
    if ((element.localName === "ol" || element.localName === "ul") && isNoteList(element)) continue;
    edges.first ??= element.localName ?? "";
    edges.last = element.localName ?? "";
  }
  return edges;
}

/** Elements mammoth always writes « fresh », never merged into an element before them. */
const FRESH = /^(p|h[1-6]|table)$/;

/**
 * Whether two slices' HTML, one after the other, is what mammoth writes for both at once. mammoth
 * merges an element that is not « fresh » (a list, under our style map) into the element before
 * it when their tags match (ul|ol for nested list items): a slice must not start with one.
 */
export function joinable(last: string | undefined, first: string | undefined): boolean {
  if (last === undefined || first === undefined || FRESH.test(first)) return true;
  const lists = /^(ul|ol)$/;
  return !(first === last || (lists.test(first) && lists.test(last)));
}

class HtmlWalker {
  constructor(
    private readonly body: ParagraphMatcher,
    private readonly notes: ParagraphMatcher,
    private readonly out: HtmlBlocks,
  ) {}

  blocks(container: Element): void {
    for (let node = container.firstChild; node; node = node.nextSibling) {
      if (!isElement(node)) continue;
      const name = node.localName ?? "";
      const heading = HEADING.exec(name);
      if (heading) this.out.blocks.push({ type: "heading", level: Number(heading[1]), ...this.withLayout(this.unit(node, this.body)) });
      else if (name === "p") this.out.blocks.push(this.paragraph(this.unit(node, this.body)));
      else if ((name === "ol" || name === "ul") && isNoteList(node)) this.noteList(node);
      else if (name === "ol" || name === "ul") this.out.blocks.push(this.list(node));
      else if (name === "table" && pictureLayout(node)) for (const cell of pictureLayout(node)!) this.blocks(cell);
      else if (name === "table") this.out.blocks.push(this.table(node));
      else if (hasBlockChild(node)) this.blocks(node);
      else this.out.blocks.push(this.paragraph(this.unit(node, this.body)));
    }
  }

  /** A paragraph whose style has an outline level (a custom « Titre 1 » style) is a heading. */
  private paragraph(unit: Unit): BlockInput {
    const outline = unit.facts?.outlineLevel;
    if (outline !== undefined) return { type: "heading", level: outline + 1, ...this.withLayout(unit) };
    return { type: "paragraph", ...this.withLayout(unit) };
  }

  private withLayout(unit: Unit): { runs: Run[]; layout?: ReturnType<typeof layoutFields>; origin?: SourceMark[] } {
    const layout = layoutFields(unit.facts);
    return { runs: unit.runs, ...(layout ? { layout } : {}), ...(unit.origin ? { origin: unit.origin } : {}) };
  }

  private unit(element: Element, matcher: ParagraphMatcher): Unit {
    const runs: Run[] = [];
    inlineRuns(element, {}, runs);
    const paragraph = matcher.match(textKey(runs.map((run) => run.text).join("")));
    // Unmatched (no letters to match on, like « … »), it is still a paragraph of its own: its place is unknown.
    if (!paragraph) return { runs, facts: undefined, origin: [{ at: 0 }] };
    const unit: Unit = { runs: overlayRuns(runs, paragraph), facts: paragraph.facts };
    if (paragraph.note) unit.origin = [{ at: 0, note: true }];
    else if (paragraph.index !== undefined) unit.origin = [{ at: 0, paragraph: paragraph.index }];
    return unit;
  }

  private list(element: Element): ListInput {
    let facts: ParagraphFacts | undefined;
    const items: ListItemInput[] = [];
    for (const li of childElements(element, "li")) {
      const unit = this.unit(li, this.body);
      facts ??= unit.facts;
      const children = [...childElements(li)].filter((c) => c.localName === "ul" || c.localName === "ol").map((c) => this.list(c));
      const item: ListItemInput = children.length > 0 ? { runs: unit.runs, children } : { runs: unit.runs };
      if (unit.origin) item.origin = unit.origin;
      items.push(item);
    }
    const layout = layoutFields(facts);
    const list: ListInput = { type: "list", ordered: element.localName === "ol", items: foldEmptyItems(items) };
    if (layout) list.layout = layout;
    return list;
  }

  /** Cells spanning several columns or rows are kept once; the places they cover are empty cells. */
  private table(element: Element): TableInput {
    const rowElements = tableRows(element);
    const rows: TableCellInput[][] = [];
    const covering: number[] = [];
    let facts: ParagraphFacts | undefined;
    rowElements.forEach((tr, rowIndex) => {
      const row: TableCellInput[] = [];
      const skipCovered = () => {
        while ((covering[row.length] ?? 0) > 0) {
          covering[row.length]!--;
          row.push({ runs: [] });
        }
      };
      for (const cell of childElements(tr)) {
        if (cell.localName !== "td" && cell.localName !== "th") continue;
        skipCovered();
        const units = this.cellUnits(cell);
        facts ??= units.find((unit) => unit.facts)?.facts;
        const colspan = clamp(plainAttr(cell, "colspan"), MAX_COLSPAN);
        const rowspan = clamp(plainAttr(cell, "rowspan"), rowElements.length - rowIndex);
        for (let i = 0; i < colspan; i++) {
          covering[row.length] = rowspan - 1;
          row.push(i === 0 ? cellOf(units) : { runs: [] });
        }
      }
      for (let column = row.length; column < covering.length; column++) {
        if ((covering[column] ?? 0) === 0) continue;
        while (row.length < column) row.push({ runs: [] });
        skipCovered();
      }
      rows.push(row);
    });
    const table: TableInput = { type: "table", rows: padRows(rows) };
    const layout = layoutFields(facts);
    if (layout) table.layout = layout;
    return table;
  }

  /** Each paragraph of a cell, list items and nested tables included, becomes one line of it. */
  private cellUnits(container: Element): Unit[] {
    const units: Unit[] = [];
    const loose: Run[] = [];
    for (let node = container.firstChild; node; node = node.nextSibling) {
      if (!isElement(node)) {
        inlineNode(node, {}, loose);
        continue;
      }
      const name = node.localName ?? "";
      if (name === "p" || HEADING.test(name)) units.push(this.unit(node, this.body));
      else if (name === "li") {
        units.push(this.unit(node, this.body));
        for (const nested of childElements(node)) if (nested.localName === "ul" || nested.localName === "ol") units.push(...this.cellUnits(nested));
      } else if (name === "ul" || name === "ol" || name === "table" || name === "thead" || name === "tbody" || name === "tr" || name === "td" || name === "th") {
        units.push(...this.cellUnits(node));
      } else inlineNode(node, {}, loose);
    }
    // mammoth wraps cell text in paragraphs; anything outside one is kept, without layout.
    if (loose.some((run) => run.text.trim() !== "")) units.push({ runs: loose, facts: undefined });
    return units;
  }

  private noteList(element: Element): void {
    for (const li of childElements(element, "li")) {
      for (const p of childElements(li)) {
        const unit = this.unit(p, this.notes);
        this.out.notes.push({ type: "paragraph", ...this.withLayout(unit) });
      }
    }
  }
}

function cellOf(units: Unit[]): TableCellInput {
  const origin = joinedOrigin(units);
  return origin ? { runs: joinRuns(units.map((unit) => unit.runs)), origin } : { runs: joinRuns(units.map((unit) => unit.runs)) };
}

/** Text with mammoth's emphasis tags; note marks, images and nested blocks are left out. */
function inlineRuns(element: Element, style: RunStyle, out: Run[]): void {
  for (let node = element.firstChild; node; node = node.nextSibling) inlineNode(node, style, out);
}

function inlineNode(node: unknown, style: RunStyle, out: Run[]): void {
  if (isText(node)) {
    pushRun(out, node.data, style);
    return;
  }
  if (!isElement(node)) return;
  switch (node.localName) {
    case "br":
      pushRun(out, "\n", style);
      break;
    case "strong":
    case "b":
      inlineRuns(node, { ...style, bold: true }, out);
      break;
    case "em":
    case "i":
      inlineRuns(node, { ...style, italic: true }, out);
      break;
    case "u":
      inlineRuns(node, { ...style, underline: true }, out);
      break;
    case "a":
      if (!NOTE_LINK.test(plainAttr(node, "href") ?? "")) inlineRuns(node, style, out);
      break;
    case "img":
    case "ul":
    case "ol":
    case "table":
      break;
    default:
      inlineRuns(node, style, out);
  }
}

function* childElements(element: Element, localName?: string): Generator<Element> {
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (isElement(node) && (localName === undefined || node.localName === localName)) yield node;
  }
}

function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of childElements(table)) {
    if (child.localName === "tr") rows.push(child);
    else if (child.localName === "thead" || child.localName === "tbody" || child.localName === "tfoot") rows.push(...childElements(child, "tr"));
  }
  return rows;
}

/**
 * The text cells of a table laid out as FALC booklets are (falc's drafts too): each row a picture
 * alone, then its text. Such a table holds no data: its text is read as the text it is.
 */
function pictureLayout(table: Element): Element[] | undefined {
  const texts: Element[] = [];
  for (const tr of tableRows(table)) {
    const cells = [...childElements(tr)].filter((cell) => cell.localName === "td" || cell.localName === "th");
    if (cells.length !== 2 || !hasImage(cells[0]!) || (cells[0]!.textContent ?? "").trim() !== "") return undefined;
    texts.push(cells[1]!);
  }
  return texts.length > 0 ? texts : undefined;
}

function hasImage(element: Element): boolean {
  for (const child of childElements(element)) if (child.localName === "img" || hasImage(child)) return true;
  return false;
}

function isNoteList(list: Element): boolean {
  const items = [...childElements(list, "li")];
  return items.length > 0 && items.every((li) => NOTE_ITEM.test(plainAttr(li, "id") ?? ""));
}

function hasBlockChild(element: Element): boolean {
  for (const child of childElements(element)) {
    if (/^(p|h[1-6]|ul|ol|table|div|blockquote)$/.test(child.localName ?? "")) return true;
  }
  return false;
}

function clamp(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? "1", 10);
  return Number.isFinite(n) ? Math.min(Math.max(n, 1), Math.max(max, 1)) : 1;
}
