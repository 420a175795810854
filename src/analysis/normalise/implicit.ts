/**
 * Values a text holds without stating them as facts, and how they soften the fidelity comparison.
 *
 * A faithful FALC rewrite turns words into digits (« les deux familles » → « les 2 familles »,
 * « la seconde » → « la deuxième », « le double » → « 2 fois plus ») and makes implicit lengths
 * explicit (« contrat annuel » → « le contrat dure 1 an »). The extractor rightly leaves those words
 * out of the facts (« les deux » is « both », « un jour de permanence » names a day), so the value is
 * kept here as a hint:
 * - a `same` hint is the value itself, written as words: a fact of the other text that matches it is
 *   neither added nor missing;
 * - an `implied` hint is a value the words imply (« annuel » is one year): a fact that matches it is
 *   not invented, but a person must check the rewrite says what the original meant: « à vérifier ».
 * A hint never hides a different value: « les deux familles » → « les 3 familles » still adds 3.
 */
import type { FactComparison } from "./compare.js";
import { foundIn } from "./compare.js";
import type { Fact } from "./types.js";

export type HintTier = "same" | "implied";

export interface Hint {
  fact: Fact;
  tier: HintTier;
}

interface WordHint {
  re: RegExp;
  tier: HintTier;
  /** Fact type and value pairs the word stands for. */
  values: readonly (readonly [Fact["type"], string])[];
}

const word = (source: string): RegExp => new RegExp(String.raw`(?<![\p{L}\-])(?:${source})(?![\p{L}])`, "giu");

const WORD_HINTS: readonly WordHint[] = [
  // « seconde » as a unit of time comes after a number and is read as a duration; here it is the ordinal.
  { re: word(String.raw`(?<![\p{N}][\s\u00A0\u202F]*)(?:second|seconde|seconds|secondes)`), tier: "same", values: [["number", "2"]] },
  { re: word("double|doubles|doublé|doublée|doublés|doublées"), tier: "same", values: [["number", "2"]] },
  { re: word("triple|triples|triplé|triplée"), tier: "same", values: [["number", "3"]] },
  { re: word("moitié|moitie|demi|demie"), tier: "same", values: [["number", "1/2"], ["number", "0.5"], ["percent", "50"]] },
  { re: word("tiers"), tier: "same", values: [["number", "1/3"]] },
  { re: word("quart|quarts"), tier: "same", values: [["number", "1/4"], ["number", "0.25"], ["percent", "25"]] },
  { re: word("huitaine"), tier: "same", values: [["number", "8"], ["duration", "P8D"], ["duration", "P1W"]] },
  { re: word("dizaine|dizaines"), tier: "same", values: [["number", "10"]] },
  { re: word("douzaine|douzaines"), tier: "same", values: [["number", "12"]] },
  { re: word("quinzaine|quinzaines"), tier: "same", values: [["number", "15"], ["duration", "P15D"], ["duration", "P2W"]] },
  { re: word("vingtaine|vingtaines"), tier: "same", values: [["number", "20"]] },
  { re: word("trentaine|trentaines"), tier: "same", values: [["number", "30"], ["duration", "P30D"]] },
  { re: word("centaine|centaines"), tier: "same", values: [["number", "100"]] },
  { re: word("annuel|annuelle|annuels|annuelles|annuellement"), tier: "implied", values: [["duration", "P1Y"]] },
  { re: word("mensuel|mensuelle|mensuels|mensuelles|mensuellement"), tier: "implied", values: [["duration", "P1M"]] },
  { re: word("hebdomadaire|hebdomadaires|hebdomadairement"), tier: "implied", values: [["duration", "P1W"]] },
  { re: word("quotidien|quotidienne|quotidiens|quotidiennes|quotidiennement|journalier|journalière|journaliers|journalières"), tier: "implied", values: [["duration", "P1D"]] },
  { re: word("bimestriel|bimestrielle|bimestriels|bimestrielles"), tier: "implied", values: [["duration", "P2M"]] },
  { re: word("trimestriel|trimestrielle|trimestriels|trimestrielles|trimestre|trimestres"), tier: "implied", values: [["duration", "P3M"]] },
  { re: word("semestriel|semestrielle|semestriels|semestrielles|semestre|semestres"), tier: "implied", values: [["duration", "P6M"]] },
  { re: word("biennal|biennale|biennaux|biennales|bisannuel|bisannuelle"), tier: "implied", values: [["duration", "P2Y"]] },
  { re: word("triennal|triennale|triennaux|triennales"), tier: "implied", values: [["duration", "P3Y"]] },
];

/** The hints carried by single words (« seconde », « double », « quinzaine », « annuel »). */
export function findWordHints(text: string): Hint[] {
  const out: Hint[] = [];
  for (const { re, tier, values } of WORD_HINTS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      for (const [type, value] of values) {
        out.push({ tier, fact: { type, value, text: m[0], start: m.index, end: m.index + m[0].length } });
      }
    }
  }
  return out;
}

export interface ReconciledComparison {
  missing: Fact[];
  added: Fact[];
  /** Facts that a hint of the other text implies but does not state: neither lost nor invented. */
  toCheck: Fact[];
}

/**
 * Applies the hints of each side to what the fact comparison found missing or added: a fact the
 * other text holds as a `same` hint is dropped, one it holds as an `implied` hint is to check.
 */
export function reconcile(
  comparison: Pick<FactComparison, "missing" | "added">,
  originalHints: readonly Hint[],
  rewriteHints: readonly Hint[],
): ReconciledComparison {
  const toCheck: Fact[] = [];
  const sort = (facts: readonly Fact[], hints: readonly Hint[]): Fact[] => {
    const same = hints.filter((h) => h.tier === "same").map((h) => h.fact);
    const implied = hints.filter((h) => h.tier === "implied").map((h) => h.fact);
    return facts.filter((fact) => {
      if (foundIn(fact, same)) return false;
      if (!foundIn(fact, implied)) return true;
      toCheck.push(fact);
      return false;
    });
  };
  const missing = sort(comparison.missing, rewriteHints);
  const added = sort(comparison.added, originalHints);
  return { missing, added, toCheck };
}
