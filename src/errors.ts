/**
 * Expected failures carry a French message for the user, a stable code for scripts and tests,
 * and the exit code the CLI must return. Anything that is not a FalcError is a bug.
 */
export const ExitCode = {
  ok: 0,
  qualityGate: 1,
  usage: 2,
  external: 3,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export interface FalcErrorOptions {
  /** The file the error is about, shown to the user. */
  file?: string;
  /** What the user can do about it, in French. */
  hint?: string;
  exitCode?: ExitCodeValue;
  cause?: unknown;
  /** For a provider that asked us to slow down (429, 529): how long it asked us to wait. */
  retryAfterMs?: number;
}

export class FalcError extends Error {
  readonly code: string;
  readonly file: string | undefined;
  readonly hint: string | undefined;
  readonly exitCode: ExitCodeValue;
  readonly retryAfterMs: number | undefined;

  constructor(code: string, message: string, options: FalcErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "FalcError";
    this.code = code;
    this.file = options.file;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? ExitCode.usage;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** An input the user gave us that we cannot read: always exit 2. */
export function inputError(code: string, file: string, message: string, hint?: string, cause?: unknown): FalcError {
  return new FalcError(code, message, { file, hint, exitCode: ExitCode.usage, cause });
}

export function isFalcError(error: unknown): error is FalcError {
  return error instanceof FalcError;
}
