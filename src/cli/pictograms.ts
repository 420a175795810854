import type { Command } from "commander";
import type { CliContext } from "./context.js";
import { oneOf } from "./options.js";

export function registerPictograms(program: Command, context: CliContext): Command {
  return program
    .command("pictograms")
    .description("montre quelle image un mot recevrait à côté d’une idée, et de quelle banque")
    .argument("<mots...>", "mots ou expressions, par exemple repas « médecin traitant » bus")
    .option("--pictograms <dossier>", "images de l’établissement, cherchées avant la banque intégrée OpenMoji")
    .option("-f, --format <format>", "text ou json", oneOf(["text", "json"] as const, "--format"), "text")
    .option("-c, --config <fichier>", "fichier de configuration (sinon falc.config.json, cherché à partir du dossier courant)")
    .action(async (words: string[], flags: { pictograms?: string; format: "text" | "json"; config?: string }) => {
      const { lookUpPictograms, renderPictogramsText } = await import("../commands/pictograms.js");
      const report = lookUpPictograms(words, { ...(flags.pictograms ? { folder: flags.pictograms } : {}), ...(flags.config ? { configPath: flags.config } : {}) });
      context.io.stdout(flags.format === "json" ? JSON.stringify(report, null, 2) + "\n" : renderPictogramsText(report));
    });
}
