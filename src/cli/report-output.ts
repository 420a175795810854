import { resolve } from "node:path";
import type { Command } from "commander";
import { FalcError } from "../errors.js";
import type { CliIO } from "./io.js";

/**
 * `-o, --output <fichier>` and `-q, --quiet`, with one meaning in every command that prints a report:
 * the report goes to the file instead of the standard output (written whole or not at all), and
 * `--quiet` prints nothing but errors. `falc convert` keeps `-o` for its output folder (`--out`): it
 * takes `--output` alone.
 */

export interface ReportFlags {
  output?: string;
  quiet?: boolean;
}

export function addReportOptions(command: Command, options: { shortOutput?: boolean; quiet?: boolean } = {}): Command {
  command.option(options.shortOutput === false ? "--output <fichier>" : "-o, --output <fichier>", "écrit le rapport dans ce fichier plutôt que sur la sortie standard");
  if (options.quiet !== false) command.option("-q, --quiet", "n’affiche que les erreurs (le rapport demandé par --output ou --report est écrit quand même)");
  return command;
}

/** Where a command's report goes: the file of --output, the standard output, or nowhere under --quiet. */
export class ReportOutput {
  private readonly pieces: string[] = [];

  constructor(
    private readonly io: CliIO,
    private readonly flags: ReportFlags,
    inputs: readonly string[] = [],
  ) {
    if (flags.output !== undefined && inputs.some((input) => input !== "-" && resolve(input) === resolve(flags.output!))) {
      throw new FalcError("output-is-input", `Le rapport ${flags.output} écraserait un fichier d’entrée.`, {
        file: flags.output,
        hint: "Donnez à --output un autre nom de fichier.",
      });
    }
  }

  /** Whether the report reaches a terminal (for colours). */
  get toTerminal(): boolean {
    return this.flags.output === undefined && !this.flags.quiet && this.io.isTTY;
  }

  /** Notices and warnings on standard error: not under --quiet. */
  get verbose(): boolean {
    return !this.flags.quiet;
  }

  readonly write = (text: string): void => {
    if (this.flags.output !== undefined) this.pieces.push(text);
    else if (!this.flags.quiet) this.io.stdout(text);
  };

  async close(): Promise<void> {
    if (this.flags.output === undefined) return;
    const { writeFileAtomic } = await import("../output/atomic.js");
    const { outputError } = await import("../output/errors.js");
    try {
      await writeFileAtomic(this.flags.output, this.pieces.join(""));
    } catch (error) {
      throw outputError(this.flags.output, error) ?? error;
    }
  }
}
