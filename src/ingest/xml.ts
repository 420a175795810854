import { DOMParser, type Document as XmlDocument, type Element, type Node } from "@xmldom/xmldom";
import { inputError } from "../errors.js";
import { IngestErrorCode, type ReadContext } from "./types.js";
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
  checkDepth(document.documentElement, part, context);
  return document;
}

/**
 * Element nesting allowed in one part. Word caps nested tables at 63 levels (about 250 elements
 * deep); our walkers and mammoth recurse once or more per level, and a forged file nested 50 000
 * levels deep would overflow the stack in the middle of a read.
 */
export const MAX_XML_DEPTH = 1_000;

/** Iterative on purpose: the check must not itself recurse. */
function checkDepth(root: Element, part: string, context: ReadContext): void {
  let node: Node = root;
  let depth = 0;
  for (;;) {
    if (node.firstChild) {
      node = node.firstChild;
      if (++depth > MAX_XML_DEPTH) throw tooDeep(context, part);
      continue;
    }
    while (!node.nextSibling) {
      if (depth === 0 || !node.parentNode) return;
      node = node.parentNode;
      depth--;
    }
    if (depth === 0) return;
    node = node.nextSibling;
  }
}

function tooDeep(context: ReadContext, part: string) {
  return inputError(
    IngestErrorCode.tooComplex,
    context.path,
    `Le fichier ${context.path} est refusé\u00a0: sa partie ${quote(part)} imbrique des éléments sur plus de ${MAX_XML_DEPTH.toLocaleString("fr-FR")} niveaux. ` +
      "Aucun document réel n’en a autant\u00a0: le fichier est endommagé ou piégé.",
    "Ouvrez-le dans Word ou LibreOffice et enregistrez-le de nouveau.",
  );
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
