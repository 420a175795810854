import { gateInputOf } from "../gate/quality-gate.js";
import type { ManifestEntry } from "../output/manifest.js";
import type { ConvertResult } from "../rewrite/types.js";

/**
 * The manifest entry of a converted input records what the quality gate reads of it, so that once
 * unchanged and skipped, the input is judged again on the same figures (entryGateInput).
 */
export function manifestEntry(result: ConvertResult, outputs: string[], sha256: string, settings: string, now: Date): ManifestEntry {
  const { missingFacts, addedFacts } = gateInputOf(result);
  return { sha256, settings, outputs, score: result.score, missingFacts, addedFacts, status: "converted", updatedAt: now.toISOString() };
}
