import type { FalcError } from "../../errors.js";
import type { ManifestEntry } from "../../output/manifest.js";
import type { ConvertResult } from "../types.js";

/**
 * What a `falc convert` run did with each input. Declared here, below the command, so that the reports
 * (JSON summary, JUnit, progress) can read it without depending on the command that produces it.
 */

export interface ConvertedFile {
  path: string;
  outputs: string[];
  result: ConvertResult;
}

export interface ConvertOutcome {
  files: ConvertedFile[];
  failures: { path: string; error: FalcError }[];
  /** Inputs unchanged since the run recorded in falc-manifest.json, with all their outputs present. */
  skipped: string[];
  /** What falc-manifest.json says of each skipped input (its scores and facts still answer to the gates). */
  skippedEntries: { path: string; entry: ManifestEntry }[];
  exitCode: number;
}
