import { DOMParser, type Document as XmlDocument, type Element } from "@xmldom/xmldom";
import type { ReadContext } from "./types.js";
import { corrupt, quote } from "./zip.js";

export type { Element, XmlDocument };

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/**
 * Parses one XML part of a DOCX/ODT archive. xmldom neither loads external entities nor expands
 * the ones a DOCTYPE declares, so hostile XML cannot reach the network or blow up in memory.
 * Only fatal errors stop the parse: office suites open files with minor XML slips, and so do we.
 */
export function parseXml(text: string, part: string, context: ReadContext): XmlDocument {
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level === "fatalError") throw new Error(message);
    },
  });
  let document: XmlDocument;
  try {
    document = parser.parseFromString(text, "text/xml");
  } catch (error) {
    throw corrupt(context, `la partie ${quote(part)} n’est pas du XML valide (${errorDetail(error)})`, error);
  }
  if (!document.documentElement) throw corrupt(context, `la partie ${quote(part)} est vide`);
  return document;
}

/** Lenient parse of the HTML mammoth writes (it is well-formed, but we do not rely on it). */
export function parseHtml(html: string): XmlDocument {
  const parser = new DOMParser({ onError: () => undefined });
  return parser.parseFromString(`<body>${html}</body>`, "text/html");
}

function errorDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^.*caused Error: /s, "").replace(/^fatalError: /, "").split("\n")[0]!.slice(0, 160);
}

export function isElement(node: unknown): node is Element {
  return (node as { nodeType?: number } | null)?.nodeType === ELEMENT_NODE;
}

export function isText(node: unknown): node is { data: string } {
  const type = (node as { nodeType?: number } | null)?.nodeType;
  return type === TEXT_NODE || type === CDATA_SECTION_NODE;
}

/** The element children of `parent`, in document order. */
export function* elements(parent: Element | XmlDocument): Generator<Element> {
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (isElement(node)) yield node;
  }
}

/** The first child element with this namespace and local name. */
export function child(parent: Element | undefined, ns: string, local: string): Element | undefined {
  if (!parent) return undefined;
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (isElement(node) && node.localName === local && node.namespaceURI === ns) return node;
  }
  return undefined;
}

/** Follows a path of child elements in one namespace. */
export function path(parent: Element | undefined, ns: string, ...locals: string[]): Element | undefined {
  let current = parent;
  for (const local of locals) current = child(current, ns, local);
  return current;
}

/** An attribute in a namespace, or undefined when absent (xmldom returns "" or null). */
export function attr(element: Element | undefined, ns: string, local: string): string | undefined {
  if (!element || !element.hasAttributeNS(ns, local)) return undefined;
  return element.getAttributeNS(ns, local) ?? undefined;
}

/** An attribute without a namespace (relationships, DrawingML), or undefined when absent. */
export function plainAttr(element: Element | undefined, name: string): string | undefined {
  if (!element || !element.hasAttribute(name)) return undefined;
  return element.getAttribute(name) ?? undefined;
}

export function is(node: Element, ns: string, local: string): boolean {
  return node.localName === local && node.namespaceURI === ns;
}

/** The concatenated text of an element's descendants. */
export function textContent(element: Element | undefined): string {
  return element?.textContent ?? "";
}
