import { createRequire } from "node:module";
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { corruptPdf, encryptedPdf } from "./errors.js";

type Pdfjs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let loading: Promise<Pdfjs> | undefined;

/**
 * pdfjs is loaded on first use only: it costs about 60 ms, which commands that never see a PDF
 * should not pay.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    polyfillWithoutCanvas();
    absorbWorkerRejections();
    return import("pdfjs-dist/legacy/build/pdf.mjs");
  })();
  return loading;
}

/**
 * pdfjs builds a DOMMatrix when its module loads and takes it from the optional @napi-rs/canvas
 * binary. Where that binary is missing (another platform, --omit=optional) the import would throw;
 * text extraction never draws, so inert stand-ins are enough. ESM caches a failed import, hence
 * checking before importing rather than retrying after.
 */
function polyfillWithoutCanvas(): void {
  const scope = globalThis as Record<string, unknown>;
  if (scope.DOMMatrix) return;
  try {
    createRequire(import.meta.url)("@napi-rs/canvas");
    return;
  } catch {
    // fall through: no canvas binary
  }
  for (const name of ["DOMMatrix", "ImageData", "Path2D"]) {
    scope[name] ??= class {};
  }
}

const absorbed = new WeakSet<object>();

/** Whether this unhandled rejection came from pdfjs's worker and was absorbed (see below). */
export function isAbsorbedPdfjsRejection(reason: unknown): boolean {
  return typeof reason === "object" && reason !== null && absorbed.has(reason);
}

const WORKER_FRAME = /pdfjs-dist[\\/].*pdf\.worker\.mjs/;

/**
 * Under Node, pdfjs runs its worker in this process. On some broken files its page-tree walk
 * prefetches objects (Catalog.getPageDict → XRef.fetchAsync) and drops those promises when the
 * walk fails first: they reject with nobody listening, and Node ends the process on an unhandled
 * rejection, after the reader has already reported a clean error. Those rejections, and only
 * those, are absorbed. Any other keeps Node's default: it is rethrown as an uncaught exception
 * when no one else listens (the presence of a listener disables the default).
 */
function absorbWorkerRejections(): void {
  process.prependListener("unhandledRejection", (reason) => {
    if (reason instanceof Error && WORKER_FRAME.test(reason.stack ?? "")) {
      absorbed.add(reason);
      return;
    }
    if (process.listenerCount("unhandledRejection") === 1) throw reason;
  });
}

export interface OpenedPdf {
  document: PDFDocumentProxy;
  task: PDFDocumentLoadingTask;
}

/** Opens the PDF, turning a password or a broken file into the user-facing error. */
export async function openPdf(pdfjs: Pdfjs, bytes: Uint8Array, path: string): Promise<OpenedPdf> {
  const task = pdfjs.getDocument({
    // A plain Uint8Array copy: pdfjs refuses Node Buffers (what readFile gives), and it transfers
    // (detaches) the buffer it is given, while the caller still needs its bytes.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    verbosity: 0,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  try {
    return { document: await task.promise, task };
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw isPasswordError(error) ? encryptedPdf(path, error) : corruptPdf(path, error);
  }
}

function isPasswordError(error: unknown): boolean {
  return error instanceof Error && error.name === "PasswordException";
}
