import type { Command } from "commander";
import { addIngestOptions, ingestOptionsFrom, oneOf, type IngestFlags } from "./options.js";
import { addReportOptions, ReportOutput, type ReportFlags } from "./report-output.js";
import type { CliContext } from "./context.js";

export function registerExtract(program: Command, context: CliContext): Command {
  const command = program
    .command("extract")
    .description("montre comment falc a compris un document : sections, titres, listes, tableaux")
    .argument("<fichier>", "document .docx, .pdf, .odt, .md ou .txt (« - » pour l’entrée standard)")
    .option("-f, --format <format>", "json (le modèle complet) ou md (lecture rapide)", oneOf(["json", "md"] as const, "--format"), "md");
  addReportOptions(command);
  addIngestOptions(command).action(async (file: string, flags: IngestFlags & ReportFlags & { format: "json" | "md" }) => {
    const out = new ReportOutput(context.io, flags, [file]);
    const { extractTo } = await import("../commands/extract.js");
    const document = await extractTo(file, flags.format, out.write, ingestOptionsFrom(flags));
    await out.close();
    if (out.verbose) for (const warning of document.warnings) context.io.stderr(`Attention : ${warning.message}\n`);
  });
  return command;
}
