import { readFile } from "node:fs/promises";
import { ExitCode, FalcError } from "../errors.js";
import { ingestFile, type IngestOptions } from "../ingest/index.js";
import { textHash } from "../review/hash.js";
import { readReviewDocx, ReviewErrorCode } from "../review/read-docx.js";
import { reviewReport, type ReviewReport } from "../review/status.js";

export type ReviewFormat = "text" | "json";

export interface ReviewOptions {
  /** The original document: sections whose text changed since the review are reported as such. */
  source?: string;
  ingest?: IngestOptions;
}

/** `falc review`: where the validation of a filled review document stands. Reads, never writes. */
export async function reviewDocument(path: string, format: ReviewFormat, options: ReviewOptions = {}): Promise<{ report: ReviewReport; output: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new FalcError(missing ? "file-not-found" : "file-unreadable", `${path} : document de relecture ${missing ? "introuvable" : "illisible"}.`, {
      file: path,
      exitCode: ExitCode.usage,
      hint: "Donnez le chemin du document de relecture (<nom>.relecture.docx) écrit par « falc convert ».",
      cause: error,
    });
  }
  const review = readReviewDocx(bytes, path);
  const changed = options.source === undefined ? new Set<string>() : await changedSections(options.source, review.state.sections, review.path, options.ingest);
  const report = reviewReport(review, changed);
  const { renderReviewJson, renderReviewText } = await import("../render/review-report.js");
  return { report, output: format === "json" ? renderReviewJson(report) : renderReviewText(report) };
}

async function changedSections(source: string, stored: readonly { id: string; sourceHash: string }[], reviewPath: string, ingest: IngestOptions | undefined): Promise<Set<string>> {
  const document = await ingestFile(source, ingest);
  const now = new Set(document.sections.map((section) => textHash(section.text)));
  const changed = new Set(stored.filter((section) => !now.has(section.sourceHash)).map((section) => section.id));
  if (changed.size === stored.length && stored.length > 0) {
    throw new FalcError(ReviewErrorCode.otherSource, `${reviewPath} ne correspond plus à ${source} : aucun passage de l’original relu ne s’y retrouve.`, {
      file: reviewPath,
      exitCode: ExitCode.usage,
      hint: "Vérifiez que c’est bien le document de relecture de cet original ; sinon relancez « falc convert » pour une nouvelle relecture.",
    });
  }
  return changed;
}
