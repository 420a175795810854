import type { Run } from "../../model/types.js";
import type { ParamsOf } from "../params.js";
import { defineKind, type LayoutBlock, type Report } from "./types.js";

const RUN_PROPERTIES = ["fontFamily", "fontSizePt", "italic", "underline", "allCaps", "bold"] as const;
const BLOCK_PROPERTIES = ["alignment", "lineSpacing"] as const;
const PROPERTIES = [...RUN_PROPERTIES, ...BLOCK_PROPERTIES] as const;
type Property = (typeof PROPERTIES)[number];

const LINK = /^\s*(?:https?:\/\/|www\.|[\w.+-]+@)/i;

/**
 * `layout`: a character or paragraph property of formatted documents (DOCX, ODT). A run without an
 * explicit value takes the document default; a value nobody knows (plain text) is never reported.
 * One finding per block, with the block's range.
 */
const PARAMS = {
  property: { type: "enum", values: PROPERTIES, required: true },
  forbidden: { type: "boolean" },
  min: { type: "number", min: 0 },
  deny: { type: "string[]" },
  denyPatterns: { type: "regex[]" },
  ignoreShortRuns: { type: "integer", min: 0, default: 0 },
  ignoreLinks: { type: "boolean", default: false },
} as const;
type Params = ParamsOf<typeof PARAMS>;

export const layout = defineKind({
  layout: true,
  params: PARAMS,
  placeholders: ["value", "min"],
  variants: [],
  check: (params) =>
    params.forbidden === undefined && params.min === undefined && params.deny === undefined && params.denyPatterns === undefined
      ? "il faut « forbidden », « min », « deny » ou « denyPatterns »."
      : undefined,
  compile: ({ params }) => {
    const property: Property = params.property;
    const violates = violation(params);
    const ignoreShort = params.ignoreShortRuns;
    const ignoreLinks = params.ignoreLinks;
    const isBlockProperty = (BLOCK_PROPERTIES as readonly string[]).includes(property);
    return {
      block: (block: LayoutBlock, report: Report) => {
        if (isBlockProperty) {
          const value = (block.layout as Record<string, unknown> | undefined)?.[property] ?? (block.defaults as Record<string, unknown> | undefined)?.[property];
          const bad = violates(value);
          if (bad !== undefined) report({ start: block.start, end: block.end, data: { value: bad, ...minData(params) } });
          return;
        }
        let worst: string | number | undefined;
        for (const run of block.runs) {
          if (!counts(run, ignoreShort, ignoreLinks)) continue;
          const value = (run as unknown as Record<string, unknown>)[property] ?? (block.defaults as Record<string, unknown> | undefined)?.[property];
          const bad = violates(value);
          if (bad === undefined) continue;
          if (worst === undefined || (typeof bad === "number" && typeof worst === "number" && bad < worst)) worst = bad;
        }
        if (worst !== undefined) report({ start: block.start, end: block.end, data: { value: worst, ...minData(params) } });
      },
    };
  },
});

function minData(params: Params): Record<string, number> {
  return params.min !== undefined ? { min: params.min } : {};
}

function counts(run: Run, ignoreShort: number, ignoreLinks: boolean): boolean {
  const letters = run.text.replace(/[^\p{L}\p{N}]/gu, "").length;
  if (letters === 0 || letters < ignoreShort) return false;
  return !(ignoreLinks && LINK.test(run.text));
}

/** Returns the offending value (for the message), or undefined when the value is fine or unknown. */
function violation(params: Params): (value: unknown) => string | number | undefined {
  const forbidden = params.forbidden;
  const min = params.min;
  const deny = params.deny?.map((name) => name.toLowerCase());
  const patterns = params.denyPatterns?.map((source) => new RegExp(source, "iu"));
  return (value) => {
    if (value === undefined || value === null) return undefined;
    if (forbidden !== undefined && typeof value === "boolean") return value === forbidden ? String(value) : undefined;
    if (min !== undefined && typeof value === "number") return value < min ? value : undefined;
    if (typeof value === "string") {
      const name = value.trim();
      if (deny?.includes(name.toLowerCase()) || patterns?.some((pattern) => pattern.test(name))) return name;
    }
    return undefined;
  };
}
