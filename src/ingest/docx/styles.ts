import type { Alignment, BlockLayout, RunStyle } from "../../model/types.js";
import { lineSpacingFromPoints, roundSpacing } from "../runs.js";
import { attr, child, elements, path, plainAttr, type XmlDocument } from "../xml.js";
import { TOGGLES, mergeProps, readParaProps, readRunProps, type ParaProps, type RunProps, type Toggle } from "./properties.js";

/**
 * Effective formatting after Word's style inheritance: docDefaults → table style → paragraph
 * style chain (w:basedOn) → paragraph properties, and for runs → character style chain → run
 * properties. Bold, italic and caps are toggle properties: each style type (table, paragraph,
 * character) flips them; direct formatting sets them. Conditional table formatting (first row,
 * banded rows) and numbering-level properties are not applied.
 */

const DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const MAX_CHAIN = 20;
/** Word's size when nothing in the hierarchy states one (ECMA-376, w:sz). */
const DEFAULT_SIZE_PT = 10;
/** The font Word and LibreOffice render when no level of the hierarchy names one. */
const DEFAULT_FONT = "Times New Roman";

interface StyleDef {
  type: string;
  name: string | undefined;
  basedOn: string | undefined;
  run: RunProps;
  para: ParaProps;
}

type Toggles = Partial<Record<Toggle, boolean>>;

/** What a paragraph's style (and enclosing table's style) give it, before direct formatting. */
export interface ParagraphContext {
  key: string;
  styleName: string | undefined;
  para: ParaProps;
  run: RunProps;
  /** Toggle values from each style type that states them (table chain, paragraph chain). */
  toggleLevels: Toggles[];
}

export interface ParagraphFacts extends BlockLayout {
  /** 0-based outline level of the effective paragraph properties, when it makes a heading. */
  outlineLevel?: number;
}

export class StyleSheet {
  private readonly styles = new Map<string, StyleDef>();
  private readonly defaultRun: RunProps;
  private readonly defaultPara: ParaProps;
  private readonly defaultParagraphStyle: string | undefined;
  private readonly defaultTableStyle: string | undefined;
  private readonly themeFonts: { major?: string; minor?: string };
  private readonly contexts = new Map<string, ParagraphContext>();
  private readonly runCache = new Map<string, { props: RunProps; toggles: Toggles[] }>();

  constructor(stylesXml: XmlDocument | undefined, themeXml: XmlDocument | undefined, private readonly ns: string) {
    const root = stylesXml?.documentElement ?? undefined;
    const defaults = child(root, ns, "docDefaults");
    this.defaultRun = readRunProps(path(defaults, ns, "rPrDefault", "rPr"), ns);
    this.defaultPara = readParaProps(path(defaults, ns, "pPrDefault", "pPr"), ns);
    let defaultParagraph: string | undefined;
    let defaultTable: string | undefined;
    for (const style of root ? elements(root) : []) {
      if (style.localName !== "style" || style.namespaceURI !== ns) continue;
      const id = attr(style, ns, "styleId");
      if (id === undefined) continue;
      const type = attr(style, ns, "type") ?? "paragraph";
      this.styles.set(id, {
        type,
        name: attr(child(style, ns, "name"), ns, "val"),
        basedOn: attr(child(style, ns, "basedOn"), ns, "val"),
        run: readRunProps(child(style, ns, "rPr"), ns),
        para: readParaProps(child(style, ns, "pPr"), ns),
      });
      const isDefault = ["1", "true", "on"].includes(attr(style, ns, "default") ?? "");
      if (isDefault && type === "paragraph") defaultParagraph ??= id;
      if (isDefault && type === "table") defaultTable ??= id;
    }
    // LibreOffice writes « Normal » without w:default; Word treats it as the default all the same.
    this.defaultParagraphStyle = defaultParagraph ?? (this.styles.get("Normal")?.type === "paragraph" ? "Normal" : undefined);
    this.defaultTableStyle = defaultTable;
    this.themeFonts = readThemeFonts(themeXml);
  }

  /** `tableStyleId` is "" inside a table without its own style (the default table style applies). */
  paragraphContext(styleId: string | undefined, tableStyleId: string | undefined): ParagraphContext {
    const key = `${styleId ?? ""}\u0000${tableStyleId ?? "\u0001"}`;
    const cached = this.contexts.get(key);
    if (cached) return cached;
    const paragraphStyle = this.styleOfType(styleId, "paragraph") ?? this.defaultParagraphStyle;
    const tableStyle = tableStyleId === undefined ? undefined : (this.styleOfType(tableStyleId, "table") ?? this.defaultTableStyle);
    const table = this.chain(tableStyle);
    const paragraph = this.chain(paragraphStyle);
    const levels = [...table, ...paragraph];
    const context: ParagraphContext = {
      key,
      styleName: paragraphStyle === undefined ? undefined : (this.styles.get(paragraphStyle)?.name ?? paragraphStyle),
      para: levels.reduce((acc, style) => mergeProps(acc, style.para), this.defaultPara),
      run: levels.reduce((acc, style) => mergeProps(acc, style.run), this.defaultRun),
      toggleLevels: [chainToggles(table), chainToggles(paragraph)],
    };
    this.contexts.set(key, context);
    return context;
  }

  /** Effective run formatting for a run with this character style and direct properties. */
  runStyle(context: ParagraphContext, charStyleId: string | undefined, direct: RunProps): RunStyle {
    const cacheKey = `${context.key}\u0000${charStyleId ?? ""}`;
    let base = this.runCache.get(cacheKey);
    if (!base) {
      const chain = this.chain(this.styleOfType(charStyleId, "character"));
      const props = chain.reduce((acc, style) => mergeProps(acc, style.run), context.run);
      base = { props, toggles: [...context.toggleLevels, chainToggles(chain)] };
      this.runCache.set(cacheKey, base);
    }
    const props = mergeProps(base.props, direct);
    for (const toggle of TOGGLES) props[toggle] = direct[toggle] ?? this.toggled(toggle, base.toggles);
    return this.toRunStyle(props);
  }

  /** Paragraph layout after inheritance, with `direct` the paragraph's own w:pPr. */
  paragraphFacts(context: ParagraphContext, direct: ParaProps): ParagraphFacts {
    const para = mergeProps(context.para, direct);
    const facts: ParagraphFacts = this.layoutOf(para, context.run);
    if (context.styleName !== undefined) facts.styleName = context.styleName;
    if (para.outlineLevel !== undefined && para.outlineLevel >= 0 && para.outlineLevel <= 5) facts.outlineLevel = para.outlineLevel;
    return facts;
  }

  /** docDefaults and the default paragraph style (« Normal »). */
  defaults(): RunStyle & BlockLayout {
    const context = this.paragraphContext(undefined, undefined);
    const run = this.runStyle(context, undefined, {});
    const layout = this.layoutOf(context.para, context.run);
    return { ...run, ...layout, ...(context.styleName !== undefined ? { styleName: context.styleName } : {}) };
  }

  private layoutOf(para: ParaProps, run: RunProps): BlockLayout {
    const layout: BlockLayout = { alignment: alignmentOf(para.jc) };
    const sizePt = (run.sizeHalfPoints ?? DEFAULT_SIZE_PT * 2) / 2;
    if (para.line === undefined) layout.lineSpacing = 1;
    else if (para.lineRule === "exact" || para.lineRule === "atLeast") {
      layout.lineSpacing = lineSpacingFromPoints(para.line / 20, sizePt, para.lineRule === "atLeast");
    } else layout.lineSpacing = roundSpacing(para.line / 240);
    return layout;
  }

  private toggled(toggle: Toggle, levels: Toggles[]): boolean {
    let stated = false;
    let value = false;
    for (const level of levels) {
      const v = level[toggle];
      if (v === undefined) continue;
      stated = true;
      value = value !== v;
    }
    return stated ? value : (this.defaultRun[toggle] ?? false);
  }

  private toRunStyle(props: RunProps): RunStyle {
    const style: RunStyle = {};
    if (props.bold) style.bold = true;
    if (props.italic) style.italic = true;
    if (props.underline) style.underline = true;
    if (props.caps) style.allCaps = true;
    const family = props.font?.theme ? this.themeFont(props.font.name) : props.font?.name;
    style.fontFamily = family || DEFAULT_FONT;
    style.fontSizePt = (props.sizeHalfPoints ?? DEFAULT_SIZE_PT * 2) / 2;
    return style;
  }

  private themeFont(slot: string): string | undefined {
    return slot.startsWith("major") ? this.themeFonts.major : this.themeFonts.minor;
  }

  private styleOfType(id: string | undefined, type: string): string | undefined {
    if (id === undefined) return undefined;
    return this.styles.get(id)?.type === type ? id : undefined;
  }

  /** The basedOn chain from its root to `id`; cycles and absurd depths are cut. */
  private chain(id: string | undefined): StyleDef[] {
    const chain: StyleDef[] = [];
    const seen = new Set<string>();
    for (let current = id; current !== undefined && !seen.has(current) && chain.length < MAX_CHAIN; ) {
      seen.add(current);
      const style = this.styles.get(current);
      if (!style) break;
      chain.unshift(style);
      current = style.basedOn;
    }
    return chain;
  }
}

/** Within one chain the nearest style that states a toggle wins. */
function chainToggles(chain: StyleDef[]): Toggles {
  const toggles: Toggles = {};
  for (const style of chain) {
    for (const toggle of TOGGLES) {
      const value = style.run[toggle];
      if (value !== undefined) toggles[toggle] = value;
    }
  }
  return toggles;
}

function alignmentOf(jc: string | undefined): Alignment {
  switch (jc) {
    case "right":
    case "end":
      return "right";
    case "center":
      return "center";
    case "both":
    case "distribute":
    case "lowKashida":
    case "mediumKashida":
    case "highKashida":
    case "thaiDistribute":
      return "justify";
    default:
      return "left";
  }
}

function readThemeFonts(theme: XmlDocument | undefined): { major?: string; minor?: string } {
  const scheme = path(theme?.documentElement ?? undefined, DRAWING_NS, "themeElements", "fontScheme");
  const latin = (which: string) => plainAttr(path(scheme, DRAWING_NS, which, "latin"), "typeface") || undefined;
  const fonts: { major?: string; minor?: string } = {};
  const major = latin("majorFont");
  const minor = latin("minorFont");
  if (major) fonts.major = major;
  if (minor) fonts.minor = minor;
  return fonts;
}
