import type { Command } from "commander";
import { addIngestOptions, ingestOptionsFrom, oneOf, type IngestFlags } from "./options.js";
import type { CliContext } from "./context.js";

export function registerExtract(program: Command, context: CliContext): Command {
  const command = program
    .command("extract")
    .description("montre comment falc a compris un document : sections, titres, listes, tableaux")
    .argument("<fichier>", "document .docx, .pdf, .odt, .md ou .txt (« - » pour l’entrée standard)")
    .option("-f, --format <format>", "json (le modèle complet) ou md (lecture rapide)", oneOf(["json", "md"] as const, "--format"), "md");
  addIngestOptions(command).action(async (file: string, flags: IngestFlags & { format: "json" | "md" }) => {
    const { extractTo } = await import("../commands/extract.js");
    const document = await extractTo(file, flags.format, context.io.stdout, ingestOptionsFrom(flags));
    for (const warning of document.warnings) context.io.stderr(`Attention : ${warning.message}\n`);
  });
  return command;
}
