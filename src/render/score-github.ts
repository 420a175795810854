import { gateFailureLine, scoreGateInput, type QualityGate } from "../gate/quality-gate.js";
import type { Finding, Severity } from "../rules/finding.js";
import type { ScoreReport } from "../score/report.js";
import { describeWhere } from "../source/describe.js";

/**
 * `falc score --format github`: GitHub Actions workflow commands, one line per finding
 * (`::warning file=docs/contrat.md,line=9,col=12,…::message`), so that each finding shows on the pull
 * request's line. Word, LibreOffice and PDF files have no lines: the annotation is on the file, with the
 * heading path and paragraph, or the page, at the start of the message. Documents the quality gate fails
 * get an error annotation too.
 */

const COMMAND: Record<Severity, "error" | "warning" | "notice"> = { error: "error", warning: "warning", info: "notice" };

export function renderScoreGithub(report: ScoreReport & { failures?: { path: string; error: { message: string } }[] }, gate: QualityGate): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const finding of file.findings) lines.push(findingCommand(file.path, finding));
    for (const failure of gate.judge(scoreGateInput(file)).failures) {
      if (failure.kind === "errors") continue; // each error is already an annotation of its own
      lines.push(`::error ${properties({ file: github(file.path), title: "falc score" })}::${data(gateFailureLine(file.path, failure))}`);
    }
  }
  for (const failure of report.failures ?? []) lines.push(`::error ${properties({ file: github(failure.path), title: "falc" })}::${data(failure.error.message)}`);
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

function findingCommand(path: string, finding: Finding): string {
  const source = finding.source;
  const text = finding.suggestion ? `${finding.message}\n→ ${finding.suggestion}` : finding.message;
  const title = `falc ${finding.ruleId}`;
  if (source && "column" in source) {
    const props = properties({ file: github(path), line: source.line, col: source.column, endLine: source.endLine, endColumn: source.endColumn, title });
    return `::${COMMAND[finding.severity]} ${props}::${data(text)}`;
  }
  // No line to point at: say where in the message, as the text report does.
  const where = describeWhere(path, finding).slice(path.length).replace(/^[\s,]+/, "");
  return `::${COMMAND[finding.severity]} ${properties({ file: github(path), title })}::${data(`${where} : ${text}`)}`;
}

/** Paths as GitHub shows them: forward slashes, without a leading « ./ ». */
function github(path: string): string {
  return path.replace(/\\/g, "/").replace(/^\.\//, "");
}

function properties(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}=${property(String(value))}`)
    .join(",");
}

/** Escapes of the workflow command syntax (as @actions/core does). */
function data(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function property(text: string): string {
  return data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
