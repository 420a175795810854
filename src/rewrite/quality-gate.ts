import type { ManifestEntry } from "../output/manifest.js";
import type { ConvertResult } from "./types.js";

/** `--fail-under` and `--strict` of `falc convert`. */
export interface GateOptions {
  /** Missing or added facts fail the document. */
  strict?: boolean;
  failUnder?: number;
}

/** What the gate looks at: from a conversion just made, or from falc-manifest.json for an unchanged input. */
export interface GateInput {
  after: number | null;
  missingFacts: number;
  addedFacts: number;
}

/** Facts of the original missing from the rewrite, and facts the rewrite added, over all sections. */
export function factCounts(result: ConvertResult): { missingFacts: number; addedFacts: number } {
  let missingFacts = 0;
  let addedFacts = 0;
  for (const section of result.sections) {
    missingFacts += section.facts.missing.length;
    addedFacts += section.facts.added.length;
  }
  return { missingFacts, addedFacts };
}

/** Values the rewrite made explicit (« annuel » → « 1 an »), over all sections: shown, never failing the gate. */
export function toCheckCount(result: ConvertResult): number {
  return result.sections.reduce((n, section) => n + (section.facts.toCheck?.length ?? 0), 0);
}

/** Negations, conditions, deadlines and obligations lost in the rewrite, over all sections: shown, never failing the gate. */
export function meaningCount(result: ConvertResult): number {
  return result.sections.reduce((n, section) => n + (section.facts.meaning?.length ?? 0), 0);
}

export function gateInputOf(result: ConvertResult): GateInput {
  return { after: result.score.after, ...factCounts(result) };
}

/** An unchanged input answers to the gate too, from what falc-manifest.json recorded. */
export function entryGateInput(entry: ManifestEntry): GateInput {
  return { after: entry.score.after, missingFacts: entry.missingFacts, addedFacts: entry.addedFacts };
}

/**
 * Why a document fails the gate, in French; none when it passes. The exit code (1), the JSON summary
 * and the progress display all read this one rule. A null score (text too short) never fails the threshold.
 */
export function gateReasons(input: GateInput, options: GateOptions): string[] {
  const reasons: string[] = [];
  const { after, missingFacts: missing, addedFacts: added } = input;
  if (options.failUnder !== undefined && after !== null && after < options.failUnder) reasons.push(`score ${after} < ${options.failUnder}`);
  if (options.strict && missing > 0) reasons.push(`${missing} information${missing > 1 ? "s" : ""} manquante${missing > 1 ? "s" : ""}`);
  if (options.strict && added > 0) reasons.push(`${added} information${added > 1 ? "s" : ""} ajoutée${added > 1 ? "s" : ""}`);
  return reasons;
}
