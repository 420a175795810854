import type { Alignment, BlockLayout } from "../../model/types.js";
import { lineSpacingFromPoints } from "../runs.js";
import type { BodyMetrics } from "./metrics.js";
import type { Line } from "./types.js";

/** Edges closer than this (points) count as aligned. */
const SAME_EDGE = 1.5;

/**
 * What the lines' geometry says of a block's layout, for FALC's layout rules (left-aligned text,
 * generous line spacing). Only what the geometry shows for sure is returned: a two-line paragraph
 * cannot tell left from justified, and an unknown value is never reported.
 */
export function layoutOf(lines: Line[], body: BodyMetrics): BlockLayout | undefined {
  const layout: BlockLayout = {};
  const alignment = alignmentOf(lines, body);
  if (alignment) layout.alignment = alignment;
  const spacing = lineSpacingOf(lines);
  if (spacing !== undefined) layout.lineSpacing = spacing;
  return alignment || spacing !== undefined ? layout : undefined;
}

function spread(values: number[]): number {
  return values.length === 0 ? 0 : Math.max(...values) - Math.min(...values);
}

function alignmentOf(lines: Line[], body: BodyMetrics): Alignment | undefined {
  const first = lines[0];
  if (!first) return undefined;
  const centres = lines.map((line) => (line.x + line.right) / 2);
  const columnCentre = (body.left + body.right) / 2;
  const indented = lines.every((line) => line.x > body.left + line.size);
  if (indented && spread(centres) <= SAME_EDGE * 2 && Math.abs((centres[0] ?? 0) - columnCentre) <= 2 * first.size) return "center";
  if (lines.length < 3) return undefined;
  const inner = lines.slice(0, -1);
  const lefts = lines.slice(1).map((line) => line.x);
  const rights = inner.map((line) => line.right);
  if (spread(rights) <= SAME_EDGE && spread(lefts) <= SAME_EDGE) return "justify";
  if (spread(lefts) <= SAME_EDGE && spread(rights) > 3 * SAME_EDGE) return "left";
  if (spread(lines.map((line) => line.right)) <= SAME_EDGE && spread(lines.map((line) => line.x)) > 3 * SAME_EDGE) return "right";
  return undefined;
}

/** The median baseline distance of lines on the same page, as a multiple of single spacing. */
function lineSpacingOf(lines: Line[]): number | undefined {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1];
    const line = lines[i];
    if (previous && line && previous.page === line.page && line.y > previous.y) gaps.push(line.y - previous.y);
  }
  if (gaps.length === 0) return undefined;
  gaps.sort((p, q) => p - q);
  const gap = gaps[Math.floor(gaps.length / 2)] ?? 0;
  return lineSpacingFromPoints(gap, lines[0]?.size ?? 11, false);
}
