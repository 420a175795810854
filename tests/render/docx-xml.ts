import { DOMParser, type Document, type Element } from "@xmldom/xmldom";
import { strFromU8, unzipSync } from "fflate";

/** Reads the parts of a .docx that tests look at, as DOM trees. */

export const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

export interface DocxParts {
  files: Record<string, Uint8Array>;
  document: Document;
  styles: Document;
  settings: Document;
  numbering: Document | undefined;
  footers: string[];
  core: string;
}

export function readParts(bytes: Uint8Array): DocxParts {
  const files = unzipSync(bytes);
  const xml = (name: string) => {
    const data = files[name];
    if (!data) throw new Error(`missing part ${name}`);
    return new DOMParser().parseFromString(strFromU8(data), "text/xml");
  };
  return {
    files,
    document: xml("word/document.xml"),
    styles: xml("word/styles.xml"),
    settings: xml("word/settings.xml"),
    numbering: files["word/numbering.xml"] ? xml("word/numbering.xml") : undefined,
    footers: Object.keys(files)
      .filter((name) => /^word\/footer\d*\.xml$/.test(name))
      .map((name) => strFromU8(files[name]!)),
    core: strFromU8(files["docProps/core.xml"]!),
  };
}

export function all(node: Document | Element, name: string): Element[] {
  return Array.from(node.getElementsByTagNameNS(W, name));
}

export function children(node: Element, name: string): Element[] {
  return Array.from(node.childNodes).filter((c): c is Element => c.nodeType === 1 && (c as Element).localName === name && (c as Element).namespaceURI === W);
}

export function child(node: Element | undefined, name: string): Element | undefined {
  return node ? children(node, name)[0] : undefined;
}

export function val(node: Element | undefined, attribute = "val"): string | undefined {
  const value = node?.getAttributeNS(W, attribute);
  return value === null || value === "" ? undefined : value;
}

/** Text of a paragraph (or any element), no-break spaces as plain spaces. */
export function text(node: Element): string {
  return all(node, "t")
    .map((t) => t.textContent ?? "")
    .join("")
    .replace(/\u00a0/g, " ");
}

/** Top-level paragraphs of the body (not those inside tables). */
export function bodyParagraphs(document: Document): Element[] {
  const body = all(document, "body")[0]!;
  return children(body, "p");
}

export function isBold(run: Element): boolean {
  const b = child(child(run, "rPr"), "b");
  return b !== undefined && !["0", "false"].includes(val(b) ?? "true");
}

export function styleById(styles: Document, id: string): Element | undefined {
  return all(styles, "style").find((style) => val(style, "styleId") === id);
}

/** The lines of a paragraph, a <w:br/> starting a new one; no-break spaces read as spaces. */
export function paragraphLines(paragraph: Element): string[] {
  const lines = [""];
  for (const run of children(paragraph, "r")) {
    for (const node of Array.from(run.childNodes) as Element[]) {
      if (node.namespaceURI !== W) continue;
      if (node.localName === "br") lines.push("");
      if (node.localName === "t") lines[lines.length - 1] += (node.textContent ?? "").replace(/\u00a0/g, " ");
    }
  }
  return lines;
}
