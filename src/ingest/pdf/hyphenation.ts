/**
 * Joining a line that ends with a hyphen to the next one. Typesetters cut words at line ends
 * (« établisse- / ment »), but French also has real compounds that may break after their hyphen
 * (« peut- / être », « aide- / soignante », « Saint- / Étienne »).
 */

export type Join = "space" | "join" | "keep-hyphen";

/**
 * Whole words that stay hyphenated before or after the cut. Kept short on purpose: a fragment that is
 * also a syllable of longer words (« au-tomne », « aide-ra », « bien-tôt ») would keep false hyphens.
 */
/** Numbers are written with hyphens (« quatre-vingt-dix », « trente-cinq »). */
const NUMBER_WORDS = [
  "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze",
  "quinze", "seize", "vingt", "vingts", "trente", "quarante", "cinquante", "soixante", "cent", "cents",
];

const COMPOUND_FIRST = new Set([
  ...NUMBER_WORDS,
  "à", "après", "arrière", "avant", "c'est", "c’est", "ci", "demi", "grand", "grande", "grands", "grandes", "là",
  "médico", "non", "outre", "peut", "quelques", "rendez", "sans", "semi", "vice", "vis", "week",
]);

const COMPOUND_SECOND = new Set([
  ...NUMBER_WORDS,
  "ce", "ci", "delà", "dessous", "dessus", "dire", "elle", "elles", "en", "enfant", "enfants", "être", "fille", "filles",
  "fils", "frère", "il", "ils", "je", "là", "lui", "mère", "même", "mêmes", "midi", "moi", "nous", "on", "parents",
  "père", "soignant", "soignante", "soignantes", "soignants", "social", "sociale", "sociales", "sociaux", "sœur",
  "t", "toi", "tu", "unes", "uns", "vous", "y",
]);

const ENDS_WITH_HYPHEN = /(\p{L}*)[-\u2010\u00AD]$/u;
const ENDS_WITH_WORD_HYPHEN = /[\p{L}\p{N}][-\u2010\u00AD]$/u;
const LEADING_WORD = /^\p{L}+/u;

/**
 * How `next` continues `previous`. `knownCompounds` holds the hyphenated words found elsewhere in the
 * document (lower case): a word the document also writes with its hyphen keeps it.
 */
export function joinKind(previous: string, next: string, knownCompounds: ReadonlySet<string>): Join {
  if (!ENDS_WITH_WORD_HYPHEN.test(previous)) return "space";
  if (previous.endsWith("\u00AD")) return "join";
  const right = LEADING_WORD.exec(next)?.[0];
  const left = ENDS_WITH_HYPHEN.exec(previous)?.[1] ?? "";
  // « 2018- / 2019 », « L. 311- / 4 »: a hyphen between numbers is never a word cut.
  if (!right || left === "") return "keep-hyphen";
  // « Saint- / Étienne », « EHPAD- / … »: a capital on either side is a name or an acronym.
  if (right[0] !== right[0]?.toLowerCase() || (left.length > 1 && left === left.toUpperCase())) return "keep-hyphen";
  const leftWord = lastWord(previous).toLowerCase();
  if (COMPOUND_FIRST.has(leftWord) || COMPOUND_FIRST.has(left.toLowerCase()) || COMPOUND_SECOND.has(right.toLowerCase())) {
    return "keep-hyphen";
  }
  if (knownCompounds.has(`${left}-${right}`.toLowerCase())) return "keep-hyphen";
  return "join";
}

/** The word before the final hyphen, apostrophe elisions included (« c’est- »). */
function lastWord(text: string): string {
  const body = text.slice(0, -1);
  const start = body.lastIndexOf(" ");
  return body.slice(start + 1);
}

const COMPOUND = /\p{L}+(?:-\p{L}+)+/gu;

/** Hyphenated words written inside lines (not at their end), lower-cased. */
export function collectCompounds(lines: Iterable<string>): Set<string> {
  const compounds = new Set<string>();
  for (const line of lines) {
    if (!line.includes("-")) continue;
    for (const match of line.matchAll(COMPOUND)) {
      if (match.index + match[0].length === line.length) continue;
      compounds.add(match[0].toLowerCase());
    }
  }
  return compounds;
}
