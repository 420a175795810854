import { Command } from "commander";
import { VERSION } from "../version.js";
import { ExitCode } from "../errors.js";
import { processIO, type CliIO } from "./io.js";
import { reportFailure } from "./errors.js";
import { frenchHelp } from "./help.js";
import { registerExtract } from "./extract.js";
import { registerScore } from "./score.js";
import { registerRules } from "./rules.js";
import { registerConvert } from "./convert.js";
import { registerReview } from "./review.js";
import { registerPictograms } from "./pictograms.js";
import { registerMergeReports } from "./merge-reports.js";
import type { CliContext } from "./context.js";

/** Runs the CLI in-process and returns the exit code: tests call this directly. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const context: CliContext = { io, exitCode: ExitCode.ok };
  const program = buildProgram(context);
  const debug = argv.includes("--debug");
  try {
    await program.parseAsync(argv, { from: "user" });
    return context.exitCode;
  } catch (error) {
    return reportFailure(error, io, debug);
  }
}

function buildProgram(context: CliContext): Command {
  const program = new Command("falc")
    .description(
      "Prépare des brouillons « faciles à lire et à comprendre » (FALC) de documents français et mesure leur lisibilité.\n" +
        "Un brouillon n’est pas du FALC validé : seuls ses lecteurs peuvent le valider.",
    )
    .version(VERSION, "-V, --version", "affiche la version")
    .option("--debug", "affiche le détail technique des erreurs")
    .exitOverride()
    .configureOutput({ writeOut: context.io.stdout, writeErr: context.io.stderr, outputError: () => {} })
    .usage("[options] <commande>")
    .showSuggestionAfterError(false)
    .helpCommand("help [commande]", "affiche l’aide d’une commande");
  frenchHelp(program);
  for (const register of [registerConvert, registerReview, registerScore, registerExtract, registerRules, registerPictograms, registerMergeReports]) {
    const command = register(program, context);
    frenchHelp(command);
    command.exitOverride().configureOutput({ writeOut: context.io.stdout, writeErr: context.io.stderr, outputError: () => {} });
  }
  return program;
}
