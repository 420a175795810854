import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { inputError } from "../errors.js";
import { IngestErrorCode } from "../ingest/types.js";
import { mergeReports, type MergedReports } from "../render/merge-reports.js";

export { MergeErrorCode, mergeReports, type MergedReports, type MergeInput, type ReportKind } from "../render/merge-reports.js";

/**
 * `falc merge-reports <fichiers…>`: reads the reports the jobs of a CI matrix wrote and merges them
 * (see mergeReports). The same file named twice (two globs that overlap) is read once.
 */
export async function mergeReportFiles(paths: readonly string[]): Promise<MergedReports> {
  const seen = new Set<string>();
  const unique: string[] = [];
  const warnings: string[] = [];
  for (const path of paths) {
    if (seen.has(resolve(path))) {
      warnings.push(`${path} est donné deux fois : il n’est lu qu’une fois.`);
      continue;
    }
    seen.add(resolve(path));
    unique.push(path);
  }
  // One after the other: the error names the first bad file in the order given, whatever the disk does.
  const inputs = [];
  for (const path of unique) inputs.push({ path, text: await readReport(path) });
  const merged = mergeReports(inputs);
  return { ...merged, warnings: [...warnings, ...merged.warnings] };
}

async function readReport(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw inputError(
        IngestErrorCode.notFound,
        path,
        `Le rapport ${path} n’existe pas.`,
        "Vérifiez le chemin : une tâche de la matrice arrêtée avant la fin n’a peut-être pas écrit le sien (un motif sans fichier reste tel quel dans le shell).",
        error,
      );
    }
    if (code === "EISDIR") {
      throw inputError(IngestErrorCode.isDirectory, path, `${path} est un dossier, pas un rapport.`, "Donnez les fichiers eux-mêmes, par exemple « rapports/*/falc-junit.xml ».", error);
    }
    throw inputError(IngestErrorCode.unreadable, path, `Le rapport ${path} ne peut pas être lu (${code ?? "erreur inconnue"}).`, "Vérifiez vos droits d’accès au fichier.", error);
  }
}
