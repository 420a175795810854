import type { Command } from "commander";
import type { CliContext } from "./context.js";
import { addIngestOptions, ingestOptionsFrom, oneOf, type IngestFlags } from "./options.js";

export function registerReview(program: Command, context: CliContext): Command {
  const command = program
    .command("review")
    .description("lit un document de relecture rempli et dit où en est la validation : passages compris, pas compris, corrigés, pas encore relus")
    .argument("<relecture.docx>", "document de relecture écrit par « falc convert », rempli par les relecteurs")
    .option("-f, --format <format>", "text ou json", oneOf(["text", "json"] as const, "--format"), "text")
    .option("--source <document>", "l’original : signale les passages qui ont changé depuis la relecture");
  addIngestOptions(command).action(async (file: string, flags: IngestFlags & { format: "text" | "json"; source?: string }) => {
    const { reviewDocument } = await import("../commands/review.js");
    const { output } = await reviewDocument(file, flags.format, { ingest: ingestOptionsFrom(flags), ...(flags.source ? { source: flags.source } : {}) });
    context.io.stdout(output);
  });
  return command;
}
