import { Locator } from "../model/locate.js";
import type { UnitContext } from "./context.js";
import { excerptAround, type Excerpt } from "./excerpt.js";
import type { Finding, RawFinding } from "./finding.js";

/** A finding before line, column and excerpt are computed (only reports need them). */
export interface PlacedFinding extends RawFinding {
  order: number;
  /** The unit a text rule reported in, to cut the excerpt from. */
  unit?: UnitContext;
  /** For layout findings: the excerpt, given directly. */
  excerpt?: string;
  excerptOffset?: number;
  section?: string;
  sectionIndex?: number;
}

/** Adds line and column (1-based, from the offset) and the excerpt; drops the engine's internal fields. */
export function placeFindings(text: string, findings: readonly PlacedFinding[]): Finding[] {
  if (findings.length === 0) return [];
  const out: Finding[] = [];
  new FindingPlacer(text).place(findings, out);
  return out;
}

/** Places findings given in offset order, batch after batch (a document's blocks, one at a time). */
export class FindingPlacer {
  private locator: Locator | LineCursor | undefined;

  constructor(private readonly text: string) {}

  place(findings: readonly PlacedFinding[], out: Finding[]): void {
    const locator = (this.locator ??= LOW_SURROGATE.test(this.text) ? new Locator(this.text) : new LineCursor(this.text));
    for (const placed of findings) {
      const { line, column } = locator.locate(placed.offset);
      const { excerpt, excerptOffset } = excerptOf(placed);
      const finding: Finding = {
        ruleId: placed.ruleId,
        severity: placed.severity,
        message: placed.message,
        line,
        column,
        offset: placed.offset,
        length: placed.length,
        excerpt,
        excerptOffset,
      };
      if (placed.section !== undefined) finding.section = placed.section;
      if (placed.sectionIndex !== undefined) finding.sectionIndex = placed.sectionIndex;
      if (placed.suggestion !== undefined) finding.suggestion = placed.suggestion;
      out.push(finding);
    }
  }
}

const LOW_SURROGATE = /[\udc00-\udfff]/;

/**
 * The line and column the Locator (model/locate.ts) gives, for a text without characters outside the
 * BMP (a column is then a count of code units): findings come in offset order, so a cursor moves from
 * line to line with `indexOf`, instead of a table of every line start built for each text.
 */
class LineCursor {
  private line = 1;
  private lineStart = 0;
  private nextBreak: number;

  constructor(private readonly text: string) {
    this.nextBreak = text.indexOf("\n");
  }

  locate(offset: number): { line: number; column: number } {
    if (offset < this.lineStart) {
      this.line = 1;
      this.lineStart = 0;
      this.nextBreak = this.text.indexOf("\n");
    }
    while (this.nextBreak !== -1 && this.nextBreak < offset) {
      this.line++;
      this.lineStart = this.nextBreak + 1;
      this.nextBreak = this.text.indexOf("\n", this.lineStart);
    }
    return { line: this.line, column: offset - this.lineStart + 1 };
  }
}

/** The sentence(s) around a finding, as written (a window of them when long), and where the finding starts in it. */
function excerptOf(placed: PlacedFinding): Excerpt {
  const ctx = placed.unit;
  if (ctx === undefined) return { excerpt: placed.excerpt ?? "", excerptOffset: placed.excerptOffset ?? 0 };
  const start = placed.offset - ctx.base;
  const end = start + placed.length;
  const first = ctx.sentences[ctx.sentenceAt(start)];
  const last = ctx.sentences[ctx.sentenceAt(Math.max(start, end - 1))];
  const from = first === undefined ? 0 : Math.min(first.start, start);
  const to = last === undefined ? ctx.text.length : Math.max(last.end, end);
  return excerptAround(ctx.text, from, to, start, end);
}
