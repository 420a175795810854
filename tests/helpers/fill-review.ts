import { DOMParser, XMLSerializer, type Document as XmlDocument, type Element } from "@xmldom/xmldom";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

/**
 * Fills a review document the way Word saves it after a session: boxes ticked (the content control's
 * state and its glyph), remarks typed in the « Remarques » area, typed marks instead of boxes, a Word
 * comment anchored in a row, a tracked change in the easy-to-read cell, the closing table filled.
 * Rows are found by falc's bookmark (`falc_s<index>_…`), as a person finds them by their title.
 */

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W14 = "http://schemas.microsoft.com/office/word/2010/wordml";

export class ReviewFiller {
  private readonly files: Record<string, Uint8Array>;
  private readonly doc: XmlDocument;
  private comments: { id: number; author: string; text: string }[] = [];
  private revisions = 0;

  constructor(bytes: Uint8Array) {
    this.files = unzipSync(bytes);
    this.doc = new DOMParser().parseFromString(strFromU8(this.files["word/document.xml"]!), "text/xml") as unknown as XmlDocument;
  }

  /**
   * The row of the section at this index (0-based), found by its bookmark; `last`: the last part of a
   * long passage laid out in several rows (where the readers' form is).
   */
  row(index: number, last = false): Element {
    const bookmarks = [...all(this.doc, W, "bookmarkStart")].filter((b) => (b.getAttributeNS(W, "name") ?? "").startsWith(`falc_s${index}_`));
    const bookmark = last ? bookmarks[bookmarks.length - 1] : bookmarks[0];
    if (!bookmark) throw new Error(`no row for section ${index}`);
    let node: Element | null = bookmark;
    while (node && !(node.localName === "tr" && node.namespaceURI === W)) node = node.parentNode as Element | null;
    // The nearest row that is a child of the outer table (the cell may hold a nested table).
    while (node && (node.parentNode as Element).parentNode && ancestorRow(node)) node = ancestorRow(node)!;
    return node!;
  }

  cells(index: number): Element[] {
    return childrenOf(this.row(index), W, "tc");
  }

  /** The easy-to-read cells of every row of a passage (one, or one per part of a long passage). */
  easyCells(index: number): Element[] {
    const names = [...all(this.doc, W, "bookmarkStart")].filter((b) => (b.getAttributeNS(W, "name") ?? "").startsWith(`falc_s${index}_`));
    return names.map((bookmark) => {
      let node: Element | null = bookmark;
      while (node && !(node.localName === "tc" && node.namespaceURI === W)) node = node.parentNode as Element | null;
      return node!;
    });
  }

  /** The readers' form of a passage: in its last row. */
  opinion(index: number): Element {
    return childrenOf(this.row(index, true), W, "tc")[3]!;
  }

  /** Ticks « Compris » (0) or « Pas compris » (1) as Word does: the control's state and its glyph. */
  tick(index: number, which: "compris" | "pas compris"): this {
    const boxes = [...all(this.opinion(index), W, "sdt")];
    const box = boxes[which === "compris" ? 0 : 1]!;
    const checked = [...all(box, W14, "checked")][0]!;
    checked.setAttributeNS(W14, "w14:val", "1");
    for (const sym of all(box, W, "sym")) sym.setAttributeNS(W, "w:char", "2612");
    for (const t of all(box, W, "t")) t.textContent = "☒";
    return this;
  }

  /** Types a remark in the remarks area (its last, empty paragraph), one paragraph per line. */
  remark(index: number, ...lines: string[]): this {
    const cell = this.opinion(index);
    for (const line of lines) cell.appendChild(this.paragraph(line));
    return this;
  }

  /** Replaces the opinion cell by typed paragraphs, as staff do when they type a paper session's marks. */
  typeOpinion(index: number, ...lines: string[]): this {
    const cell = this.opinion(index);
    // Boxes (in their small table) and labels alike: the staff types over all of it.
    for (const node of [...childrenOf(cell, W, "tbl"), ...childrenOf(cell, W, "p")]) cell.removeChild(node);
    for (const line of lines) cell.appendChild(this.paragraph(line));
    return this;
  }

  /** A Word comment anchored on the easy-to-read cell's first paragraph. */
  comment(index: number, author: string, text: string): this {
    const id = this.comments.length;
    this.comments.push({ id, author, text });
    const p = childrenOf(this.cells(index)[1]!, W, "p")[0]!;
    const start = this.doc.createElementNS(W, "w:commentRangeStart");
    start.setAttributeNS(W, "w:id", String(id));
    const end = this.doc.createElementNS(W, "w:commentRangeEnd");
    end.setAttributeNS(W, "w:id", String(id));
    const ref = this.doc.createElementNS(W, "w:r");
    const reference = this.doc.createElementNS(W, "w:commentReference");
    reference.setAttributeNS(W, "w:id", String(id));
    ref.appendChild(reference);
    p.insertBefore(start, p.firstChild);
    p.appendChild(end);
    p.appendChild(ref);
    return this;
  }

  /**
   * A tracked change in the easy-to-read cell, as Word records it: the run holding `from` becomes a
   * deletion (w:del/w:delText) followed by an insertion of the same run with `from` replaced by `to`.
   */
  trackedChange(index: number, from: string, to: string): this {
    const t = this.easyCells(index).flatMap((cell) => [...all(cell, W, "t")]).find((node) => (node.textContent ?? "").includes(from));
    if (!t) throw new Error(`« ${from} » not in the easy-to-read cell of section ${index}`);
    const run = t.parentNode as Element;
    const deleted = run.cloneNode(true) as Element;
    for (const text of all(deleted, W, "t")) {
      const delText = this.doc.createElementNS(W, "w:delText");
      delText.setAttribute("xml:space", "preserve");
      delText.textContent = text.textContent;
      text.parentNode!.replaceChild(delText, text);
    }
    const inserted = run.cloneNode(true) as Element;
    for (const text of all(inserted, W, "t")) text.textContent = (text.textContent ?? "").replace(from, to);
    const del = this.change("w:del", deleted);
    const ins = this.change("w:ins", inserted);
    run.parentNode!.insertBefore(del, run);
    run.parentNode!.replaceChild(ins, run);
    return this;
  }

  /** Types into the closing table: names (one per line), date, organisation. */
  validation(fields: { reviewers?: string[]; date?: string; organisation?: string }): this {
    const labels: Record<string, string[]> = {
      "Relu et validé par": fields.reviewers ?? [],
      Date: fields.date ? [fields.date] : [],
      "Structure / ESAT": fields.organisation ? [fields.organisation] : [],
    };
    for (const tr of all(this.doc, W, "tr")) {
      const cells = childrenOf(tr, W, "tc");
      if (cells.length !== 2) continue;
      const label = (cells[0]!.textContent ?? "").trim();
      const entry = Object.entries(labels).find(([name]) => label.startsWith(name));
      if (!entry || entry[1].length === 0) continue;
      for (const p of childrenOf(cells[1]!, W, "p")) cells[1]!.removeChild(p);
      for (const value of entry[1]) cells[1]!.appendChild(this.paragraph(value));
    }
    return this;
  }

  /** Moves a section's row to the end of the table, as a person dragging rows around. */
  moveRowToEnd(index: number): this {
    const row = this.row(index);
    const table = row.parentNode!;
    table.removeChild(row);
    table.appendChild(row);
    return this;
  }

  deleteRow(index: number): this {
    const row = this.row(index);
    row.parentNode!.removeChild(row);
    return this;
  }

  /** The whole review table deleted. */
  deleteTable(): this {
    const table = this.row(0).parentNode!;
    table.parentNode!.removeChild(table);
    return this;
  }

  /** Every falc bookmark gone (a copy pasted into a new document keeps no bookmark). */
  dropBookmarks(): this {
    for (const tag of ["bookmarkStart", "bookmarkEnd"]) for (const node of [...all(this.doc, W, tag)]) node.parentNode!.removeChild(node);
    return this;
  }

  bytes(): Uint8Array {
    this.files["word/document.xml"] = strToU8(new XMLSerializer().serializeToString(this.doc as never));
    if (this.comments.length > 0) this.writeComments();
    return zipSync(this.files);
  }

  private paragraph(text: string): Element {
    const p = this.doc.createElementNS(W, "w:p");
    const r = this.doc.createElementNS(W, "w:r");
    const t = this.doc.createElementNS(W, "w:t");
    t.setAttribute("xml:space", "preserve");
    t.textContent = text;
    r.appendChild(t);
    p.appendChild(r);
    return p;
  }

  private change(name: string, run: Element): Element {
    const element = this.doc.createElementNS(W, name);
    element.setAttributeNS(W, "w:id", String(900 + this.revisions++));
    element.setAttributeNS(W, "w:author", "Animatrice");
    element.setAttributeNS(W, "w:date", "2026-12-12T10:00:00Z");
    element.appendChild(run);
    return element;
  }

  private writeComments(): void {
    const body = this.comments
      .map((c) => `<w:comment w:id="${c.id}" w:author="${c.author}" w:date="2026-12-12T10:00:00Z" w:initials="A"><w:p><w:r><w:t xml:space="preserve">${c.text}</w:t></w:r></w:p></w:comment>`)
      .join("");
    this.files["word/comments.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W}">${body}</w:comments>`);
    const rels = strFromU8(this.files["word/_rels/document.xml.rels"]!);
    this.files["word/_rels/document.xml.rels"] = strToU8(
      rels.replace("</Relationships>", `<Relationship Id="rIdComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>`),
    );
    const types = strFromU8(this.files["[Content_Types].xml"]!);
    this.files["[Content_Types].xml"] = strToU8(
      types.replace("</Types>", `<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>`),
    );
  }
}

function* all(root: Element | XmlDocument, ns: string, local: string): Generator<Element> {
  const list = (root as Element).getElementsByTagNameNS(ns, local);
  for (let i = 0; i < list.length; i++) yield list.item(i)!;
}

function childrenOf(parent: Element, ns: string, local: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === local && (node as Element).namespaceURI === ns) out.push(node as Element);
  }
  return out;
}

function ancestorRow(node: Element): Element | undefined {
  let up = node.parentNode as Element | null;
  while (up && up.nodeType === 1) {
    if (up.localName === "tr" && up.namespaceURI === W) return up;
    up = up.parentNode as Element | null;
  }
  return undefined;
}
