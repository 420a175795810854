import { acronymKey, type CompiledLexicons } from "../../../rules/lexicon/lexicons.js";

/**
 * Step 4: acronyms explained at their first use in the section, from the acronym lexicon.
 *
 * FALC has no parentheses, and the reader will meet the acronym again (on a letter, at the MDPH), so
 * the acronym is kept and explained in a sentence of its own, a form the rule
 * `no-acronyms-or-explain` accepts: « CVS veut dire Conseil de la vie sociale. » It comes just
 * before the first sentence that uses the acronym, or just after the sentence where the original
 * explained it in brackets (« Conseil de la vie sociale (CVS) » → the words stay, the bracket goes).
 * « veut dire » needs no article and no agreement, which a rule cannot get right for every acronym.
 * Acronyms marked `uncertain` in the lexicon, or whose expansion has brackets, are not explained.
 */

export interface AcronymDefinition {
  acronym: string;
  expansion: string;
}

const ACRONYM = /(?<![\p{L}\p{N}])\p{Lu}[\p{Lu}\p{N}&]*\p{Lu}[\p{Lu}\p{N}]*(?![\p{L}\p{N}])/gu;
const NAME_AFTER = /^[ \u00A0]+\p{Lu}\p{Ll}/u;
const FUNCTION_WORDS = new Set(["de", "des", "du", "d", "la", "le", "l", "les", "et", "à", "a", "au", "aux", "en", "pour", "sur", "par", "dans"]);

export function explanationSentence(definition: AcronymDefinition): string {
  return `${definition.acronym} veut dire ${definition.expansion}.`;
}

/** The lexicon's expansion for an acronym, when it may be used as is. */
export function knownExpansion(acronym: string, compiled: CompiledLexicons): string | undefined {
  const entry = compiled.acronyms.get(acronymKey(acronym));
  if (entry === undefined || entry.uncertain || entry.expansion.includes("(")) return undefined;
  return entry.expansion;
}

/** The known acronyms of a text, in order of first appearance. */
export function acronymsIn(text: string, compiled: CompiledLexicons): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  ACRONYM.lastIndex = 0;
  for (let m = ACRONYM.exec(text); m !== null; m = ACRONYM.exec(text)) {
    // « l'AS Philotechnique »: two capitals before a name are more often part of that name.
    if (m[0].length === 2 && NAME_AFTER.test(text.slice(m.index + 2, m.index + 40))) continue;
    const expansion = knownExpansion(m[0], compiled);
    if (expansion !== undefined && !out.some((d) => d.acronym === m![0])) out.push({ acronym: m[0], expansion });
  }
  return out;
}

function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[’‘]/g, "'").replace(/\s+/g, " ").toLowerCase();
}

/** Whether a text is the acronym written out (« MDPH (Maison départementale…) »), known or by its initials. */
export function isExpansionOf(text: string, acronym: string, compiled: CompiledLexicons): boolean {
  const known = knownExpansion(acronym, compiled);
  if (known !== undefined && fold(text.trim()) === fold(known)) return true;
  const initials = [...text.matchAll(/\p{L}+/gu)].map((m) => m[0]).filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()));
  return initials.length > 0 && initials.map((w) => fold(w.charAt(0))).join("") === fold(acronym).replace(/[^a-z]/g, "");
}

/**
 * When the words just before « (SIGLE) » are its expansion, those words; else null. Known acronyms
 * are compared with the lexicon; others by their initials (« projet individualisé
 * d'accompagnement (PIA) »), small words skipped.
 */
export function expansionBefore(before: string, acronym: string, compiled: CompiledLexicons): string | null {
  const known = knownExpansion(acronym, compiled);
  const trimmed = before.trimEnd();
  if (known !== undefined && fold(trimmed).endsWith(fold(known))) return known;
  const letters = fold(acronym).replace(/[^a-z]/g, "");
  const words = [...trimmed.matchAll(/\p{L}+/gu)];
  let i = letters.length - 1;
  let j = words.length - 1;
  let from = -1;
  while (i >= 0 && j >= 0) {
    const word = words[j]![0];
    if (fold(word.charAt(0)) === letters[i]) {
      from = words[j]!.index!;
      i--;
    } else if (!FUNCTION_WORDS.has(word.toLowerCase())) {
      return null;
    }
    j--;
  }
  if (i >= 0 || from < 0) return null;
  const expansion = trimmed.slice(from);
  return expansion.charAt(0).toUpperCase() + expansion.slice(1);
}
