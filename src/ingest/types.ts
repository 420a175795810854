import type { BlockInput, BlockLayout, DocumentWarning, RunStyle } from "../model/types.js";

/** Bounds that keep a hostile or broken file from taking unbounded time or memory. */
export interface IngestLimits {
  /** Largest input file accepted, in bytes. */
  maxBytes: number;
  /** Sum of the declared uncompressed sizes of a DOCX/ODT archive's entries. */
  maxUncompressedBytes: number;
  /** Number of entries in a DOCX/ODT archive. */
  maxZipEntries: number;
  /** Largest single XML part or HTML produced from it, in characters. */
  maxPartChars: number;
  /** Pages read from a PDF. */
  maxPages: number;
}

export const DEFAULT_LIMITS: IngestLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxZipEntries: 5_000,
  maxPartChars: 60 * 1024 * 1024,
  maxPages: 2_000,
};

export interface ReadContext {
  /** The path as the user gave it, for error messages. */
  path: string;
  limits: IngestLimits;
}

/** What a format reader returns; `buildDocument` turns it into the model. */
export interface ReadResult {
  blocks: BlockInput[];
  metadataTitle?: string;
  warnings?: DocumentWarning[];
  /** Document-wide defaults (docDefaults / default paragraph style), when the format has styles. */
  defaults?: RunStyle & BlockLayout;
}

export type FormatReader = (bytes: Uint8Array, context: ReadContext) => Promise<ReadResult>;

/**
 * Stable error codes for bad input (FalcError.code); tests and scripts rely on them.
 * Every one of them exits with code 2.
 */
export const IngestErrorCode = {
  notFound: "file-not-found",
  isDirectory: "is-directory",
  unreadable: "file-unreadable",
  unsupportedExtension: "unsupported-extension",
  formatMismatch: "format-mismatch",
  emptyFile: "empty-file",
  tooLarge: "file-too-large",
  corrupt: "corrupt-file",
  zipBomb: "zip-bomb",
  encrypted: "encrypted-document",
  legacyFormat: "legacy-format",
  scannedPdf: "pdf-no-text-layer",
  /** Fonts without a character mapping: the text layer is symbol soup, only OCR can read the PDF. */
  pdfUnmappedText: "pdf-unmapped-text",
  /** A dynamic XFA form: only Adobe's « Please wait... » placeholder is a PDF page. */
  pdfXfaForm: "pdf-xfa-form",
  noText: "no-text",
  /** Nesting or markup far beyond any real document, which would exhaust the stack or the CPU. */
  tooComplex: "too-complex",
} as const;
