import { isTerminator, sentenceEnd } from "./sentences/boundary.js";
import { CARRIAGE_RETURN, LINE_FEED, SEMICOLON, STRAIGHT_QUOTE, isLineBreak, isSpace } from "./sentences/chars.js";

/** A sentence: `text === input.slice(start, end)`, trimmed, never empty. Offsets are UTF-16 indexes. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** Line breaks, straight double quotes, « ; » and terminators: every other character is skipped. */
const NOTABLE = /[\n\r\v\f\x85\u2028\u2029";.!?\u2026]/g;

/**
 * Splits French text into sentences, in one pass.
 *
 * - A line break always ends a sentence: headings, list items and one-sentence-per-line texts have no
 *   final punctuation, and the document model renders one block, item or line per line.
 * - « . », « ! », « ? », « … » end a sentence when a space and a capital letter or a digit follow
 *   (after any closing quote or bracket, which stays with the sentence it ends). A lower-case word after
 *   « ? » or « ! » continues the sentence (« Qui va là ? demanda-t-il »).
 * - A period does not end a sentence after a title or inline abbreviation (« M. », « cf. »), an initial
 *   (« J. R. R. Tolkien »), a reference before a number (« art. 3 ») or a list label (« 1. », « Art. 3. »).
 *   Decimals, URLs and e-mail addresses are safe because a boundary needs a space after the period.
 * - « ; » ends a sentence only before a capitalised closed-class word (« ; Les… »): French goes on in
 *   lower case after a semicolon, and such a word cannot be a proper noun.
 * - Sentences without punctuation cannot be found: text without terminator is one sentence.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const n = text.length;
  let start = 0;
  // Straight double quotes seen on this line and in this sentence: with an odd count in either, the next
  // one closes a quotation (the sentence count helps when an earlier quote on the line was left open).
  let lineQuotes = 0;
  let sentenceQuotes = 0;
  for (let i = 0; i < n; i++) {
    // Jump to the next character that matters here (the regex engine scans faster than a loop).
    NOTABLE.lastIndex = i;
    if (!NOTABLE.test(text)) break;
    i = NOTABLE.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) {
      pushSpan(spans, text, start, i);
      if (c === CARRIAGE_RETURN && text.charCodeAt(i + 1) === LINE_FEED) i++;
      start = i + 1;
      lineQuotes = 0;
      sentenceQuotes = 0;
      continue;
    }
    if (c === STRAIGHT_QUOTE) {
      lineQuotes++;
      sentenceQuotes++;
      continue;
    }
    const semicolon = c === SEMICOLON;
    if (!semicolon && !isTerminator(c)) continue;
    let runEnd = i + 1;
    if (!semicolon) while (runEnd < n && isTerminator(text.charCodeAt(runEnd))) runEnd++;
    const quoteOpen = (lineQuotes & 1) === 1 || (sentenceQuotes & 1) === 1;
    const end = sentenceEnd(text, i, runEnd, start, quoteOpen);
    if (end < 0) {
      i = runEnd - 1;
      continue;
    }
    pushSpan(spans, text, start, end);
    lineQuotes += countQuotes(text, runEnd, end);
    sentenceQuotes = 0;
    start = end;
    i = end - 1;
  }
  pushSpan(spans, text, start, n);
  return spans;
}

function countQuotes(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === STRAIGHT_QUOTE) count++;
  return count;
}

function pushSpan(spans: SentenceSpan[], text: string, from: number, to: number): void {
  let start = from;
  let end = to;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) spans.push({ text: text.slice(start, end), start, end });
}
