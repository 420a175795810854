import mammoth from "mammoth";
import type { DocumentWarning } from "../../model/types.js";
import type { FormatReader, ReadContext, ReadResult } from "../types.js";
import { IngestErrorCode } from "../types.js";
import { inputError } from "../../errors.js";
import { child, parseXml, textContent, type XmlDocument } from "../xml.js";
import { corrupt, openArchive, type Archive } from "../zip.js";
import { ParagraphMatcher } from "./align.js";
import { htmlToBlocks } from "./html.js";
import { imagesWarning, notesWarning, trackedChangesWarning } from "../warnings.js";
import { layoutWarning, mammothError, mammothWarnings, missingMainPart } from "./messages.js";
import { locateParts, type DocxParts } from "./package.js";
import { BodyWalker, paragraphOrdinals, readNotes, type XmlParagraph } from "./paragraphs.js";
import { StyleSheet } from "./styles.js";

/**
 * Word (.docx): mammoth reads the structure (headings, lists, tables, emphasis); our own read of
 * the XML parts adds the layout facts FALC rules need (fonts, sizes, alignment, line spacing,
 * after style inheritance). Footnotes and endnotes are kept: their text comes last, one paragraph
 * each, with a warning, so that their wording is checked too. Headers, footers and comments are
 * not read (mammoth ignores them). Images are skipped, with a warning.
 */

const TRANSITIONAL_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const DC_NS = "http://purl.org/dc/elements/1.1/";

/** Title and Subtitle are not in mammoth's default map; underline is dropped without `u => u`. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh", "u => u"];

export const readDocx: FormatReader = async (bytes, context) => {
  const archive = openArchive(bytes, context);
  const parts = locateParts(archive, context);
  if (!parts.main) throw missingMainPart(context, packageKind(archive));
  const layout = readLayout(archive, parts, context);
  verifyRemainingParts(archive, parts, layout.read);
  const { html, messages, images } = await convert(bytes, context);
  const body = new ParagraphMatcher(layout.paragraphs);
  const notes = new ParagraphMatcher(layout.noteParagraphs);
  const converted = htmlToBlocks(html, body, notes);

  const warnings: DocumentWarning[] = [...mammothWarnings(messages)];
  if (images > 0) warnings.push(imagesWarning(images));
  if (converted.notes.length > 0) warnings.push(notesWarning(converted.notes.length));
  if (layout.trackedChanges) warnings.push(trackedChangesWarning());
  if (body.failures + notes.failures > 0) warnings.push(layoutWarning(body.failures + notes.failures));

  const result: ReadResult = { blocks: [...converted.blocks, ...converted.notes], warnings, defaults: layout.defaults };
  const title = readTitle(archive, parts.core, context);
  if (title) result.metadataTitle = title;
  return result;
};

interface Layout {
  paragraphs: XmlParagraph[];
  noteParagraphs: XmlParagraph[];
  trackedChanges: boolean;
  defaults: ReturnType<StyleSheet["defaults"]>;
  /** Parts already inflated (and so size-checked). */
  read: Set<string>;
}

function readLayout(archive: Archive, parts: DocxParts, context: ReadContext): Layout {
  const read = new Set<string>();
  const load = (part: string | undefined): XmlDocument | undefined => {
    if (!part) return undefined;
    const text = archive.readText(part);
    read.add(part);
    return text === undefined ? undefined : parseXml(text, part, context);
  };
  const main = load(parts.main)!.documentElement!;
  const ns = main.namespaceURI === STRICT_NS ? STRICT_NS : TRANSITIONAL_NS;
  const bodyElement = child(main, ns, "body");
  if (main.localName !== "document" || !bodyElement) throw corrupt(context, "le corps du document Word est introuvable");
  const sheet = new StyleSheet(load(parts.styles), optional(() => load(parts.theme)), ns);

  const walker = new BodyWalker(sheet, ns, paragraphOrdinals(main, ns));
  walker.blocks(bodyElement);
  const footnotes = readNotes(load(parts.footnotes)?.documentElement ?? undefined, "footnote", sheet, ns);
  const endnotes = readNotes(load(parts.endnotes)?.documentElement ?? undefined, "endnote", sheet, ns);
  // mammoth writes the notes in the order of their references, one entry per reference.
  const noteParagraphs = walker.noteRefs.flatMap((ref) => (ref.type === "footnote" ? footnotes : endnotes).get(ref.id) ?? []);
  return { paragraphs: walker.paragraphs, noteParagraphs, trackedChanges: walker.trackedChanges, defaults: sheet.defaults(), read };
}

/**
 * mammoth (JSZip) inflates whatever it reads without any size check. Every part it may read is
 * inflated here first, so that an entry lying about its size is refused before mammoth sees it.
 * Images are never read: our image converter does not ask for their bytes.
 */
function verifyRemainingParts(archive: Archive, parts: DocxParts, read: Set<string>): void {
  const mammothParts = new Set([parts.comments, parts.numbering, "mammoth/style-map"]);
  for (const name of archive.entries.keys()) {
    if (read.has(name)) continue;
    const lower = name.toLowerCase();
    if (lower.endsWith(".xml") || lower.endsWith(".rels") || mammothParts.has(name)) archive.readBytes(name);
  }
}

async function convert(bytes: Uint8Array, context: ReadContext) {
  let images = 0;
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        includeDefaultStyleMap: true,
        includeEmbeddedStyleMap: false,
        externalFileAccess: false,
        // Count images without reading them: no base64 in the HTML, no bytes inflated.
        convertImage: mammoth.images.imgElement(async () => {
          images++;
          return { src: "" };
        }),
      },
    );
  } catch (error) {
    throw mammothError(context, error);
  }
  if (result.value.length > context.limits.maxPartChars) {
    throw inputError(
      IngestErrorCode.tooLarge,
      context.path,
      `Le fichier ${context.path} est trop volumineux\u00a0: son texte dépasse ${context.limits.maxPartChars} caractères.`,
      "Découpez le document en plusieurs fichiers.",
    );
  }
  return { html: result.value, messages: result.messages, images };
}

function readTitle(archive: Archive, core: string | undefined, context: ReadContext): string | undefined {
  const document = optional(() => (core ? archive.readText(core) : undefined));
  if (document === undefined) return undefined;
  const root = optional(() => parseXml(document, core!, context).documentElement ?? undefined);
  const title = textContent(child(root, DC_NS, "title")).trim();
  return title === "" ? undefined : title;
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
