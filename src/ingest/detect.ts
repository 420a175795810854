import type { SourceFormat } from "../model/types.js";

/** What the first bytes of a file say it is, whatever its name. */
export type ContentKind = "empty" | "pdf" | "zip" | "ole2" | "text" | "binary";

const EXTENSIONS: Record<string, SourceFormat> = {
  ".docx": "docx",
  ".pdf": "pdf",
  ".odt": "odt",
  ".md": "md",
  ".markdown": "md",
  ".txt": "txt",
  ".text": "txt",
};

export const SUPPORTED_EXTENSIONS = [".docx", ".pdf", ".odt", ".md", ".txt"];

export function formatFromPath(path: string): SourceFormat | undefined {
  const match = /\.[^./\\]+$/.exec(path.toLowerCase());
  return match ? EXTENSIONS[match[0]] : undefined;
}

export function extensionOf(path: string): string {
  return /\.[^./\\]+$/.exec(path)?.[0] ?? "";
}

export function sniffContent(bytes: Uint8Array): ContentKind {
  if (bytes.byteLength === 0) return "empty";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return "zip";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole2";
  // PDF readers accept junk before the header within the first kilobyte, and so do we.
  if (indexOfAscii(bytes, "%PDF-", 1024) >= 0) return "pdf";
  return looksLikeText(bytes) ? "text" : "binary";
}

/**
 * Word writes a password-protected .docx as an OLE2 compound file holding an "EncryptionInfo"
 * stream; a legacy .doc is OLE2 too, without it. The stream name is stored in UTF-16LE.
 */
export function isEncryptedOle2(bytes: Uint8Array): boolean {
  const name = "EncryptionInfo";
  const pattern = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) pattern[i * 2] = name.charCodeAt(i);
  return indexOfBytes(bytes, pattern, bytes.byteLength) >= 0;
}

function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true; // UTF-16 BOM
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return control <= sample.byteLength * 0.01;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function indexOfAscii(bytes: Uint8Array, text: string, within: number): number {
  return indexOfBytes(bytes, Uint8Array.from(text, (c) => c.charCodeAt(0)), within);
}

function indexOfBytes(bytes: Uint8Array, pattern: Uint8Array, within: number): number {
  const limit = Math.min(bytes.byteLength, within) - pattern.byteLength;
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < pattern.byteLength; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}
