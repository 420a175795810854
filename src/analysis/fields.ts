/**
 * Form fields: the blanks a reader fills in (« Nom : ________ », « né le ..../..../........ »,
 * « |__|__|__| », a mail-merge « «SAR_A_STREET» ») and the boxes a reader ticks (« ☐ oui ☐ non », « [ ] »). They are places on the
 * page, not text: no rule reads them, they are neither words nor sentence ends in the figures, and a
 * rewrite keeps them as they are. The rules engine, the readability figures and the offline rewrite
 * all take them from here, so that they agree on what a field is.
 *
 * A dot leader of a table of contents is the PDF reader's business (it never reaches a unit).
 */

export interface FieldSpan {
  start: number;
  end: number;
}

/** One blank of a compound field: underscores (single spaces allowed between them), dots, ellipses. */
const BLANK = String.raw`(?:_(?:[ \u00A0]?_)*|\.{2,}|…+)`;
/** « __/__/____ », « _ _ /_ _ /_ _ _ _ », « ..h.. », « ……:…… »: blanks joined by a separator. */
const COMPOUND = String.raw`${BLANK}(?:[ \u00A0]?[/:.h-][ \u00A0]?${BLANK})+`;
/** Three underscores or more, single spaces allowed between them. */
const UNDERSCORES = String.raw`_(?:[ \u00A0]?_){2,}`;
/**
 * Dots and ellipses standing for a blank: at least five dots' worth (« … » counts three), so that a
 * lone « … » or « ... » stays the ellipsis a writer meant. « . . . . . » is a blank too.
 */
const DOTS = String.raw`(?:[.…]*…[.…]*…[.…]*|[.…]*(?:…\.{2,}|\.{2,}…|\.{5,})[.…]*|\.(?:[ \u00A0]\.){4,})`;
/** « ---------- », a leader from a label to its box. */
const DASHES = String.raw`[-–—‐]{4,}`;
/** « |__|__|__| »: one box per character to write. */
const CHARACTER_BOXES = String.raw`\|(?:[ \u00A0_]*_[ \u00A0_]*\|)+`;
/** Empty, ticked and crossed boxes, as fonts and PDF readers give them. */
const BOX = "[☐☑☒□▢◻◽⬜❏❐❑❒]";
/** « [ ] », « [x] », « ( ) »: boxes typed with brackets. An empty « () » is a blank too. */
const BRACKET_BOX = String.raw`\[[ \u00A0]?[xX✓✔]?[ \u00A0]?\]|\([ \u00A0]?\)`;

/** « «SAR_PP_LASTNAME» »: a mail-merge field of a Word template, filled in when the letter is printed. */
const MERGE_FIELD = String.raw`«[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)+»`;

const FIELD = new RegExp([MERGE_FIELD, COMPOUND, UNDERSCORES, DOTS, DASHES, CHARACTER_BOXES, BOX, BRACKET_BOX].join("|"), "gu");
/**
 * What every field holds, one alternative per kind above (an underscore, two dots, an ellipsis, dots
 * spaced out, four dashes, a bar, a box, a bracket, empty parentheses): most units have none of them,
 * and are not scanned further. A single character class would let through every unit with a period.
 */
const FIELD_CHAR = /_|\.\.|…|\.[ \u00A0]\.|[-–—‐]{4}|\||[☐☑☒□▢◻◽⬜❏❐❑❒]|\[|\([ \u00A0]?\)/u;

/** The fields of `text`, in order, none overlapping. */
export function findFields(text: string): FieldSpan[] {
  if (!FIELD_CHAR.test(text)) return [];
  const fields: FieldSpan[] = [];
  FIELD.lastIndex = 0;
  for (let m = FIELD.exec(text); m !== null; m = FIELD.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    // A short dot run glued to a word is an ellipsis typed with too many dots (« etc..... »,
    // « hôtes !...... »); a long one is a blank (« Nom.......... »).
    if (isDotsOnly(m[0]) && m[0].length < 8 && start > 0 && /[\p{L}\p{N}!?]/u.test(text.charAt(start - 1))) continue;
    fields.push({ start, end });
  }
  return fields;
}

function isDotsOnly(match: string): boolean {
  return /^\.+$/.test(match);
}

/**
 * `text` with every field turned into spaces, offsets unchanged: the tokenizer and the sentence
 * splitter then see neither a word nor a sentence end there.
 */
export function maskFields(text: string, fields: readonly FieldSpan[] = findFields(text)): string {
  if (fields.length === 0) return text;
  let out = "";
  let cursor = 0;
  for (const field of fields) {
    out += text.slice(cursor, field.start) + " ".repeat(field.end - field.start);
    cursor = field.end;
  }
  return out + text.slice(cursor);
}

/** Whether [start, end) lies inside one field (or across fields that touch). */
export function insideFields(fields: readonly FieldSpan[], start: number, end: number): boolean {
  return insideSpans(fields, start, end);
}

/**
 * Whether [start, end) is covered by the sorted, non-overlapping `spans`, touching spans counting as
 * one (a finding on « _/_ » spans two blanks joined by nothing a reader sees).
 */
export function insideSpans(spans: readonly { start: number; end: number }[], start: number, end: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  let at = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid]!.start <= start) {
      at = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (at < 0) return false;
  let reach = spans[at]!.end;
  if (reach <= start) return false;
  for (let k = at + 1; reach < end && k < spans.length && spans[k]!.start <= reach; k++) reach = Math.max(reach, spans[k]!.end);
  return reach >= end;
}
