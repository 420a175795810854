import { frenchDate } from "./docx/common.js";
import type { ReviewReport, RowReport } from "../review/status.js";

/** `falc review --format json`: the report as it is (version 1 contract; fields may be added, never removed). */
export function renderReviewJson(report: ReviewReport): string {
  return JSON.stringify(report, null, 2) + "\n";
}

/** `falc review`: where the validation stands, in French, for the staff member who runs it. */
export function renderReviewText(report: ReviewReport): string {
  const { counts } = report;
  const out: string[] = [
    `${report.file} : relecture ${report.round} de « ${report.source.name} » (document écrit le ${frenchDate(report.written)}), ${counts.sections} passage${plural(counts.sections)}.`,
    "",
    `  ✔ Compris : ${counts.validated}`,
    ...listed(report.sections.filter((s) => s.status === "validated" && (s.edited || s.remarks.length > 0))),
    `  ✘ Pas compris : ${counts.notUnderstood}`,
    ...listed(report.sections.filter((s) => s.status === "not-understood")),
    `  ✎ Corrigés à la main, sans avis : ${counts.edited}`,
    ...listed(report.sections.filter((s) => s.status === "edited")),
    `  … Pas encore relus : ${counts.pending}`,
    ...listed(report.sections.filter((s) => s.status === "pending")),
    "",
    validationLine(report),
  ];
  const source = report.source.name;
  if (report.complete) out.push(`Tous les passages sont compris. « falc convert ${source} --review ${report.file} » écrit la version finale, avec la page de validation.`);
  else if (counts.notUnderstood + counts.edited + counts.validated > 0) out.push(`Étape suivante : « falc convert ${source} --review ${report.file} » garde les passages compris, réécrit les autres avec les remarques et prépare la relecture suivante.`);
  else out.push("Aucun avis n’est encore noté dans ce document : cochez « Compris » ou « Pas compris » pour chaque passage, et notez les remarques.");
  return out.join("\n") + "\n";
}

function listed(rows: readonly RowReport[]): string[] {
  const out: string[] = [];
  for (const row of rows) {
    const marks = [row.edited ? "texte corrigé" : "", row.missing ? "ligne supprimée du tableau" : "", row.sourceChanged ? "l’original a changé depuis" : ""].filter(Boolean);
    out.push(`      passage ${row.index + 1} « ${row.title} »${marks.length > 0 ? ` (${marks.join(", ")})` : ""}`);
    for (const remark of row.remarks) out.push(`        « ${remark.replace(/\s+/g, " ")} »`);
  }
  return out;
}

function validationLine(report: ReviewReport): string {
  const { reviewers, date, organisation } = report.validation;
  if (reviewers.length === 0 && date === null && organisation === null) return "Validation : le tableau de validation (dernière page) n’est pas encore rempli.";
  const parts = [reviewers.length > 0 ? `relu par ${reviewers.join(", ")}` : "noms des relecteurs à remplir", date ? `le ${date}` : "date à remplir"];
  if (organisation) parts.push(organisation);
  return `Validation : ${parts.join(" — ")}.`;
}

function plural(n: number): string {
  return n > 1 ? "s" : "";
}
