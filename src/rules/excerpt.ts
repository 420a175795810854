/**
 * The excerpt of a finding: the text around it (its sentence, or its block for a layout rule), cut to a
 * window around the flagged span when that text is long, so that a reviewer always sees the flagged
 * words. « … » marks each cut.
 */

/** Longest excerpt, in UTF-16 code units, not counting the « … » marks. */
export const MAX_EXCERPT = 400;

const ELLIPSIS_START = "… ";
const ELLIPSIS_END = " …";
/** How far a cut may move back to fall between two words rather than inside one. */
const WORD_SLACK = 24;

export interface Excerpt {
  excerpt: string;
  /** Where the flagged span starts inside `excerpt`. */
  excerptOffset: number;
}

/**
 * `text.slice(from, to)` when it fits in `max`; otherwise a window of at most `max` characters that
 * holds the span `[start, end)` (its beginning only, when the span itself is longer than `max`), with
 * the context shared between both sides.
 */
export function excerptAround(text: string, from: number, to: number, start: number, end: number, max = MAX_EXCERPT): Excerpt {
  from = Math.max(0, Math.min(from, start));
  to = Math.min(text.length, Math.max(to, end));
  if (to - from <= max) return { excerpt: text.slice(from, to), excerptOffset: start - from };
  let left: number;
  let right: number;
  if (end - start >= max) {
    left = start;
    right = start + max;
  } else {
    const room = max - (end - start);
    const before = Math.min(start - from, Math.ceil(room / 2));
    const after = Math.min(to - end, room - before);
    // Room one side does not need goes to the other.
    left = start - Math.min(start - from, room - after);
    right = end + after;
  }
  if (left > from) left = wordStartAfter(text, left, start);
  if (isLowSurrogate(text.charCodeAt(left)) && left < start) left++;
  if (right < to) right = wordEndBefore(text, right, Math.max(end, left + 1));
  right = avoidSplitSurrogate(text, right);
  const prefix = left > from ? ELLIPSIS_START : "";
  const suffix = right < to ? ELLIPSIS_END : "";
  const body = text.slice(left, right);
  const trimmedStart = prefix ? Math.min(body.length - body.trimStart().length, start - left) : 0;
  const shown = body.slice(trimmedStart);
  return {
    excerpt: `${prefix}${suffix ? shown.trimEnd() : shown}${suffix}`,
    excerptOffset: prefix.length + start - left - trimmedStart,
  };
}

/** Moves a left cut forward to the next word start, never past `limit` (the flagged span's start). */
function wordStartAfter(text: string, at: number, limit: number): number {
  if (at === 0 || /\s/.test(text[at - 1]!)) return at;
  for (let i = at; i < Math.min(limit, at + WORD_SLACK); i++) if (/\s/.test(text[i]!)) return i + 1;
  return at;
}

/** Moves a right cut back to the end of a word, never before `limit` (the flagged span's end). */
function wordEndBefore(text: string, at: number, limit: number): number {
  if (at >= text.length || /\s/.test(text[at]!)) return at;
  for (let i = at; i > Math.max(limit, at - WORD_SLACK); i--) if (/\s/.test(text[i - 1]!)) return i - 1;
  return at;
}

function avoidSplitSurrogate(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
