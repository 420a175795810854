import type { Command } from "commander";
import { addReportOptions, ReportOutput, type ReportFlags } from "./report-output.js";
import type { CliContext } from "./context.js";

export function registerMergeReports(program: Command, context: CliContext): Command {
  const command = program
    .command("merge-reports")
    .description("fusionne en un seul les rapports des tâches parallèles d’une CI (--shard i/n) : JUnit, falc-manifest.json ou JSON (type reconnu au contenu)")
    .argument("<fichiers...>", "rapports d’un même type, un par tâche (par exemple « rapports/*/falc-junit.xml »)");
  return addReportOptions(command).action(async (files: string[], flags: ReportFlags) => {
    // Checked before anything is read: the merged report must never replace one of the reports it merges.
    const out = new ReportOutput(context.io, flags, files);
    const { mergeReportFiles } = await import("../commands/merge-reports.js");
    const merged = await mergeReportFiles(files);
    out.write(merged.text);
    await out.close();
    if (!out.verbose) return;
    for (const warning of merged.warnings) context.io.stderr(`Attention : ${warning}\n`);
    context.io.stderr(`${merged.summary}\n`);
  });
}
