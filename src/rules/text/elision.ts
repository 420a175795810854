/**
 * French elision: « l'aide », « qu'il », « jusqu'à ». The rules match words, so an elided clitic is
 * split off its host word (whatever the tokenizer did) and compared under one canonical form:
 * « qu' » is « que », « l' » is « le », and « la » is « le » too, so that an expression written
 * « à la charge de » in a lexicon also matches « à l'issue de » only when it says so.
 */
const CLITIC = /^(l|d|j|m|t|s|n|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’]/i;

// A Map, not an object: a lookup of any other word must not walk (or find) Object.prototype.
const CANONICAL: ReadonlyMap<string, string> = new Map(Object.entries({
  "l'": "le",
  la: "le",
  "d'": "de",
  "j'": "je",
  "m'": "me",
  "t'": "te",
  "s'": "se",
  "n'": "ne",
  "c'": "ce",
  "qu'": "que",
  "jusqu'": "jusque",
  "lorsqu'": "lorsque",
  "puisqu'": "puisque",
  "quoiqu'": "quoique",
}));

/** Length of the elided clitic at the start of `word` (apostrophe included), or 0. */
export function cliticLength(word: string): number {
  const match = CLITIC.exec(word);
  if (match === null || match[0].length >= word.length) return 0;
  return match[0].length;
}

/** True when `word` is an elided clitic on its own (« l' », « qu' »), as some tokenizers emit it. */
export function isClitic(word: string): boolean {
  const match = CLITIC.exec(word);
  return match !== null && match[0].length === word.length;
}

/** The form used to match expressions: lowercase, `’` → `'`, elisions expanded, « la » → « le ». */
export function canonicalWord(lower: string): string {
  return CANONICAL.get(lower) ?? lower;
}

/** Splits a normalised expression into the canonical words the matcher compares. */
export function canonicalWords(expression: string): string[] {
  const words: string[] = [];
  for (const raw of expression.toLowerCase().replace(/[’‘]/g, "'").split(/\s+/)) {
    if (raw.length === 0) continue;
    const cut = cliticLength(raw);
    if (cut > 0) {
      words.push(canonicalWord(raw.slice(0, cut)));
      words.push(canonicalWord(raw.slice(cut)));
    } else {
      words.push(canonicalWord(raw));
    }
  }
  return words;
}
