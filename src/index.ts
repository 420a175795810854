/**
 * The falc library. Every CLI command is a function here, callable without spawning a process.
 * `analyze` is the one convenience that reads the rule set from the package (once per process);
 * the pure core takes a rule set explicitly (`analyzeText`, `analyzeDocument`).
 */
import { loadRuleSet } from "./config/ruleset.js";
import type { RuleSet } from "./rules/schema.js";
import { analyzeText, type AnalyzeOptions, type TextAnalysis } from "./score/analyze.js";

export { VERSION } from "./version.js";
export { splitSentences, type SentenceSpan } from "./analysis/sentences.js";
export { countSyllables, countSyllablesInContext } from "./analysis/syllables.js";
export { tokenize, type Token, type TokenKind } from "./analysis/tokens.js";
export { countWords } from "./analysis/words.js";
export { extractFacts, compareFacts, formatFullDate, parseFrenchNumber, numberToFrenchWords, type Fact, type FactType } from "./analysis/normalise/index.js";
export { analyzeText, analyzeDocument, type AnalyzeOptions, type TextAnalysis } from "./score/analyze.js";
export { computeStats, type TextStats } from "./score/stats.js";
export { readability, type Readability } from "./score/readability.js";
export { computeScore } from "./score/score.js";
export type { ScoreReport, FileScore, SectionScore } from "./score/report.js";
export type { Finding, Severity } from "./rules/finding.js";
export { checkDocument, findingsForText } from "./rules/engine.js";
export type { RuleSet, RuleDefinition } from "./rules/schema.js";
export { loadRuleSet } from "./config/ruleset.js";
export { loadConfig, applyConfig, resolveConfig, type FalcConfig } from "./config/config.js";
export { ingestFile, ingestBytes, type IngestOptions } from "./ingest/index.js";
export type { FalcDocument, Section, Block } from "./model/types.js";
export { extract } from "./commands/extract.js";
export { scoreFiles, type ScoreOptions } from "./commands/score.js";
export { listRules } from "./commands/rules.js";
export { convertFiles, convertLibrary, type ConvertCommandOptions } from "./commands/convert.js";
export { reviewDocument, type ReviewFormat, type ReviewOptions } from "./commands/review.js";
export { readReviewDocx } from "./review/read-docx.js";
export { mergeReportFiles, mergeReports, type MergedReports, type MergeInput, type ReportKind } from "./commands/merge-reports.js";
export type { ReviewReport } from "./review/status.js";
export { FalcError, ExitCode } from "./errors.js";
export { main } from "./cli/main.js";

/** Stats, readability, findings and score of a French text, with the package's rules (or `options.ruleSet`). */
export function analyze(text: string, options: AnalyzeOptions & { ruleSet?: RuleSet } = {}): TextAnalysis {
  const { ruleSet, ...rest } = options;
  return analyzeText(text, ruleSet ?? loadRuleSet(), rest);
}
