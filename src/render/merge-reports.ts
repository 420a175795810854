import { inputError } from "../errors.js";
import { fr, plural } from "../french-numbers.js";
import type { Manifest } from "../output/manifest.js";
import type { ConvertSummary } from "./convert-summary.js";
import { MergeErrorCode, type MergeInput } from "./merge-input.js";
import { jsonKindOf, mergeConvertSummaries, mergeManifests, mergeScoreReports, type JsonKind, type JsonReport } from "./merge-json.js";
import { looksLikeXml, mergeJUnitReports, parseJUnitReport, type JUnitReport } from "./merge-junit.js";

export { MergeErrorCode, type MergeInput } from "./merge-input.js";

/**
 * `falc merge-reports`: the reports that the jobs of a CI matrix (`--shard i/n`) wrote, merged into one
 * by kind, the kind read from each file's content (a report renamed by an artifact step is still
 * recognised). Pure: texts in, merged text, figures and warnings out.
 */

export type ReportKind = "junit" | JsonKind;

export interface MergedReports {
  kind: ReportKind;
  /** How many reports were merged. */
  reports: number;
  text: string;
  /** « 8 rapports JUnit fusionnés : 2 000 cas de test, … », for standard error. */
  summary: string;
  warnings: string[];
}

const KIND_LABEL: Record<ReportKind, string> = {
  junit: "un rapport JUnit",
  manifest: "un manifeste (falc-manifest.json)",
  "convert-summary": "un résumé JSON de falc convert",
  "score-report": "un rapport JSON de falc score",
};

const WHAT_MERGES =
  "Donnez des fichiers d’un même type : les rapports de « --report junit=… », les falc-manifest.json des dossiers de sortie, " +
  "les résumés de « falc convert --json » ou « --output », ou les rapports de « falc score --format json ».";

type Parsed = { kind: "junit"; report: JUnitReport } | { kind: JsonKind; report: JsonReport<unknown> };

export function mergeReports(inputs: readonly MergeInput[]): MergedReports {
  const parsed = inputs.map(parseReport);
  const first = parsed[0];
  if (!first) throw inputError(MergeErrorCode.notAReport, "", "Aucun rapport à fusionner.", WHAT_MERGES);
  const other = parsed.find((report) => report.kind !== first.kind);
  if (other) {
    throw inputError(
      MergeErrorCode.mixed,
      other.report.path,
      `Les rapports à fusionner doivent être du même type : ${first.report.path} est ${KIND_LABEL[first.kind]}, ${other.report.path} est ${KIND_LABEL[other.kind]}.`,
      "Lancez une fusion par type, par exemple « falc merge-reports rapports/*/falc-junit.xml -o falc-junit.xml », puis une autre pour les falc-manifest.json.",
    );
  }
  const count = parsed.length;
  if (first.kind === "junit") {
    const merged = mergeJUnitReports(parsed.map((p) => p.report as JUnitReport));
    const { tests, failures, errors, skipped } = merged.counts;
    const passed = tests - failures - errors - skipped;
    const figures = [
      plural(tests, "cas de test", "cas de test"),
      plural(passed, "réussi"),
      `${fr.int(failures)} en échec`,
      `${fr.int(errors)} en erreur`,
      ...(skipped > 0 ? [plural(skipped, "ignoré")] : []),
    ];
    return { kind: "junit", reports: count, text: merged.text, summary: `${fusionne(count, "rapport JUnit", "rapports JUnit")} : ${figures.join(", ")}.`, warnings: merged.warnings };
  }
  const reports = parsed.map((p) => p.report);
  switch (first.kind) {
    case "manifest": {
      const merged = mergeManifests(reports as JsonReport<Manifest>[]);
      const figures = [plural(merged.documents, "document"), plural(merged.done, "converti"), `${fr.int(merged.failed)} en échec`];
      return { kind: first.kind, reports: count, text: merged.text, summary: `${fusionne(count, "manifeste")} : ${figures.join(", ")}.`, warnings: merged.warnings };
    }
    case "convert-summary": {
      const merged = mergeConvertSummaries(reports as JsonReport<ConvertSummary>[]);
      const figures = [plural(merged.documents, "document"), plural(merged.done, "converti"), plural(merged.skipped, "inchangé"), `${fr.int(merged.failed)} en échec`];
      return { kind: first.kind, reports: count, text: merged.text, summary: `${fusionne(count, "résumé")} : ${figures.join(", ")}.`, warnings: merged.warnings };
    }
    case "score-report": {
      const merged = mergeScoreReports(reports as Parameters<typeof mergeScoreReports>[0]);
      const figures = [plural(merged.documents, "document"), plural(merged.done, "analysé"), `${fr.int(merged.failed)} illisible${merged.failed > 1 ? "s" : ""}`];
      return { kind: first.kind, reports: count, text: merged.text, summary: `${fusionne(count, "rapport de score", "rapports de score")} : ${figures.join(", ")}.`, warnings: merged.warnings };
    }
  }
}

function fusionne(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${plural(count, singular, pluralForm)} fusionné${count > 1 ? "s" : ""}`;
}

function parseReport(input: MergeInput): Parsed {
  const text = input.text.replace(/^\uFEFF/, "");
  if (text.trim() === "") {
    throw inputError(MergeErrorCode.notAReport, input.path, `Le fichier ${input.path} est vide : ce n’est pas un rapport à fusionner.`, "Vérifiez que la tâche qui devait l’écrire est allée au bout.");
  }
  if (looksLikeXml(text)) return { kind: "junit", report: parseJUnitReport({ path: input.path, text }) };
  if (!text.trimStart().startsWith("{")) throw notAReport(input.path);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw inputError(
      MergeErrorCode.unreadable,
      input.path,
      `Le fichier ${input.path} n’est pas un JSON lisible (${(error as Error).message.slice(0, 160)}) : falc ne peut pas le fusionner.`,
      "Vérifiez que la tâche qui l’a écrit est allée au bout, et qu’il n’a pas été modifié à la main.",
      error,
    );
  }
  const kind = jsonKindOf(value);
  if (!kind) throw notAReport(input.path);
  return { kind, report: { path: input.path, value } };
}

function notAReport(path: string) {
  return inputError(
    MergeErrorCode.notAReport,
    path,
    `Le fichier ${path} n’est ni un rapport JUnit, ni un falc-manifest.json, ni un résumé JSON de falc convert ou de falc score : falc ne sait pas le fusionner.`,
    WHAT_MERGES,
  );
}
