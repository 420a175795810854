import type { Command } from "commander";
import { oneOf } from "./options.js";
import type { CliContext } from "./context.js";

export function registerRules(program: Command, context: CliContext): Command {
  return program
    .command("rules")
    .description("liste les règles FALC en vigueur, avec leur gravité et leur source")
    .option("-f, --format <format>", "text ou json", oneOf(["text", "json"] as const, "--format"), "text")
    .option("-c, --config <fichier>", "fichier de configuration (sinon falc.config.json, cherché à partir du dossier courant)")
    .action(async (flags: { format: "text" | "json"; config?: string }) => {
      const { listRules } = await import("../commands/rules.js");
      const listing = listRules(flags.config ? { configPath: flags.config } : {});
      if (flags.format === "json") context.io.stdout(JSON.stringify(listing, null, 2) + "\n");
      else context.io.stdout((await import("../render/rules-text.js")).renderRulesText(listing));
    });
}
