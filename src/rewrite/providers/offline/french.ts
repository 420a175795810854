/**
 * Small French typography helpers of the offline structural steps: final stops, spacing after a piece
 * of text was removed, the words of a piece. Elision and capitals are the fixer's (rules/fix/french.ts).
 */

export { capitalise, startsWithVowelSound } from "../../../rules/fix/french.js";
import { capitalise } from "../../../rules/fix/french.js";

const FINAL = /[.!?…:]["»”)]*$/u;

/**
 * A sentence as FALC writes it: trimmed, capital first, ending with a full stop (or the « ? », « ! »
 * it had). A clause that ended on « ; » or « , » before being cut gets a full stop instead.
 */
export function finishSentence(text: string, capital = true): string {
  let s = tidySpaces(text).replace(/[\s,;]+$/u, "");
  if (s === "") return s;
  if (capital) s = capitalise(s);
  if (s.endsWith("…")) s = s.slice(0, -1).replace(/\s+$/u, "") + ".";
  if (!FINAL.test(s)) s += ".";
  return s;
}

/** Collapses the spaces a removal leaves (« repas  sont », « repas , », « ( ») and trims. */
export function tidySpaces(text: string): string {
  return text
    .replace(/[ \t]{2,}/g, " ")
    .replace(/ +([,.)])/g, "$1")
    .replace(/\( +/g, "(")
    .replace(/,(?=[.,])/g, "")
    .trim();
}

/** Lowercase words of a piece of text, elided clitics kept as their own word (« l' », « qu' »). */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^\p{L}\p{N}'-]+|(?<=')/u)
    .filter((w) => w.length > 0 && /[\p{L}\p{N}]/u.test(w));
}
