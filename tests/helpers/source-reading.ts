import { DOMParser, type Element, type Node } from "@xmldom/xmldom";
import { strFromU8, unzipSync } from "fflate";
import mammoth from "mammoth";
import type { Finding, SourcePosition } from "../../src/rules/finding.js";

/**
 * Reading a source file back at a finding's position, the way a person would, without falc's own
 * readers: the Markdown or text at line:column, the Word paragraph under its headings (from mammoth's
 * HTML), the LibreOffice paragraph (from content.xml), the PDF page (from pdf.js).
 */

/** The words a finding flags, as falc read them (the excerpt of a long sentence is shortened: the text is not). */
export function flaggedWords(finding: Finding, text: string): string {
  return text.slice(finding.offset, finding.offset + finding.length);
}

/** The source between (line, column) and (endLine, endColumn), columns in code points, end excluded. */
export function sourceSlice(source: string, position: Extract<SourcePosition, { column: number }>): string {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  for (let line = position.line; line <= position.endLine; line++) {
    const chars = [...(lines[line - 1] ?? "")];
    const from = line === position.line ? position.column - 1 : 0;
    const to = line === position.endLine ? position.endColumn - 1 : chars.length;
    out.push(chars.slice(from, to).join(""));
  }
  return out.join("\n");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', nbsp: "\u00a0", eacute: "é", egrave: "è", agrave: "à" };

/** Markdown written back as the words it shows: markers, emphasis, code ticks, escapes and references undone. */
export function markdownWords(text: string): string {
  return squeeze(
    text
      .split("\n")
      .map((line, i) => (i === 0 ? line : line.replace(/^\s*(?:>\s?)*(?:[-*+]\s+|\d{1,3}[.)]\s+)?/, "")))
      .join(" ")
      .replace(/<\/?u>/gi, "")
      .replace(/\*\*|__|[*_`]/g, "")
      .replace(/\\(.)/g, "$1")
      .replace(/\|/g, " ")
      .replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (entity, body: string) => {
        if (body.startsWith("#x")) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
        if (body.startsWith("#")) return String.fromCodePoint(Number(body.slice(1)));
        return ENTITIES[body] ?? entity;
      }),
  );
}

export function squeeze(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Letters and digits only: what survives hyphenation, line breaks and spacing in a PDF's text layer. */
export function letters(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, "");
}

export interface SourceParagraph {
  headings: string[];
  /** 0 for the heading itself, then 1, 2… under it. */
  paragraph: number;
  text: string;
}

/** Word paragraphs as mammoth shows them (headings h1–h6, then every p and li), numbered under their headings. */
export async function wordParagraphs(bytes: Uint8Array): Promise<SourceParagraph[]> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"] });
  const root = new DOMParser().parseFromString(`<body>${value}</body>`, "text/html").documentElement!;
  const out: SourceParagraph[] = [];
  const numbering = new Numbering(out);
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      const element = child as unknown as Element;
      const name = element.localName ?? "";
      const heading = /^h([1-6])$/.exec(name);
      if (heading) numbering.heading(Number(heading[1]), element.textContent ?? "");
      else if (name === "p") numbering.paragraph(element.textContent ?? "");
      else if (name === "li") {
        numbering.paragraph(ownText(element, ["ul", "ol"]));
        walk(element);
      } else walk(element);
    }
  };
  walk(root);
  return out;
}

const TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
const STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";

/**
 * LibreOffice paragraphs from content.xml (text:h and text:p in document order), numbered under their
 * headings; a paragraph in the Title or Subtitle style (or a style based on it) is a heading, as LibreOffice
 * shows it.
 */
export function odtParagraphs(bytes: Uint8Array): SourceParagraph[] {
  const files = unzipSync(bytes);
  const content = new DOMParser().parseFromString(strFromU8(files["content.xml"]!), "text/xml");
  const parents = new Map<string, string>();
  for (const xml of [files["styles.xml"] ? new DOMParser().parseFromString(strFromU8(files["styles.xml"]), "text/xml") : undefined, content]) {
    const styles = xml?.getElementsByTagNameNS(STYLE_NS, "style");
    for (let i = 0; styles && i < styles.length; i++) {
      const style = styles.item(i)!;
      parents.set(style.getAttributeNS(STYLE_NS, "name") ?? "", style.getAttributeNS(STYLE_NS, "parent-style-name") ?? "");
    }
  }
  const titleLevel = (name: string | null): number | undefined => {
    for (let current = name ?? "", depth = 0; current !== "" && depth < 20; current = parents.get(current) ?? "", depth++) {
      if (current === "Title") return 1;
      if (current === "Subtitle") return 2;
    }
    return undefined;
  };
  const body = content.getElementsByTagNameNS(OFFICE_NS, "text")[0]!;
  const out: SourceParagraph[] = [];
  const numbering = new Numbering(out);
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      const element = child as unknown as Element;
      if (element.namespaceURI === OFFICE_NS && element.localName === "annotation") continue;
      if (element.namespaceURI === TEXT_NS && (element.localName === "note" || element.localName === "tracked-changes")) continue;
      if (element.namespaceURI === TEXT_NS && element.localName === "h") numbering.heading(Number(element.getAttributeNS(TEXT_NS, "outline-level") ?? "1"), ownText(element, ["note", "annotation"]));
      else if (element.namespaceURI === TEXT_NS && element.localName === "p") {
        const level = titleLevel(element.getAttributeNS(TEXT_NS, "style-name"));
        if (level === undefined) numbering.paragraph(ownText(element, ["note", "annotation"]));
        else numbering.heading(level, ownText(element, ["note", "annotation"]));
      }
      else walk(element);
    }
  };
  walk(body);
  return out;
}

class Numbering {
  private path: { level: number; text: string }[] = [];
  private count = 0;

  constructor(private readonly out: SourceParagraph[]) {}

  heading(level: number, text: string): void {
    const clean = squeeze(text);
    if (clean === "") return;
    this.path = [...this.path.filter((h) => h.level < level), { level, text: clean }];
    this.count = 0;
    this.out.push({ headings: this.path.map((h) => h.text), paragraph: 0, text: clean });
  }

  paragraph(text: string): void {
    const clean = squeeze(text);
    if (clean === "") return;
    this.count++;
    this.out.push({ headings: this.path.map((h) => h.text), paragraph: this.count, text: clean });
  }
}

function ownText(element: Element, skipped: string[]): string {
  let text = "";
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) text += child.nodeValue ?? "";
    else if (child.nodeType === 1 && !skipped.includes((child as unknown as Element).localName ?? "")) text += ownText(child as unknown as Element, skipped);
  }
  return text;
}

/** Each page's text as pdf.js gives it (1-based pages). */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
    page.cleanup();
  }
  await document.destroy();
  return pages;
}

/**
 * Whether a PDF page shows the start of the flagged words: their first 20 letters on the page, or, for
 * a sentence that goes on over the page break, its first 8 letters on the page and the next 12 on the
 * next page (running headers and footers sit between the two), or else each of their first five words.
 */
export function pageShows(pages: readonly string[], page: number, flagged: string): boolean {
  const words = letters(flagged);
  const here = letters(pages[page - 1] ?? "");
  if (here.includes(words.slice(0, 20))) return true;
  if (here.includes(words.slice(0, 8)) && letters(pages[page] ?? "").includes(words.slice(8, 20))) return true;
  // Forms and columns: pdf.js may give a label's lines in another order (« Une pièce | Questions | jointe… »).
  // Then each of the first five words must be on the page.
  const first = flagged.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0).slice(0, 5);
  return first.length > 0 && first.every((word) => here.includes(word));
}
