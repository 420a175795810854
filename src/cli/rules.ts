import type { Command } from "commander";
import { oneOf } from "./options.js";
import { addReportOptions, ReportOutput, type ReportFlags } from "./report-output.js";
import type { CliContext } from "./context.js";

export function registerRules(program: Command, context: CliContext): Command {
  const command = program
    .command("rules")
    .description("liste les règles FALC en vigueur, avec leur gravité et leur source")
    .option("-f, --format <format>", "text ou json", oneOf(["text", "json"] as const, "--format"), "text")
    .option("-c, --config <fichier>", "fichier de configuration (sinon falc.config.json, cherché à partir du dossier courant)");
  return addReportOptions(command).action(async (flags: ReportFlags & { format: "text" | "json"; config?: string }) => {
    const out = new ReportOutput(context.io, flags, flags.config ? [flags.config] : []);
    const { listRules } = await import("../commands/rules.js");
    const listing = listRules(flags.config ? { configPath: flags.config } : {});
    if (flags.format === "json") out.write(JSON.stringify(listing, null, 2) + "\n");
    else out.write((await import("../render/rules-text.js")).renderRulesText(listing));
    await out.close();
  });
}
