import { readFile, stat } from "node:fs/promises";
import type { FalcDocument, SourceFormat } from "../model/types.js";
import { buildDocument } from "../model/build.js";
import type { SectioningOptions } from "../model/sections.js";
import { inputError } from "../errors.js";
import { guessFrench } from "../analysis/language.js";
import { DEFAULT_LIMITS, IngestErrorCode, type FormatReader, type IngestLimits } from "./types.js";
import { SUPPORTED_EXTENSIONS, extensionOf, formatFromPath, isEncryptedOle2, sniffContent } from "./detect.js";

export interface IngestOptions {
  limits?: Partial<IngestLimits>;
  sectioning?: Partial<SectioningOptions>;
  /** Format of standard input (`-`), which has no extension. */
  stdinFormat?: "md" | "txt";
}

const STDIN = "-";

/** Reads a file (or standard input for `-`) into the document model. Never writes anything. */
export async function ingestFile(path: string, options: IngestOptions = {}): Promise<FalcDocument> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (path === STDIN) {
    const bytes = await readStdin(limits.maxBytes);
    return ingestBytes(bytes, STDIN, options.stdinFormat ?? "txt", options);
  }
  const info = await statInput(path);
  const format = formatFromPath(path);
  if (!format) {
    throw inputError(
      IngestErrorCode.unsupportedExtension,
      path,
      `Le fichier ${path} n’est pas d’un type que falc sait lire (extension « ${extensionOf(path) || "aucune"} »).`,
      legacyHint(path) ?? `Formats acceptés : ${SUPPORTED_EXTENSIONS.join(", ")}. Enregistrez le document dans l’un de ces formats.`,
    );
  }
  if (info.size > limits.maxBytes) throw tooLarge(path, info.size, limits.maxBytes);
  const bytes = await readInputFile(path);
  return ingestBytes(bytes, path, format, options);
}

export async function ingestBytes(
  bytes: Uint8Array,
  path: string,
  format: SourceFormat,
  options: IngestOptions = {},
): Promise<FalcDocument> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  checkContent(bytes, path, format);
  const reader = await loadReader(format);
  const result = await reader(bytes, { path, limits });
  const document = buildDocument(
    { path, format, bytes, blocks: result.blocks, metadataTitle: result.metadataTitle, warnings: result.warnings, defaults: result.defaults },
    options.sectioning,
  );
  if (document.text.trim() === "") {
    throw inputError(
      IngestErrorCode.noText,
      path,
      `Le document ${path} ne contient aucun texte.`,
      "Vérifiez que c’est le bon fichier. Si le texte est dans des images, il faut d’abord le reconnaître avec un logiciel d’OCR.",
    );
  }
  if (!guessFrench(document.text).french) {
    document.warnings.push({
      code: "not-french",
      message: `Le texte de ${path} ne semble pas écrit en français : les règles et les scores de falc sont faits pour le français.`,
    });
  }
  return document;
}

async function loadReader(format: SourceFormat): Promise<FormatReader> {
  // Heavy parsers are loaded only for the format at hand, so that a short text starts fast.
  switch (format) {
    case "docx":
      return (await import("./docx/index.js")).readDocx;
    case "odt":
      return (await import("./odt/index.js")).readOdt;
    case "pdf":
      return (await import("./pdf/index.js")).readPdf;
    case "md":
      return (await import("./markdown.js")).readMarkdown;
    case "txt":
      return (await import("./text.js")).readText;
  }
}

async function statInput(path: string): Promise<{ size: number }> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw fileSystemError(path, error);
  }
  if (info.isDirectory()) {
    throw inputError(IngestErrorCode.isDirectory, path, `${path} est un dossier, pas un fichier.`, "Donnez le chemin d’un document (.docx, .pdf, .odt, .md ou .txt).");
  }
  return info;
}

async function readInputFile(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw fileSystemError(path, error);
  }
}

async function readStdin(maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.byteLength;
    if (size > maxBytes) throw tooLarge(STDIN, size, maxBytes);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function checkContent(bytes: Uint8Array, path: string, format: SourceFormat): void {
  const kind = sniffContent(bytes);
  if (kind === "empty") {
    throw inputError(IngestErrorCode.emptyFile, path, `Le fichier ${path} est vide (0 octet).`, "Vérifiez que l’enregistrement ou la copie du fichier s’est bien terminé.");
  }
  if (kind === "ole2" && (format === "docx" || format === "odt")) {
    if (isEncryptedOle2(bytes)) {
      throw inputError(IngestErrorCode.encrypted, path, `Le document ${path} est protégé par un mot de passe.`, "Ouvrez-le dans Word, retirez le mot de passe (Fichier > Informations > Protéger le document) et enregistrez une copie.");
    }
    throw inputError(IngestErrorCode.legacyFormat, path, `Le fichier ${path} est au format Word 97-2003 (.doc), pas au format .docx.`, "Ouvrez-le dans Word ou LibreOffice et enregistrez-le au format .docx.");
  }
  const expected: Record<SourceFormat, string[]> = { docx: ["zip"], odt: ["zip"], pdf: ["pdf"], md: ["text"], txt: ["text"] };
  if (!expected[format].includes(kind)) {
    const actual = describeKind(kind);
    throw inputError(
      IngestErrorCode.formatMismatch,
      path,
      `Le fichier ${path} porte l’extension ${extensionOf(path) || "de texte"} mais son contenu est ${actual}.`,
      kind === "pdf" ? "Renommez-le avec l’extension .pdf." : "Vérifiez que c’est le bon fichier, ou enregistrez-le de nouveau depuis son logiciel d’origine.",
    );
  }
}

function describeKind(kind: string): string {
  switch (kind) {
    case "pdf": return "un PDF";
    case "zip": return "une archive ZIP (Word, LibreOffice…)";
    case "ole2": return "un ancien document Office";
    case "text": return "du texte brut";
    default: return "binaire, illisible comme texte";
  }
}

function legacyHint(path: string): string | undefined {
  const extension = extensionOf(path).toLowerCase();
  if (extension === ".doc") return "Ouvrez-le dans Word ou LibreOffice et enregistrez-le au format .docx.";
  if (extension === ".rtf") return "Ouvrez-le dans Word ou LibreOffice et enregistrez-le au format .docx ou .odt.";
  return undefined;
}

function tooLarge(path: string, size: number, maxBytes: number) {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1).replace(".", ",")} Mo`;
  return inputError(IngestErrorCode.tooLarge, path, `Le fichier ${path} est trop gros (${mb(size)}, limite : ${mb(maxBytes)}).`, "Découpez le document, ou relevez la limite avec --max-size.");
}

function fileSystemError(path: string, error: unknown) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return inputError(IngestErrorCode.notFound, path, `Le fichier ${path} n’existe pas.`, "Vérifiez le chemin et l’orthographe du nom.", error);
  if (code === "EISDIR") return inputError(IngestErrorCode.isDirectory, path, `${path} est un dossier, pas un fichier.`, undefined, error);
  return inputError(IngestErrorCode.unreadable, path, `Le fichier ${path} ne peut pas être lu (${code ?? "erreur inconnue"}).`, "Vérifiez vos droits d’accès au fichier.", error);
}

export { DEFAULT_LIMITS } from "./types.js";
