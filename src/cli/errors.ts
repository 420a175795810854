import { CommanderError } from "commander";
import { ExitCode, isFalcError } from "../errors.js";
import type { CliIO } from "./io.js";

/**
 * Maps any failure to a French message and an exit code: FalcErrors are expected and shown plainly;
 * anything else is a bug, shown with a request to report it (and the stack with --debug).
 */
export function reportFailure(error: unknown, io: CliIO, debug: boolean): number {
  if (error instanceof CommanderError) return commanderExit(error, io);
  if (isFalcError(error)) {
    io.stderr(`Erreur : ${error.message}\n`);
    if (error.hint) io.stderr(`  → ${error.hint}\n`);
    if (debug) io.stderr(`\n[debug] code=${error.code}\n${stackOf(error.cause ?? error)}\n`);
    return error.exitCode;
  }
  io.stderr(`Erreur inattendue : ${(error as Error)?.message ?? String(error)}\n`);
  io.stderr(debug ? `${stackOf(error)}\n` : "  → Relancez avec --debug pour le détail, et signalez le problème aux mainteneurs de falc.\n");
  return ExitCode.usage;
}

function stackOf(error: unknown): string {
  return (error as Error)?.stack ?? String(error);
}

/** Commander speaks English; users of falc read French. */
const COMMANDER_MESSAGES: Record<string, (error: CommanderError) => string> = {
  "commander.unknownOption": (e) => `option inconnue ${quoted(e.message)}.`,
  "commander.unknownCommand": (e) => `commande inconnue ${quoted(e.message)}.`,
  "commander.missingArgument": (e) => `argument manquant ${quoted(e.message)}.`,
  "commander.optionMissingArgument": (e) => `l’option ${quoted(e.message)} attend une valeur.`,
  "commander.missingMandatoryOptionValue": (e) => `l’option obligatoire ${quoted(e.message)} manque.`,
  "commander.invalidArgument": (e) => e.message.replace(/^error: /, ""),
  "commander.excessArguments": () => "trop d’arguments.",
};

function quoted(message: string): string {
  const name = /'([^']+)'/.exec(message)?.[1];
  return name ? `« ${name} »` : "";
}

function commanderExit(error: CommanderError, io: CliIO): number {
  if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") {
    return ExitCode.ok;
  }
  const translate = COMMANDER_MESSAGES[error.code];
  io.stderr(`Erreur : ${translate ? translate(error) : error.message}\n  → Voyez « falc --help ».\n`);
  return ExitCode.usage;
}
