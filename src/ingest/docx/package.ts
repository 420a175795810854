import type { ReadContext } from "../types.js";
import type { Archive } from "../zip.js";
import { elements, parseXml, plainAttr } from "../xml.js";

/**
 * Finds the parts of a DOCX package through its relationships, the way mammoth does (first
 * existing target of the relationship type, else Word's usual path), so that both read the same
 * parts.
 */

export interface DocxParts {
  main: string | undefined;
  styles: string | undefined;
  theme: string | undefined;
  footnotes: string | undefined;
  endnotes: string | undefined;
  comments: string | undefined;
  numbering: string | undefined;
  core: string | undefined;
}

interface Relationship {
  type: string;
  target: string;
}

const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

export function locateParts(archive: Archive, context: ReadContext): DocxParts {
  const packageRels = readRelationships(archive, "_rels/.rels", context);
  const main = find(archive, packageRels, "officeDocument", "", "word/document.xml");
  const mainRels = main ? readRelationships(archive, relationshipsPath(main), context) : [];
  const base = main ? dirname(main) : "word";
  const related = (name: string) => find(archive, mainRels, name, base, `word/${name}.xml`);
  return {
    main,
    styles: related("styles"),
    theme: find(archive, mainRels, "theme", base, "word/theme/theme1.xml"),
    footnotes: related("footnotes"),
    endnotes: related("endnotes"),
    comments: related("comments"),
    numbering: related("numbering"),
    core: find(archive, packageRels, "core-properties", "", "docProps/core.xml"),
  };
}

function readRelationships(archive: Archive, part: string, context: ReadContext): Relationship[] {
  const text = archive.readText(part);
  if (text === undefined) return [];
  const root = parseXml(text, part, context).documentElement;
  const relationships: Relationship[] = [];
  for (const element of root ? elements(root) : []) {
    if (element.localName !== "Relationship" || element.namespaceURI !== RELS_NS) continue;
    if (plainAttr(element, "TargetMode") === "External") continue;
    const type = plainAttr(element, "Type");
    const target = plainAttr(element, "Target");
    if (type && target) relationships.push({ type, target });
  }
  return relationships;
}

/** Relationship types end with their short name, in both transitional and strict namespaces. */
function find(archive: Archive, rels: Relationship[], name: string, base: string, fallback: string): string | undefined {
  for (const rel of rels) {
    if (!rel.type.endsWith(`/${name}`)) continue;
    const target = joinPath(base, rel.target);
    if (archive.has(target)) return target;
  }
  return archive.has(fallback) ? fallback : undefined;
}

export function relationshipsPath(part: string): string {
  const dir = dirname(part);
  const file = part.slice(dir === "" ? 0 : dir.length + 1);
  return `${dir === "" ? "" : `${dir}/`}_rels/${file}.rels`;
}

function dirname(part: string): string {
  const slash = part.lastIndexOf("/");
  return slash < 0 ? "" : part.slice(0, slash);
}

/** Resolves a relationship target against the folder of its source part; "/x" is absolute. */
function joinPath(base: string, target: string): string {
  const segments = target.startsWith("/") ? [] : base.split("/").filter(Boolean);
  for (const segment of target.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(decodeSegment(segment));
  }
  return segments.join("/");
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
