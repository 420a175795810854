import type { Line, Span, TextPiece } from "./types.js";

/** Pieces whose baselines differ by less than this share a line (superscripts included). */
const BASELINE_TOLERANCE = 0.45;
/** A gap wider than this (in em) between two pieces is a word space the PDF did not write. */
const SPACE_GAP = 0.18;
/** A gap wider than this (in em) separates cells or tab stops rather than words. */
const WIDE_GAP = 1.5;
/** Same text drawn twice almost in place is a fake bold or a shadow, not two words. */
const DUPLICATE_OFFSET = 0.25;

/** Groups a page's pieces into lines, top to bottom, each read left to right. */
export function buildLines(pieces: TextPiece[], page: number): Line[] {
  const lines: Line[] = [];
  for (const group of lineGroups(pieces)) {
    const line = toLine(group, page);
    if (line) lines.push(line);
  }
  return lines.sort((p, q) => p.y - q.y);
}

/** The pieces of each line, top to bottom (each group in the order found, not yet sorted by x). */
export function lineGroups(pieces: TextPiece[]): TextPiece[][] {
  const sorted = pieces.slice().sort((p, q) => p.y - q.y || p.x - q.x);
  const groups: TextPiece[][] = [];
  let current: TextPiece[] = [];
  let reference: TextPiece | undefined;
  for (const piece of sorted) {
    if (reference && sameLine(reference, piece)) {
      current.push(piece);
      if (piece.size > reference.size) reference = piece;
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [piece];
    reference = piece;
  }
  if (current.length > 0) groups.push(current);
  return groups.flatMap((group) => {
    const parts = splitApart(group);
    // Small texts held on one line only by the large text beside them (a two-line legend next to a
    // title) are grouped again on their own.
    return parts.length === 1 ? parts : parts.flatMap((part) => (part.length < group.length ? lineGroups(part) : [part]));
  });
}

/** A gap wider than this (in em of the smaller text) between texts of different sizes parts two lines. */
const APART_GAP = 2;

/**
 * Texts of clearly different sizes, far apart on nearly the same height, are not one line: a title
 * and a legend set small beside it (« 1. Pathologie… » and « Questions obligatoires »).
 */
function splitApart(group: TextPiece[]): TextPiece[][] {
  if (group.length < 2) return [group];
  const sorted = group.slice().sort((p, q) => p.x - q.x);
  const parts: TextPiece[][] = [[]];
  let previous: TextPiece | undefined;
  for (const piece of sorted) {
    if (previous && piece.text.trim() !== "" && isApart(previous, piece)) parts.push([]);
    parts[parts.length - 1]!.push(piece);
    // A superscript (« 1er », a note call) is part of the word it touches: the text after it is
    // measured against that word, not against the small raised letters (« au 1er janvier »,
    // justified, leaves a gap after « er » wider than two of its em).
    if (piece.text.trim() !== "" && !(previous && isSuperscriptOf(piece, previous))) previous = piece;
  }
  return parts;
}

function isSuperscriptOf(small: TextPiece, base: TextPiece): boolean {
  return small.size <= 0.8 * base.size && small.y < base.y - 0.15 * base.size && small.x - base.right < 0.2 * base.size;
}

function isApart(left: TextPiece, right: TextPiece): boolean {
  const small = Math.min(left.size, right.size);
  const large = Math.max(left.size, right.size);
  return right.x - left.right > APART_GAP * small && large > 1.3 * small;
}

/**
 * Same baseline, or a superscript of the other (« 1er », « 2ème », a footnote call): set smaller and
 * raised by less than the larger text's height. Sorted by baseline, a superscript comes first.
 */
function sameLine(p: TextPiece, q: TextPiece): boolean {
  if (Math.abs(p.y - q.y) <= BASELINE_TOLERANCE * Math.max(p.size, q.size)) return true;
  const [small, large] = p.size < q.size ? [p, q] : [q, p];
  const raised = large.y - small.y;
  return small.size <= 0.8 * large.size && raised > 0 && raised <= 0.6 * large.size && horizontallyNear(small, large);
}

/** A superscript touches the word it belongs to: a smaller line far to the side is a line of its own. */
function horizontallyNear(p: TextPiece, q: TextPiece): boolean {
  return p.x <= q.right + q.size && q.x <= p.right + q.size;
}

function toLine(group: TextPiece[], page: number): Line | undefined {
  const pieces = group.sort((p, q) => p.x - q.x);
  const spans: Span[] = [];
  let previous: TextPiece | undefined;
  let lastVisible: TextPiece | undefined;
  let wideGaps = 0;
  for (const piece of pieces) {
    if (previous && isDuplicate(previous, piece)) continue;
    const visible = piece.text.trim() !== "";
    if (visible && lastVisible && piece.x - lastVisible.right > WIDE_GAP * piece.size && !isLeadingMarker(spans)) wideGaps++;
    if (visible) lastVisible = piece;
    if (previous && needsSpace(previous, piece)) append(spans, " ", previous);
    append(spans, piece.text, piece);
    previous = piece;
  }
  trimSpans(spans);
  const text = spans.map((span) => span.text).join("");
  if (text === "") return undefined;
  const visible = pieces.filter((piece) => piece.text.trim() !== "");
  const first = visible[0];
  if (!first) return undefined;
  const second = visible[1];
  const afterMarkerX = second && LEADING_MARKER.test(first.text) ? second.x : undefined;
  const main = visible.reduce((best, piece) => (piece.size > best.size ? piece : best), first);
  return {
    page,
    text,
    spans,
    x: first.x,
    right: Math.max(...visible.map((piece) => piece.right)),
    y: main.y,
    size: dominantSize(spans),
    bold: isBold(spans),
    wideGaps,
    ...(afterMarkerX === undefined ? {} : { afterMarkerX }),
  };
}

/**
 * « 1.», « 4.2 », « a) », « • », « Article 3 », « ANNEXE 5 »: a tab after a number, a bullet or the
 * label of a numbered title is layout, not a table cell.
 */
const LEADING_MARKER = /^\s*(?:(?:annexe|article|chapitre|titre|partie|section)\s+(?:\d+(?:\.\d+)*|[IVXLC]+|[A-Z])\s*[.:–—-]?|\d+(?:\.\d+)*[.)]?|[a-zA-Z][.)]|[IVXLC]+[.)]?|[-–—*•●▪■◦○‣∙·◆◇►▸➢➤✓✔□❖\uF0A7\uF0B7\uF076\uF0D8\uF0FC\uF0A8\uF06E\uF071])\s*$/iu;

function isLeadingMarker(spans: Span[]): boolean {
  let text = "";
  for (const span of spans) text += span.text;
  return LEADING_MARKER.test(text);
}

function isDuplicate(previous: TextPiece, piece: TextPiece): boolean {
  return piece.text === previous.text && piece.text.trim() !== "" && Math.abs(piece.x - previous.x) < DUPLICATE_OFFSET * piece.size;
}

function needsSpace(previous: TextPiece, piece: TextPiece): boolean {
  if (/\s$/.test(previous.text) || /^\s/.test(piece.text)) return false;
  return piece.x - previous.right > SPACE_GAP * Math.min(previous.size, piece.size);
}

/** Merges text into the last span when the style is the same, so runs stay few. */
function append(spans: Span[], text: string, style: TextPiece): void {
  const last = spans[spans.length - 1];
  const size = Math.round(style.size * 10) / 10;
  const isSpace = text.trim() === "";
  if (last && (isSpace || (last.size === size && last.bold === style.bold && last.italic === style.italic && last.font === style.font))) {
    last.text += text;
    return;
  }
  spans.push({ text, size, bold: style.bold, italic: style.italic, font: style.font });
}

/**
 * Collapses white space and drops soft hyphens, except one ending the line: that one says the
 * word goes on at the next line, and joining lines needs to know.
 */
function trimSpans(spans: Span[]): void {
  for (const span of spans) span.text = span.text.replace(/\s+/g, " ");
  const first = spans[0];
  if (first) first.text = first.text.trimStart();
  const last = spans[spans.length - 1];
  if (last) last.text = last.text.trimEnd();
  for (const span of spans) span.text = span.text.replace(span === last ? /\u00AD(?=.)/gu : /\u00AD/gu, "");
  for (let i = spans.length - 1; i >= 0; i--) if (spans[i]?.text === "") spans.splice(i, 1);
}

function dominantSize(spans: Span[]): number {
  const weights = new Map<number, number>();
  for (const span of spans) {
    const letters = span.text.replace(/\s/g, "").length;
    weights.set(span.size, (weights.get(span.size) ?? 0) + letters);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, weight] of weights) {
    if (weight > bestWeight || (weight === bestWeight && size > best)) {
      best = size;
      bestWeight = weight;
    }
  }
  return best;
}

const LETTER = /\p{L}/gu;

function isBold(spans: Span[]): boolean {
  let bold = 0;
  let total = 0;
  for (const span of spans) {
    const letters = span.text.match(LETTER)?.length ?? 0;
    total += letters;
    if (span.bold) bold += letters;
  }
  return total > 0 && bold >= 0.9 * total;
}
