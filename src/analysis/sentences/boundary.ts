import { abbreviationByLastWord } from "../abbreviations.js";
import {
  APOSTROPHE,
  ELLIPSIS,
  EXCLAMATION,
  PERIOD,
  QUESTION,
  RIGHT_SINGLE_QUOTE,
  SEMICOLON,
  STRAIGHT_QUOTE,
  isCloser,
  isDigit,
  isInlineSpace,
  isLetterAt,
  isLineBreak,
  isLowerAt,
  isOpener,
  isSpace,
  isUpperAt,
} from "./chars.js";
import { isSentenceOpener } from "./openers.js";

/**
 * A sentence that is only a list or article number so far: « 1. », « 3.2. », « IV. », « A. »,
 * « Art. 3. », « Article 1er. ». Its period is part of the label, not the end of a sentence.
 */
const LABEL =
  /^[\s\-–—•*·▪◦►]*(?:(?:[Aa]rt(?:icle)?|ARTICLE|[Cc]hap(?:itre)?|CHAPITRE|[Tt]itre|TITRE|[Ss]ection|SECTION|[Pp]artie|PARTIE|[Aa]nnexe|ANNEXE|§)\.?\s*)?(?:\d+(?:\.\d+)*(?:er|re|e)?|[IVXLC]{1,6}|[A-Za-z])$/;
const LABEL_MAX_LENGTH = 40;

/** Initials written together: « J.A », « J.-P », « H.R.F » (the final period is not part of the word). */
const DOTTED_INITIALS = /^(?:\p{Lu}\.-?)+\p{Lu}$/u;

/** Abbreviated given names of two or three letters, read like initials (« Ch. de Gaulle »). */
const NAME_ABBREVIATIONS = new Set(["Ch", "Chr", "Ph", "Th"]);

/** What follows a terminator, once closing quotes and brackets are passed. */
interface Next {
  /** Where the sentence ends: after the terminator and its closers. */
  end: number;
  /** Whether a closing bracket or quote came after the terminator. */
  closed: boolean;
  /** Index of the first character of the next word, after spaces and opening quotes; -1 at a line end. */
  word: number;
}

/** Skips the closers after a terminator, then the spaces and openers before the next word. */
function readNext(text: string, runEnd: number, quoteOpen: boolean): Next | undefined {
  const n = text.length;
  let end = runEnd;
  let closed = false;
  let open = quoteOpen;
  for (;;) {
    let m = end;
    while (m < n && isInlineSpace(text.charCodeAt(m))) m++;
    if (m >= n) break;
    const c = text.charCodeAt(m);
    // A straight quote closes only an open quotation, and only when no word is glued to it (« "L'an »).
    const closesQuote = c === STRAIGHT_QUOTE && open && (m + 1 >= n || !isLetterAt(text, m + 1));
    if (!isCloser(c) && !closesQuote) break;
    if (c === RIGHT_SINGLE_QUOTE && m + 1 < n && isLetterAt(text, m + 1)) break;
    if (c === STRAIGHT_QUOTE) open = false;
    end = m + 1;
    closed = true;
  }
  if (end >= n || isLineBreak(text.charCodeAt(end))) return { end, closed, word: -1 };
  // Glued text is not a boundary: « 3.5 », « www.exemple.fr », « etc., ».
  if (!isSpace(text.charCodeAt(end))) return undefined;
  let p = end;
  while (p < n && (isInlineSpace(text.charCodeAt(p)) || isOpener(text.charCodeAt(p)))) p++;
  if (p >= n || isLineBreak(text.charCodeAt(p))) return { end, closed, word: -1 };
  return { end, closed, word: p };
}

/** A capitalised word of two letters or more (« Le », « Il »), as opposed to « L. » or « IV ». */
function isCapitalisedWord(text: string, at: number): boolean {
  return isUpperAt(text, at) && at + 1 < text.length && isLowerAt(text, at + 1);
}

/** The word at `at` as an opener key: letters, plus a straight apostrophe for an elision (« Qu' »). */
function openerKey(text: string, at: number): string {
  let e = at;
  while (e < text.length && isLetterAt(text, e)) e++;
  const c = text.charCodeAt(e);
  const elided = (c === APOSTROPHE || c === RIGHT_SINGLE_QUOTE) && e + 1 < text.length && isLetterAt(text, e + 1);
  return elided ? `${text.slice(at, e)}'` : text.slice(at, e);
}

function isWordChar(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c === PERIOD || c === 0x2d || c === 0xb0 || isDigit(c) || isLetterAt(text, at);
}

/** Whether a number (« 14 h. », « 10 min. ») comes right before the word starting at `start`. */
function followsNumber(text: string, start: number, sentenceStart: number): boolean {
  let p = start;
  while (p > sentenceStart && isInlineSpace(text.charCodeAt(p - 1))) p--;
  return p < start && p > sentenceStart && isDigit(text.charCodeAt(p - 1));
}

function isLabel(text: string, sentenceStart: number, dot: number): boolean {
  return dot - sentenceStart <= LABEL_MAX_LENGTH && LABEL.test(text.slice(sentenceStart, dot));
}

function isNumber(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (!isDigit(c) && c !== PERIOD) return false;
  }
  return true;
}

/** Particles that start French surnames (« J. Le Goff », « P. de La Fontaine »): never a sentence start. */
const NAME_PARTICLES = new Set(["Le", "La", "Les", "De", "Du", "Des", "D'", "L'"]);

/**
 * After a capital letter and a period, a name usually follows (« J. R. R. Tolkien », « Charles de G. »).
 * A capitalised closed-class word is no name: the letter ended the sentence (« Louis I. Il régna… »,
 * « Mac OS X. Une version… »).
 */
function initialEnds(text: string, word: number): boolean {
  if (word < 0 || !isUpperAt(text, word)) return false;
  const key = openerKey(text, word);
  return isSentenceOpener(key) && !NAME_PARTICLES.has(key);
}

/** Decides whether a single period ends the sentence, from the word before it and the word after it. */
function periodEnds(text: string, dot: number, sentenceStart: number, next: Next): boolean {
  let s = dot;
  while (s > sentenceStart && isWordChar(text, s - 1)) s--;
  if (s === dot) return true;
  if (isLabel(text, sentenceStart, dot)) return false;
  const word = text.slice(s, dot);
  if (isNumber(word)) return true;
  const nextIsDigit = next.word >= 0 && isDigit(text.charCodeAt(next.word));
  const abbreviation = abbreviationByLastWord(word);
  if (word.length === 1 && isUpperAt(text, s) && abbreviation?.role !== "title") return initialEnds(text, next.word);
  if (abbreviation) {
    if (abbreviation.role === "title") return false;
    if (abbreviation.role === "inline") return next.closed;
    if (followsNumber(text, s, sentenceStart)) return true;
    return !nextIsDigit && isCapitalisedWord(text, next.word);
  }
  // A lone lower-case letter is « p. », « v. »… or a unit after a number (« à 14 h. »).
  if (word.length === 1) return followsNumber(text, s, sentenceStart);
  if (DOTTED_INITIALS.test(word) || NAME_ABBREVIATIONS.has(word)) return false;
  return true;
}

/**
 * The end of the sentence closed by the terminator run `[runStart, runEnd)`, or -1 when the run does not
 * end a sentence. `sentenceStart` is where the current sentence began; `quoteOpen` tells whether a straight
 * double quote is open (an odd number of them on this line or in this sentence so far).
 */
export function sentenceEnd(text: string, runStart: number, runEnd: number, sentenceStart: number, quoteOpen: boolean): number {
  const first = text.charCodeAt(runStart);
  const next = readNext(text, runEnd, quoteOpen);
  if (!next) return -1;
  if (next.word < 0) return next.end;
  const w = next.word;
  if (first === SEMICOLON) return isUpperAt(text, w) && isSentenceOpener(openerKey(text, w)) ? next.end : -1;
  if (!isUpperAt(text, w) && !isDigit(text.charCodeAt(w))) return -1;
  // « (!) », « […] », « (…) »: a remark or a cut inside the sentence, not its end.
  const before = runStart > 0 ? text.charCodeAt(runStart - 1) : 0;
  if (before === 0x5b || before === 0x28) return -1;
  let strong = false;
  let dots = 0;
  for (let k = runStart; k < runEnd; k++) {
    const c = text.charCodeAt(k);
    if (c === EXCLAMATION || c === QUESTION) strong = true;
    else if (c === PERIOD) dots++;
    else if (c === ELLIPSIS) dots += 3;
  }
  if (strong) return next.end;
  if (dots > 1) return next.end;
  return periodEnds(text, runStart, sentenceStart, next) ? next.end : -1;
}

/** Characters that can end a sentence; a run of them is judged as one terminator. */
export function isTerminator(c: number): boolean {
  return c === PERIOD || c === EXCLAMATION || c === QUESTION || c === ELLIPSIS;
}
