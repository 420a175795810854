import type { Finding, Severity } from "../rules/finding.js";
import type { FileScore, ScoreReport } from "../score/report.js";
import { fr, plural, scoreBand } from "./format.js";

/** Styling hooks, so the renderer stays pure and testable (chalk is passed in by the CLI). */
export interface TextStyle {
  bold: (text: string) => string;
  dim: (text: string) => string;
  highlight: (text: string) => string;
  severity: (severity: Severity, text: string) => string;
}

export const plainStyle: TextStyle = {
  bold: (t) => t,
  dim: (t) => t,
  highlight: (t) => `[${t}]`,
  severity: (_s, t) => t,
};

const SEVERITY_LABEL: Record<Severity, string> = { error: "erreur", warning: "attention", info: "conseil" };

/** The report for staff: the score and key figures first, then findings grouped by section. */
export function renderScoreText(report: ScoreReport, style: TextStyle = plainStyle): string {
  return report.files.map((file) => renderFile(file, style)).join("\n");
}

function renderFile(file: FileScore, style: TextStyle): string {
  const lines: string[] = [];
  lines.push(style.bold(`${file.path} — ${file.title}`));
  lines.push(
    file.score === null
      ? `  Score : non calculé (${file.scoreNote ?? "texte trop court"})`
      : `  Score : ${style.bold(`${file.score}/100`)} (${scoreBand(file.score)})`,
  );
  const s = file.stats;
  lines.push(`  ${plural(s.words, "mot")} · ${plural(s.sentences, "phrase")} · ${fr.dec1(s.wordsPerSentence)} mots par phrase · ${fr.dec2(s.syllablesPerWord)} syllabes par mot`);
  lines.push(`  Kandel–Moles ${fr.dec1(file.readability.kandelMoles)} · LIX ${fr.dec1(file.readability.lix)} · RIX ${fr.dec1(file.readability.rix)} · ${plural(s.longSentences, "phrase")} de plus de 12 mots`);
  lines.push(`  ${summariseFindings(file.findings)}`);
  for (const warning of file.warnings) lines.push(`  Attention : ${warning}`);
  for (const section of file.sections) {
    const findings = file.findings.filter((f) => f.sectionIndex === section.index);
    if (file.sections.length === 1 && findings.length === 0) continue;
    const score = section.score === null ? "trop court pour un score" : `score ${section.score}`;
    lines.push("", `  ${style.bold(`§ ${section.index + 1}. ${section.title}`)} ${style.dim(`— ${score}, ${plural(findings.length, "écart")}`)}`);
    for (const finding of findings) lines.push(...renderFinding(finding, style));
  }
  const orphans = file.findings.filter((f) => f.sectionIndex === undefined);
  if (orphans.length > 0) lines.push("");
  for (const finding of orphans) lines.push(...renderFinding(finding, style));
  return lines.join("\n") + "\n";
}

function summariseFindings(findings: Finding[]): string {
  if (findings.length === 0) return "Aucun écart aux règles vérifiées.";
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  return `Écarts aux règles : ${plural(count("error"), "erreur")}, ${plural(count("warning"), "avertissement")}, ${plural(count("info"), "conseil")}.`;
}

function renderFinding(finding: Finding, style: TextStyle): string[] {
  const where = `${finding.line}:${finding.column}`.padEnd(8);
  const label = style.severity(finding.severity, SEVERITY_LABEL[finding.severity].padEnd(9));
  const lines = [`    ${style.dim(where)} ${label} ${finding.message} ${style.dim(finding.ruleId)}`];
  lines.push(`             « ${highlightExcerpt(finding, style)} »`);
  if (finding.suggestion) lines.push(`             → ${finding.suggestion}`);
  return lines;
}

const MAX_EXCERPT = 160;

function highlightExcerpt(finding: Finding, style: TextStyle): string {
  const excerpt = finding.excerpt.replace(/\n/g, " ");
  const at = finding.excerptOffset;
  if (at === undefined || at < 0 || at > excerpt.length) return shorten(excerpt, 0, excerpt.length);
  const end = Math.min(excerpt.length, at + finding.length);
  const marked = excerpt.slice(0, at) + style.highlight(excerpt.slice(at, end)) + excerpt.slice(end);
  return shorten(marked, at, end + (marked.length - excerpt.length));
}

/** Keeps the highlighted part visible in long sentences. */
function shorten(text: string, from: number, to: number): string {
  if (text.length <= MAX_EXCERPT) return text;
  const start = Math.max(0, Math.min(from - 40, text.length - MAX_EXCERPT));
  const end = Math.max(to + 40, start + MAX_EXCERPT);
  return `${start > 0 ? "…" : ""}${text.slice(start, end)}${end < text.length ? "…" : ""}`;
}
