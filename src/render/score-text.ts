import type { Finding, Severity } from "../rules/finding.js";
import type { FileScore, ScoreReport } from "../score/report.js";
import { ChunkedWriter } from "../output/chunked-writer.js";
import { fr, plural } from "../french-numbers.js";
import { scoreBand } from "./format.js";
import { describeWhere } from "../source/describe.js";

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
  const pieces: string[] = [];
  writeScoreText(report, style, (text) => pieces.push(text));
  return pieces.join("");
}

/** The same report, handed to `write` in chunks as it is made (a long document's report is megabytes). */
export function writeScoreText(report: ScoreReport, style: TextStyle, write: (text: string) => void): void {
  const out = new ChunkedWriter(write);
  report.files.forEach((file, i) => {
    if (i > 0) out.write("\n");
    writeFile(file, style, (line) => out.write(`${line}\n`));
  });
  out.flush();
}

function writeFile(file: FileScore, style: TextStyle, line: (text: string) => void): void {
  line(style.bold(`${file.path} — ${file.title}`));
  line(
    file.score === null
      ? `  Score : non calculé (${file.scoreNote ?? "texte trop court"})`
      : `  Score : ${style.bold(`${file.score}/100`)} (${scoreBand(file.score)})`,
  );
  const s = file.stats;
  line(`  ${plural(s.words, "mot")} · ${plural(s.sentences, "phrase")} · ${fr.dec1(s.wordsPerSentence)} mots par phrase · ${fr.dec2(s.syllablesPerWord)} syllabes par mot`);
  line(`  Kandel–Moles ${fr.dec1(file.readability.kandelMoles)} · LIX ${fr.dec1(file.readability.lix)} · RIX ${fr.dec1(file.readability.rix)} · ${plural(s.longSentences, "phrase")} de plus de 12 mots`);
  line(`  ${summariseFindings(file.findings)}`);
  for (const warning of file.warnings) line(`  Attention : ${warning}`);
  // Grouped in one pass: a long document has thousands of sections.
  const bySection = new Map<number, Finding[]>();
  const orphans: Finding[] = [];
  for (const finding of file.findings) {
    if (finding.sectionIndex === undefined) orphans.push(finding);
    else {
      let group = bySection.get(finding.sectionIndex);
      if (group === undefined) bySection.set(finding.sectionIndex, (group = []));
      group.push(finding);
    }
  }
  for (const section of file.sections) {
    const findings = bySection.get(section.index) ?? [];
    if (file.sections.length === 1 && findings.length === 0) continue;
    const score = section.score === null ? "trop court pour un score" : `score ${section.score}`;
    line("");
    line(`  ${style.bold(`§ ${section.index + 1}. ${section.title}`)} ${style.dim(`— ${score}, ${plural(findings.length, "écart")}`)}`);
    for (const finding of findings) writeFinding(file.path, finding, style, line);
  }
  if (orphans.length > 0) line("");
  for (const finding of orphans) writeFinding(file.path, finding, style, line);
}

function summariseFindings(findings: Finding[]): string {
  if (findings.length === 0) return "Aucun écart aux règles vérifiées.";
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  return `Écarts aux règles : ${plural(count("error"), "erreur")}, ${plural(count("warning"), "avertissement")}, ${plural(count("info"), "conseil")}.`;
}

function writeFinding(path: string, finding: Finding, style: TextStyle, line: (text: string) => void): void {
  // Where the user's own file has it: `contrat.md:9:12`, `contrat.docx § Article 4 › 4.1, paragraphe 3`.
  const where = describeWhere(path, finding);
  const label = style.severity(finding.severity, SEVERITY_LABEL[finding.severity].padEnd(9));
  line(`    ${style.dim(where)}  ${label} ${finding.message} ${style.dim(finding.ruleId)}`);
  line(`             « ${highlightExcerpt(finding, style)} »`);
  if (finding.suggestion) line(`             → ${finding.suggestion}`);
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
