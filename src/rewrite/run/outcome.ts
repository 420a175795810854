import type { FalcError } from "../../errors.js";
import type { ManifestEntry } from "../../output/manifest.js";
import { resultCost } from "../meaning-check/cost.js";
import type { ConvertResult, FactRef, Usage } from "../types.js";

/**
 * What a `falc convert` run did with each input. Declared here, below the command, so that the reports
 * (JSON summary, JUnit, progress) can read it without depending on the command that produces it.
 */

/**
 * What the end-of-run reports need of one converted document. A run over a library keeps this, not the
 * document's whole result (its sections, findings, texts): memory stays flat over thousands of files.
 */
export interface FileDigest {
  score: ConvertResult["score"];
  sections: number;
  cachedSections: number;
  usage: Usage;
  /** Indicative cost in dollars; null when nothing was sent or a model's price is unknown. */
  cost: number | null;
  missingFacts: number;
  addedFacts: number;
  /** Only the sections that lost or gained facts, with those facts: what a report lists under --strict. */
  factSections: { title: string; missing: FactRef[]; added: FactRef[] }[];
}

export interface FileSummary {
  path: string;
  outputs: string[];
  digest: FileDigest;
}

export interface ConvertedFile extends FileSummary {
  result: ConvertResult;
}

export interface RunOutcome<File extends FileSummary = FileSummary> {
  files: File[];
  failures: { path: string; error: FalcError }[];
  /** Inputs unchanged since the run recorded in falc-manifest.json, with all their outputs present. */
  skipped: string[];
  /** What falc-manifest.json says of each skipped input (its scores and facts still answer to the gates). */
  skippedEntries: { path: string; entry: ManifestEntry }[];
  exitCode: number;
}

/** `convertFiles`: the library call, which hands every document's whole result back. */
export type ConvertOutcome = RunOutcome<ConvertedFile>;

export function digestOf(result: ConvertResult): FileDigest {
  let cachedSections = 0;
  let missingFacts = 0;
  let addedFacts = 0;
  const factSections: FileDigest["factSections"] = [];
  for (const section of result.sections) {
    if (section.cached) cachedSections++;
    const { missing, added } = section.facts;
    missingFacts += missing.length;
    addedFacts += added.length;
    if (missing.length + added.length > 0) factSections.push({ title: detached(section.title), missing: missing.map(detachedFact), added: added.map(detachedFact) });
  }
  const cost = result.usage.requests === 0 ? null : (resultCost(result) ?? null);
  return { score: { ...result.score }, sections: result.sections.length, cachedSections, usage: { ...result.usage }, cost, missingFacts, addedFacts, factSections };
}

/**
 * A fact's text is often a slice of its document's text, and V8 keeps the whole text alive behind a
 * slice: kept for the end of a library run, a copy holds only its own characters.
 */
function detached(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}

function detachedFact(fact: FactRef): FactRef {
  return { ...fact, text: detached(fact.text) };
}
