import type { Command } from "commander";
import type { CliContext } from "./context.js";
import { addIngestOptions, ingestOptionsFrom, oneOf, type IngestFlags } from "./options.js";
import { addReportOptions, ReportOutput, type ReportFlags } from "./report-output.js";

export function registerReview(program: Command, context: CliContext): Command {
  const command = program
    .command("review")
    .description("lit un document de relecture rempli et dit où en est la validation : passages compris, pas compris, corrigés, pas encore relus")
    .argument("<relecture.docx>", "document de relecture écrit par « falc convert », rempli par les relecteurs")
    .option("-f, --format <format>", "text ou json", oneOf(["text", "json"] as const, "--format"), "text")
    .option("--source <document>", "l’original : signale les passages qui ont changé depuis la relecture");
  addReportOptions(command);
  addIngestOptions(command).action(async (file: string, flags: IngestFlags & ReportFlags & { format: "text" | "json"; source?: string }) => {
    const out = new ReportOutput(context.io, flags, flags.source ? [file, flags.source] : [file]);
    const { reviewDocument } = await import("../commands/review.js");
    const { output } = await reviewDocument(file, flags.format, { ingest: ingestOptionsFrom(flags), ...(flags.source ? { source: flags.source } : {}) });
    out.write(output);
    await out.close();
  });
  return command;
}
