import { bodySizeOn, isBodySize, type BodyMetrics } from "./metrics.js";
import { matchMarker, type ListMarker } from "./markers.js";
import { endsWithBlank, isLeaderLine } from "./line-ends.js";
import { isTableAtom, type FlowItem, type Line, type PdfTable } from "./types.js";

/**
 * Lines gathered into the blocks they came from: a paragraph or heading (`text`), or one list item
 * with its wrapped lines (`item`). Whether a text group is a heading is decided afterwards, once
 * every group's size is known.
 */
export type Style = "large" | "strong" | "body";

export interface TextGroup {
  kind: "text";
  style: Style;
  lines: Line[];
}

export interface ItemGroup {
  kind: "item";
  marker: ListMarker;
  markerX: number;
  /** Where the item's text starts: wrapped lines align here. */
  textX: number;
  lines: Line[];
}

export interface TableGroup {
  kind: "table";
  table: PdfTable;
}

export type Group = TextGroup | ItemGroup | TableGroup;

/** A gap this much larger than the usual line spacing separates paragraphs. */
const PARAGRAPH_GAP = 1.3;
/** Horizontal tolerance, in em, for lines meant to start at the same place. */
const ALIGN = 0.6;

/** A blank to fill in: underscores, dots or ellipses in a row, spaced out or not. */
const FIELD_BLANK = /(?:[_…]\s?){3,}|\.{5,}/u;
const SENTENCE_END = /[.!?:…](?:\s*[»”"')\]])*$/u;
const ALL_CAPS = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;

export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}

export class Grouper {
  private readonly groups: Group[] = [];
  private previous: Line | undefined;
  /** Lines with wide gaps read as prose all the same: stretched by justification, not cells. */
  private readonly stretched = new Set<Line>();

  constructor(private readonly body: BodyMetrics) {}

  static group(flow: FlowItem[], body: BodyMetrics): Group[] {
    const grouper = new Grouper(body);
    for (const item of flow) {
      if (isTableAtom(item)) grouper.addTable(item.table);
      else grouper.add(item);
    }
    return grouper.groups;
  }

  private addTable(table: PdfTable): void {
    this.groups.push({ kind: "table", table });
    this.previous = undefined;
  }

  /**
   * A table row (cells apart on one line) is never a heading, whatever its font; a bold or
   * capitalised line counts as emphasised from body size up, so « 4.1 Tarifs » in 12 pt bold over
   * 11 pt text is a heading too.
   */
  styleOf(line: Line): Style {
    if (line.wideGaps > 0) return "body";
    const body = bodySizeOn(this.body, line.page);
    // A few words set large inside a line of smaller text are emphasis, not a title.
    if (mixesSizes(line)) return "body";
    if (line.size >= body + Math.max(1.5, 0.1 * body)) return "large";
    const atLeastBody = line.size > body || isBodySize(line.size, body);
    if (atLeastBody && (line.bold || ALL_CAPS.test(line.text))) return "strong";
    return "body";
  }

  private add(line: Line): void {
    const previous = this.previous;
    const last = this.groups[this.groups.length - 1];
    const current = last?.kind === "table" ? undefined : last;
    this.previous = line;
    const style = this.styleOf(line);
    const marker = style === "large" ? undefined : matchMarker(line.text);
    // « 1. Objet » in bold is a numbered heading rather than a list item.
    const startsItem = marker !== undefined && (marker.certain || (style !== "strong" && this.isCredibleMarker(current, previous, line)));
    if (!current || !previous) return this.open(line, style, startsItem ? marker : undefined);
    if (startsItem && marker) return this.open(line, style, marker);
    if (this.continues(current, previous, line, style)) {
      current.lines.push(line);
      return;
    }
    this.open(line, style, undefined);
  }

  /**
   * A dash or a number opening a line is a list marker unless the line merely goes on with a
   * sentence the previous line left unfinished (« … sans avoir à se / – justifier – … »).
   */
  private isCredibleMarker(current: Group | undefined, previous: Line | undefined, line: Line): boolean {
    if (!previous) return true;
    if (current?.kind === "item" && this.alignsWith(line.x, current.markerX, line)) return true;
    if (!this.alignsWith(line.x, previous.x, line)) return true;
    return !this.isUnfinished(previous, line);
  }

  private open(line: Line, style: Style, marker: ListMarker | undefined): void {
    if (marker) {
      const textX = line.afterMarkerX ?? line.x + (line.right - line.x) * ((line.text.length - marker.rest.length) / line.text.length);
      this.groups.push({ kind: "item", marker, markerX: line.x, textX, lines: [line] });
    } else {
      this.groups.push({ kind: "text", style, lines: [line] });
    }
  }

  private continues(group: TextGroup | ItemGroup, previous: Line, line: Line, style: Style): boolean {
    if (group.kind === "text" && this.isStretched(group, previous, line)) {
      this.stretched.add(line);
      return true;
    }
    // Table rows stand alone: run together, a table would read as one endless sentence.
    if (group.kind === "text" && (this.isRow(previous) || this.isRow(line))) return false;
    if (isLeaderLine(previous.text) || endsWithBlank(previous.text)) return false;
    if (previous.region !== line.region) return this.flowsAcross(group, previous, line, style);
    if (this.hasGap(previous, line)) return group.kind === "item" && this.alignsWith(line.x, group.textX, line);
    if (group.kind === "item") return this.continuesItem(group, previous, line, style);
    const previousStyle = group.style;
    // A line that carries on a sentence the previous body line was cut in is never a new block,
    // whatever its font: « Elle est / gérée par l’association CAPUCINE… » is one paragraph.
    // A large title at the top of the next page starts something new all the same.
    if (previousStyle === "body" && style === "strong" && previous.page === line.page && this.isUnfinished(previous, line)) return true;
    if (style !== previousStyle) {
      if (style === "large" || previousStyle === "large") return false;
      if (endsSentence(previous.text) || this.nextWordFits(previous, line)) return false;
    }
    // A title never runs on to the next page: the line there starts something new.
    if (previousStyle !== "body") return previous.page === line.page && this.continuesHeading(previous, line);
    if (this.breaksIndentation(group, previous, line)) return false;
    if (/[-\u2010\u00AD]$/.test(previous.text)) return true;
    if (!this.nextWordFits(previous, line)) return true;
    // Broken on purpose: a new sentence, or a new entry of an unbulleted list (« 1 Directrice » /
    // « 1 Educatrice de Jeunes Enfants »), starts a block of its own.
    return !(endsSentence(previous.text) || (/^(?:\d+\s+)?\p{Lu}/u.test(line.text) && !/[,;:(]$/.test(previous.text)));
  }

  /**
   * A paragraph goes on in the next column or on the next page when the last line was cut by the
   * column's width mid-sentence and the next region starts with body text at its left edge.
   */
  private flowsAcross(group: TextGroup | ItemGroup, previous: Line, line: Line, style: Style): boolean {
    if (style !== "body" || (group.kind === "text" && group.style !== "body")) return false;
    if (endsSentence(previous.text) || /[:;]$/.test(previous.text)) return false;
    if (previous.right + 2 * previous.size < this.rightEdge(previous)) return false;
    if (!/^[\p{Ll}\d«("'’,;]/u.test(line.text) && !/[-\u2010\u00AD,]$/.test(previous.text)) return false;
    if (group.kind === "item") return true;
    const left = line.column?.left ?? this.body.left;
    return line.x <= left + 2 * line.size;
  }

  /**
   * Cells or tab stops on one line; a justified line with few words also has wide gaps, but it runs
   * to the column's right edge.
   */
  private isRow(line: Line): boolean {
    return line.wideGaps > 0 && line.right < this.rightEdge(line) - 1.5 && !this.stretched.has(line);
  }

  /**
   * A line with a wide gap that carries on the sentence a full body line was cut in: a justified
   * line ended by a manual line break, which word processors spread over the width (« …par adulte
   * est / financée            tous / les 5 ans… »). A table does not start in the middle of a
   * sentence, so it is prose, and the line after it may go on with it too.
   */
  private isStretched(group: TextGroup, previous: Line, line: Line): boolean {
    if (group.style !== "body" || !this.isRow(line) || this.isRow(previous) || previous.region !== line.region) return false;
    // A form's lines of fields (« Prénom(s) : _ _ _ » / « Date : _ _ /_ _   Lieu : _ _ ») are rows.
    if (FIELD_BLANK.test(previous.text) || FIELD_BLANK.test(line.text)) return false;
    return this.isUnfinished(previous, line);
  }

  private rightEdge(line: Line): number {
    return line.column?.right ?? this.body.right;
  }

  private continuesItem(group: ItemGroup, previous: Line, line: Line, style: Style): boolean {
    if (style === "large") return false;
    if (this.alignsWith(line.x, group.textX, line)) return true;
    // Items typed with a plain « • » wrap under the marker instead of under the text.
    return this.alignsWith(line.x, group.markerX, line) && this.isUnfinished(previous, line);
  }

  /**
   * A heading or emphasised block goes on only while its lines are wrapped: a line broken short is
   * the end of a title even without a full stop.
   */
  private continuesHeading(previous: Line, line: Line): boolean {
    if (Math.abs(line.size - previous.size) > 0.5 || line.bold !== previous.bold) return false;
    return !this.nextWordFits(previous, line);
  }

  /** A first-line indent starts a paragraph; so does a line going back out past the block's left edge. */
  private breaksIndentation(group: TextGroup, previous: Line, line: Line): boolean {
    const em = line.size * 0.8;
    // Centred lines start at different places but belong together; so do the lines of a right-aligned
    // label (« N° d’immatriculation / sécurité sociale : ») when the first did not end its sentence.
    if (Math.abs(line.x + line.right - previous.x - previous.right) < em) return false;
    if (Math.abs(line.right - previous.right) < 1 && line.x !== previous.x && !endsSentence(previous.text)) return false;
    const bodyX = group.lines.length > 1 ? (group.lines[1]?.x ?? previous.x) : previous.x;
    if (line.x > bodyX + em) return true;
    return group.lines.length > 1 && line.x < bodyX - em;
  }

  private hasGap(previous: Line, line: Line): boolean {
    if (previous.page !== line.page) return false;
    const gap = line.y - previous.y;
    if (gap <= 0) return true;
    const expected = this.body.lineSpacing * (Math.max(previous.size, line.size) / this.body.size);
    return gap > expected * PARAGRAPH_GAP;
  }

  private alignsWith(x: number, target: number, line: Line): boolean {
    return Math.abs(x - target) <= ALIGN * line.size;
  }

  /** `previous` was cut by the line width, mid-sentence: `line` carries on with it. */
  private isUnfinished(previous: Line, line: Line): boolean {
    if (this.hasGap(previous, line)) return false;
    if (endsSentence(previous.text)) return false;
    return !this.nextWordFits(previous, line);
  }

  /**
   * Whether the first word of `line` would have fitted at the end of `previous`: if it would, the
   * line was broken on purpose (end of paragraph, heading, one sentence per line), not wrapped.
   */
  private nextWordFits(previous: Line, line: Line): boolean {
    // « Populations » is kept together with its guillemet by a no-break space: they wrap as one word.
    const word = /^[«“(\[]\s?\S+/u.exec(line.text)?.[0] ?? line.text.split(" ", 1)[0] ?? "";
    const charWidth = (line.right - line.x) / Math.max(1, line.text.length);
    const needed = 0.28 * line.size + word.length * charWidth * 1.1;
    return previous.right + needed < this.rightEdge(previous) - 0.5;
  }
}

/** Whether at least a tenth of the line's letters are set clearly smaller than its largest words. */
function mixesSizes(line: Line): boolean {
  let largest = 0;
  for (const span of line.spans) if (/\p{L}/u.test(span.text)) largest = Math.max(largest, span.size);
  let small = 0;
  let total = 0;
  for (const span of line.spans) {
    const letters = span.text.match(/\p{L}/gu)?.length ?? 0;
    total += letters;
    if (span.size < largest - 1) small += letters;
  }
  return total > 0 && small >= 0.1 * total;
}
