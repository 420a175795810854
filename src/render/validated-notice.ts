import { isValidated } from "../review/outcome.js";
import type { ConvertResult } from "../rewrite/types.js";

/**
 * The last page of a version its readers validated, in place of the draft's notice: the only words in
 * which falc says that a text was validated, and only with the readers' names and date as they wrote
 * them in the review document's closing table.
 */
export function validationStatement(result: ConvertResult): string[] | undefined {
  const review = result.review;
  if (!review || !isValidated(review, result.sections.length)) return undefined;
  const lines = [`Ce texte a été relu et validé par ${names(review.reviewers)} le ${review.date}.`];
  if (review.organisation) lines.push(`Structure : ${review.organisation}.`);
  return lines;
}

export const VALIDATED_TITLE = "Relecture et validation";

function names(list: readonly string[]): string {
  return list.length <= 1 ? (list[0] ?? "") : `${list.slice(0, -1).join(", ")} et ${list[list.length - 1]}`;
}
