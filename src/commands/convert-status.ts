import { ExitCode } from "../errors.js";
import type { ManifestEntry } from "../output/manifest.js";
import { factCounts, gateReasons, type GateInput, type GateOptions } from "../rewrite/quality-gate.js";
import type { ConvertResult } from "../rewrite/types.js";

export function manifestEntry(result: ConvertResult, outputs: string[], sha256: string, settings: string, now: Date): ManifestEntry {
  return { sha256, settings, outputs, score: result.score, ...factCounts(result), status: "converted", updatedAt: now.toISOString() };
}

export function gateExitCode(input: GateInput, options: GateOptions): number {
  return gateReasons(input, options).length > 0 ? ExitCode.qualityGate : ExitCode.ok;
}
