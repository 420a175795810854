/**
 * Whether a PDF's text layer can be trusted, before it is laid out: an XFA form shows only Adobe's
 * placeholder, a font without character mapping gives symbol soup, a scan gives an image and no
 * text. The first two stop the read (exit 2) when they are all there is; otherwise the pages at
 * fault are left out or reported.
 */
import type { DocumentWarning } from "../../../model/types.js";
import { unmappedTextPdf, xfaFormPdf } from "./errors.js";
import { imageTextPages, type PageForImages } from "./images.js";
import { frenchWords } from "./lexicon.js";
import { judgePages, type TextPage } from "./unmapped.js";
import { imageTextWarning, unmappedPagesWarning } from "./warnings.js";
import { hasXfa, isXfaPlaceholder, type XfaSource } from "./xfa.js";

export type { TextPage } from "./unmapped.js";
export type { PageForImages, PlacedText } from "./images.js";

export interface TrustedText<P extends TextPage> {
  /** The pages whose text can be read, in the order given. */
  pages: P[];
  warnings: DocumentWarning[];
}

/**
 * Checks the text layer of the pages read. Throws `pdf-xfa-form` when the document only shows the
 * XFA placeholder and `pdf-unmapped-text` when most of its text is symbol soup; otherwise returns
 * the pages without the unreadable ones, and a warning naming them.
 */
export async function checkTextLayer<P extends TextPage>(document: XfaSource, pages: readonly P[], path: string): Promise<TrustedText<P>> {
  if (isXfaPlaceholder(pages, await hasXfa(document))) throw xfaFormPdf(path);
  const verdict = judgePages(pages, frenchWords());
  if (verdict.unreadable) throw unmappedTextPdf(path);
  if (verdict.pages.length === 0) return { pages: [...pages], warnings: [] };
  const left = new Set(verdict.pages);
  return { pages: pages.filter((page) => !left.has(page.page)), warnings: [unmappedPagesWarning(verdict.pages)] };
}

/** The warning for pages that look like images of text, or none. */
export function imageTextCheck(pages: readonly PageForImages[]): { pages: number[]; warnings: DocumentWarning[] } {
  const found = imageTextPages(pages);
  return { pages: found, warnings: found.length > 0 ? [imageTextWarning(found)] : [] };
}
