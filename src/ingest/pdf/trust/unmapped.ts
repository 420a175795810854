/**
 * Text layers drawn with fonts that have no character mapping. The judgement is per page and for the
 * whole document: a document mostly made of symbol soup cannot be read at all, a few such pages are
 * left out so that their soup does not reach the score or the draft.
 */
import { addJudgements, EMPTY_JUDGEMENT, garbageShare, judgeText, type TextJudgement } from "./words.js";

/** A table's text, as the layout's table atoms carry it. */
interface TableText {
  kind: "table";
  table: { rows: readonly (readonly { pieces: readonly { text: string }[] }[])[] };
}

/** The part of a page the check reads (structural, so that the layout's own page type fits). */
export interface TextPage {
  page: number;
  lines: readonly { text: string }[];
  /** Lines and tables in reading order: when present, table cells are judged too. */
  flow?: readonly ({ text: string } | TableText)[];
}

/** Every piece of text the page shows: its lines, and its table cells when the layout found tables. */
export function pageTexts(page: TextPage): string[] {
  if (!page.flow) return page.lines.map((line) => line.text);
  const texts: string[] = [];
  for (const item of page.flow) {
    if (!("kind" in item)) texts.push(item.text);
    else for (const row of item.table.rows) for (const cell of row) texts.push(cell.pieces.map((piece) => piece.text).join(" "));
  }
  return texts;
}

/**
 * Share of symbol soup from which a page, or the document, is judged unreadable. Measured: 0.68 to
 * 0.87 on the pages of a PDFCreator file with unmapped fonts, at most 0.02 on real French documents
 * (forms full of blanks and check boxes, CERFA numbers, a magazine page, a 32-page guide).
 */
export const MAX_GARBAGE_SHARE = 0.5;
/** Below this much soup (in characters) a page is too short to judge: a stray symbol is not a font. */
export const MIN_GARBAGE = 20;

export interface UnmappedVerdict {
  /** The whole text layer is unreadable. */
  unreadable: boolean;
  /** Pages to leave out (1-based, in order), when the rest of the document reads fine. */
  pages: number[];
  /** The whole document's judgement, for diagnostics. */
  judgement: TextJudgement;
}

export function judgePages(pages: readonly TextPage[], lexicon: ReadonlySet<string>): UnmappedVerdict {
  let total = EMPTY_JUDGEMENT;
  const bad: number[] = [];
  for (const page of pages) {
    let judgement = EMPTY_JUDGEMENT;
    for (const text of pageTexts(page)) judgement = addJudgements(judgement, judgeText(text, lexicon));
    total = addJudgements(total, judgement);
    if (isUnreadable(judgement)) bad.push(page.page);
  }
  const unreadable = isUnreadable(total);
  return { unreadable, pages: unreadable ? [] : bad, judgement: total };
}

function isUnreadable(judgement: TextJudgement): boolean {
  return judgement.garbage >= MIN_GARBAGE && garbageShare(judgement) >= MAX_GARBAGE_SHARE;
}
