import { isWordKind, scanTokens, type Emit, type TokenKind } from "./tokens.js";

/** Token kinds by code, for TokenTape: a kind is stored as its index here. */
const KIND_CODES: readonly TokenKind[] = [
  "word",
  "elision",
  "acronym",
  "abbreviation",
  "initial",
  "number",
  "ordinal",
  "time",
  "date",
  "percent",
  "currency",
  "url",
  "email",
  "phone",
  "punct",
  "symbol",
];
const CODE_OF_KIND = new Map(KIND_CODES.map((kind, code) => [kind, code]));

/**
 * The tokens of one text, kept as (start, end, kind code) triples: the document model counts the words
 * of each paragraph to cut sections, and the rule engine then reads the same tokens again from here
 * instead of scanning the paragraph a second time.
 */
export interface TokenTape {
  readonly text: string;
  /** Words among the tokens, as countWordTokens counts them. */
  readonly words: number;
  readonly data: Int32Array;
}

let scratch = new Int32Array(3 * 1024);

/** Scans `text` once, keeping its tokens for `replayTokens`. */
export function recordTokens(text: string): TokenTape {
  let used = 0;
  let words = 0;
  scanTokens(text, (start, end, kind) => {
    if (used + 3 > scratch.length) {
      const grown = new Int32Array(scratch.length * 2);
      grown.set(scratch);
      scratch = grown;
    }
    scratch[used] = start;
    scratch[used + 1] = end;
    scratch[used + 2] = CODE_OF_KIND.get(kind)!;
    used += 3;
    if (isWordKind(kind)) words++;
  });
  return { text, words, data: scratch.slice(0, used) };
}

/** Calls `emit` for each token of the tape, as `scanTokens` did for its text. */
export function replayTokens(tape: TokenTape, emit: Emit): void {
  const data = tape.data;
  for (let k = 0; k < data.length; k += 3) emit(data[k]!, data[k + 1]!, KIND_CODES[data[k + 2]!]!);
}
