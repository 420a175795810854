import { ExitCode } from "../errors.js";
import type { ManifestEntry } from "../output/manifest.js";
import type { ConvertResult } from "../rewrite/types.js";

export interface GateOptions {
  /** Missing or added facts make the run exit 1. */
  strict?: boolean;
  failUnder?: number;
}

export function manifestEntry(result: ConvertResult, outputs: string[], sha256: string, settings: string, now: Date): ManifestEntry {
  return {
    sha256,
    settings,
    outputs,
    score: result.score,
    missingFacts: result.sections.reduce((n, s) => n + s.facts.missing.length, 0),
    addedFacts: result.sections.reduce((n, s) => n + s.facts.added.length, 0),
    status: "converted",
    updatedAt: now.toISOString(),
  };
}

/** A skipped input still answers to --strict and --fail-under, from what the manifest recorded. */
export function entryExitCode(entry: ManifestEntry, options: GateOptions): number {
  if (options.strict && entry.missingFacts + entry.addedFacts > 0) return ExitCode.qualityGate;
  if (options.failUnder !== undefined && entry.score.after !== null && entry.score.after < options.failUnder) return ExitCode.qualityGate;
  return ExitCode.ok;
}

export function gateExitCode(result: ConvertResult, options: GateOptions): number {
  const factProblems = result.sections.some((s) => s.facts.missing.length > 0 || s.facts.added.length > 0);
  if (options.strict && factProblems) return ExitCode.qualityGate;
  if (options.failUnder !== undefined && result.score.after !== null && result.score.after < options.failUnder) return ExitCode.qualityGate;
  return ExitCode.ok;
}
