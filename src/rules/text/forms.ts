import { cliticLength, isClitic } from "./elision.js";
import { indexEntry, indexVersion, type Memo } from "./features.js";

/**
 * One record per distinct word form (the lowercase text of a word), shared by every unit of every
 * check. A text repeats a few thousand forms: what the context, the rules and the figures ask about a
 * word (its word lists, its elision, its syllables, « is it an everyday word? ») is worked out once per
 * form and then read as a field, instead of a slice, a string hash and several set lookups per word.
 *
 * Everything stored here is a pure function of `lower` (and of the word index, see `indexVersion`).
 */
export class WordForm implements Memo {
  /** Bits of the word lists holding this form (text/features.ts). */
  readonly features: number;
  /** Bits of the phrase matchers that may start at this form, as a plain word (« la » as « le »). */
  readonly first: number;
  /** The same, when the form is an elided clitic (« l' » as « le », « qu' » as « que »). */
  readonly cliticFirst: number;
  /** Length of the elided clitic at the start of the form (« l'aide » → 2), or 0. */
  readonly cut: number;
  /** An elided clitic on its own (« l' », « qu' »). */
  readonly clitic: boolean;
  /** When `cut > 0`: the clitic and the host word. */
  head: WordForm | undefined;
  tail: WordForm | undefined;
  /** Answers to yes/no questions about the form, one bit each (see `allocateMemoBit` in features.ts). */
  memoKnown = 0;
  memoValue = 0;
  /** Figures, filled on first use by score/unit-stats.ts: -1 until then. */
  syllables = -1;
  syllablesAsVerb = -1;
  syllablesAsNoun = -1;
  letters = -1;
  /** Ends in « -ent », whose reading depends on the previous word (set with `syllables`). */
  endsWithEnt = false;
  /** What this form, as the previous word, says about a final -ent: 0 unknown yet, 1 nothing, 2 verb, 3 noun. */
  entHint = 0;

  constructor(
    /** Lowercase form, apostrophes as `'` (as in UnitContext.wordLower). */
    readonly lower: string,
  ) {
    const entry = indexEntry(lower);
    this.features = entry?.features ?? 0;
    this.first = (lower === "la" ? indexEntry("le") : entry)?.first ?? 0;
    this.cliticFirst = indexEntry(CLITIC_CANON.get(lower) ?? lower)?.first ?? 0;
    const apostrophe = lower.includes("'");
    this.cut = apostrophe ? cliticLength(lower) : 0;
    this.clitic = apostrophe && this.cut === 0 && isClitic(lower);
  }
}

export const CLITIC_CANON: ReadonlyMap<string, string> = new Map([
  ["l'", "le"], ["d'", "de"], ["j'", "je"], ["m'", "me"], ["t'", "te"], ["s'", "se"], ["n'", "ne"], ["c'", "ce"],
  ["qu'", "que"], ["jusqu'", "jusque"], ["lorsqu'", "lorsque"], ["puisqu'", "puisque"], ["quoiqu'", "quoique"],
]);

/**
 * Open addressing over `SLOTS` slots, keyed by the characters of the form: a word is looked up from
 * the unit's lowercase text without slicing a string for it. Cleared when full (cheaper than an LRU,
 * and real text comes back to the same few thousand forms) and when the word index changes.
 *
 * The lookup reads only typed arrays (each slot's hash, length and characters, side by side) until it
 * has found the form: the records and their strings are scattered in memory, and a probe that read
 * them would wait on the memory at each word.
 */
const SLOT_BITS = 16;
const SLOTS = 1 << SLOT_BITS;
const MASK = SLOTS - 1;
const MAX_FORMS = SLOTS >> 1;
let table: (WordForm | undefined)[] = [];
/** Per slot: the hash, where the characters start in `chars`, and the length plus one (0: free slot). */
let slots = new Int32Array(0);
let chars = new Uint16Array(0);
let charsUsed = 0;
let size = 0;
let version = -1;

function reset(): void {
  table = new Array<WordForm | undefined>(SLOTS).fill(undefined);
  slots = new Int32Array(SLOTS * 3);
  if (chars.length === 0) chars = new Uint16Array(1 << 17);
  charsUsed = 0;
  size = 0;
  version = indexVersion();
}

/**
 * A hash of the length and of five characters (both ends and the middle): enough to tell most forms
 * apart, and the full comparison settles the rest. Hashing every character cost more than it saved.
 */
function hashOf(text: string, start: number, end: number): number {
  const n = end - start;
  // Only characters of the form: the text around it must not change its key.
  if (n < 2) return n === 0 ? 0 : Math.imul(text.charCodeAt(start) + 1, 0x9e3779b1);
  let hash = Math.imul(n ^ (text.charCodeAt(start) << 8) ^ (text.charCodeAt(end - 1) << 16), 0x9e3779b1);
  hash = Math.imul(hash ^ text.charCodeAt(start + (n >> 1)) ^ (text.charCodeAt(start + 1) << 12) ^ (text.charCodeAt(end - 2) << 20), 0x85ebca6b);
  return hash ^ (hash >>> 15);
}

/** The record of the form `text.slice(start, end)` (`text` already lowercase). */
export function wordFormAt(text: string, start: number, end: number): WordForm {
  if (version !== indexVersion()) reset();
  const hash = hashOf(text, start, end);
  const n = end - start;
  let slot = hash & MASK;
  for (let at = slot * 3; slots[at + 2] !== 0; at = slot * 3) {
    if (slots[at] === hash && slots[at + 2] === n + 1 && sameChars(slots[at + 1]!, text, start, n)) return table[slot]!;
    slot = (slot + 1) & MASK;
  }
  const form = new WordForm(text.slice(start, end));
  if (form.cut > 0) {
    form.head = wordFormAt(form.lower, 0, form.cut);
    form.tail = wordFormAt(form.lower, form.cut, form.lower.length);
  }
  // The parts above may have cleared the table or taken this slot: look for a free one again.
  if (size >= MAX_FORMS) reset();
  slot = hash & MASK;
  while (slots[slot * 3 + 2] !== 0) slot = (slot + 1) & MASK;
  if (charsUsed + n > chars.length) {
    const grown = new Uint16Array(Math.max(chars.length * 2, charsUsed + n));
    grown.set(chars.subarray(0, charsUsed));
    chars = grown;
  }
  for (let k = 0; k < n; k++) chars[charsUsed + k] = text.charCodeAt(start + k);
  table[slot] = form;
  slots[slot * 3] = hash;
  slots[slot * 3 + 1] = charsUsed;
  slots[slot * 3 + 2] = n + 1;
  charsUsed += n;
  size++;
  return form;
}

/** The record of a whole string. */
export function wordForm(lower: string): WordForm {
  return wordFormAt(lower, 0, lower.length);
}

function sameChars(from: number, text: string, start: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (chars[from + k] !== text.charCodeAt(start + k)) return false;
  return true;
}
