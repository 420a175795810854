/**
 * The document model shared by every format. Ingesters produce `BlockInput`s; `buildDocument`
 * renders them to one stable plain text and gives every block its offsets in it, so that any
 * finding can be pointed back to its place.
 */

export type SourceFormat = "docx" | "pdf" | "odt" | "md" | "txt";

export type Alignment = "left" | "right" | "center" | "justify";

/** Character-level formatting, effective after style inheritance where the format has styles. */
export interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  allCaps?: boolean;
  fontFamily?: string;
  /** In points. */
  fontSizePt?: number;
}

export interface Run extends RunStyle {
  text: string;
}

/**
 * Where a stretch of a unit's text comes from in the file the user opened. `at` counts the unit's
 * characters before the stretch, white space left out: rendering only collapses and trims white
 * space, so that count is the same in what an ingester read and in the rendered unit. A mark holds
 * until the next one. Markdown and text: the source line and column (1-based, in code points) of
 * the stretch's first character, the stretch being copied as is (single spaces included). DOCX and
 * ODT: the paragraph element it was read from (0-based, in the document order of the part's
 * paragraph elements). PDF: the page and the line on it (counted from the top).
 */
export interface SourceMark {
  at: number;
  line?: number;
  column?: number;
  page?: number;
  paragraph?: number;
  /** Read from a footnote or an endnote (DOCX, ODT). */
  note?: true;
}

/** Paragraph-level layout, effective after style inheritance. */
export interface BlockLayout {
  alignment?: Alignment;
  /** Line spacing as a multiple of single spacing (1.5 = one and a half lines). */
  lineSpacing?: number;
  /** Name of the paragraph style, when the format has one. */
  styleName?: string;
}

// ---- What ingesters produce (no offsets yet) ----

export interface HeadingInput {
  type: "heading";
  origin?: SourceMark[];
  level: number;
  runs: Run[];
  layout?: BlockLayout;
}

export interface ParagraphInput {
  type: "paragraph";
  origin?: SourceMark[];
  runs: Run[];
  layout?: BlockLayout;
}

export interface ListItemInput {
  runs: Run[];
  origin?: SourceMark[];
  /** Nested lists under this item. */
  children?: ListInput[];
}

export interface ListInput {
  type: "list";
  ordered: boolean;
  /** Number of the first item of an ordered list that does not start at 1 (« 3. », « 4. »…). */
  firstNumber?: number;
  items: ListItemInput[];
  layout?: BlockLayout;
}

export interface TableCellInput {
  runs: Run[];
  origin?: SourceMark[];
}

export interface TableInput {
  type: "table";
  rows: TableCellInput[][];
  layout?: BlockLayout;
}

export type BlockInput = HeadingInput | ParagraphInput | ListInput | TableInput;

// ---- The built model (with offsets into Document.text) ----

/** A half-open range [start, end) of UTF-16 offsets in `FalcDocument.text`. */
export interface TextRange {
  start: number;
  end: number;
}

/** A piece of text that analysis treats as one unit: sentences never cross a unit boundary. */
export interface TextUnit extends TextRange {
  text: string;
  runs: Run[];
  /** Where the unit's text comes from in the source file, when the ingester knows. */
  origin?: SourceMark[];
}

export interface HeadingBlock extends TextUnit {
  type: "heading";
  level: number;
  layout?: BlockLayout;
}

export interface ParagraphBlock extends TextUnit {
  type: "paragraph";
  layout?: BlockLayout;
}

export interface ListItem extends TextUnit {
  /** 0 for top-level items. */
  depth: number;
  children: ListBlock[];
}

export interface ListBlock extends TextRange {
  type: "list";
  ordered: boolean;
  /** Number of the first item, when an ordered list does not start at 1. */
  firstNumber?: number;
  items: ListItem[];
  text: string;
  layout?: BlockLayout;
}

export interface TableCell extends TextUnit {}

export interface TableBlock extends TextRange {
  type: "table";
  rows: TableCell[][];
  text: string;
  layout?: BlockLayout;
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock;

export interface Section extends TextRange {
  index: number;
  title: string;
  /** Heading level of the title (0 when the section has no heading, e.g. a preamble). */
  level: number;
  /**
   * Set when falc made the title up: « Début du document », the document's title for a text without
   * headings, « … (suite) » for a part of a long section. A label for reviewers, never a heading of
   * the reader's draft; absent when the title is the heading the section starts with.
   */
  titleMadeUp?: true;
  blocks: Block[];
  text: string;
  wordCount: number;
}

export interface DocumentWarning {
  code: string;
  /** French, for the user. */
  message: string;
}

export interface SourceInfo {
  /** As given by the user ("-" for stdin). */
  path: string;
  format: SourceFormat;
  sha256: string;
  size: number;
}

export interface FalcDocument {
  source: SourceInfo;
  title: string;
  warnings: DocumentWarning[];
  /** The stable plain-text rendering every offset refers to. */
  text: string;
  sections: Section[];
  /** Document-wide layout defaults when the format has them (docDefaults, default paragraph style). */
  defaults?: RunStyle & BlockLayout;
}
