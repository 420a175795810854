/**
 * Final -ent: silent in a 3rd-person plural verb (« ils parlent »), pronounced elsewhere (« le moment »,
 * « souvent », « il vient »). Spelling does not settle it, so: suffix rules that hold for French
 * (-ement nouns and adverbs, -emment adverbs, -érent adjectives), a list of pronounced words
 * (lexicon.ts), and verbs by default, since any -er verb yields a new -ent form.
 */
import { PRONOUNCED_ENT } from "./lexicon.js";
import { isVowelAt, hasVowel } from "./letters.js";

/** What the previous word says about an -ent word: `verb` after « ils », `noun` after « le ». */
export type EntHint = "verb" | "noun" | undefined;

/** Letters before « ment » that make -ment a verb ending (aiment, expriment, résument, dorment, calment). */
const VERBAL_BEFORE_MENT = "iauorlè";

/** Whether the final -ent of `word` (lowercase, ending in « ent ») is silent. */
export function isSilentEnt(word: string, hint: EntHint): boolean {
  const stem = word.slice(0, -3);
  // « dent », « vent », « ment », « sent »: no vowel left, so not a plural verb.
  if (!hasVowel(stem)) return false;
  if (pronouncedBySuffix(word)) return false;
  if (hint === "verb") return true;
  if (hint === "noun") return false;
  if (PRONOUNCED_ENT.has(word)) return false;
  // After a vowel: étaient, jouent, créent, continuent, oublient. For -ient / -uent after a single
  // consonant (« tient », « patient », « continuent ») both readings give the same count.
  if (isVowelAt(stem, stem.length - 1)) return true;
  if (word.endsWith("ment")) return VERBAL_BEFORE_MENT.includes(word.charAt(word.length - 5)) || word.endsWith("omment");
  return true;
}

/** Endings that are never verbal, whatever the context. */
function pronouncedBySuffix(word: string): boolean {
  if (word.endsWith("ment")) {
    const before = word.charAt(word.length - 5);
    if (before === "e" || before === "é") return true; // seulement, élément: no verb ends in -ement
    if (word.endsWith("emment") || word.endsWith("amment")) return true; // évidemment, notamment
    return before === "g"; // segment, fragment
  }
  // Verbs write -èrent, -èquent (gèrent, dissèquent); -érent, -équent are adjectives.
  if (word.endsWith("érent") || word.endsWith("équent")) return true;
  return word.endsWith("escent") && !word.endsWith("iescent");
}
