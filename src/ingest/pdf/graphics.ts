/**
 * What a page draws besides text: the strokes, rectangles and images that tables, framed boxes and
 * scans are recognised from. Read from pdfjs's operator list, whose paths are already decoded.
 */
import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { loadPdfjs } from "./pdfjs.js";
import type { Box, PageGraphics, Ruling } from "./types.js";

type Matrix = [number, number, number, number, number, number];
type Ops = Awaited<ReturnType<typeof loadPdfjs>>["OPS"];

/** A rectangle thinner than this (pt) in one dimension is drawn as a line. */
const RULING_THICKNESS = 2;
/** Segments shorter than this (pt) are dots or ticks, not rulings. */
const MIN_RULING_LENGTH = 2;
/** How far (pt) a segment may lean and still be horizontal or vertical. */
const AXIS_TOLERANCE = 0.5;

/**
 * pdfjs 5 encodes a path as a Float32Array of these opcodes, each followed by its coordinates
 * (`DrawOPS` in pdf.worker.mjs; curveTo2/curveTo3 are normalised to curveTo with 6 numbers).
 */
const DRAW_MOVE = 0;
const DRAW_LINE = 1;
const DRAW_CURVE = 2;
const DRAW_CLOSE = 3;

interface State {
  ctm: Matrix;
  fill: string;
  stroke: string;
}

interface Collected {
  rulings: Ruling[];
  rects: Box[];
  images: Box[];
  fields: Box[];
}

/**
 * The page's rulings, rectangles and images in display space. `view` is the PDF→display transform
 * (`page.getViewport({ scale: 1 }).transform`). The default operator list is asked for, the one
 * `FontBook` may already have built for this page, so pdfjs parses the page once. Never throws: an
 * operator list that cannot be built or walked gives what was found so far.
 */
export async function readPageGraphics(page: PDFPageProxy, view: number[]): Promise<PageGraphics> {
  const found: Collected = { rulings: [], rects: [], images: [], fields: [] };
  let width = 0;
  let height = 0;
  try {
    const viewport = page.getViewport({ scale: 1 });
    width = viewport.width;
    height = viewport.height;
    const { OPS } = await loadPdfjs();
    const list = await page.getOperatorList();
    walk(list.fnArray, list.argsArray, toMatrix(view), OPS, found);
  } catch {
    // A broken content stream: keep what was read before it.
  }
  return { ...found, width, height };
}

function walk(fns: number[], args: unknown[][], view: Matrix, OPS: Ops, found: Collected): void {
  let state: State = { ctm: view, fill: "#000000", stroke: "#000000" };
  const stack: State[] = [];
  let annotationDepth = 0;
  for (let i = 0; i < fns.length; i++) {
    const fn = fns[i];
    const arg = args[i] ?? [];
    try {
      // Annotation appearances (form fields, stamps) hold no text of the text layer: only their
      // boxes are kept, which tell a form's checkboxes and inputs.
      if (fn === OPS.beginAnnotation) {
        if (annotationDepth === 0 && isNumbers(arg[1]) && arg[1].length >= 4) found.fields.push(pdfBox(view, arg[1]));
        annotationDepth++;
      } else if (fn === OPS.endAnnotation) annotationDepth = Math.max(0, annotationDepth - 1);
      if (annotationDepth > 0) continue;
      switch (fn) {
        case OPS.save:
          stack.push({ ...state });
          break;
        case OPS.restore:
          state = stack.pop() ?? state;
          break;
        case OPS.transform:
          state.ctm = multiply(state.ctm, toMatrix(arg));
          break;
        case OPS.paintFormXObjectBegin:
          stack.push({ ...state });
          if (isNumbers(arg[0])) state.ctm = multiply(state.ctm, toMatrix(arg[0]));
          break;
        case OPS.paintFormXObjectEnd:
          state = stack.pop() ?? state;
          break;
        case OPS.setFillRGBColor:
          if (typeof arg[0] === "string") state.fill = arg[0].toLowerCase();
          break;
        case OPS.setStrokeRGBColor:
          if (typeof arg[0] === "string") state.stroke = arg[0].toLowerCase();
          break;
        case OPS.setFillColorN:
        case OPS.setFillTransparent:
          // A pattern or an unknown colour: assume it shows.
          state.fill = "";
          break;
        case OPS.setStrokeColorN:
        case OPS.setStrokeTransparent:
          state.stroke = "";
          break;
        case OPS.constructPath:
          addPath(arg, state, OPS, found);
          break;
        case OPS.paintImageXObject:
        case OPS.paintInlineImageXObject:
        case OPS.paintImageMaskXObject:
        case OPS.paintSolidColorImageMask:
          found.images.push(unitSquare(state.ctm));
          break;
        case OPS.paintImageXObjectRepeat:
          addRepeats(arg, state.ctm, found);
          break;
        case OPS.paintInlineImageXObjectGroup:
        case OPS.paintImageMaskXObjectGroup:
          addGroup(fn === OPS.paintInlineImageXObjectGroup ? arg[1] : arg[0], state.ctm, found);
          break;
      }
    } catch {
      // One malformed operator: skip it, keep walking.
    }
  }
}

const WHITE = new Set(["#ffffff", "#fff", "white"]);

function addPath(arg: unknown[], state: State, OPS: Ops, found: Collected): void {
  const op = arg[0];
  const data = (arg[1] as unknown[] | undefined)?.[0];
  if (!(data instanceof Float32Array) || data.length === 0) return;
  const strokes = op === OPS.stroke || op === OPS.closeStroke || op === OPS.fillStroke || op === OPS.eoFillStroke || op === OPS.closeFillStroke || op === OPS.closeEOFillStroke;
  const fills = op === OPS.fill || op === OPS.eoFill || op === OPS.fillStroke || op === OPS.eoFillStroke || op === OPS.closeFillStroke || op === OPS.closeEOFillStroke;
  const stroked = strokes && !WHITE.has(state.stroke);
  const filled = fills && !WHITE.has(state.fill);
  if (!stroked && !filled) return;
  for (const subpath of subpaths(data, state.ctm)) {
    const box = rectangleOf(subpath);
    if (box) {
      addRectangle(box, stroked, filled, found);
      continue;
    }
    if (!stroked) continue;
    for (let k = 1; k < subpath.points.length; k += 1) {
      const a = subpath.points[k - 1];
      const b = subpath.points[k];
      if (a && b && subpath.straight[k]) addSegment(a, b, found.rulings);
    }
  }
}

interface Subpath {
  /** Points in display space; a closed subpath ends with its first point again. */
  points: [number, number][];
  /** Whether the segment ending at point k is a straight line (a curve otherwise). */
  straight: boolean[];
}

function subpaths(data: Float32Array, ctm: Matrix): Subpath[] {
  const result: Subpath[] = [];
  let current: Subpath | undefined;
  let i = 0;
  const read = (): [number, number] => {
    const x = data[i++] ?? 0;
    const y = data[i++] ?? 0;
    return apply(ctm, x, y);
  };
  /** A segment to `point`; with no current point, the segment's end starts a subpath. */
  const segmentTo = (point: [number, number], straight: boolean): void => {
    if (!current) {
      current = { points: [point], straight: [false] };
      result.push(current);
      return;
    }
    current.points.push(point);
    current.straight.push(straight);
  };
  while (i < data.length) {
    const code = data[i++];
    if (code === DRAW_MOVE) {
      current = { points: [read()], straight: [false] };
      result.push(current);
    } else if (code === DRAW_LINE) {
      segmentTo(read(), true);
    } else if (code === DRAW_CURVE) {
      // Only the end point matters: a curve is never a ruling, its control points are skipped.
      i += 4;
      segmentTo(read(), false);
    } else if (code === DRAW_CLOSE) {
      const first = current?.points[0];
      if (current && first) {
        current.points.push(first);
        current.straight.push(true);
        // A path going on after closePath starts from the same point.
        current = { points: [first], straight: [false] };
        result.push(current);
      }
    } else {
      // Unknown opcode: the rest cannot be decoded reliably.
      break;
    }
  }
  return result.filter((subpath) => subpath.points.length > 1);
}

/** The box of a subpath drawing an axis-aligned rectangle (4 corners, closed or not), if it is one. */
function rectangleOf(subpath: Subpath): Box | undefined {
  let points = subpath.points;
  if (subpath.straight.slice(1).some((straight) => !straight)) return undefined;
  const first = points[0];
  const last = points[points.length - 1];
  if (first && last && points.length === 5 && near(first, last)) points = points.slice(0, 4);
  if (points.length !== 4) return undefined;
  for (let k = 0; k < 4; k++) {
    const a = points[k];
    const b = points[(k + 1) % 4];
    if (!a || !b) return undefined;
    const horizontal = Math.abs(a[1] - b[1]) <= AXIS_TOLERANCE;
    const vertical = Math.abs(a[0] - b[0]) <= AXIS_TOLERANCE;
    if (!horizontal && !vertical) return undefined;
  }
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}

function near(a: [number, number], b: [number, number]): boolean {
  return Math.abs(a[0] - b[0]) <= AXIS_TOLERANCE && Math.abs(a[1] - b[1]) <= AXIS_TOLERANCE;
}

function addRectangle(box: Box, stroked: boolean, filled: boolean, found: Collected): void {
  const width = box.right - box.left;
  const height = box.bottom - box.top;
  if (width < RULING_THICKNESS && height < RULING_THICKNESS) return;
  if (height < RULING_THICKNESS) {
    found.rulings.push({ orientation: "horizontal", at: (box.top + box.bottom) / 2, from: box.left, to: box.right });
    return;
  }
  if (width < RULING_THICKNESS) {
    found.rulings.push({ orientation: "vertical", at: (box.left + box.right) / 2, from: box.top, to: box.bottom });
    return;
  }
  if (stroked) {
    found.rulings.push(
      { orientation: "horizontal", at: box.top, from: box.left, to: box.right },
      { orientation: "horizontal", at: box.bottom, from: box.left, to: box.right },
      { orientation: "vertical", at: box.left, from: box.top, to: box.bottom },
      { orientation: "vertical", at: box.right, from: box.top, to: box.bottom },
    );
  }
  if (stroked || filled) found.rects.push(box);
}

function addSegment(a: [number, number], b: [number, number], rulings: Ruling[]): void {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= AXIS_TOLERANCE && dx >= MIN_RULING_LENGTH) {
    rulings.push({ orientation: "horizontal", at: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) });
  } else if (dx <= AXIS_TOLERANCE && dy >= MIN_RULING_LENGTH) {
    rulings.push({ orientation: "vertical", at: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) });
  }
}

/** A rectangle given as [x1, y1, x2, y2] in PDF space. */
function pdfBox(view: Matrix, rect: ArrayLike<number>): Box {
  const a = apply(view, rect[0] ?? 0, rect[1] ?? 0);
  const b = apply(view, rect[2] ?? 0, rect[3] ?? 0);
  return { left: Math.min(a[0], b[0]), top: Math.min(a[1], b[1]), right: Math.max(a[0], b[0]), bottom: Math.max(a[1], b[1]) };
}

/** Images are painted into the unit square of their CTM. */
function unitSquare(ctm: Matrix): Box {
  const corners = [apply(ctm, 0, 0), apply(ctm, 1, 0), apply(ctm, 0, 1), apply(ctm, 1, 1)];
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}

/** paintImageXObjectRepeat: [objId, scaleX, scaleY, positions]. */
function addRepeats(arg: unknown[], ctm: Matrix, found: Collected): void {
  const [, scaleX, scaleY, positions] = arg;
  if (typeof scaleX !== "number" || typeof scaleY !== "number" || !isNumbers(positions)) return;
  for (let k = 0; k + 1 < positions.length; k += 2) {
    found.images.push(unitSquare(multiply(ctm, [scaleX, 0, 0, scaleY, positions[k] ?? 0, positions[k + 1] ?? 0])));
  }
}

/** The *Group image operators carry one transform per image, relative to the CTM. */
function addGroup(entries: unknown, ctm: Matrix, found: Collected): void {
  if (!Array.isArray(entries)) return;
  for (const entry of entries as { transform?: unknown }[]) {
    if (isNumbers(entry?.transform)) found.images.push(unitSquare(multiply(ctm, toMatrix(entry.transform))));
  }
}

function isNumbers(value: unknown): value is ArrayLike<number> {
  return (Array.isArray(value) || ArrayBuffer.isView(value)) && typeof (value as ArrayLike<unknown>)[0] === "number";
}

function toMatrix(value: ArrayLike<unknown>): Matrix {
  const n = (k: number, fallback: number): number => {
    const v = value[k];
    return typeof v === "number" && Number.isFinite(v) ? v : fallback;
  };
  return [n(0, 1), n(1, 0), n(2, 0), n(3, 1), n(4, 0), n(5, 0)];
}

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}
