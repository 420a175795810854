import type { Command } from "commander";
import type { CliContext } from "./context.js";
import { oneOf } from "./options.js";
import { addReportOptions, ReportOutput, type ReportFlags } from "./report-output.js";

export function registerPictograms(program: Command, context: CliContext): Command {
  const command = program
    .command("pictograms")
    .description("montre quelle image un mot recevrait à côté d’une idée, et de quelle banque")
    .argument("<mots...>", "mots ou expressions, par exemple repas « médecin traitant » bus")
    .option("--pictograms <dossier>", "images de l’établissement, cherchées avant la banque intégrée OpenMoji")
    .option("-f, --format <format>", "text ou json", oneOf(["text", "json"] as const, "--format"), "text")
    .option("-c, --config <fichier>", "fichier de configuration (sinon falc.config.json, cherché à partir du dossier courant)");
  addReportOptions(command);
  return command.action(async (words: string[], flags: ReportFlags & { pictograms?: string; format: "text" | "json"; config?: string }) => {
    const out = new ReportOutput(context.io, flags);
    const { lookUpPictograms, renderPictogramsText } = await import("../commands/pictograms.js");
    const report = lookUpPictograms(words, { ...(flags.pictograms ? { folder: flags.pictograms } : {}), ...(flags.config ? { configPath: flags.config } : {}) });
    out.write(flags.format === "json" ? JSON.stringify(report, null, 2) + "\n" : renderPictogramsText(report));
    await out.close();
  });
}
