import { Inflate } from "fflate";
import { inputError } from "../errors.js";
import { IngestErrorCode, type ReadContext } from "./types.js";

/**
 * Safe read access to the ZIP container of a DOCX or ODT file.
 *
 * Every entry's declared size is checked from the central directory BEFORE anything is inflated,
 * so a « zip bomb » is refused in milliseconds. Declared sizes can lie: an entry that inflates to
 * more than it declares is refused too. That also protects mammoth (JSZip has no guard), as long
 * as every part it reads was inflated here first.
 *
 * fflate's `unzipSync` cannot be used for this: its filter gives no entry offsets, and it inflates
 * into a buffer of exactly the declared size, silently truncating an entry that lies, after
 * decoding all of it (seconds of CPU for a small file that expands to gigabytes). Entries are
 * inflated here in small steps, stopping as soon as one outgrows its declared size.
 */

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  compressedSize: number;
  /** As declared by the archive; verified when the entry is read. */
  size: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

export interface Archive {
  readonly entries: ReadonlyMap<string, ZipEntry>;
  has(name: string): boolean;
  /** Inflates one entry (sizes verified); undefined when the archive has no such entry. */
  readBytes(name: string): Uint8Array | undefined;
  /** Inflates and decodes one entry, capped at `limits.maxPartChars`. */
  readText(name: string): string | undefined;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_COMMENT = 0xffff;
const SENTINEL32 = 0xffffffff;
const UTF8 = new TextDecoder("utf-8");
const LATIN1 = new TextDecoder("latin1");

export function openArchive(bytes: Uint8Array, context: ReadContext): Archive {
  const entries = readCentralDirectory(bytes, context);
  const text = (name: string): string | undefined => {
    const data = readEntry(bytes, entries.get(name), context);
    if (data === undefined) return undefined;
    const decoded = decodeXmlBytes(data);
    if (decoded.length > context.limits.maxPartChars) throw partTooLarge(context, name, context.limits.maxPartChars);
    return decoded;
  };
  return {
    entries,
    has: (name) => entries.has(name),
    readBytes: (name) => readEntry(bytes, entries.get(name), context),
    readText: text,
  };
}

// ---- Central directory ----

function readCentralDirectory(bytes: Uint8Array, context: ReadContext): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw corrupt(context, "la fin de l’archive est introuvable");
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const zip64 = readZip64End(view, eocd);
  if (zip64) ({ count, offset } = zip64);
  const { maxZipEntries, maxUncompressedBytes } = context.limits;
  // The count is checked before the loop, so that a forged header cannot make us walk billions of entries.
  if (count > maxZipEntries) throw tooManyEntries(context, count, maxZipEntries);
  const entries = new Map<string, ZipEntry>();
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) {
      throw corrupt(context, "la table des matières de l’archive est illisible");
    }
    const entry = readCentralEntry(bytes, view, offset);
    offset = entry.next;
    total += entry.entry.size;
    if (total > maxUncompressedBytes) throw bomb(context, total, maxUncompressedBytes);
    entries.set(entry.entry.name, entry.entry);
  }
  return entries;
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

function readZip64End(view: DataView, eocd: number): { count: number; offset: number } | undefined {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE) return undefined;
  const at = Number(view.getBigUint64(locator + 8, true));
  if (at + 56 > view.byteLength || view.getUint32(at, true) !== ZIP64_EOCD_SIGNATURE) return undefined;
  // Numbers above 2^53 are not exact, but they are far above any limit, which is all that matters.
  return { count: Number(view.getBigUint64(at + 32, true)), offset: Number(view.getBigUint64(at + 48, true)) };
}

function readCentralEntry(bytes: Uint8Array, view: DataView, at: number): { entry: ZipEntry; next: number } {
  const flags = view.getUint16(at + 8, true);
  const nameLength = view.getUint16(at + 28, true);
  const extraLength = view.getUint16(at + 30, true);
  const commentLength = view.getUint16(at + 32, true);
  const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
  // Bit 11: UTF-8 names; older tools wrote code page 437, close enough to Latin-1 for part names.
  const name = (flags & 0x800 ? UTF8 : LATIN1).decode(nameBytes);
  const entry: ZipEntry = {
    name,
    method: view.getUint16(at + 10, true),
    compressedSize: view.getUint32(at + 20, true),
    size: view.getUint32(at + 24, true),
    localHeaderOffset: view.getUint32(at + 42, true),
    encrypted: (flags & 1) === 1,
  };
  applyZip64Extra(view, at + 46 + nameLength, extraLength, entry);
  return { entry, next: at + 46 + nameLength + extraLength + commentLength };
}

/** ZIP64 stores the real values, in this order, for the 32-bit fields set to 0xFFFFFFFF. */
function applyZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  const end = Math.min(start + length, view.byteLength);
  for (let at = start; at + 4 <= end; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > end) return Number.MAX_SAFE_INTEGER;
        const value = Number(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (entry.size === SENTINEL32) entry.size = next();
      if (entry.compressedSize === SENTINEL32) entry.compressedSize = next();
      if (entry.localHeaderOffset === SENTINEL32) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + size;
  }
}

// ---- Entries ----

function readEntry(bytes: Uint8Array, entry: ZipEntry | undefined, context: ReadContext): Uint8Array | undefined {
  if (entry === undefined) return undefined;
  if (entry.encrypted) {
    throw inputError(
      IngestErrorCode.encrypted,
      context.path,
      `Le document ${context.path} est chiffré (élément ${quote(entry.name)}).`,
      "Ouvrez-le dans Word ou LibreOffice, retirez le mot de passe et enregistrez une copie.",
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
    throw corrupt(context, `l’élément ${quote(entry.name)} est introuvable dans l’archive`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) throw corrupt(context, `l’élément ${quote(entry.name)} est coupé`);
  const raw = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (raw.byteLength !== entry.size) throw corrupt(context, `la taille de l’élément ${quote(entry.name)} est incohérente`);
    return raw;
  }
  if (entry.method !== 8) {
    throw corrupt(context, `l’élément ${quote(entry.name)} utilise une compression inconnue (méthode ${entry.method})`);
  }
  return inflateBounded(raw, entry.size, context, entry.name);
}

/** Input step: at most about 16 MB of output per step, whatever the compression ratio. */
const INFLATE_STEP = 16 * 1024;

class SizeExceeded extends Error {}

function inflateBounded(raw: Uint8Array, size: number, context: ReadContext, name: string): Uint8Array {
  const out = new Uint8Array(size);
  let length = 0;
  const inflater = new Inflate((chunk) => {
    if (length + chunk.byteLength > size) throw new SizeExceeded();
    out.set(chunk, length);
    length += chunk.byteLength;
  });
  try {
    if (raw.byteLength === 0) inflater.push(raw, true);
    for (let at = 0; at < raw.byteLength; at += INFLATE_STEP) {
      const end = Math.min(at + INFLATE_STEP, raw.byteLength);
      inflater.push(raw.subarray(at, end), end === raw.byteLength);
    }
  } catch (error) {
    if (error instanceof SizeExceeded) throw sizeLie(context, name);
    throw corrupt(context, `l’élément ${quote(name)} ne peut pas être décompressé`, error);
  }
  return length === size ? out : out.subarray(0, length);
}

/** XML parts are UTF-8 in practice; UTF-16 is allowed by XML and announced by a byte order mark. */
export function decodeXmlBytes(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder("utf-16le").decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder("utf-16be").decode(data);
  return UTF8.decode(data);
}

// ---- Errors (French, naming the file) ----

const REOPEN_HINT = "Ouvrez-le dans Word ou LibreOffice et enregistrez-le de nouveau.";

export function corrupt(context: ReadContext, detail: string, cause?: unknown) {
  return inputError(
    IngestErrorCode.corrupt,
    context.path,
    `Le fichier ${context.path} est endommagé ou incomplet\u00a0: ${detail}.`,
    REOPEN_HINT,
    cause,
  );
}

export function quote(name: string): string {
  return `«\u00a0${name}\u00a0»`;
}

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1).replace(".", ",")}\u00a0Mo`;
}

function bomb(context: ReadContext, total: number, max: number) {
  return inputError(
    IngestErrorCode.zipBomb,
    context.path,
    `Le fichier ${context.path} est refusé\u00a0: une fois décompressé, il occuperait plus de ${megabytes(total)} (limite\u00a0: ${megabytes(max)}). ` +
      "C’est le signe d’un fichier piégé («\u00a0bombe de décompression\u00a0») ou anormalement gros.",
    "Si le document est authentique, découpez-le en plusieurs fichiers.",
  );
}

function tooManyEntries(context: ReadContext, count: number, max: number) {
  return inputError(
    IngestErrorCode.zipBomb,
    context.path,
    `Le fichier ${context.path} est refusé\u00a0: son archive contient ${count} éléments (limite\u00a0: ${max}). ` +
      "Un document Word ou LibreOffice normal en contient bien moins.",
    REOPEN_HINT,
  );
}

function sizeLie(context: ReadContext, name: string) {
  return inputError(
    IngestErrorCode.zipBomb,
    context.path,
    `Le fichier ${context.path} est refusé\u00a0: l’élément ${quote(name)} est plus gros, une fois décompressé, que ce qu’annonce l’archive. ` +
      "C’est le signe d’un fichier piégé.",
    REOPEN_HINT,
  );
}

function partTooLarge(context: ReadContext, name: string, max: number) {
  return inputError(
    IngestErrorCode.tooLarge,
    context.path,
    `Le fichier ${context.path} est trop volumineux\u00a0: sa partie ${quote(name)} dépasse ${max} caractères.`,
    "Découpez le document en plusieurs fichiers.",
  );
}
