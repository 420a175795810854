import type { ConvertResult, ConvertedSection } from "../rewrite/types.js";
import { textHash } from "./hash.js";
import { EMPTY_VALIDATION, type ReviewState } from "./types.js";

/** The id of a section's row: its position and its original's hash, so that a bookmark name stays short (Word allows 40 characters). */
export function sectionId(section: Pick<ConvertedSection, "index" | "original">): string {
  return `s${section.index}_${textHash(section.original).slice(0, 8)}`;
}

/**
 * The state written into a review document. `falcHashes` are the hashes of each section's
 * easy-to-read cell as the rendered document reads back (see render/review/state.ts), so that an
 * untouched cell always compares equal.
 */
export function buildState(result: ConvertResult, falcHashes: ReadonlyMap<string, string>): ReviewState {
  return {
    version: 1,
    source: { name: fileName(result.source.path), sha256: result.source.sha256 },
    round: result.review?.round ?? 1,
    date: result.date,
    sections: result.sections.map((section) => {
      const id = sectionId(section);
      return {
        id,
        index: section.index,
        title: section.title,
        sourceTitle: firstLine(section.original),
        sourceHash: textHash(section.original),
        falcHash: falcHashes.get(id) ?? "",
        rewrite: section.rewrite,
        status: section.review?.status ?? "pending",
        statusRound: section.review?.round ?? 1,
        history: section.review?.history ?? [],
      };
    }),
    validation: result.review
      ? { reviewers: result.review.reviewers, date: result.review.date, organisation: result.review.organisation }
      : EMPTY_VALIDATION,
  };
}

function fileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

export function firstLine(text: string): string {
  return (text.split("\n", 1)[0] ?? "").trim();
}

/** A title as two of them are compared: no bold marks, spaces collapsed, lower case. */
export function normaliseTitle(title: string): string {
  return title.replace(/\*\*/g, "").replace(/\s+/g, " ").trim().toLowerCase();
}
