import { entryGateInput, QualityGate, reasonText, type GateInput } from "../gate/quality-gate.js";
import type { ManifestEntry } from "../output/manifest.js";
import type { FileSummary, RunOutcome } from "../rewrite/run/outcome.js";
import { AFTER_SCORE_NOTE, BEFORE_SCORE_NOTE } from "../rewrite/score-note.js";
import { addUsage, NO_USAGE, type Usage } from "../rewrite/types.js";

/**
 * `falc convert --json`: one summary of the whole run on standard output, for scripts and CI
 * (version 1 contract: fields may be added, never removed or renamed). Files are sorted by path, so
 * that two runs over the same library give the same order whatever the concurrency.
 */

/** A ConvertOutcome whose manifest entries for skipped inputs may be missing (their figures are then null). */
export type SummarizedOutcome = Omit<RunOutcome, "skippedEntries"> & Partial<Pick<RunOutcome, "skippedEntries">>;

export interface SummaryUsage {
  requests: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens: number;
  cacheCreationInputTokens: number;
  /** Indicative USD; null when the model has no known price (offline, local servers). */
  estimatedCost: number | null;
}

export interface SummaryFile {
  path: string;
  status: "converted" | "skipped" | "failed";
  outputs: string[];
  score: { before: number | null; after: number | null };
  /** null when unknown: a failed file, or a skipped one without its manifest entry. */
  missingFacts: number | null;
  addedFacts: number | null;
  /** Sections handled in this run (0 for skipped and failed files). */
  sections: number;
  cachedSections: number;
  usage: SummaryUsage;
  /** Whether the file passes --fail-under and --strict (absent for failed files). */
  qualityGate?: { passed: boolean; reasons: string[] };
  error?: { code: string; message: string; hint?: string };
}

export interface SummaryTotals {
  files: number;
  converted: number;
  skipped: number;
  failed: number;
  /** Converted or skipped files that do not pass --fail-under or --strict. */
  belowQualityGate: number;
  sections: number;
  cachedSections: number;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens: number;
  cacheCreationInputTokens: number;
  estimatedCost: number | null;
}

export interface ConvertSummary {
  version: 1;
  thresholds: { failUnder: number | null; strict: boolean };
  /** Which numbers `score.before` and `score.after` are (the ones `falc score` gives). */
  scoreNote: { before: string; after: string };
  files: SummaryFile[];
  totals: SummaryTotals;
  exitCode: number;
}

export function renderConvertSummary(outcome: SummarizedOutcome, gate: QualityGate = new QualityGate()): string {
  return JSON.stringify(convertSummary(outcome, gate), null, 2) + "\n";
}

export function convertSummary(outcome: SummarizedOutcome, gate: QualityGate = new QualityGate()): ConvertSummary {
  const entries = new Map<string, ManifestEntry>((outcome.skippedEntries ?? []).map(({ path, entry }) => [path, entry]));
  const files = [
    ...outcome.files.map((file) => convertedFile(file, gate)),
    ...outcome.skipped.map((path) => skippedFile(path, entries.get(path), gate)),
    ...outcome.failures.map(({ path, error }) => failedFile(path, { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) })),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    version: 1,
    thresholds: { failUnder: gate.options.failUnder ?? null, strict: gate.judgesFacts },
    scoreNote: { before: BEFORE_SCORE_NOTE, after: AFTER_SCORE_NOTE },
    files,
    totals: totalsOf(files),
    exitCode: outcome.exitCode,
  };
}

/** Usage and indicative cost of the converted files of a run (skipped and failed files cost nothing here). */
export function outcomeUsage(outcome: Pick<RunOutcome, "files">): { usage: Usage; cost: number | null } {
  let usage = NO_USAGE;
  let cost: number | null = null;
  for (const { digest } of outcome.files) {
    usage = addUsage(usage, digest.usage);
    if (digest.cost !== null) cost = (cost ?? 0) + digest.cost;
  }
  return { usage, cost };
}

function convertedFile({ path, outputs, digest }: FileSummary, gate: QualityGate): SummaryFile {
  const input = entryGateInput(digest);
  return {
    path,
    status: "converted",
    outputs,
    score: digest.score,
    missingFacts: input.missingFacts,
    addedFacts: input.addedFacts,
    sections: digest.sections,
    cachedSections: digest.cachedSections,
    usage: summaryUsage(digest.usage, digest.cost),
    qualityGate: qualityGate(gate, input),
  };
}

function skippedFile(path: string, entry: ManifestEntry | undefined, gate: QualityGate): SummaryFile {
  const score = entry?.score ?? { before: null, after: null };
  return {
    path,
    status: "skipped",
    outputs: entry?.outputs ?? [],
    score,
    missingFacts: entry?.missingFacts ?? null,
    addedFacts: entry?.addedFacts ?? null,
    sections: 0,
    cachedSections: 0,
    usage: summaryUsage(NO_USAGE, null),
    // Without its entry, the command already judged the file from the manifest: its exit code says how.
    ...(entry ? { qualityGate: qualityGate(gate, entryGateInput(entry)) } : {}),
  };
}

function failedFile(path: string, error: NonNullable<SummaryFile["error"]>): SummaryFile {
  return {
    path,
    status: "failed",
    outputs: [],
    score: { before: null, after: null },
    missingFacts: null,
    addedFacts: null,
    sections: 0,
    cachedSections: 0,
    usage: summaryUsage(NO_USAGE, null),
    error,
  };
}

function qualityGate(gate: QualityGate, input: GateInput): { passed: boolean; reasons: string[] } {
  const { passed, failures } = gate.judge(input);
  return { passed, reasons: failures.map(reasonText) };
}

/** The second reader's tokens are priced at the check model's price (see resultCost). */
function summaryUsage(usage: Usage, estimatedCost: number | null): SummaryUsage {
  return {
    requests: usage.requests,
    inputTokens: usage.input_tokens,
    outputTokens: usage.output_tokens,
    cacheReadInputTokens: usage.cache_read_input_tokens,
    cacheCreationInputTokens: usage.cache_creation_input_tokens,
    estimatedCost: estimatedCost === null ? null : roundCost(estimatedCost),
  };
}

/** Also recomputes the totals of `falc merge-reports` from the merged files. */
export function totalsOf(files: readonly SummaryFile[]): SummaryTotals {
  const totals: SummaryTotals = {
    files: files.length,
    converted: 0,
    skipped: 0,
    failed: 0,
    belowQualityGate: 0,
    sections: 0,
    cachedSections: 0,
    requests: 0,
    inputTokens: 0,
    outputTokens: 0,
    cacheReadInputTokens: 0,
    cacheCreationInputTokens: 0,
    estimatedCost: null,
  };
  for (const file of files) {
    totals[file.status]++;
    if (file.qualityGate && !file.qualityGate.passed) totals.belowQualityGate++;
    totals.sections += file.sections;
    totals.cachedSections += file.cachedSections;
    totals.requests += file.usage.requests;
    totals.inputTokens += file.usage.inputTokens;
    totals.outputTokens += file.usage.outputTokens;
    totals.cacheReadInputTokens += file.usage.cacheReadInputTokens;
    totals.cacheCreationInputTokens += file.usage.cacheCreationInputTokens;
    if (file.usage.estimatedCost !== null) totals.estimatedCost = (totals.estimatedCost ?? 0) + file.usage.estimatedCost;
  }
  if (totals.estimatedCost !== null) totals.estimatedCost = roundCost(totals.estimatedCost);
  return totals;
}

/** Micro-dollars: enough for any bill, and no 0.30000000000000004 in a report. */
function roundCost(cost: number): number {
  return Math.round(cost * 1e6) / 1e6;
}
