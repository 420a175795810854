import type { DocumentWarning } from "../../model/types.js";
import { inputError } from "../../errors.js";
import { IngestErrorCode, type FormatReader, type ReadContext, type ReadResult } from "../types.js";
import { attr, child, elements, parseXml, path, textContent, type XmlDocument } from "../xml.js";
import { corrupt, openArchive, type Archive } from "../zip.js";
import { imagesWarning, notesWarning, stylesWarning, trackedChangesWarning } from "../warnings.js";
import { OdtWalker, paragraphOrdinals } from "./body.js";
import { NS } from "./namespaces.js";
import { OdfStyles } from "./styles.js";

/**
 * LibreOffice / OpenDocument text (.odt): content.xml for the text, styles.xml for the common
 * styles, meta.xml for the title, all read with fflate and xmldom. Notes are placed at the end,
 * as for DOCX; images are skipped with a warning.
 */

const TEXT_MIMETYPES = new Set(["application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template"]);

export const readOdt: FormatReader = async (bytes, context) => {
  const archive = openArchive(bytes, context);
  checkMimetype(archive, context);
  checkEncryption(archive, context);
  const contentText = archive.readText("content.xml");
  if (contentText === undefined) throw corrupt(context, "la partie «\u00a0content.xml\u00a0» (le texte) est absente");
  const content = parseXml(contentText, "content.xml", context);
  const body = path(content.documentElement ?? undefined, NS.office, "body", "text");
  if (!body) throw notTextDocument(context, "un document OpenDocument sans texte");
  const warnings: DocumentWarning[] = [];
  const stylesXml = readOptional(archive, "styles.xml", context);
  if (stylesXml === null) warnings.push(stylesWarning("styles.xml"));
  const styles = new OdfStyles(content, stylesXml ?? undefined);
  const walker = new OdtWalker(styles, paragraphOrdinals(content.documentElement!));
  walker.walk(body);

  if (walker.images > 0) warnings.push(imagesWarning(walker.images));
  if (walker.notes.length > 0) warnings.push(notesWarning(walker.notes.length));
  if (walker.trackedChanges) warnings.push(trackedChangesWarning());
  const result: ReadResult = { blocks: [...walker.blocks, ...walker.notes], warnings, defaults: styles.documentDefaults() };
  const title = readTitle(archive, context);
  if (title) result.metadataTitle = title;
  return result;
};

/**
 * The first entry of an OpenDocument file names its type. A missing one is tolerated when
 * content.xml holds a text body (some generators omit it); another type is refused.
 */
function checkMimetype(archive: Archive, context: ReadContext): void {
  const mimetype = archive.readText("mimetype")?.trim();
  if (mimetype === undefined) {
    if (!archive.has("content.xml")) {
      throw notTextDocument(context, archive.has("word/document.xml") ? "un document Word (.docx)" : "une archive ZIP qui n’est pas un document OpenDocument");
    }
    return;
  }
  if (!TEXT_MIMETYPES.has(mimetype)) throw notTextDocument(context, describeMimetype(mimetype));
}

function describeMimetype(mimetype: string): string {
  if (mimetype.includes("opendocument.spreadsheet")) return "un classeur (LibreOffice Calc)";
  if (mimetype.includes("opendocument.presentation")) return "une présentation (LibreOffice Impress)";
  if (mimetype.includes("opendocument.graphics")) return "un dessin (LibreOffice Draw)";
  return `un fichier de type «\u00a0${mimetype.slice(0, 80)}\u00a0»`;
}

function notTextDocument(context: ReadContext, actual: string) {
  return inputError(
    IngestErrorCode.formatMismatch,
    context.path,
    `Le fichier ${context.path} porte l’extension .odt mais c’est ${actual}, pas un document texte.`,
    actual.includes(".docx") ? "Renommez-le avec l’extension .docx." : "Vérifiez que c’est le bon fichier, ou enregistrez-le depuis LibreOffice Writer au format .odt.",
  );
}

/** LibreOffice encrypts content.xml when a password is set; the manifest says so. */
function checkEncryption(archive: Archive, context: ReadContext): void {
  const manifest = readOptional(archive, "META-INF/manifest.xml", context)?.documentElement ?? undefined;
  for (const entry of manifest ? elements(manifest) : []) {
    if (attr(entry, NS.manifest, "full-path") !== "content.xml") continue;
    if (child(entry, NS.manifest, "encryption-data")) {
      throw inputError(
        IngestErrorCode.encrypted,
        context.path,
        `Le document ${context.path} est protégé par un mot de passe.`,
        "Ouvrez-le dans LibreOffice, retirez le mot de passe (Fichier > Propriétés > Sécurité) et enregistrez une copie.",
      );
    }
  }
}

/**
 * styles.xml, meta.xml and the manifest help but are not essential: undefined when absent, null
 * when broken (the text can still be read). Size limits still apply.
 */
function readOptional(archive: Archive, part: string, context: ReadContext): XmlDocument | undefined | null {
  try {
    const text = archive.readText(part);
    return text === undefined ? undefined : parseXml(text, part, context);
  } catch (error) {
    if ((error as { code?: string }).code === IngestErrorCode.corrupt) return null;
    throw error;
  }
}

function readTitle(archive: Archive, context: ReadContext): string | undefined {
  const meta = readOptional(archive, "meta.xml", context) ?? undefined;
  const title = textContent(path(meta?.documentElement ?? undefined, NS.office, "meta")?.getElementsByTagNameNS(NS.dc, "title")[0] ?? undefined).trim();
  return title === "" ? undefined : title;
}
