import type { FalcDocument } from "../model/types.js";
import { checkDocument, findingsForText } from "../rules/engine.js";
import { addSourcePositions } from "../source/positions.js";
import { severityRank, type Finding, type Severity } from "../rules/finding.js";
import type { RuleSet } from "../rules/schema.js";
import { draftFurniture } from "./draft.js";
import { readability, type Readability } from "./readability.js";
import { reportStats, type FileScore, type ReportStats, type SectionScore } from "./report.js";
import { computeScore, MIN_WORDS_TO_SCORE } from "./score.js";
import { statsFromCounts, type TextStats } from "./stats.js";
import { StatsAccumulator } from "./unit-stats.js";

export interface AnalyzeOptions {
  /** Findings below this severity are left out of the result (they still count in the score). */
  minSeverity?: Severity;
  /** A draft falc wrote, checked by convert: rules keep their draft severity (see CheckOptions.draft). */
  draft?: boolean;
}

export interface TextAnalysis {
  score: number | null;
  scoreNote?: string;
  stats: ReportStats;
  readability: Readability;
  findings: Finding[];
}

export const TOO_SHORT_NOTE = `texte trop court pour un score fiable (moins de ${MIN_WORDS_TO_SCORE} mots)`;

/** Scores a plain text: pure, no I/O. */
export function analyzeText(text: string, ruleSet: RuleSet, options: AnalyzeOptions = {}): TextAnalysis {
  const { stats, findings } = measureText(text, ruleSet, options.draft === true);
  return summarise(stats, findings, options);
}

/** The counts and every finding of a text, from one pass of the rule engine (what the score is made of). */
export function measureText(text: string, ruleSet: RuleSet, draft = false): { stats: TextStats; findings: Finding[] } {
  const stats = new StatsAccumulator();
  const findings = findingsForText(text, ruleSet, { onUnit: (ctx) => stats.add(ctx), draft });
  return { stats: stats.result(), findings };
}

/** Scores a document, as a whole and section by section: pure, no I/O. */
export function analyzeDocument(document: FalcDocument, ruleSet: RuleSet, options: AnalyzeOptions = {}): FileScore {
  const accumulators = document.sections.map(() => new StatsAccumulator());
  const findings = checkDocument(document, ruleSet, {
    onUnit: (ctx) => accumulators[ctx.sectionIndex]?.add(ctx),
    draft: options.draft === true,
    skip: draftFurniture(document),
  });
  addSourcePositions(document, findings);
  const sectionStats = accumulators.map((accumulator) => accumulator.result());
  const bySection = findingsBySection(document, findings);
  const sections: SectionScore[] = document.sections.map((section, i) => {
    const inSection = bySection[i]!;
    const stats = sectionStats[i]!;
    return {
      index: section.index,
      title: section.title,
      score: computeScore(stats, inSection).score,
      stats: reportStats(stats),
      readability: readability(stats),
      findings: keep(inSection, options).length,
    };
  });
  const whole = summarise(sumStats(sectionStats), findings, options);
  return {
    path: document.source.path,
    format: document.source.format,
    title: document.title,
    score: whole.score,
    ...(whole.scoreNote ? { scoreNote: whole.scoreNote } : {}),
    stats: whole.stats,
    readability: whole.readability,
    sections,
    findings: whole.findings,
    warnings: document.warnings.map((warning) => warning.message),
  };
}

/** Each section's findings, in one pass (a long document has thousands of sections). */
function findingsBySection(document: FalcDocument, findings: readonly Finding[]): Finding[][] {
  const buckets: Finding[][] = document.sections.map(() => []);
  const position = new Map<number, number>();
  document.sections.forEach((section, i) => position.set(section.index, i));
  for (const finding of findings) {
    const i = finding.sectionIndex === undefined ? undefined : position.get(finding.sectionIndex);
    if (i !== undefined) buckets[i]!.push(finding);
  }
  return buckets;
}

function summarise(stats: TextStats, findings: Finding[], options: AnalyzeOptions): TextAnalysis {
  const { score } = computeScore(stats, findings);
  return {
    score,
    ...(score === null ? { scoreNote: TOO_SHORT_NOTE } : {}),
    stats: reportStats(stats),
    readability: readability(stats),
    findings: keep(findings, options),
  };
}

function keep(findings: Finding[], options: AnalyzeOptions): Finding[] {
  if (!options.minSeverity) return findings;
  const min = severityRank(options.minSeverity);
  return findings.filter((finding) => severityRank(finding.severity) >= min);
}

/** Sections never share a sentence, so document counts are the sums of section counts. */
export function sumStats(parts: TextStats[]): TextStats {
  const counts = { sentences: 0, words: 0, syllables: 0, longWords: 0, longSentences: 0 };
  for (const part of parts) {
    counts.sentences += part.sentences;
    counts.words += part.words;
    counts.syllables += part.syllables;
    counts.longWords += part.longWords;
    counts.longSentences += part.longSentences;
  }
  return statsFromCounts(counts);
}
