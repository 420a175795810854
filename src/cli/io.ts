/** Where the CLI writes; tests pass their own to capture output without spawning a process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is an interactive terminal (colours, progress bars). */
  isTTY: boolean;
  /** Whether stderr is an interactive terminal (the progress bar); absent = no. */
  stderrTTY?: boolean;
  /** Width of the terminal on stderr. */
  columns?: number;
}

export const processIO: CliIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
  stderrTTY: process.stderr.isTTY === true,
  ...(process.stderr.columns ? { columns: process.stderr.columns } : {}),
};
