import type { Block, FalcDocument, SourceMark, TextUnit } from "../model/types.js";
import { isCollapsible } from "../ingest/origin.js";
import { blockUnits } from "../model/units.js";
import type { Finding, SourcePosition } from "../rules/finding.js";

/**
 * Gives each finding its place in the file the user opened (`finding.source`), from the source marks
 * the ingesters left on the document's units: Markdown and text line:column, DOCX and ODT heading path
 * and paragraph, PDF page and line. Offsets into falc's rendering stay as they are.
 */
export function addSourcePositions(document: FalcDocument, findings: Finding[]): void {
  if (findings.length === 0) return;
  const units = placedUnits(document);
  if (units.length === 0) return;
  const points = new UnitPoints();
  const list = units.map((placed) => placed.unit);
  for (const finding of findings) {
    const placed = units[unitIndexAt(list, finding.offset)];
    if (!placed) continue;
    const source = positionOf(placed, finding, points);
    if (source) finding.source = source;
  }
}

/** A unit of the document with, for DOCX and ODT, where a person finds it: its headings and paragraph number. */
interface PlacedUnit {
  unit: TextUnit;
  headings?: string[];
  /** The number of the unit's first paragraph under its last heading (0: the heading itself). */
  paragraph?: number;
  /** For a note: the number of its first paragraph among the notes' paragraphs. */
  note?: number;
}

function placedUnits(document: FalcDocument): PlacedUnit[] {
  const structured = document.source.format === "docx" || document.source.format === "odt";
  const out: PlacedUnit[] = [];
  let path: { level: number; text: string }[] = [];
  let headings: string[] = [];
  let count = 0;
  let notes = 0;
  for (const section of document.sections) {
    for (const block of section.blocks) {
      if (!structured) {
        for (const unit of unitsWithText(block)) out.push({ unit });
        continue;
      }
      if (block.type === "heading" && !isNote(block)) {
        path = [...path.filter((heading) => heading.level < block.level), { level: block.level, text: block.text.replace(/\s+/g, " ").trim() }];
        headings = path.map((heading) => heading.text);
        count = 0;
        out.push({ unit: block, headings, paragraph: 0 });
        continue;
      }
      for (const unit of unitsWithText(block)) {
        if (isNote(unit)) {
          out.push({ unit, headings: [], note: notes + 1 });
          notes += paragraphCount(unit);
        } else {
          out.push({ unit, headings, paragraph: count + 1 });
          count += paragraphCount(unit);
        }
      }
    }
  }
  return out;
}

/** The text units of a block in reading order; table cells without text have no place and are left out. */
export function unitsWithText(block: Block): TextUnit[] {
  return blockUnits(block, { skipEmptyCells: true });
}

function isNote(unit: TextUnit): boolean {
  return unit.origin?.[0]?.note === true;
}

/** Paragraphs of the source a unit was read from: a cell or a list item can hold several (in DOCX and ODT, each mark opens one). */
function paragraphCount(unit: TextUnit): number {
  return Math.max(1, unit.origin?.length ?? 0);
}

/** The index of the unit holding `offset` in units listed in offset order, or -1. */
export function unitIndexAt(units: readonly TextUnit[], offset: number): number {
  let low = 0;
  let high = units.length - 1;
  if (high < 0) return -1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (units[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  const found = units[low]!;
  return found.start <= offset && offset <= found.end ? low : -1;
}

function positionOf(placed: PlacedUnit, finding: Finding, points: UnitPoints): SourcePosition | undefined {
  const { unit } = placed;
  const marks = unit.origin ?? [];
  const relative = Math.max(0, Math.min(finding.offset - unit.start, unit.text.length));
  if (placed.headings !== undefined) {
    const index = markIndex(marks, points.keptBefore(unit, relative));
    const within = Math.max(0, index);
    if (placed.note !== undefined) return { paragraph: placed.note + within, headings: [], note: true };
    return { paragraph: (placed.paragraph ?? 0) + (placed.paragraph === 0 ? 0 : within), headings: placed.headings };
  }
  if (marks.length === 0) return undefined;
  const first = marks[0]!;
  if (first.page !== undefined) {
    const mark = marks[Math.max(0, markIndex(marks, points.keptBefore(unit, relative)))] ?? first;
    return mark.line === undefined ? { page: mark.page! } : { page: mark.page!, line: mark.line };
  }
  if (first.line === undefined || first.column === undefined) return undefined;
  const start = points.point(unit, relative, "first");
  const end = points.point(unit, Math.max(relative, relative + finding.length - 1), "last");
  if (!start || !end) return undefined;
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column + 1 };
}

/** The last mark whose stretch starts at or before kept character `kept`; -1 when none. */
function markIndex(marks: readonly SourceMark[], kept: number): number {
  let found = -1;
  for (const [index, mark] of marks.entries()) {
    if (mark.at > kept) break;
    found = index;
  }
  return found;
}

/**
 * Line and column of a unit's characters, from its marks. The rendered offsets of the unit's kept
 * characters are listed once per unit: findings come unit after unit.
 */
class UnitPoints {
  private unit: TextUnit | undefined;
  private kept: number[] = [];

  /** Kept characters before `relative`: the kept character at or after it. */
  keptBefore(unit: TextUnit, relative: number): number {
    const kept = this.keptOf(unit);
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (kept[mid]! < relative) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The place of the kept character at `relative` (or the next one, for "first"; the previous one, for "last"). */
  point(unit: TextUnit, relative: number, side: "first" | "last"): { line: number; column: number } | undefined {
    const kept = this.keptOf(unit);
    if (kept.length === 0) return undefined;
    let index = this.keptBefore(unit, relative);
    if (side === "last" && (index >= kept.length || kept[index]! > relative)) index--;
    index = Math.max(0, Math.min(index, kept.length - 1));
    const marks = unit.origin ?? [];
    const mark = marks[Math.max(0, markIndex(marks, index))];
    if (mark?.line === undefined || mark.column === undefined) return undefined;
    const from = kept[Math.min(mark.at, kept.length - 1)]!;
    const to = kept[index]!;
    // Within a mark, the rendering is the source character for character: count code points.
    let column = mark.column;
    for (let i = from; i < to; i++) {
      const code = unit.text.charCodeAt(i);
      if (code < 0xdc00 || code > 0xdfff) column++;
    }
    return { line: mark.line, column };
  }

  private keptOf(unit: TextUnit): number[] {
    if (this.unit === unit) return this.kept;
    const kept: number[] = [];
    for (let i = 0; i < unit.text.length; i++) if (!isCollapsible(unit.text.charCodeAt(i))) kept.push(i);
    this.unit = unit;
    this.kept = kept;
    return kept;
  }
}
