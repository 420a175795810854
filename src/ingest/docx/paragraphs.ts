import type { Run } from "../../model/types.js";
import { pushRun, textKey } from "../runs.js";
import { attr, child, elements, type Element } from "../xml.js";
import { readParaProps, readRunProps } from "./properties.js";
import type { ParagraphContext, ParagraphFacts, StyleSheet } from "./styles.js";

/**
 * Reads the paragraphs of word/document.xml (or of one note) in the order mammoth emits them,
 * with effective run formatting and paragraph layout. The text follows mammoth's reading:
 * insertions kept, deletions and field codes dropped, text boxes read after their paragraph,
 * drawings (DrawingML) skipped, mc:AlternateContent read through its fallback.
 */

export interface XmlParagraph {
  /** Letters and digits of the text, for matching with mammoth's output. */
  key: string;
  runs: Run[];
  facts: ParagraphFacts;
  /** The w:p element's place among all the part's w:p elements, in document order (for positions and comments). */
  index?: number;
  /** Read from a footnote or an endnote. */
  note?: true;
}

export interface NoteRef {
  type: "footnote" | "endnote";
  id: string;
}

const MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";
/** Wrappers whose content mammoth reads as if they were not there (it drops w:fldSimple, so do we). */
const TRANSPARENT = new Set(["ins", "moveTo", "smartTag", "customXml", "hyperlink"]);
const DELETED = new Set(["del", "moveFrom"]);
const INSERTED = new Set(["ins", "moveTo"]);

export class BodyWalker {
  readonly paragraphs: XmlParagraph[] = [];
  readonly noteRefs: NoteRef[] = [];
  trackedChanges = false;
  /** Content of paragraphs whose mark is deleted: it joins the next paragraph, as in Word. */
  private pending: Element[] = [];
  /** Each w:p element's place in the part (see XmlParagraph.index). */
  private ordinals?: ReadonlyMap<unknown, number>;

  constructor(
    private readonly sheet: StyleSheet,
    private readonly ns: string,
  ) {}

  /**
   * Walks the body of document.xml, or one slice of it (see slices.ts): the walker's state (a
   * deleted paragraph mark, note references) carries over from one slice to the next.
   */
  body(body: Element, ordinals: ReadonlyMap<unknown, number>): void {
    this.ordinals = ordinals;
    this.blocks(body);
    this.ordinals = undefined;
  }

  /** Walks block-level content: paragraphs, tables, content controls. */
  blocks(container: Element, tableStyle?: string): void {
    for (const element of elements(container)) {
      if (element.namespaceURI === MC_NS) {
        const fallback = fallbackOf(element);
        if (fallback) this.blocks(fallback, tableStyle);
        continue;
      }
      if (element.namespaceURI !== this.ns) continue;
      const name = element.localName ?? "";
      if (name === "p") this.paragraph(element, tableStyle);
      else if (name === "tbl") this.table(element);
      else if (name === "sdt") this.blocks(child(element, this.ns, "sdtContent") ?? element, tableStyle);
      else if (TRANSPARENT.has(name)) {
        this.trackedChanges ||= INSERTED.has(name);
        this.blocks(element, tableStyle);
      }
      else if (DELETED.has(name)) this.trackedChanges = true;
    }
  }

  private table(table: Element): void {
    const style = attr(child(child(table, this.ns, "tblPr"), this.ns, "tblStyle"), this.ns, "val") ?? "";
    this.tableContent(table, style);
  }

  /** Rows and cells can sit inside content controls; deleted rows are dropped, as mammoth does. */
  private tableContent(container: Element, style: string): void {
    for (const element of elements(container)) {
      if (element.namespaceURI !== this.ns) continue;
      const name = element.localName ?? "";
      if (name === "tr") {
        if (child(child(element, this.ns, "trPr"), this.ns, "del")) this.trackedChanges = true;
        else this.tableContent(element, style);
      } else if (name === "tc") this.blocks(element, style);
      else if (name === "sdt") this.tableContent(child(element, this.ns, "sdtContent") ?? element, style);
      else if (TRANSPARENT.has(name)) this.tableContent(element, style);
    }
  }

  private paragraph(paragraph: Element, tableStyle: string | undefined): void {
    const pPr = child(paragraph, this.ns, "pPr");
    if (child(child(pPr, this.ns, "rPr"), this.ns, "del")) {
      this.trackedChanges = true;
      this.pending.push(paragraph);
      return;
    }
    const styleId = attr(child(pPr, this.ns, "pStyle"), this.ns, "val");
    const context = this.sheet.paragraphContext(styleId, tableStyle);
    const state: InlineState = { runs: [], extras: [], context };
    for (const earlier of this.pending) this.inline(earlier, state);
    this.pending = [];
    this.inline(paragraph, state);
    const text = state.runs.map((run) => run.text).join("");
    const index = this.ordinals?.get(paragraph);
    this.paragraphs.push({
      key: textKey(text),
      runs: state.runs,
      facts: this.sheet.paragraphFacts(context, readParaProps(pPr, this.ns)),
      ...(index !== undefined ? { index } : {}),
    });
    // Text boxes come after the paragraph that anchors them, as in mammoth's output.
    for (const box of state.extras) this.blocks(box);
  }

  private inline(container: Element, state: InlineState): void {
    for (const element of elements(container)) {
      if (element.namespaceURI === MC_NS) {
        const fallback = fallbackOf(element);
        if (fallback) this.inline(fallback, state);
        continue;
      }
      if (element.namespaceURI !== this.ns) continue;
      const name = element.localName ?? "";
      if (name === "r") this.run(element, state);
      else if (name === "sdt") this.inline(child(element, this.ns, "sdtContent") ?? element, state);
      else if (TRANSPARENT.has(name)) {
        this.trackedChanges ||= INSERTED.has(name);
        this.inline(element, state);
      }
      else if (DELETED.has(name)) this.trackedChanges = true;
    }
  }

  private run(run: Element, state: InlineState): void {
    const rPr = child(run, this.ns, "rPr");
    const charStyle = attr(child(rPr, this.ns, "rStyle"), this.ns, "val");
    const style = this.sheet.runStyle(state.context, charStyle, readRunProps(rPr, this.ns));
    for (const element of elements(run)) {
      if (element.namespaceURI === MC_NS) {
        const fallback = fallbackOf(element);
        if (fallback) collectTextBoxes(fallback, this.ns, state.extras);
        continue;
      }
      if (element.namespaceURI !== this.ns) continue;
      const text = this.runContent(element, state);
      if (text) pushRun(state.runs, text, style);
    }
  }

  private runContent(element: Element, state: InlineState): string | undefined {
    switch (element.localName) {
      case "t":
        return element.textContent ?? "";
      case "tab":
        return "\t";
      case "br": {
        const type = attr(element, this.ns, "type");
        return type === undefined || type === "textWrapping" ? "\n" : undefined;
      }
      case "noBreakHyphen":
        return "\u2011";
      case "softHyphen":
        return "\u00ad";
      case "footnoteReference":
      case "endnoteReference": {
        const id = attr(element, this.ns, "id");
        if (id !== undefined) this.noteRefs.push({ type: element.localName === "footnoteReference" ? "footnote" : "endnote", id });
        return undefined;
      }
      case "pict":
        collectTextBoxes(element, this.ns, state.extras);
        return undefined;
      case "delText":
      case "delInstrText":
        this.trackedChanges = true;
        return undefined;
      default:
        return undefined;
    }
  }
}

interface InlineState {
  runs: Run[];
  extras: Element[];
  context: ParagraphContext;
}

/** mammoth reads mc:AlternateContent through its fallback (VML), never its DrawingML choice. */
function fallbackOf(element: Element): Element | undefined {
  return element.localName === "AlternateContent" ? child(element, MC_NS, "Fallback") : undefined;
}

/** The w:txbxContent elements of a VML picture (mammoth reads those, not DrawingML shapes). */
function collectTextBoxes(element: Element, ns: string, out: Element[]): void {
  for (const node of elements(element)) {
    if (node.localName === "txbxContent" && node.namespaceURI === ns) out.push(node);
    else if (node.localName !== "drawing") collectTextBoxes(node, ns, out);
  }
}

/**
 * Each w:p element of a part and its place in document order: what XmlParagraph.index counts.
 * `before` counts the body's w:p elements in the slices before this one.
 */
export function paragraphOrdinals(root: Element, ns: string, before = 0): Map<unknown, number> {
  const ordinals = new Map<unknown, number>();
  const all = root.getElementsByTagNameNS(ns, "p");
  for (let i = 0; i < all.length; i++) ordinals.set(all.item(i), before + i);
  return ordinals;
}

/** Reads the notes of footnotes.xml or endnotes.xml, by id; separators are left out. */
export function readNotes(root: Element | undefined, type: NoteRef["type"], sheet: StyleSheet, ns: string): Map<string, XmlParagraph[]> {
  const notes = new Map<string, XmlParagraph[]>();
  for (const note of root ? elements(root) : []) {
    if (note.localName !== type || note.namespaceURI !== ns) continue;
    const kind = attr(note, ns, "type");
    const id = attr(note, ns, "id");
    if (id === undefined || (kind !== undefined && kind !== "normal")) continue;
    const walker = new BodyWalker(sheet, ns);
    walker.blocks(note);
    for (const paragraph of walker.paragraphs) paragraph.note = true;
    notes.set(id, walker.paragraphs);
  }
  return notes;
}
