import type { CliIO } from "./io.js";

/** What every command's action is handed: where to write, and where to leave its exit code. */
export interface CliContext {
  io: CliIO;
  /** Set by a command's action; the process exits with it. */
  exitCode: number;
}
