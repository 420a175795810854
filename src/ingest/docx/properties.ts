import { attr, child, type Element } from "../xml.js";

/**
 * Raw WordprocessingML run and paragraph properties, as one level of the style hierarchy states
 * them. Undefined means « not said here »: the value comes from the level below.
 */

export interface RunProps {
  bold?: boolean;
  italic?: boolean;
  caps?: boolean;
  underline?: boolean;
  /** A font name, or a theme slot such as "minorHAnsi". */
  font?: { name: string; theme: boolean };
  /** In half-points, as w:sz states it. */
  sizeHalfPoints?: number;
}

export interface ParaProps {
  jc?: string;
  line?: number;
  lineRule?: string;
  /** 0-based, as w:outlineLvl states it (9 means body text). */
  outlineLevel?: number;
}

/** Toggle properties: inside the style hierarchy, each style type flips them rather than sets them. */
export const TOGGLES = ["bold", "italic", "caps"] as const;
export type Toggle = (typeof TOGGLES)[number];

const FALSE_VALUES = new Set(["0", "false", "off", "none"]);

function onOff(element: Element | undefined, ns: string): boolean | undefined {
  if (!element) return undefined;
  const value = attr(element, ns, "val");
  return value === undefined || !FALSE_VALUES.has(value.toLowerCase());
}

function integer(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
}

export function readRunProps(rPr: Element | undefined, ns: string): RunProps {
  const props: RunProps = {};
  if (!rPr) return props;
  const bold = onOff(child(rPr, ns, "b"), ns);
  if (bold !== undefined) props.bold = bold;
  const italic = onOff(child(rPr, ns, "i"), ns);
  if (italic !== undefined) props.italic = italic;
  const caps = onOff(child(rPr, ns, "caps"), ns);
  if (caps !== undefined) props.caps = caps;
  const u = child(rPr, ns, "u");
  if (u) props.underline = (attr(u, ns, "val") ?? "single").toLowerCase() !== "none";
  const font = readFont(child(rPr, ns, "rFonts"), ns);
  if (font) props.font = font;
  const size = integer(attr(child(rPr, ns, "sz"), ns, "val"));
  if (size !== undefined && size > 0) props.sizeHalfPoints = size;
  return props;
}

/** Latin text uses the ascii slot (hAnsi for accented letters; Word keeps both equal). */
function readFont(rFonts: Element | undefined, ns: string): RunProps["font"] {
  if (!rFonts) return undefined;
  for (const slot of ["ascii", "hAnsi"]) {
    const theme = attr(rFonts, ns, `${slot}Theme`);
    if (theme) return { name: theme, theme: true };
    const name = attr(rFonts, ns, slot);
    if (name) return { name, theme: false };
  }
  return undefined;
}

const TWIPS_PER_UNIT: Record<string, number> = { pt: 20, pc: 240, pi: 240, in: 1440, cm: 1440 / 2.54, mm: 1440 / 25.4 };
const MEASURE = /^(-?\d+(?:\.\d+)?)(pt|pc|pi|in|cm|mm)?$/;

/** A length in twentieths of a point; Strict OOXML writes units (« 12.95pt »), transitional does not. */
function twips(value: string | undefined): number | undefined {
  const match = value === undefined ? null : MEASURE.exec(value.trim());
  if (!match) return undefined;
  const n = Number.parseFloat(match[1]!);
  return match[2] ? n * TWIPS_PER_UNIT[match[2]]! : n;
}

export function readParaProps(pPr: Element | undefined, ns: string): ParaProps {
  const props: ParaProps = {};
  if (!pPr) return props;
  const jc = attr(child(pPr, ns, "jc"), ns, "val");
  if (jc) props.jc = jc;
  const spacing = child(pPr, ns, "spacing");
  const line = twips(attr(spacing, ns, "line"));
  if (line !== undefined && line > 0) props.line = line;
  // Without w:lineRule, a w:line value is a multiple (rule « auto »).
  const lineRule = attr(spacing, ns, "lineRule") ?? (line !== undefined ? "auto" : undefined);
  if (lineRule) props.lineRule = lineRule;
  const outline = integer(attr(child(pPr, ns, "outlineLvl"), ns, "val"));
  if (outline !== undefined) props.outlineLevel = outline;
  return props;
}

/** `over` wins wherever it says something. */
export function mergeProps<T extends object>(base: T, over: T): T {
  const out = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}
