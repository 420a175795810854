import { FalcError, ExitCode } from "../errors.js";
import type { BankInfo, PictureImage } from "./types.js";

/**
 * A bank of pictures as the matcher sees it: entries named by what they show. The built-in bank
 * (builtin.ts) and an establishment's folder (folder.ts) both come to this.
 */

export interface BankEntry {
  /** The picture's file in its bank (relative path with « / », or the OpenMoji name with « .svg »). */
  file: string;
  /** What the picture shows: its file name or index keywords; for OpenMoji, the project's concepts and the Unicode name. */
  names: string[];
  /** Looser keywords (Unicode's CLDR keywords): a match on them counts less. */
  tags: string[];
  /** Among equally good matches, the lower rank wins. */
  rank: number;
  /** The picture's own licence, from the bank's index. */
  licence?: string;
}

export interface Bank {
  info: BankInfo;
  entries: BankEntry[];
  load(entry: BankEntry): Promise<PictureImage>;
}

/** How the banks of a run are chosen: `--pictograms <dossier>`, `--no-pictograms`, `pictograms` in falc.config.json. */
export interface PictogramSettings {
  /** false: no pictures at all. */
  enabled: boolean;
  /** The establishment's folder, searched before the built-in bank. */
  folder?: string;
}

export function pictogramError(code: string, message: string, hint: string, cause?: unknown): FalcError {
  return new FalcError(code, message, { exitCode: ExitCode.usage, hint, ...(cause !== undefined ? { cause } : {}) });
}
