import { MAX_XML_DEPTH } from "../xml.js";

/**
 * Cuts a large word/document.xml into slices of whole top-level body elements, each wrapped in the
 * part's own head (everything up to and including <w:body>) and tail (from </w:body> on), so that
 * each slice is a small document.xml of its own. Our walker and mammoth then hold one slice's tree
 * at a time instead of the whole part's (about 40 bytes of tree per byte of XML, twice over).
 *
 * A cut is only made where neither reader carries state from one element to the next: before a
 * paragraph without numbering (a list item could join the list before it), with every complex
 * field closed (mammoth reads fields across paragraphs), after an element without deletions (a
 * deleted paragraph mark joins its text to the next paragraph). Anything this light scanner does
 * not fully understand (a DOCTYPE, mismatched tags, an unexpected layout) or that the parser will
 * refuse (nesting past MAX_XML_DEPTH) gives no slices: the part is then read whole, as before,
 * and the parser reports what is wrong with it.
 */

export interface BodySlices {
  /** From the start of the part to the end of the <w:body> start tag. */
  head: string;
  /** From the </w:body> end tag to the end of the part. */
  tail: string;
  /** Consecutive pieces of the body's content, in order; together, all of it. */
  pieces: string[];
}

const FIELD_CHAR = /fldCharType\s*=\s*["'](begin|end)["']/g;
const DELETION = /<(?:[\w.-]+:)?del[\s/>]/;
const NUMBERING = /<(?:[\w.-]+:)?numPr[\s/>]/;
const PARAGRAPH_STYLE = /<(?:[\w.-]+:)?pStyle\s+(?:[\w.-]+:)?val\s*=\s*["']([^"']*)["']/;

/**
 * The paragraph styles numbering.xml gives a list level to: their paragraphs are list items
 * without a w:numPr of their own.
 */
export function numberedStyles(numberingXml: string | undefined): Set<string> {
  const styles = new Set<string>();
  for (const match of (numberingXml ?? "").matchAll(new RegExp(PARAGRAPH_STYLE, "g"))) styles.add(match[1]!);
  return styles;
}

/**
 * The pieces of the body, each at least `target` characters long (but the last); undefined when
 * one would do. `listStyles`: see numberedStyles.
 */
export function sliceBody(xml: string, target: number, listStyles: ReadonlySet<string> = new Set()): BodySlices | undefined {
  if (xml.length <= target) return undefined;
  const scanner = new Scanner(xml);
  const root = scanner.rootStart();
  if (!root || root.selfClosing) return undefined;
  const prefix = root.name.includes(":") ? root.name.slice(0, root.name.indexOf(":") + 1) : "";
  // The body, after whatever comes before it (Word may write a <w:background>).
  let body: Tag | undefined;
  for (;;) {
    const tag = scanner.nextChildStart();
    if (!tag) return undefined;
    if (tag.name === `${prefix}body`) {
      body = tag;
      break;
    }
    if (!scanner.skipElement(tag)) return undefined;
  }
  if (body.selfClosing) return undefined;
  const head = xml.slice(0, scanner.at);
  const cuts: number[] = [scanner.at];
  let openFields = 0;
  // A deleted paragraph mark carries its text over to the next paragraph, whatever lies between.
  let carriedDeletion = false;
  let previousNumbered = false;
  let start = scanner.at;
  for (;;) {
    const tag = scanner.nextChildStart();
    if (!tag) {
      if (!scanner.closes(`${prefix}body`)) return undefined;
      break;
    }
    const elementStart = scanner.tagStart;
    if (!scanner.skipElement(tag)) return undefined;
    const element = xml.slice(elementStart, scanner.at);
    const paragraph = tag.name === `${prefix}p`;
    const numbered = NUMBERING.test(element) || listStyles.has(PARAGRAPH_STYLE.exec(element)?.[1] ?? "");
    if (elementStart - start >= target && paragraph && openFields === 0 && !carriedDeletion && !numbered && !previousNumbered) {
      cuts.push(elementStart);
      start = elementStart;
    }
    for (const match of element.matchAll(FIELD_CHAR)) openFields += match[1] === "begin" ? 1 : -1;
    carriedDeletion = DELETION.test(element) || (carriedDeletion && !paragraph);
    previousNumbered = numbered;
  }
  const bodyEnd = scanner.tagStart;
  if (cuts.length < 2) return undefined;
  cuts.push(bodyEnd);
  const pieces: string[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) pieces.push(xml.slice(cuts[i], cuts[i + 1]));
  return { head, tail: xml.slice(bodyEnd), pieces };
}

interface Tag {
  name: string;
  selfClosing: boolean;
}

/** Just enough of XML to find element boundaries: tags, quoted attributes, comments, CDATA, processing instructions. */
class Scanner {
  /** Where the scan stands. */
  at = 0;
  /** Where the last start or end tag read began. */
  tagStart = 0;

  constructor(private readonly xml: string) {}

  /** The root element's start tag, after the prolog (declaration, comments); no DOCTYPE. */
  rootStart(): Tag | undefined {
    return this.nextChildStart();
  }

  /**
   * The next start tag at this level, skipping text, comments and processing instructions;
   * undefined at an end tag (left unread, at `tagStart`) or on anything else.
   */
  nextChildStart(): Tag | undefined {
    const xml = this.xml;
    for (;;) {
      const lt = xml.indexOf("<", this.at);
      if (lt < 0) return undefined;
      this.tagStart = lt;
      if (xml.startsWith("<!--", lt)) {
        if (!this.skipPast("-->", lt + 4)) return undefined;
      } else if (xml.startsWith("<?", lt)) {
        if (!this.skipPast("?>", lt + 2)) return undefined;
      } else if (xml[lt + 1] === "/" || xml[lt + 1] === "!") {
        this.at = lt;
        return undefined;
      } else {
        return this.startTag(lt);
      }
    }
  }

  /** True when an end tag with this name stands at the scan position (it is then read). */
  closes(name: string): boolean {
    const lt = this.xml.indexOf("<", this.at);
    if (lt < 0 || this.xml[lt + 1] !== "/") return false;
    const gt = this.xml.indexOf(">", lt);
    if (gt < 0 || this.xml.slice(lt + 2, gt).trim() !== name) return false;
    this.tagStart = lt;
    this.at = gt + 1;
    return true;
  }

  /** Moves past the end of an element whose start tag was just read; false on malformed content. */
  skipElement(start: Tag): boolean {
    if (start.selfClosing) return true;
    const xml = this.xml;
    const open: string[] = [start.name];
    while (open.length > 0) {
      const lt = xml.indexOf("<", this.at);
      if (lt < 0) return false;
      if (xml.startsWith("<!--", lt)) {
        if (!this.skipPast("-->", lt + 4)) return false;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        if (!this.skipPast("]]>", lt + 9)) return false;
      } else if (xml.startsWith("<?", lt)) {
        if (!this.skipPast("?>", lt + 2)) return false;
      } else if (xml[lt + 1] === "/") {
        const gt = xml.indexOf(">", lt);
        if (gt < 0 || xml.slice(lt + 2, gt).trim() !== open.pop()) return false;
        this.at = gt + 1;
      } else if (xml[lt + 1] === "!") {
        return false;
      } else {
        const tag = this.startTag(lt);
        if (!tag) return false;
        if (!tag.selfClosing) open.push(tag.name);
        // Root, body, then this element's descendants and their text: too deep for the parser.
        if (open.length + 2 >= MAX_XML_DEPTH) return false;
      }
    }
    return true;
  }

  private skipPast(end: string, from: number): boolean {
    const found = this.xml.indexOf(end, from);
    if (found < 0) return false;
    this.at = found + end.length;
    return true;
  }

  /** Reads a start tag at `lt`, its attribute values skipped whole (they may hold « > »). */
  private startTag(lt: number): Tag | undefined {
    const xml = this.xml;
    let i = lt + 1;
    while (i < xml.length && !isNameEnd(xml.charCodeAt(i))) i++;
    const name = xml.slice(lt + 1, i);
    if (name === "") return undefined;
    for (; i < xml.length; i++) {
      const c = xml[i];
      if (c === '"' || c === "'") {
        const close = xml.indexOf(c, i + 1);
        if (close < 0) return undefined;
        i = close;
      } else if (c === "<") {
        return undefined;
      } else if (c === ">") {
        this.tagStart = lt;
        this.at = i + 1;
        return { name, selfClosing: xml[i - 1] === "/" };
      }
    }
    return undefined;
  }
}

/** Whitespace, « / » and « > » end a tag name. */
function isNameEnd(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x2f || code === 0x3e;
}
