import { findFields, maskFields } from "../analysis/fields.js";
import { findIdentifiers } from "../analysis/identifiers.js";
import { splitSentences, type SentenceSpan } from "../analysis/sentences.js";
import { replayTokens, type TokenTape } from "../analysis/token-tape.js";
import { scanTokens, type TokenKind } from "../analysis/tokens.js";
import type { RunStyle } from "../model/types.js";
import { indexEntry } from "./text/features.js";
import { CLITIC_CANON, wordFormAt, type WordForm } from "./text/forms.js";
import { overlaps, type MaskKind, type Span } from "./text/masks.js";

/** Word flags, as bits, so that detectors test them without allocating. */
export const W_NUMBER = 1;
/** First letter is a capital. */
export const W_CAP = 2;
/** Two letters or more, all capitals. */
export const W_ALLCAPS = 4;
/** An elided clitic: « l' », « qu' ». */
export const W_CLITIC = 8;
export const W_SENTENCE_START = 16;
/** A web or e-mail address: counted as a word, never read as prose. */
export const W_MASKED = 32;
/** « s' » before « il(s) », which is « si ». */
const W_SI = 64;
/** Quantities, as the tokenizer typed them: « 15 % », « 74,50 € », « 01/03/2026 », « 14 h 30 » or a phone number. */
export const W_PERCENT = 128;
export const W_CURRENCY = 256;
export const W_DATE = 512;
export const W_TIME_OR_PHONE = 1024;
const QUANTITY_FLAGS: Readonly<Record<string, number>> = { percent: W_PERCENT, currency: W_CURRENCY, date: W_DATE, time: W_TIME_OR_PHONE, phone: W_TIME_OR_PHONE };

export interface StyledRange extends RunStyle {
  start: number;
  end: number;
}

/** Token kinds that are quantities: one word each, never read as letters. */
const NUMBER_KINDS = new Set(["number", "ordinal", "time", "date", "percent", "currency", "phone"]);
const MASKED_KINDS = new Set(["url", "email"]);
const MASK_OF_KIND: Readonly<Record<string, MaskKind>> = { url: "url", email: "email", phone: "phone", date: "date", time: "time" };
const NO_SPANS: Span[] = [];
const CURLY_APOSTROPHES = /[’‘]/g;
const HAS_CURLY_APOSTROPHE = /[’‘]/;

/**
 * Everything rules share about one unit of text (a paragraph, a heading, a list item, a table cell):
 * tokens and sentences are computed once here, never by a rule.
 *
 * Words are stored as parallel arrays (word i is `wordLower[i]`, `wordStart[i]`…) rather than one
 * object each: a long text has hundreds of thousands of words, and objects that live as long as the
 * check would cost more in garbage collection than all the rules together.
 */
export class UnitContext {
  readonly lower: string;
  readonly sentences: SentenceSpan[];
  readonly wordCount: number;
  /** Lowercase form, apostrophes as `'`. */
  readonly wordLower: string[];
  /** The shared record of that form (text/forms.ts): what is known about it once and for all. */
  readonly wordForm: WordForm[];
  /** Offsets in the unit text, end exclusive. */
  readonly wordStart: Int32Array;
  readonly wordEnd: Int32Array;
  readonly wordSentence: Int32Array;
  /** W_* bits. */
  readonly wordFlags: Int32Array;
  /** Which phrase matchers may start at this word (see lexicon/matcher.ts). */
  readonly wordFirst: Int32Array;
  /** Which word lists contain this word (see text/features.ts). */
  readonly wordFeatures: Int32Array;
  /** Index of the first word of each sentence; one extra entry for the end. */
  readonly sentenceWordStart: Int32Array;
  /**
   * The union of `wordFeatures`, `wordFirst` and `wordFlags` over the unit's words: a rule whose words
   * need bits no word has skips the unit without a look at each word.
   */
  readonly anyFeatures: number;
  readonly anyFirst: number;
  readonly anyFlags: number;
  /**
   * Form fields (« ______ », « ☐ ») and identifiers (« 16030*01 », « EN 301 549 »), sorted and merged:
   * places no rule may report on (see analysis/fields.ts and analysis/identifiers.ts).
   */
  readonly untouchable: readonly Span[];
  /** Spans of addresses, phone numbers, dates and times, as the tokenizer found them. */
  private readonly maskSpans: Record<MaskKind, Span[]> | undefined;
  private maskCache: Map<readonly MaskKind[], Span[]> | undefined;

  constructor(
    readonly text: string,
    /** Offset of the unit in the analysed text. */
    readonly base: number,
    readonly sectionIndex: number,
    /** Per-check state that rules keep across units (acronym definitions, words already reported). */
    readonly state: Map<string, unknown>,
    /** Character styles of the unit, when it comes from a formatted document. */
    readonly runs?: readonly StyledRange[],
    /** The tokens of `text`, when they were read already (see model/token-tapes.ts). */
    tokens?: TokenTape,
  ) {
    const lower = text.toLowerCase();
    const sameLength = lower.length === text.length ? lower : text;
    // One regex scan finds either quote faster than two `includes`.
    this.lower = HAS_CURLY_APOSTROPHE.test(sameLength) ? sameLength.replace(CURLY_APOSTROPHES, "'") : sameLength;
    const fields = findFields(text);
    this.untouchable = mergeSpans(fields, findIdentifiers(text));
    // Fields are read as spaces: neither words nor sentence ends, offsets unchanged.
    const analysed = maskFields(text, fields);
    this.sentences = analysed === text ? splitSentences(text) : splitSentences(analysed).map((s) => ({ text: text.slice(s.start, s.end), start: s.start, end: s.end }));
    const builder = new WordBuilder(text, this.lower, (text.length >> 2) + 16, this.sentences.length + 1);
    if (tokens !== undefined && analysed === text && tokens.text === text) replayTokens(tokens, builder.take);
    else scanTokens(analysed, builder.take);
    builder.finish();
    this.maskSpans = builder.maskSpans;
    this.wordCount = builder.count;
    this.wordLower = builder.lower;
    this.wordForm = builder.forms;
    this.wordStart = builder.start.subarray(0, builder.count);
    this.wordEnd = builder.end.subarray(0, builder.count);
    this.wordFlags = builder.flags.subarray(0, builder.count);
    this.wordFirst = builder.first.subarray(0, builder.count);
    this.wordFeatures = builder.features.subarray(0, builder.count);
    this.wordSentence = builder.sentence.subarray(0, builder.count);
    this.sentenceWordStart = this.assignSentences(builder.sentenceStarts);
    let features = 0;
    let first = 0;
    let flags = 0;
    for (let i = 0; i < this.wordCount; i++) {
      features |= this.wordFeatures[i]!;
      first |= this.wordFirst[i]!;
      flags |= this.wordFlags[i]!;
    }
    this.anyFeatures = features;
    this.anyFirst = first;
    this.anyFlags = flags;
  }

  /** The form expressions are matched on: lowercase, elisions expanded, « la » as « le » (see text/elision.ts). */
  canon(i: number): string {
    const lower = this.wordLower[i]!;
    const flags = this.wordFlags[i]!;
    if ((flags & W_CLITIC) !== 0) return (flags & W_SI) !== 0 ? "si" : (CLITIC_CANON.get(lower) ?? lower);
    return lower === "la" ? "le" : lower;
  }

  /** Word `i` as written (for a clitic, with its apostrophe). */
  surface(i: number): string {
    return this.text.slice(this.wordStart[i]!, this.wordEnd[i]!);
  }

  /** Length of word `i` in characters. */
  wordLength(i: number): number {
    return this.wordEnd[i]! - this.wordStart[i]!;
  }

  /** Spans of the given kinds, sorted (cached per kinds array: rules pass the same array each time). */
  masks(kinds: readonly MaskKind[]): Span[] {
    const all = this.maskSpans;
    if (all === undefined) return NO_SPANS;
    this.maskCache ??= new Map();
    let spans = this.maskCache.get(kinds);
    if (spans === undefined) {
      spans = kinds.length === 1 ? all[kinds[0]!] : kinds.flatMap((kind) => all[kind]).sort((a, b) => a.start - b.start);
      this.maskCache.set(kinds, spans);
    }
    return spans;
  }

  isMasked(kinds: readonly MaskKind[], start: number, end: number): boolean {
    const spans = this.masks(kinds);
    return spans.length > 0 && overlaps(spans, start, end);
  }

  /** Index of the sentence that contains `offset` (or the nearest one after it). */
  sentenceAt(offset: number): number {
    let low = 0;
    let high = this.sentences.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.sentences[mid]!.end <= offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /**
   * The range of sentence `s`, closing punctuation included (« . », « ?! », « … », a closing quote),
   * whatever the splitter's convention, so that sentence findings always cover the same text.
   */
  sentenceRange(s: number): { start: number; end: number } {
    const sentence = this.sentences[s]!;
    const text = this.text;
    let end = sentence.end;
    while (end > sentence.start && isSpace(text.charCodeAt(end - 1))) end--;
    while (end < text.length && isClosing(text.charCodeAt(end))) end++;
    while (end > sentence.start && isSpace(text.charCodeAt(end - 1))) end--;
    return { start: sentence.start, end };
  }

  /** Words of a sentence that count for its length: numbers and words, not elided clitics. */
  sentenceWordCount(sentence: number): number {
    let count = 0;
    for (let i = this.sentenceWordStart[sentence]!; i < this.sentenceWordStart[sentence + 1]!; i++) {
      if ((this.wordFlags[i]! & W_CLITIC) === 0) count++;
    }
    return count;
  }

  /** Gives each word its sentence; returns the index of each sentence's first word (plus the end). */
  private assignSentences(starts: Int32Array): Int32Array {
    const sentences = this.sentences;
    const count = this.wordCount;
    starts.fill(count);
    let s = 0;
    for (let i = 0; i < count; i++) {
      const start = this.wordStart[i]!;
      while (s < sentences.length - 1 && start >= sentences[s]!.end) s++;
      this.wordSentence[i] = s;
      if (starts[s] === count) {
        starts[s] = i;
        this.wordFlags[i] = this.wordFlags[i]! | W_SENTENCE_START;
      }
    }
    for (let k = sentences.length - 1; k >= 0; k--) if (starts[k]! > starts[k + 1]!) starts[k] = starts[k + 1]!;
    // « s' » before « il(s) » is « si »: « s'il pleut ».
    for (let i = 0; i + 1 < count; i++) {
      if (this.wordLower[i] === "s'" && (this.wordLower[i + 1] === "il" || this.wordLower[i + 1] === "ils")) {
        this.wordFlags[i] = this.wordFlags[i]! | W_SI;
        this.wordFirst[i] = indexEntry("si")?.first ?? 0;
      }
    }
    return starts;
  }
}

/**
 * Turns tokens into words the same way whatever the tokenizer does with elision and hyphens: a
 * compound split on its hyphens is joined back (« peut-être »), an elided clitic is split off
 * (« l'aide » → « l' » + « aide »), quantities are one word each.
 */
class WordBuilder {
  count = 0;
  readonly lower: string[] = [];
  readonly forms: WordForm[] = [];
  maskSpans: Record<MaskKind, Span[]> | undefined;
  start!: Int32Array;
  end!: Int32Array;
  flags!: Int32Array;
  first!: Int32Array;
  features!: Int32Array;
  /** Filled by UnitContext.assignSentences, once the words are known. */
  sentence!: Int32Array;
  sentenceStarts!: Int32Array;
  /** The word being read: the next tokens tell whether a hyphen joins another word to it (« peut-être »). */
  private wordFrom = -1;
  private wordTo = -1;
  /** End of the hyphen token right after that word, or -1. */
  private hyphenTo = -1;

  constructor(
    private readonly text: string,
    private readonly lowerText: string,
    capacity: number,
    /** Length of UnitContext.sentenceWordStart: one per sentence, plus one. */
    private readonly sentenceSlots: number,
  ) {
    this.allocate(capacity);
  }

  /** Receives the tokens in order, straight from the tokenizer. */
  readonly take = (start: number, end: number, kind: TokenKind): void => {
    if (this.wordFrom >= 0) {
      if (this.hyphenTo >= 0) {
        if (kind === "word" && start === this.hyphenTo) {
          this.wordTo = end;
          this.hyphenTo = -1;
          return;
        }
        // The hyphen joins nothing: it is punctuation, which makes no word.
        this.hyphenTo = -1;
      } else if (start === this.wordTo && end - start === 1 && HYPHENS.has(this.text.charAt(start))) {
        this.hyphenTo = end;
        return;
      }
      this.pushWord(this.wordFrom, this.wordTo);
      this.wordFrom = -1;
    }
    if (kind === "word") {
      this.wordFrom = start;
      this.wordTo = end;
      return;
    }
    if (kind !== "punct" && kind !== "symbol") this.other(start, end, kind);
  };

  /** After the last token. */
  finish(): void {
    if (this.wordFrom >= 0) this.pushWord(this.wordFrom, this.wordTo);
    this.wordFrom = -1;
  }

  /** Quantities, addresses, acronyms, abbreviations…: one word each. */
  private other(tokenStart: number, tokenEnd: number, kind: TokenKind): void {
    const text = this.text;
    const mask = MASK_OF_KIND[kind];
    if (mask !== undefined) {
      // « …/Test_(informatique) »: a closing bracket belongs to the address when it opened one.
      const closes = mask === "url" && text.charAt(tokenEnd) === ")" && text.slice(tokenStart, tokenEnd).includes("(");
      this.maskSpans ??= { url: [], email: [], phone: [], date: [], time: [] };
      this.maskSpans[mask].push({ start: tokenStart, end: tokenEnd + (closes ? 1 : 0) });
    }
    const firstChar = text.charCodeAt(tokenStart);
    const startsWithDigit = firstChar >= 48 && firstChar <= 57;
    // « XXIe » is an ordinal for the tokenizer, but a word in capitals for the rules.
    if (startsWithDigit || (NUMBER_KINDS.has(kind) && !LETTER.test(text.charAt(tokenStart)))) {
      this.push(wordFormAt(this.lowerText, tokenStart, tokenEnd), tokenStart, tokenEnd, W_NUMBER | (QUANTITY_FLAGS[kind] ?? 0), 0, 0);
    } else if (MASKED_KINDS.has(kind)) {
      this.push(wordFormAt(this.lowerText, tokenStart, tokenEnd), tokenStart, tokenEnd, W_MASKED, 0, 0);
    } else {
      this.pushWord(tokenStart, tokenEnd);
    }
  }

  /** A word: an elided clitic at its start is split off (« l'aide » → « l' » + « aide »). */
  private pushWord(start: number, end: number): void {
    const form = wordFormAt(this.lowerText, start, end);
    if (form.cut > 0) {
      this.push(form.head!, start, start + form.cut, W_CLITIC | capFlags(this.text, start, start + form.cut), form.head!.cliticFirst, form.head!.features);
      this.pushIndexed(form.tail!, start + form.cut, end);
    } else if (form.clitic) {
      this.push(form, start, end, W_CLITIC | capFlags(this.text, start, end), form.cliticFirst, form.features);
    } else {
      this.pushIndexed(form, start, end);
    }
  }

  private pushIndexed(form: WordForm, start: number, end: number): void {
    this.push(form, start, end, capFlags(this.text, start, end), form.first, form.features);
  }

  private push(form: WordForm, start: number, end: number, flags: number, first: number, features: number): void {
    if (this.count === this.start.length) this.allocate(this.count * 2);
    const i = this.count++;
    this.lower.push(form.lower);
    this.forms.push(form);
    this.start[i] = start;
    this.end[i] = end;
    this.flags[i] = flags;
    this.first[i] = first;
    this.features[i] = features;
  }

  /**
   * One buffer for the six word columns and the sentence starts: a unit costs one allocation, not
   * seven (a typed array of more than a few numbers is allocated outside the JavaScript heap, slowly).
   */
  private allocate(capacity: number): void {
    const buffer = new Int32Array(capacity * 6 + this.sentenceSlots);
    const column = (k: number, old: Int32Array | undefined): Int32Array => {
      const view = buffer.subarray(k * capacity, (k + 1) * capacity);
      if (old !== undefined) view.set(old.subarray(0, this.count));
      return view;
    };
    this.start = column(0, this.start);
    this.end = column(1, this.end);
    this.flags = column(2, this.flags);
    this.first = column(3, this.first);
    this.features = column(4, this.features);
    this.sentence = column(5, undefined);
    this.sentenceStarts = buffer.subarray(capacity * 6);
  }
}

const HYPHENS = new Set(["-", "‐", "‑"]);

/** Both lists sorted, as one sorted list where overlapping spans are one. */
function mergeSpans(a: readonly Span[], b: readonly Span[]): readonly Span[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const all = [...a, ...b].sort((x, y) => x.start - y.start);
  const out: Span[] = [];
  for (const span of all) {
    const last = out[out.length - 1];
    if (last !== undefined && span.start < last.end) last.end = Math.max(last.end, span.end);
    else out.push({ start: span.start, end: span.end });
  }
  return out;
}

/** Space, tab, line breaks, no-break spaces. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x202f;
}

/** What may close a sentence after its last word: . ! ? … » " ” ) and the no-break spaces before them. */
function isClosing(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 0x2026 || code === 0xbb || code === 34 || code === 0x201d || code === 41 || code === 0xa0 || code === 0x202f;
}
const UPPER = /^\p{Lu}/u;

/** A-Z and the Latin-1 capitals (all \p{Lu}). */
function isLatinCapital(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

/** a-z and the Latin-1 small letters (all \p{Ll}): a word with one of them second is not in capitals. */
function isLatinSmall(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}
const LETTER = /\p{L}/u;
const ALL_CAPS = /^[\p{Lu}'’-]+$/u;

function capFlags(text: string, start: number, end: number): number {
  const first = text.charCodeAt(start);
  // Fast paths for the common lowercase ASCII start, and for a capital then a small letter (« Paris », « État »).
  if (first >= 97 && first <= 122) return 0;
  if (isLatinCapital(first) && (end - start < 2 || isLatinSmall(text.charCodeAt(start + 1)))) return W_CAP;
  if (!UPPER.test(text.charAt(start))) return 0;
  if (end - start >= 2) {
    const surface = text.slice(start, end);
    if (ALL_CAPS.test(surface) && /\p{Lu}.*\p{Lu}/u.test(surface)) return W_CAP | W_ALLCAPS;
  }
  return W_CAP;
}
