import chalk from "chalk";
import type { Severity } from "../rules/finding.js";
import { plainStyle, type TextStyle } from "../render/score-text.js";

/** Colours on a terminal (chalk honours NO_COLOR and FORCE_COLOR); brackets elsewhere. */
export async function terminalStyle(isTTY: boolean): Promise<TextStyle> {
  if (!isTTY || chalk.level === 0) return plainStyle;
  const colour: Record<Severity, (t: string) => string> = { error: chalk.red, warning: chalk.yellow, info: chalk.cyan };
  return {
    bold: chalk.bold,
    dim: chalk.dim,
    highlight: (t) => chalk.bold.underline(t),
    severity: (severity, t) => colour[severity](t),
  };
}
