import type { Alignment, BlockLayout, RunStyle } from "../../model/types.js";
import { lineSpacingFromPoints, roundSpacing } from "../runs.js";
import { attr, child, elements, type Element, type XmlDocument } from "../xml.js";
import { NS } from "./namespaces.js";
import { parseLength } from "./units.js";

/**
 * OpenDocument styles, effective after inheritance: default style of the family →
 * style:parent-style-name chain → the style itself; runs add the text styles of their spans.
 * Automatic styles (content.xml) and common styles (styles.xml) share one name space per family,
 * automatic ones first. ODF has no toggle properties: the nearest value wins.
 */

interface TextProps {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  caps?: boolean;
  fontFamily?: string;
  /** Absolute size in points, or a percentage of the inherited size. */
  size?: { pt: number } | { percent: number };
}

type LineHeight = { multiple: number } | { pt: number; atLeast: boolean };

interface ParaProps {
  alignment?: Alignment;
  lineHeight?: LineHeight;
}

interface StyleDef {
  name: string;
  family: string;
  parent: string | undefined;
  displayName: string;
  automatic: boolean;
  text: TextProps;
  para: ParaProps;
  listStyle: string | undefined;
  /** style:default-outline-level: the style is a heading style. */
  outlineLevel: number | undefined;
}

/** Resolved text properties: sizes made absolute. */
export interface TextFacts extends Omit<TextProps, "size"> {
  sizePt?: number;
}

export interface ParagraphStyleFacts {
  key: string;
  text: TextFacts;
  layout: BlockLayout;
  /** The list style a paragraph style attaches (style:list-style-name), for lists that name none. */
  listStyle: string | undefined;
  /**
   * Set when a text:p in this style is a heading all the same: LibreOffice writes the document
   * title as a paragraph in the « Title » style (level 1), « Subtitle » is level 2, and a style
   * with an outline level makes a heading of that level.
   */
  headingLevel: number | undefined;
}

export type ListLevelKind = "number" | "bullet" | "image";

export class OdfStyles {
  private readonly styles = new Map<string, StyleDef>();
  private readonly defaults = new Map<string, StyleDef>();
  private readonly lists = new Map<string, Map<number, ListLevelKind>>();
  private readonly fonts = new Map<string, string>();
  private readonly paragraphCache = new Map<string, ParagraphStyleFacts>();
  private readonly runCache = new Map<string, RunStyle>();

  constructor(content: XmlDocument, styles: XmlDocument | undefined) {
    // Common styles first, so that automatic styles of the same name replace them.
    for (const [document, automatic] of [[styles, false], [content, true]] as const) {
      const root = document?.documentElement ?? undefined;
      this.readFontFaces(child(root, NS.office, "font-face-decls"));
      this.readStyles(child(root, NS.office, "styles"), automatic);
      this.readStyles(child(root, NS.office, "automatic-styles"), automatic);
    }
  }

  paragraph(name: string | undefined): ParagraphStyleFacts {
    const key = name ?? "";
    const cached = this.paragraphCache.get(key);
    if (cached) return cached;
    const chain = this.chain("paragraph", name);
    const text = resolveText(chain.map((style) => style.text));
    const para = chain.reduce<ParaProps>((acc, style) => ({ ...acc, ...defined(style.para) }), {});
    const layout: BlockLayout = { alignment: para.alignment ?? "left", lineSpacing: lineSpacingOf(para.lineHeight, text.sizePt) };
    const named = [...chain].reverse().find((style) => !style.automatic && style.family === "paragraph");
    if (named) layout.styleName = named.displayName;
    const listStyle = [...chain].reverse().find((style) => style.listStyle !== undefined)?.listStyle;
    const facts: ParagraphStyleFacts = { key, text, layout, listStyle, headingLevel: headingLevelOf(chain) };
    this.paragraphCache.set(key, facts);
    return facts;
  }

  /** Effective run formatting inside a paragraph style, under nested spans (outermost first). */
  run(paragraph: ParagraphStyleFacts, spans: readonly string[]): RunStyle {
    const key = `${paragraph.key}\u0000${spans.join("\u0000")}`;
    const cached = this.runCache.get(key);
    if (cached) return cached;
    const levels: TextProps[] = [factsToProps(paragraph.text)];
    for (const span of spans) levels.push(...this.chain("text", span, false).map((style) => style.text));
    const style = toRunStyle(resolveText(levels));
    this.runCache.set(key, style);
    return style;
  }

  /** Numbered or bullet, for one level (0-based) of a list style. */
  listKind(name: string | undefined, depth: number): ListLevelKind | undefined {
    if (name === undefined) return undefined;
    const levels = this.lists.get(name);
    return levels?.get(depth + 1) ?? levels?.get(Math.max(...levels.keys()));
  }

  /** The default paragraph style and « Standard », as the document's defaults. */
  documentDefaults(): RunStyle & BlockLayout {
    const standard = this.styles.has("paragraph\u0000Standard") ? "Standard" : undefined;
    const facts = this.paragraph(standard);
    return { ...toRunStyle(facts.text), ...facts.layout };
  }

  /** From the family's default style down to `name`; `withDefault` false leaves the default out. */
  private chain(family: string, name: string | undefined, withDefault = true): StyleDef[] {
    const chain: StyleDef[] = [];
    const seen = new Set<string>();
    for (let current = name; current !== undefined && !seen.has(current) && chain.length < 20; ) {
      seen.add(current);
      const style = this.styles.get(`${family}\u0000${current}`);
      if (!style) break;
      chain.unshift(style);
      current = style.parent;
    }
    const fallback = this.defaults.get(family);
    if (withDefault && fallback) chain.unshift(fallback);
    return chain;
  }

  private readFontFaces(decls: Element | undefined): void {
    for (const face of decls ? elements(decls) : []) {
      const name = attr(face, NS.style, "name");
      const family = attr(face, NS.svg, "font-family");
      if (name && family) this.fonts.set(name, unquote(family));
    }
  }

  private readStyles(container: Element | undefined, automatic: boolean): void {
    for (const element of container ? elements(container) : []) {
      if (element.namespaceURI === NS.text && element.localName === "list-style") this.readListStyle(element);
      if (element.namespaceURI !== NS.style) continue;
      const isDefault = element.localName === "default-style";
      if (element.localName !== "style" && !isDefault) continue;
      const family = attr(element, NS.style, "family") ?? "";
      const name = attr(element, NS.style, "name") ?? "";
      const outline = Number.parseInt(attr(element, NS.style, "default-outline-level") ?? "", 10);
      const style: StyleDef = {
        name,
        family,
        parent: attr(element, NS.style, "parent-style-name"),
        displayName: attr(element, NS.style, "display-name") ?? name.replace(/_20_/g, " "),
        automatic,
        text: this.readTextProps(child(element, NS.style, "text-properties")),
        para: readParaProps(child(element, NS.style, "paragraph-properties")),
        listStyle: attr(element, NS.style, "list-style-name"),
        outlineLevel: outline >= 1 && outline <= 10 ? Math.min(outline, 6) : undefined,
      };
      if (isDefault) this.defaults.set(family, style);
      else this.styles.set(`${family}\u0000${name}`, style);
    }
  }

  private readListStyle(element: Element): void {
    const name = attr(element, NS.style, "name");
    if (name === undefined) return;
    const levels = new Map<number, ListLevelKind>();
    for (const level of elements(element)) {
      const kind = level.localName?.replace(/^list-level-style-/, "");
      const index = Number.parseInt(attr(level, NS.text, "level") ?? "", 10);
      if ((kind === "number" || kind === "bullet" || kind === "image") && Number.isFinite(index)) levels.set(index, kind);
    }
    this.lists.set(name, levels);
  }

  private readTextProps(props: Element | undefined): TextProps {
    const text: TextProps = {};
    if (!props) return text;
    const weight = attr(props, NS.fo, "font-weight");
    if (weight !== undefined) text.bold = weight === "bold" || Number.parseInt(weight, 10) >= 600;
    const fontStyle = attr(props, NS.fo, "font-style");
    if (fontStyle !== undefined) text.italic = fontStyle === "italic" || fontStyle === "oblique";
    const underline = attr(props, NS.style, "text-underline-style");
    if (underline !== undefined) text.underline = underline !== "none";
    if (attr(props, NS.style, "text-underline-type") === "none") text.underline = false;
    const transform = attr(props, NS.fo, "text-transform");
    if (transform !== undefined) text.caps = transform === "uppercase";
    const fontName = attr(props, NS.style, "font-name");
    const family = (fontName !== undefined ? (this.fonts.get(fontName) ?? fontName) : undefined) ?? attr(props, NS.fo, "font-family");
    if (family !== undefined) text.fontFamily = unquote(family);
    const size = attr(props, NS.fo, "font-size");
    if (size?.endsWith("%")) text.size = { percent: Number.parseFloat(size) };
    else if (size !== undefined) {
      const pt = parseLength(size);
      if (pt !== undefined && pt > 0) text.size = { pt };
    }
    return text;
  }
}

const TITLE_LEVELS: Record<string, number> = { Title: 1, Subtitle: 2 };
/** « Heading 1 » without an outline level: what LibreOffice writes for a DOCX heading style it imported. */
const HEADING_NAME = /^heading ([1-6])$/i;

function headingLevelOf(chain: StyleDef[]): number | undefined {
  for (let i = chain.length - 1; i >= 0; i--) {
    const style = chain[i]!;
    if (style.automatic) continue;
    const named = HEADING_NAME.exec(style.displayName);
    const level = TITLE_LEVELS[style.name] ?? style.outlineLevel ?? (named ? Number(named[1]) : undefined);
    if (level !== undefined) return level;
  }
  return undefined;
}

function readParaProps(props: Element | undefined): ParaProps {
  const para: ParaProps = {};
  if (!props) return para;
  const align = attr(props, NS.fo, "text-align");
  if (align !== undefined) para.alignment = alignmentOf(align);
  const lineHeight = attr(props, NS.fo, "line-height");
  const atLeast = attr(props, NS.style, "line-height-at-least");
  if (lineHeight === "normal") para.lineHeight = { multiple: 1 };
  else if (lineHeight?.endsWith("%")) para.lineHeight = { multiple: Number.parseFloat(lineHeight) / 100 };
  else if (lineHeight !== undefined) {
    const pt = parseLength(lineHeight);
    if (pt !== undefined) para.lineHeight = { pt, atLeast: false };
  } else if (atLeast !== undefined) {
    const pt = parseLength(atLeast);
    if (pt !== undefined) para.lineHeight = { pt, atLeast: true };
  }
  return para;
}

function alignmentOf(value: string): Alignment {
  if (value === "end" || value === "right") return "right";
  if (value === "center") return "center";
  if (value === "justify") return "justify";
  return "left";
}

function lineSpacingOf(lineHeight: LineHeight | undefined, sizePt: number | undefined): number {
  if (lineHeight === undefined) return 1;
  if ("multiple" in lineHeight) return roundSpacing(lineHeight.multiple);
  // LibreOffice's own default size, when no style states one.
  return lineSpacingFromPoints(lineHeight.pt, sizePt ?? 12, lineHeight.atLeast);
}

/** Applies levels in order; percentages scale the size inherited so far. */
function resolveText(levels: TextProps[]): TextFacts {
  const facts: TextFacts = {};
  for (const level of levels) {
    const { size, ...rest } = level;
    Object.assign(facts, defined(rest));
    if (size && "pt" in size) facts.sizePt = size.pt;
    else if (size && facts.sizePt !== undefined) facts.sizePt = Math.round(facts.sizePt * size.percent) / 100;
  }
  return facts;
}

function factsToProps(facts: TextFacts): TextProps {
  const { sizePt, ...rest } = facts;
  return sizePt === undefined ? rest : { ...rest, size: { pt: sizePt } };
}

function toRunStyle(facts: TextFacts): RunStyle {
  const style: RunStyle = {};
  if (facts.bold) style.bold = true;
  if (facts.italic) style.italic = true;
  if (facts.underline) style.underline = true;
  if (facts.caps) style.allCaps = true;
  if (facts.fontFamily) style.fontFamily = facts.fontFamily;
  if (facts.sizePt !== undefined) style.fontSizePt = facts.sizePt;
  return style;
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The first family of a CSS-like list: « 'Liberation Sans', Arial » → « Liberation Sans ». */
function unquote(family: string): string {
  const quoted = /^\s*(['"])(.*?)\1/.exec(family);
  return quoted ? quoted[2]! : (family.split(",")[0] ?? family).trim();
}
