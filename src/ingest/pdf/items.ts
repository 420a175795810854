import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextPiece } from "./types.js";

type ContentItem = Awaited<ReturnType<PDFPageProxy["getTextContent"]>>["items"][number];
type TextItem = Extract<ContentItem, { str: string }>;

interface FontInfo {
  bold: boolean;
  italic: boolean;
  family: string | undefined;
}

/** What pdfjs exposes of a loaded font in `commonObjs` (not in its public types). */
interface LoadedFont {
  name?: string;
  bold?: boolean;
  italic?: boolean;
  black?: boolean;
}

const BOLD_NAME = /bold|black|heavy|semibold|demibold|extrabold|ultrabold|[-,]bd\b|[-,]sb\b/i;
const ITALIC_NAME = /italic|oblique|[-,]it\b/i;
const SUBSET_PREFIX = /^[A-Z]{6}\+/;
const STYLE_SUFFIX = /[-,].*$|(?:PS)?MT$|PS$/;

/**
 * Font styles per pdfjs font id, shared by all pages of a document. Fonts only reach `commonObjs`
 * once a page's operator list has been built, which parses the whole page again (and decodes its
 * images), so that is done only for pages that use a font not seen before.
 */
export class FontBook {
  private readonly fonts = new Map<string, FontInfo>();

  async resolve(page: PDFPageProxy, names: Iterable<string>): Promise<void> {
    const missing = [...names].filter((name) => !this.fonts.has(name));
    if (missing.length === 0) return;
    if (missing.some((name) => !page.commonObjs.has(name))) await page.getOperatorList();
    for (const name of missing) this.fonts.set(name, this.describe(page, name));
  }

  get(name: string): FontInfo {
    return this.fonts.get(name) ?? { bold: false, italic: false, family: undefined };
  }

  private describe(page: PDFPageProxy, name: string): FontInfo {
    if (!page.commonObjs.has(name)) return { bold: false, italic: false, family: undefined };
    const font = page.commonObjs.get(name) as LoadedFont | null;
    const fullName = (font?.name ?? "").replace(SUBSET_PREFIX, "");
    return {
      bold: Boolean(font?.bold || font?.black) || BOLD_NAME.test(fullName),
      italic: Boolean(font?.italic) || ITALIC_NAME.test(fullName),
      family: fullName ? fullName.replace(STYLE_SUFFIX, "") || fullName : undefined,
    };
  }
}

function isTextItem(item: ContentItem): item is TextItem {
  return "str" in item;
}

/** What a page's text layer gave: the text items, and the transform from PDF to display space. */
export interface PageText {
  items: TextItem[];
  view: number[];
}

/** Everything pdfjs must parse for one page (and may fail on, for a broken page). */
export async function readPageText(page: PDFPageProxy, fonts: FontBook): Promise<PageText> {
  const content = await page.getTextContent();
  const items = content.items.filter(isTextItem).filter((item) => item.str.length > 0);
  await fonts.resolve(page, new Set(items.filter((item) => item.str.trim() !== "").map((item) => item.fontName)));
  return { items, view: page.getViewport({ scale: 1 }).transform as number[] };
}

/**
 * The page's horizontal text as pieces in display space. Rotated and vertical text (watermarks,
 * margin labels) is left out: it is not part of the reading flow.
 */
export function toPieces(text: PageText, fonts: FontBook): TextPiece[] {
  const pieces: TextPiece[] = [];
  for (const item of text.items) {
    const piece = toPiece(item, text.view, fonts);
    if (piece) pieces.push(piece);
  }
  return pieces;
}

function toPiece(item: TextItem, view: number[], fonts: FontBook): TextPiece | undefined {
  const [a, b, c, d, e, f] = multiply(view, item.transform as number[]);
  const size = Math.hypot(c, d);
  // Upright left-to-right text only: its x axis points right in display space.
  if (!(a > 0) || Math.abs(b) > 0.05 * a || size < 1) return undefined;
  const font = fonts.get(item.fontName);
  return {
    text: item.str,
    x: e,
    y: f,
    right: e + item.width,
    size,
    bold: font.bold,
    italic: font.italic,
    font: font.family,
  };
}

function multiply(m: number[], n: number[]): [number, number, number, number, number, number] {
  const [m0 = 1, m1 = 0, m2 = 0, m3 = 1, m4 = 0, m5 = 0] = m;
  const [n0 = 1, n1 = 0, n2 = 0, n3 = 1, n4 = 0, n5 = 0] = n;
  return [
    m0 * n0 + m2 * n1,
    m1 * n0 + m3 * n1,
    m0 * n2 + m2 * n3,
    m1 * n2 + m3 * n3,
    m0 * n4 + m2 * n5 + m4,
    m1 * n4 + m3 * n5 + m5,
  ];
}
