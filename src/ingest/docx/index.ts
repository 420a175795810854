import mammoth from "mammoth";
import type { DocumentWarning } from "../../model/types.js";
import type { FormatReader, ReadContext, ReadResult } from "../types.js";
import { IngestErrorCode } from "../types.js";
import { inputError, isFalcError } from "../../errors.js";
import { child, parseXml, textContent, type Element, type XmlDocument } from "../xml.js";
import { corrupt, openArchive, type Archive } from "../zip.js";
import { ParagraphMatcher } from "./align.js";
import { htmlToBlocks, joinable, type HtmlBlocks } from "./html.js";
import { imagesWarning, notesWarning, trackedChangesWarning } from "../warnings.js";
import { layoutWarning, mammothError, mammothWarnings, missingMainPart } from "./messages.js";
import { locateParts, type DocxParts } from "./package.js";
import { BodyWalker, paragraphOrdinals, readNotes, type XmlParagraph } from "./paragraphs.js";
import { numberedStyles, sliceBody, type BodySlices } from "./slices.js";
import { StyleSheet } from "./styles.js";

/**
 * Word (.docx): mammoth reads the structure (headings, lists, tables, emphasis); our own read of
 * the XML parts adds the layout facts FALC rules need (fonts, sizes, alignment, line spacing,
 * after style inheritance). Footnotes and endnotes are kept: their text comes last, one paragraph
 * each, with a warning, so that their wording is checked too. Headers, footers and comments are
 * not read (mammoth ignores them). Images are skipped, with a warning.
 *
 * A large body is read in slices of whole top-level elements (see slices.ts), by both readers, so
 * that memory follows the slice's size and not the document's; the result is the same.
 */

const TRANSITIONAL_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const DC_NS = "http://purl.org/dc/elements/1.1/";

/** Title and Subtitle are not in mammoth's default map; underline is dropped without `u => u`. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh", "u => u"];

/**
 * Characters of document.xml per slice. A slice's trees take about 40 times its size in memory in
 * each reader; each slice costs one more read of the small parts (styles, numbering, notes).
 */
const SLICE_CHARS = 1 << 18;

export const readDocx: FormatReader = (bytes, context) => readDocxInSlices(bytes, context, SLICE_CHARS);

/** readDocx with the size of its slices given: tests read small documents in many slices. */
export async function readDocxInSlices(bytes: Uint8Array, context: ReadContext, sliceChars: number): Promise<ReadResult> {
  const archive = openArchive(bytes, context);
  const parts = locateParts(archive, context);
  if (!parts.main) throw missingMainPart(context, packageKind(archive));
  const main = { name: parts.main, text: archive.readText(parts.main)! };
  let slices = main.text.length > sliceChars ? sliceBody(main.text, sliceChars, listStyles(archive, parts.numbering)) : undefined;
  let layout = slices && readLayout(archive, parts, main.text, slices, context);
  if (!layout) {
    slices = undefined;
    layout = readLayout(archive, parts, main.text, undefined, context)!;
  }
  verifyRemainingParts(archive, parts, layout.read);
  const { converted, body, notes, messages, images } =
    (slices && (await convert(archive, main.name, slices, layout, context))) ?? (await convert(archive, main.name, undefined, layout, context))!;

  const warnings: DocumentWarning[] = [...mammothWarnings(messages)];
  if (images > 0) warnings.push(imagesWarning(images));
  if (converted.notes.length > 0) warnings.push(notesWarning(converted.notes.length));
  if (layout.trackedChanges) warnings.push(trackedChangesWarning());
  if (body.failures + notes.failures > 0) warnings.push(layoutWarning(body.failures + notes.failures));

  const result: ReadResult = { blocks: [...converted.blocks, ...converted.notes], warnings, defaults: layout.defaults };
  const title = readTitle(archive, parts.core, context);
  if (title) result.metadataTitle = title;
  return result;
}

interface Layout {
  paragraphs: XmlParagraph[];
  noteParagraphs: XmlParagraph[];
  trackedChanges: boolean;
  defaults: ReturnType<StyleSheet["defaults"]>;
  /** Parts already inflated (and so size-checked). */
  read: Set<string>;
}

/**
 * Our read of the XML parts. Sliced, each slice is parsed and walked in turn, so that only one
 * slice's tree is alive at a time; undefined when a slice does not parse (the part is then read
 * whole, and the parser's error is the one the whole part gives).
 */
function readLayout(archive: Archive, parts: DocxParts, mainText: string, slices: BodySlices | undefined, context: ReadContext): Layout | undefined {
  const read = new Set<string>([parts.main!]);
  const load = (part: string | undefined): XmlDocument | undefined => {
    if (!part) return undefined;
    const text = archive.readText(part);
    read.add(part);
    return text === undefined ? undefined : parseXml(text, part, context);
  };
  const count = slices ? slices.pieces.length : 1;
  // Each slice's text is made only when parsed: kept in a list, all of them would stay alive.
  const parseMain = (index: number): Element | undefined => {
    if (!slices) return parseXml(mainText, parts.main!, context).documentElement!;
    try {
      return parseXml(slices.head + slices.pieces[index]! + slices.tail, parts.main!, context).documentElement ?? undefined;
    } catch {
      return undefined;
    }
  };
  let main = parseMain(0);
  if (!main) return undefined;
  const ns = main.namespaceURI === STRICT_NS ? STRICT_NS : TRANSITIONAL_NS;
  let bodyElement = child(main, ns, "body");
  if (main.localName !== "document" || !bodyElement) {
    if (slices) return undefined;
    throw corrupt(context, "le corps du document Word est introuvable");
  }
  const sheet = new StyleSheet(load(parts.styles), optional(() => load(parts.theme)), ns);

  const walker = new BodyWalker(sheet, ns);
  let before = 0;
  for (let index = 0; ; ) {
    walker.body(bodyElement, paragraphOrdinals(main, ns, before));
    if (++index >= count) break;
    before += bodyElement.getElementsByTagNameNS(ns, "p").length;
    main = parseMain(index);
    bodyElement = child(main, ns, "body");
    if (!main || !bodyElement) return undefined;
  }
  const footnotes = readNotes(load(parts.footnotes)?.documentElement ?? undefined, "footnote", sheet, ns);
  const endnotes = readNotes(load(parts.endnotes)?.documentElement ?? undefined, "endnote", sheet, ns);
  // mammoth writes the notes in the order of their references, one entry per reference.
  const noteParagraphs = walker.noteRefs.flatMap((ref) => (ref.type === "footnote" ? footnotes : endnotes).get(ref.id) ?? []);
  return { paragraphs: walker.paragraphs, noteParagraphs, trackedChanges: walker.trackedChanges, defaults: sheet.defaults(), read };
}

/**
 * mammoth reads through our archive (see mammothFile), whose reads are bounded. Every part it may
 * read is still inflated here first, so that an entry lying about its size is refused before any
 * conversion starts, slice after slice. Images are never read: our image converter does not ask
 * for their bytes.
 */
function verifyRemainingParts(archive: Archive, parts: DocxParts, read: Set<string>): void {
  const mammothParts = new Set([parts.comments, parts.numbering, "mammoth/style-map"]);
  for (const name of archive.entries.keys()) {
    if (read.has(name)) continue;
    const lower = name.toLowerCase();
    if (lower.endsWith(".xml") || lower.endsWith(".rels") || mammothParts.has(name)) archive.readBytes(name);
  }
}

interface Converted {
  converted: HtmlBlocks;
  body: ParagraphMatcher;
  notes: ParagraphMatcher;
  messages: MammothMessage[];
  images: number;
}

/**
 * mammoth's read, slice by slice when sliced, each slice's HTML turned into blocks before the
 * next is read. Undefined when two slices' HTML would not join as mammoth joins them (see
 * joinable): the document is then converted whole.
 */
async function convert(archive: Archive, main: string, slices: BodySlices | undefined, layout: Layout, context: ReadContext): Promise<Converted | undefined> {
  const body = new ParagraphMatcher(layout.paragraphs);
  const notes = new ParagraphMatcher(layout.noteParagraphs);
  const converted: HtmlBlocks = { blocks: [], notes: [] };
  const messages: MammothMessage[] = [];
  const counter = { images: 0, chars: 0 };
  let last: string | undefined;
  for (const piece of slices ? slices.pieces : [undefined]) {
    const file = mammothFile(archive, main, piece === undefined ? undefined : slices!.head + piece + slices!.tail);
    const result = await convertPart(file, counter, context);
    // mammoth reports each message once per document.
    for (const message of result.messages) {
      if (!messages.some((seen) => seen.type === message.type && seen.message === message.message)) messages.push(message);
    }
    const edges = htmlToBlocks(result.value, body, notes, converted);
    if (!joinable(last, edges.first)) return undefined;
    last = edges.last ?? last;
  }
  return { converted, body, notes, messages, images: counter.images };
}

type MammothMessage = Awaited<ReturnType<typeof mammoth.convertToHtml>>["messages"][number];

async function convertPart(file: MammothFile, counter: { images: number; chars: number }, context: ReadContext) {
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    // `file` is mammoth's own input for an opened package (lib/unzip.js), not in its typings.
    result = await mammoth.convertToHtml({ file } as unknown as { buffer: Buffer }, {
      styleMap: STYLE_MAP,
      includeDefaultStyleMap: true,
      includeEmbeddedStyleMap: false,
      externalFileAccess: false,
      // Count images without reading them: no base64 in the HTML, no bytes inflated.
      convertImage: mammoth.images.imgElement(async () => {
        counter.images++;
        return { src: "" };
      }),
    });
  } catch (error) {
    // Our archive's own errors (a part lying about its size) come through mammoth unchanged.
    if (isFalcError(error)) throw error;
    throw mammothError(context, error);
  }
  counter.chars += result.value.length;
  if (counter.chars > context.limits.maxPartChars) {
    throw inputError(
      IngestErrorCode.tooLarge,
      context.path,
      `Le fichier ${context.path} est trop volumineux\u00a0: son texte dépasse ${context.limits.maxPartChars} caractères.`,
      "Découpez le document en plusieurs fichiers.",
    );
  }
  return result;
}

interface MammothFile {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<Uint8Array | string>;
}

/**
 * The package as mammoth reads it (the interface of its lib/zipfile.js): our archive, whose reads
 * are bounded, decoded as mammoth decodes them; the main part replaced by one slice when sliced.
 */
function mammothFile(archive: Archive, main: string, mainText: string | undefined): MammothFile {
  return {
    exists: (name) => archive.has(name),
    read: async (name, encoding) => {
      if (name === main && mainText !== undefined) return mainText;
      const bytes = archive.readBytes(name);
      if (bytes === undefined) throw new Error(`${name} is missing`);
      if (encoding === "base64") return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
      return encoding ? new TextDecoder(encoding).decode(bytes) : bytes;
    },
  };
}

function readTitle(archive: Archive, core: string | undefined, context: ReadContext): string | undefined {
  const document = optional(() => (core ? archive.readText(core) : undefined));
  if (document === undefined) return undefined;
  const root = optional(() => parseXml(document, core!, context).documentElement ?? undefined);
  const title = textContent(child(root, DC_NS, "title")).trim();
  return title === "" ? undefined : title;
}

/** Only a hint of where to cut (see slices.ts): a part that does not read gives none, the readers report it. */
function listStyles(archive: Archive, numbering: string | undefined): Set<string> {
  try {
    return numberedStyles(numbering ? archive.readText(numbering) : undefined);
  } catch {
    return new Set();
  }
}

/** Metadata and theme are optional: when broken, they are ignored rather than fatal. */
function optional<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if ((error as { code?: string }).code === IngestErrorCode.corrupt) return undefined;
    throw error;
  }
}

function packageKind(archive: Archive): "word-package" | "odt" | "zip" {
  if (archive.has("mimetype") && archive.has("content.xml")) return "odt";
  return archive.has("[Content_Types].xml") || archive.has("_rels/.rels") ? "word-package" : "zip";
}
