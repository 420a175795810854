/**
 * Dynamic XFA forms (Adobe LiveCycle Designer) keep their content in an XML stream only Adobe's
 * readers lay out; the PDF pages themselves hold a « Please wait... » notice. Forms that also carry
 * real static pages (XFA with an AcroForm fallback) read fine and must not be refused.
 */
import { pageTexts, type TextPage } from "./unmapped.js";

/** What this check reads of the pdfjs document (structural, so tests can pass a stand-in). */
export interface XfaSource {
  getMetadata(): Promise<{ info: unknown }>;
  /** Only set when pdfjs was opened with `enableXfa`; the catalog flag below works without it. */
  readonly isPureXfa?: boolean;
}

/** Sentences of Adobe's placeholder page, in the languages LiveCycle shipped it in. */
const PLACEHOLDER_CUE =
  /please wait|not eventually replaced by the proper contents|later version of the pdf viewer|veuillez patienter|n[’']est pas remplacé par le contenu/i;
/** The placeholder's other lines: links to Adobe Reader and trademark notices. */
const PLACEHOLDER_LINE =
  /please wait|eventually replaced|proper contents|pdf viewer|may not be able to display|adobe|acrobat|reader_download|acrreader|readstep|trademark|registered|torvalds|microsoft corporation|apple inc|countries|veuillez patienter|remplacé par le contenu|lecteur pdf|marque (?:déposée|commerciale)/i;
/**
 * Letters outside the placeholder's lines below which the document is nothing but the placeholder.
 * A static fallback page holds thousands; a stamped page number or a form title, a few dozen.
 */
export const MAX_LETTERS_BESIDE_PLACEHOLDER = 200;

export async function hasXfa(document: XfaSource): Promise<boolean> {
  if (document.isPureXfa) return true;
  try {
    const { info } = await document.getMetadata();
    return (info as { IsXFAPresent?: unknown } | undefined)?.IsXFAPresent === true;
  } catch {
    return false;
  }
}

/**
 * Whether all the text the pages show is the XFA placeholder. The placeholder's wording alone is
 * enough (a file re-saved without its XFA stream still shows it); an XFA form with nearly no text
 * is one too, whatever language its placeholder is in.
 */
export function isXfaPlaceholder(pages: readonly TextPage[], xfa: boolean): boolean {
  let cue = false;
  let letters = 0;
  for (const page of pages) {
    for (const text of pageTexts(page)) {
      if (PLACEHOLDER_CUE.test(text)) cue = true;
      if (!PLACEHOLDER_LINE.test(text)) letters += text.match(/\p{L}/gu)?.length ?? 0;
    }
  }
  return (cue || xfa) && letters < MAX_LETTERS_BESIDE_PLACEHOLDER;
}
