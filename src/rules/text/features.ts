/**
 * One index for every word list the rules use. Detectors ask « is this word an auxiliary? a negator?
 * an everyday word? » and phrase matchers « can an expression start here? » for every word of the
 * text; instead of one set lookup per list and per word, the context looks each word up once here and
 * keeps the bits of every list that contains it. Lists beyond the 31 bits available keep a plain set
 * (correct, only slower).
 */
export interface IndexEntry {
  /** Bits of the word lists holding this form. */
  features: number;
  /** Bits of the phrase matchers with an expression starting with this form. */
  first: number;
}

const INDEX = new Map<string, IndexEntry>();
let nextFeatureBit = 0;
let nextFirstBit = 0;
/** Bumped whenever the index changes, so that what was derived from it (text/forms.ts) is recomputed. */
let version = 0;

export function indexVersion(): number {
  return version;
}

/**
 * A one-byte-per-slot filter in front of the index: most words of a text are in no list, and a few
 * character reads tell so without hashing the whole string and probing the map.
 */
const FILTER_BITS = 16;
const FILTER = new Uint8Array(1 << FILTER_BITS);

function filterSlot(form: string): number {
  const n = form.length;
  if (n === 0) return 0;
  return (n * 7919 + form.charCodeAt(0) * 31 + form.charCodeAt(n >> 1) * 131 + form.charCodeAt(n - 1) * 17) & ((1 << FILTER_BITS) - 1);
}

export function indexEntry(form: string): IndexEntry | undefined {
  return FILTER[filterSlot(form)] === 0 ? undefined : INDEX.get(form);
}

function entryFor(form: string): IndexEntry {
  let entry = INDEX.get(form);
  if (entry === undefined) {
    entry = { features: 0, first: 0 };
    INDEX.set(form, entry);
    FILTER[filterSlot(form)] = 1;
  }
  version++;
  return entry;
}

/** A bit for a new phrase matcher (0 when none is left). */
export function allocateFirstBit(): number {
  return nextFirstBit < 31 ? 1 << nextFirstBit++ : 0;
}

export function markFirstWord(form: string, bit: number): void {
  if (bit !== 0) entryFor(form).first |= bit;
}

/** What a word of a unit carries for the lists (see UnitContext). */
interface WordColumns {
  wordFeatures: Int32Array;
  wordLower: string[];
  wordForm: Memo[];
}

/** A record that keeps yes/no answers about one word form, one bit per question (text/forms.ts). */
export interface Memo {
  readonly lower: string;
  memoKnown: number;
  memoValue: number;
}

let nextMemoBit = 0;

/**
 * A bit for a question whose answer about a form never changes (« is it in this list? », « is it rare
 * for this rule? »). 0 when none is left: the question is then answered every time (correct, only slower).
 */
export function allocateMemoBit(): number {
  return nextMemoBit < 31 ? 1 << nextMemoBit++ : 0;
}

/** The answer of `question` about `form`, computed on the first ask only. */
export function memoized(form: Memo, bit: number, question: (lower: string) => boolean): boolean {
  if ((form.memoKnown & bit) !== 0) return (form.memoValue & bit) !== 0;
  const answer = question(form.lower);
  if (bit !== 0) {
    form.memoKnown |= bit;
    if (answer) form.memoValue |= bit;
  }
  return answer;
}

export class WordList {
  private readonly bit: number;
  /** For a list kept out of the index: its memo bit in the word forms. */
  private readonly memoBit: number;
  private readonly forms: ReadonlySet<string>;
  private readonly contains = (form: string): boolean => this.forms.has(form);

  /**
   * `indexed: false` keeps a big list (the everyday words) out of the shared index: a lookup in a small
   * index stays in the processor cache, and a big list is only asked about a few words anyway.
   */
  constructor(forms: Iterable<string>, indexed = true) {
    this.forms = forms instanceof Set ? forms : new Set(forms);
    this.bit = indexed && nextFeatureBit < 31 ? 1 << nextFeatureBit++ : 0;
    if (this.bit !== 0) for (const form of this.forms) entryFor(form).features |= this.bit;
    this.memoBit = this.bit === 0 ? allocateMemoBit() : 0;
  }

  /** For word `i` of a unit: one bit test (a set lookup on the first ask only, for a list out of the index). */
  hasWord(ctx: WordColumns, i: number): boolean {
    if (this.bit !== 0) return (ctx.wordFeatures[i]! & this.bit) !== 0;
    return this.memoBit !== 0 ? memoized(ctx.wordForm[i]!, this.memoBit, this.contains) : this.forms.has(ctx.wordLower[i]!);
  }

  /** For any string (a form built by a rule, not a word of the text). */
  has(form: string): boolean {
    return this.forms.has(form);
  }

  get size(): number {
    return this.forms.size;
  }

  /** The list's bit in `wordFeatures` (0 when the list is kept out of the index). */
  get indexBit(): number {
    return this.bit;
  }

  /** Every form of the list, for a rule that derives its own lookup from it. */
  values(): IterableIterator<string> {
    return this.forms.values();
  }
}
