import { readFile } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { FalcError } from "../errors.js";
import { DEFAULT_LIMITS } from "../ingest/types.js";
import { locateParts, relationshipsPath } from "../ingest/docx/package.js";
import { decodeXmlBytes, openArchive } from "../ingest/zip.js";
import type { FalcDocument } from "../model/types.js";
import { writeFileAtomic } from "../output/atomic.js";
import { outputError } from "../output/errors.js";
import type { Finding } from "../rules/finding.js";
import { anchorComments, commentElement, STRICT_NS, TRANSITIONAL_NS } from "./docx.js";
import { anchorOdtComments } from "./odt.js";
import { planComments } from "./plan.js";
import { prefixOf } from "./xml-scan.js";

/**
 * `falc score --annotate`: a copy of a Word or LibreOffice document with one comment per finding (one
 * per rule and sentence), on the flagged words, signed « falc ». The input is never written; in the
 * copy only the main text part, the comments part and the lists that declare it change.
 */

export interface AnnotatedCopy {
  path: string;
  output: string;
  /** Comments written. */
  comments: number;
  /** Findings (grouped as comments) whose words could not be found again in the file: notes, mostly. */
  unplaced: number;
}

/** `contrat.docx` → `contrat.annote.docx`, beside it. */
export function annotatedPath(input: string): string {
  const extension = extname(input);
  return join(dirname(input), `${basename(input, extension)}.annote${extension}`);
}

export async function annotateFile(document: FalcDocument, findings: readonly Finding[], options: { now?: Date } = {}): Promise<AnnotatedCopy> {
  const path = document.source.path;
  const output = annotatedPath(path);
  if (resolve(output) === resolve(path)) throw new FalcError("output-is-input", `La copie annotée ${output} écraserait le fichier d’entrée.`, { file: path });
  const bytes = await readFile(path);
  const plan = planComments(document, findings);
  // Seconds only: Word and LibreOffice both read this form.
  const date = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  const context = { path, limits: DEFAULT_LIMITS };
  const archive = openArchive(bytes, context);
  const files = new Map<string, Uint8Array>();
  for (const name of archive.entries.keys()) files.set(name, archive.readBytes(name) ?? new Uint8Array());
  let placed: number;
  if (document.source.format === "docx") {
    const parts = locateParts(archive, context);
    if (!parts.main) throw new FalcError("annotate-unsupported", `${path} : le texte principal du document Word est introuvable.`, { file: path });
    placed = annotateDocx(files, parts.main, parts.comments, plan.comments, date);
  } else {
    const content = files.get("content.xml");
    if (!content) throw new FalcError("annotate-unsupported", `${path} : le texte du document (content.xml) est introuvable.`, { file: path });
    const result = anchorOdtComments(decodeXmlBytes(content), plan.comments, date);
    files.set("content.xml", encode(result.xml));
    placed = result.placed;
  }
  const { zipSync } = await import("fflate");
  const zippable: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  // An ODF package starts with its mimetype, stored: LibreOffice checks both.
  for (const [name, data] of files) zippable[name] = [data, { level: name === "mimetype" ? 0 : 6 }];
  try {
    await writeFileAtomic(output, zipSync(zippable));
  } catch (error) {
    throw outputError(output, error) ?? error;
  }
  return { path, output, comments: placed, unplaced: plan.unplaced + plan.comments.length - placed };
}

const COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";

function annotateDocx(files: Map<string, Uint8Array>, main: string, commentsPart: string | undefined, comments: Parameters<typeof anchorComments>[1], date: string): number {
  const documentXml = decodeXmlBytes(files.get(main)!);
  const strict = documentXml.includes(STRICT_NS) && !documentXml.includes(TRANSITIONAL_NS);
  const namespace = strict ? STRICT_NS : TRANSITIONAL_NS;
  const existing = commentsPart ? decodeXmlBytes(files.get(commentsPart)!) : undefined;
  const ids = existing ? [...existing.matchAll(/:id="(\d+)"/g)].map((match) => Number(match[1])) : [];
  const { xml, placed } = anchorComments(documentXml, comments, ids.length > 0 ? Math.max(...ids) + 1 : 0);
  if (placed.length === 0) return 0;
  files.set(main, encode(xml));
  if (existing) {
    const w = prefixOf(existing, namespace) ?? "w";
    const elements = placed.map(({ comment, id }) => commentElement(w, id, comment.paragraphs, date)).join("");
    const close = existing.lastIndexOf(`</${w}:comments>`);
    files.set(commentsPart!, encode(existing.slice(0, close) + elements + existing.slice(close)));
    return placed.length;
  }
  const elements = placed.map(({ comment, id }) => commentElement("w", id, comment.paragraphs, date)).join("");
  const dir = main.includes("/") ? main.slice(0, main.lastIndexOf("/") + 1) : "";
  files.set(`${dir}comments.xml`, encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${namespace}">${elements}</w:comments>`));
  const relsPath = relationshipsPath(main);
  const rels = files.has(relsPath) ? decodeXmlBytes(files.get(relsPath)!) : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const type = strict ? "http://purl.oclc.org/ooxml/officeDocument/relationships/comments" : "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
  let relId = "rIdFalcComments";
  while (rels.includes(`"${relId}"`)) relId += "1";
  files.set(relsPath, encode(insertBefore(rels, "</Relationships>", `<Relationship Id="${relId}" Type="${type}" Target="comments.xml"/>`)));
  const typesXml = decodeXmlBytes(files.get("[Content_Types].xml")!);
  if (!typesXml.includes(`PartName="/${dir}comments.xml"`)) {
    files.set("[Content_Types].xml", encode(insertBefore(typesXml, "</Types>", `<Override PartName="/${dir}comments.xml" ContentType="${COMMENTS_TYPE}"/>`)));
  }
  return placed.length;
}

function insertBefore(xml: string, closing: string, text: string): string {
  const at = xml.lastIndexOf(closing);
  return at < 0 ? xml : xml.slice(0, at) + text + xml.slice(at);
}

function encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
