import type { BlockInput, BlockLayout, ListInput, ListItemInput, Run, SourceMark, TableCellInput, TableInput } from "../../model/types.js";
import { joinRuns, pushRun } from "../runs.js";
import { joinedOrigin } from "../origin.js";
import { foldEmptyItems, padRows } from "../structure.js";
import { attr, elements, isElement, isText, type Element } from "../xml.js";
import { NS } from "./namespaces.js";
import type { OdfStyles, ParagraphStyleFacts } from "./styles.js";

/**
 * Walks office:text into blocks. Notes (text:note) are kept like DOCX footnotes: their
 * paragraphs are collected apart and placed at the end. Frames are skipped except the text of
 * text boxes, which follows the paragraph that anchors it; images are counted.
 */

interface Unit {
  runs: Run[];
  layout: BlockLayout;
  origin?: SourceMark[] | undefined;
  /** From the paragraph style (Title, Subtitle, outline level), for a text:p. */
  headingLevel?: number | undefined;
}

/** Containers whose content is read as if they were not there. */
const TRANSPARENT_BLOCKS = new Set(["section", "index-body", "table-of-content", "alphabetical-index", "illustration-index", "table-index", "object-index", "user-index", "bibliography"]);
/** Inline elements whose text is not part of the reading text (cached numbers, comments, ruby glosses). */
const SKIPPED_INLINE = new Set(["number", "note-citation", "ruby-text", "soft-page-break", "tracked-changes"]);
const MAX_SPACES = 100;
/** Bounds for table:number-*-repeated, which LibreOffice uses for long runs of empty cells. */
const MAX_REPEAT = 1_000;
/** Cells kept per table, so that repeated rows and columns cannot exhaust memory. */
const MAX_TABLE_CELLS = 100_000;

export class OdtWalker {
  readonly blocks: BlockInput[] = [];
  readonly notes: BlockInput[] = [];
  images = 0;
  trackedChanges = false;
  /** Inside a text:note: its paragraphs are marked as read from a note. */
  private noteDepth = 0;

  constructor(
    private readonly styles: OdfStyles,
    /** Each text:p and text:h element's place among them in content.xml, in document order (for positions and comments). */
    private readonly ordinals?: ReadonlyMap<unknown, number>,
  ) {}

  walk(container: Element, out: BlockInput[] = this.blocks): void {
    for (const element of elements(container)) {
      const ns = element.namespaceURI;
      const name = element.localName ?? "";
      if (ns === NS.text && name === "p") this.pushUnit(out, element, (unit) => paragraphOrHeading(unit));
      else if (ns === NS.text && name === "h") this.pushUnit(out, element, (unit) => ({ type: "heading", level: headingLevel(element), ...withLayout(unit) }));
      else if (ns === NS.text && name === "list") this.list(element, out);
      else if (ns === NS.table && name === "table") out.push(this.table(element));
      else if (ns === NS.text && name === "tracked-changes") this.trackedChanges ||= !elements(element).next().done;
      else if (ns === NS.text && TRANSPARENT_BLOCKS.has(name)) this.walk(element, out);
      else if (ns === NS.draw) this.pageFrame(element, out);
    }
  }

  /** Converts one paragraph, then the text boxes it anchors. */
  private pushUnit(out: BlockInput[], element: Element, make: (unit: Unit) => BlockInput): void {
    const extras: Element[] = [];
    out.push(make(this.unit(element, extras)));
    for (const box of extras) this.walk(box, out);
  }

  private unit(paragraph: Element, extras: Element[]): Unit {
    const facts = this.styles.paragraph(attr(paragraph, NS.text, "style-name"));
    const runs: Run[] = [];
    this.inline(paragraph, facts, [], runs, extras);
    const index = this.ordinals?.get(paragraph);
    const origin: SourceMark[] | undefined = this.noteDepth > 0 ? [{ at: 0, note: true }] : index !== undefined ? [{ at: 0, paragraph: index }] : undefined;
    return { runs, layout: facts.layout, headingLevel: facts.headingLevel, origin };
  }

  private inline(container: Element, facts: ParagraphStyleFacts, spans: string[], runs: Run[], extras: Element[]): void {
    for (let node = container.firstChild; node; node = node.nextSibling) {
      if (isText(node)) {
        // ODF collapses white space in text nodes; line breaks are text:line-break elements.
        pushRun(runs, node.data.replace(/[ \t\r\n]+/g, " "), this.styles.run(facts, spans));
        continue;
      }
      if (!isElement(node)) continue;
      const ns = node.namespaceURI;
      const name = node.localName ?? "";
      if (ns === NS.text) this.textElement(node, name, facts, spans, runs, extras);
      else if (ns === NS.draw) this.drawing(node, extras);
      // office:annotation (comments) and anything unknown outside the text namespace are skipped.
    }
  }

  private textElement(node: Element, name: string, facts: ParagraphStyleFacts, spans: string[], runs: Run[], extras: Element[]): void {
    const style = () => this.styles.run(facts, spans);
    switch (name) {
      case "span": {
        const spanStyle = attr(node, NS.text, "style-name");
        this.inline(node, facts, spanStyle ? [...spans, spanStyle] : spans, runs, extras);
        return;
      }
      case "s":
        pushRun(runs, " ".repeat(Math.min(Math.max(Number.parseInt(attr(node, NS.text, "c") ?? "1", 10) || 1, 1), MAX_SPACES)), style());
        return;
      case "tab":
        pushRun(runs, "\t", style());
        return;
      case "line-break":
        pushRun(runs, "\n", style());
        return;
      case "note":
        this.note(node);
        return;
      default:
        if (SKIPPED_INLINE.has(name) || name.startsWith("bookmark") || name.startsWith("reference-mark") || name.startsWith("change")) return;
        // Links, fields (dates, page numbers, variables) and ruby bases: their text is the reading text.
        this.inline(node, facts, spans, runs, extras);
    }
  }

  /** A frame anchored to the page sits between paragraphs; its text boxes are read in place. */
  private pageFrame(frame: Element, out: BlockInput[]): void {
    const boxes: Element[] = [];
    this.drawing(frame, boxes);
    for (const box of boxes) this.walk(box, out);
  }

  private drawing(node: Element, extras: Element[]): void {
    for (const element of elements(node)) {
      if (element.namespaceURI === NS.draw && element.localName === "text-box") extras.push(element);
      else if (element.namespaceURI === NS.draw && element.localName === "image") this.images++;
      else if (element.namespaceURI === NS.draw) this.drawing(element, extras);
    }
    if (node.localName === "image") this.images++;
  }

  private note(note: Element): void {
    this.noteDepth++;
    for (const body of elements(note)) {
      if (body.namespaceURI === NS.text && body.localName === "note-body") this.walk(body, this.notes);
    }
    this.noteDepth--;
  }

  /** A list that holds headings is LibreOffice's outline numbering: its headings stay headings. */
  private list(element: Element, out: BlockInput[]): void {
    if (element.getElementsByTagNameNS(NS.text, "h").length > 0) {
      for (const item of elements(element)) this.walk(item, out);
      return;
    }
    const extras: Element[] = [];
    out.push(this.listBlock(element, 0, undefined, extras));
    for (const box of extras) this.walk(box, out);
  }

  private listBlock(element: Element, depth: number, inherited: string | undefined, extras: Element[]): ListInput {
    let styleName = attr(element, NS.text, "style-name") ?? inherited;
    let layout: BlockLayout | undefined;
    let firstNumber: number | undefined;
    const items: ListItemInput[] = [];
    for (const item of elements(element)) {
      if (item.namespaceURI !== NS.text || (item.localName !== "list-item" && item.localName !== "list-header")) continue;
      // A list restarted at « 3. » says so on its first item.
      if (items.length === 0) firstNumber = Number(attr(item, NS.text, "start-value") ?? NaN);
      const parts: Unit[] = [];
      const children: ListInput[] = [];
      for (const content of elements(item)) {
        if (content.namespaceURI !== NS.text) continue;
        if (content.localName === "p") {
          const facts = this.styles.paragraph(attr(content, NS.text, "style-name"));
          styleName ??= facts.listStyle;
          const unit = this.unit(content, extras);
          layout ??= unit.layout;
          parts.push(unit);
        } else if (content.localName === "list") children.push(this.listBlock(content, depth + 1, styleName, extras));
      }
      const runs = joinRuns(parts.map((part) => part.runs));
      const input: ListItemInput = children.length > 0 ? { runs, children } : { runs };
      const origin = joinedOrigin(parts);
      if (origin) input.origin = origin;
      items.push(input);
    }
    const ordered = this.styles.listKind(styleName, depth) === "number";
    const list: ListInput = { type: "list", ordered, items: foldEmptyItems(items) };
    if (ordered && firstNumber !== undefined && Number.isInteger(firstNumber) && firstNumber > 1) list.firstNumber = firstNumber;
    if (layout) list.layout = layout;
    return list;
  }

  /** Spanned cells are followed by explicit covered cells in ODF, which become empty cells. */
  private table(element: Element): TableInput {
    const rows: TableCellInput[][] = [];
    let layout: BlockLayout | undefined;
    let budget = MAX_TABLE_CELLS;
    for (const row of tableRows(element)) {
      if (budget <= 0) break;
      const cells: TableCellInput[] = [];
      for (const cell of elements(row)) {
        if (cell.namespaceURI !== NS.table) continue;
        if (cells.length >= budget) break;
        const repeat = repeatCount(cell, "number-columns-repeated");
        if (cell.localName === "covered-table-cell") {
          for (let i = 0; i < repeat; i++) cells.push({ runs: [] });
        } else if (cell.localName === "table-cell") {
          const units = this.cellUnits(cell);
          layout ??= units[0]?.layout;
          const runs = joinRuns(units.map((unit) => unit.runs));
          const origin = joinedOrigin(units);
          for (let i = 0; i < repeat; i++) cells.push(i === 0 && origin ? { runs, origin } : { runs: i === 0 ? runs : runs.map((run) => ({ ...run })) });
        }
      }
      const empty = cells.every((cell) => cell.runs.length === 0);
      const repeat = empty ? 1 : repeatCount(row, "number-rows-repeated");
      for (let i = 0; i < repeat && budget > 0; i++) {
        rows.push(i === 0 ? cells : cells.map((cell) => ({ runs: cell.runs.map((run) => ({ ...run })) })));
        budget -= Math.max(cells.length, 1);
      }
    }
    const table: TableInput = { type: "table", rows: padRows(rows) };
    if (layout) table.layout = layout;
    return table;
  }

  /** The paragraphs of a cell, in lists and nested tables too; each becomes one line of the cell. */
  private cellUnits(container: Element): Unit[] {
    const blocks: BlockInput[] = [];
    this.walk(container, blocks);
    const units: Unit[] = [];
    const addList = (list: ListInput) => {
      for (const item of list.items) {
        units.push({ runs: item.runs, layout: list.layout ?? {}, origin: item.origin });
        for (const child of item.children ?? []) addList(child);
      }
    };
    for (const block of blocks) {
      if (block.type === "list") addList(block);
      else if (block.type === "table") for (const row of block.rows) for (const cell of row) units.push({ runs: cell.runs, layout: block.layout ?? {}, origin: cell.origin });
      else units.push({ runs: block.runs, layout: block.layout ?? {}, origin: block.origin });
    }
    return units;
  }
}

function paragraphOrHeading(unit: Unit): BlockInput {
  if (unit.headingLevel !== undefined) return { type: "heading", level: unit.headingLevel, ...withLayout(unit) };
  return { type: "paragraph", ...withLayout(unit) };
}

function withLayout(unit: Unit): { runs: Run[]; layout: BlockLayout; origin?: SourceMark[] } {
  return unit.origin ? { runs: unit.runs, layout: unit.layout, origin: unit.origin } : { runs: unit.runs, layout: unit.layout };
}

function headingLevel(heading: Element): number {
  const level = Number.parseInt(attr(heading, NS.text, "outline-level") ?? "1", 10);
  return Number.isFinite(level) ? Math.min(Math.max(level, 1), 6) : 1;
}

function repeatCount(element: Element, name: string): number {
  const n = Number.parseInt(attr(element, NS.table, name) ?? "1", 10);
  return Number.isFinite(n) ? Math.min(Math.max(n, 1), MAX_REPEAT) : 1;
}

function tableRows(container: Element): Element[] {
  const rows: Element[] = [];
  for (const element of elements(container)) {
    if (element.namespaceURI !== NS.table) continue;
    if (element.localName === "table-row") rows.push(element);
    else if (["table-header-rows", "table-rows", "table-row-group"].includes(element.localName ?? "")) rows.push(...tableRows(element));
  }
  return rows;
}

/** Each text:p and text:h element of a part and its place among them, in document order. */
export function paragraphOrdinals(root: Element): Map<unknown, number> {
  const ordinals = new Map<unknown, number>();
  const all = root.getElementsByTagNameNS(NS.text, "*");
  let index = 0;
  for (let i = 0; i < all.length; i++) {
    const element = all.item(i);
    if (element && (element.localName === "p" || element.localName === "h")) ordinals.set(element, index++);
  }
  return ordinals;
}
