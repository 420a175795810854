import { constants } from "node:fs";
import { copyFile, readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { ExitCode, FalcError, isFalcError } from "../errors.js";
import type { Section } from "../model/types.js";
import type { ConvertResult } from "../rewrite/types.js";
import { fileHash } from "../output/manifest.js";
import { planReview, sectionLabel, type ReviewPlan } from "../review/plan.js";
import { readReviewDocx, ReviewErrorCode } from "../review/read-docx.js";
import type { ReadReview } from "../review/types.js";

/**
 * The review loop around one conversion: which filled review document to read (`--review`, or the
 * output folder's own one when its readers filled it since falc wrote it), and the copies that keep
 * every filled document safe before a new one takes its place — a group's work is never overwritten.
 */

export interface PreparedReview {
  review?: ReadReview;
  /** Copies made of filled review documents, before the new one is written. */
  kept: string[];
  notices: string[];
}

export async function prepareReview(options: { explicit?: string; target?: string; recordedSha256?: string }): Promise<PreparedReview> {
  const prepared: PreparedReview = { kept: [], notices: [] };
  if (options.explicit !== undefined) prepared.review = await loadReview(options.explicit);
  if (options.target === undefined) return prepared;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(options.target);
  } catch {
    return prepared;
  }
  // Exactly what falc wrote last time: nothing of the readers' in it.
  if (options.recordedSha256 !== undefined && fileHash(bytes) === options.recordedSha256) return prepared;
  let own: ReadReview | undefined;
  try {
    own = readReviewDocx(bytes, options.target);
  } catch (error) {
    if (!isFalcError(error)) throw error;
  }
  // A file falc cannot read as its own is someone's work too: kept, never overwritten.
  if (own && !hasReadersInput(own)) return prepared;
  const copy = await keepCopy(options.target, bytes, own?.state.round);
  prepared.kept.push(copy);
  if (own && !prepared.review) {
    prepared.review = own;
    prepared.notices.push(
      `${options.target} a été rempli depuis que falc l’a écrit : les avis de la relecture ${own.state.round} sont repris. Le document rempli est gardé sous ${copy}.`,
    );
  } else {
    prepared.notices.push(`${options.target} a été modifié depuis que falc l’a écrit : il est gardé sous ${copy} avant d’écrire le nouveau.`);
  }
  return prepared;
}

/**
 * The plan for a document's sections. A review document that matches none of them was written for
 * another source: refused, rather than throwing away every verdict in silence.
 */
export function reviewPlanFor(input: string, sections: readonly Section[], review: ReadReview, canRevise: boolean): ReviewPlan {
  const plan = planReview(sections, review, canRevise);
  if (plan.sections.size === 0 && review.state.sections.length > 0) {
    throw new FalcError(
      ReviewErrorCode.otherSource,
      `${review.path} a été écrit pour « ${review.state.source.name} » : aucun de ses passages ne correspond à ${input}.`,
      { file: review.path, exitCode: ExitCode.usage, hint: `Donnez le document de relecture de ${basename(input)} avec --review, ou convertissez « ${review.state.source.name} ».` },
    );
  }
  if (review.state.source.name !== basename(input)) {
    plan.notices.unshift(`${review.path} a été écrit pour « ${review.state.source.name} » : ses passages qui correspondent à ${input} sont repris.`);
  }
  return plan;
}

/** Anything the readers or the staff put into the document: a verdict, a remark, an edit, a name. */
export function hasReadersInput(review: ReadReview): boolean {
  const earlier = review.state.validation;
  const validation = review.validation;
  if (validation.reviewers.join("\n") !== earlier.reviewers.join("\n") || validation.date !== earlier.date || validation.organisation !== earlier.organisation) return true;
  return review.sections.some((row) => {
    // A box falc itself ticked for a section validated earlier is not new input.
    const carried = row.verdict === "understood" && row.stored.status === "validated";
    return row.edited || row.remarks.length > 0 || (row.verdict !== "none" && !carried);
  });
}

/** `contrat.relecture.docx` → `contrat.relecture.1.docx` (the round it holds), never over another file. */
async function keepCopy(path: string, bytes: Uint8Array, round: number | undefined): Promise<string> {
  const stem = basename(path).replace(/\.docx$/i, "");
  const tag = round === undefined ? "copie" : String(round);
  for (let attempt = 1; ; attempt++) {
    const candidate = join(dirname(path), `${stem}.${tag}${attempt > 1 ? `-${attempt}` : ""}.docx`);
    try {
      await copyFile(path, candidate, constants.COPYFILE_EXCL);
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw keepError(path, candidate, error);
      // Kept by an earlier run already: the same bytes need no second copy.
      if (fileHash(await readFile(candidate)) === fileHash(bytes)) return candidate;
    }
  }
}

/** A review document given by the user (`--review`), read with a French error when it cannot be. */
export async function loadReview(path: string): Promise<ReadReview> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FalcError(code === "ENOENT" ? "file-not-found" : "file-unreadable", `${path} : document de relecture ${code === "ENOENT" ? "introuvable" : "illisible"}.`, {
      file: path,
      exitCode: ExitCode.usage,
      hint: "Donnez le chemin du document de relecture rempli (<nom>.relecture.docx) après --review.",
      cause: error,
    });
  }
  return readReviewDocx(bytes, path);
}

function keepError(path: string, copy: string, cause: unknown): FalcError {
  return new FalcError("review-keep-failed", `Impossible de garder une copie de ${path} sous ${copy} : le document rempli n’est pas remplacé.`, {
    file: path,
    exitCode: ExitCode.usage,
    hint: "Vérifiez les droits d’écriture du dossier, ou déplacez le document de relecture rempli avant de relancer.",
    cause,
  });
}

/**
 * A text corrected by hand is adopted as it is, never sent to a model: what the rules and the
 * fidelity guard find in it is for the staff to judge, so it is said, not fixed behind their back.
 */
export function adoptedNotices(result: ConvertResult, plan: ReviewPlan | undefined): string[] {
  if (!plan) return [];
  const notices: string[] = [];
  for (const section of result.sections) {
    if (plan.sections.get(section.index)?.kind !== "adopt") continue;
    const errors = section.findings.filter((finding) => finding.severity === "error").length;
    const facts = section.facts.missing.length + section.facts.added.length;
    const problems = [errors > 0 ? `${errors} écart${errors > 1 ? "s" : ""} aux règles à corriger` : "", facts > 0 ? `${facts} information${facts > 1 ? "s" : ""} manquante${facts > 1 ? "s" : ""} ou ajoutée${facts > 1 ? "s" : ""}` : ""].filter(Boolean);
    notices.push(`${sectionLabel(section)} : texte corrigé à la main, adopté tel quel${problems.length > 0 ? ` ; à vérifier : ${problems.join(", ")} (voir le document de relecture)` : ""}.`);
  }
  return notices;
}
