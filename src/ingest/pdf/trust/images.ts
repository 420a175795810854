/**
 * Pages that show text as a picture: a scan or a screenshot pasted into the document, with no text
 * layer over it. OCR software lays invisible text over the image it read, so an image with text over
 * it is fine; an image covering most of the page with (almost) nothing over it is what is reported.
 * A full-page photo with a short caption over it looks the same from here: the warning says « semblent ».
 */
import type { Box, PageGraphics } from "../types.js";

/** The part of a line the check needs (structural, so that the layout's own line type fits). */
export interface PlacedText {
  text: string;
  x: number;
  right: number;
  /** Baseline, display space (y grows downwards). */
  y: number;
  size: number;
}

export interface PageForImages {
  page: number;
  lines: readonly PlacedText[];
  graphics: Pick<PageGraphics, "images" | "width" | "height">;
}

export interface ImageTextMeasure {
  /** Share of the page area under images (overlaps counted once). */
  coverage: number;
  /** Area under images, in square points. */
  imageArea: number;
  /** Letters of the lines drawn over an image. */
  lettersOver: number;
}

/** Images must cover at least this share of the page: a logo, a photo beside the text are not scans. */
export const MIN_IMAGE_COVERAGE = 0.5;
/**
 * At most one letter per this many square points of image may lie over it. A text page holds about
 * one letter per 150 pt², so an OCR'd scan is ten times above this; a stamped page number, a title
 * written over a photo, stay below.
 */
export const IMAGE_AREA_PER_LETTER = 2_000;

export function measureImageText(page: PageForImages): ImageTextMeasure {
  const { width, height } = page.graphics;
  const boxes = page.graphics.images.map((box) => clip(box, width, height)).filter((box) => box !== undefined);
  const imageArea = boxes.length <= EXACT_UNION_BOXES ? unionArea(boxes) : sampledArea(boxes, width, height);
  let lettersOver = 0;
  for (const line of page.lines) {
    const cx = (line.x + line.right) / 2;
    const cy = line.y - line.size / 3;
    if (boxes.some((box) => cx >= box.left && cx <= box.right && cy >= box.top && cy <= box.bottom)) {
      lettersOver += line.text.match(/\p{L}/gu)?.length ?? 0;
    }
  }
  const pageArea = width * height;
  return { coverage: pageArea > 0 ? imageArea / pageArea : 0, imageArea, lettersOver };
}

/** Pages (1-based numbers, in order) that look like images of text. */
export function imageTextPages(pages: readonly PageForImages[]): number[] {
  return pages
    .filter((page) => {
      const measure = measureImageText(page);
      return measure.coverage >= MIN_IMAGE_COVERAGE && measure.lettersOver * IMAGE_AREA_PER_LETTER < measure.imageArea;
    })
    .map((page) => page.page);
}

function clip(box: Box, width: number, height: number): Box | undefined {
  const clipped = {
    left: Math.max(0, Math.min(box.left, box.right)),
    right: Math.min(width, Math.max(box.left, box.right)),
    top: Math.max(0, Math.min(box.top, box.bottom)),
    bottom: Math.min(height, Math.max(box.top, box.bottom)),
  };
  return clipped.right > clipped.left && clipped.bottom > clipped.top ? clipped : undefined;
}

/** Beyond this many images (scanners that tile a page), the union is sampled rather than computed. */
const EXACT_UNION_BOXES = 64;
const SAMPLES = 100;

function sampledArea(boxes: readonly Box[], width: number, height: number): number {
  let inside = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const x = ((i + 0.5) * width) / SAMPLES;
    for (let j = 0; j < SAMPLES; j++) {
      const y = ((j + 0.5) * height) / SAMPLES;
      if (boxes.some((box) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom)) inside++;
    }
  }
  return (inside / (SAMPLES * SAMPLES)) * width * height;
}

/** Area of a union of boxes, on the grid their edges make (pages carry a handful of images). */
function unionArea(boxes: readonly Box[]): number {
  if (boxes.length === 0) return 0;
  const xs = [...new Set(boxes.flatMap((box) => [box.left, box.right]))].sort((a, b) => a - b);
  const ys = [...new Set(boxes.flatMap((box) => [box.top, box.bottom]))].sort((a, b) => a - b);
  let area = 0;
  for (let i = 0; i + 1 < xs.length; i++) {
    const x = (xs[i]! + xs[i + 1]!) / 2;
    for (let j = 0; j + 1 < ys.length; j++) {
      const y = (ys[j]! + ys[j + 1]!) / 2;
      if (boxes.some((box) => x > box.left && x < box.right && y > box.top && y < box.bottom)) {
        area += (xs[i + 1]! - xs[i]!) * (ys[j + 1]! - ys[j]!);
      }
    }
  }
  return area;
}
