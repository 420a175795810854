import { ExitCode } from "../errors.js";
import type { ManifestEntry } from "../output/manifest.js";
import type { ConvertResult } from "../rewrite/types.js";
import type { FileScore } from "../score/report.js";

/**
 * The quality gate of `falc convert` and `falc score`: `--fail-under` and, for convert, `--strict`.
 * The exit code, falc-manifest.json (through the figures it records), the JSON summary and both JUnit
 * reports ask this one object whether a document passes, so that they can never disagree.
 */

/** `--fail-under` and `--strict`. */
export interface GateOptions {
  /** Missing or added facts fail the document (`falc convert --strict`). */
  strict?: boolean;
  failUnder?: number;
}

/** What the gate looks at: from a conversion just made, from falc-manifest.json for an unchanged input, or from `falc score`. */
export interface GateInput {
  /** The score judged: the draft's for convert, the document's for score; null (text too short) never fails the threshold. */
  after: number | null;
  missingFacts: number;
  addedFacts: number;
}

/** One reason a document fails, as data: each report words it its own way. */
export type GateFailure =
  | { kind: "score"; score: number; threshold: number }
  | { kind: "missing-facts"; count: number }
  | { kind: "added-facts"; count: number };

export interface GateVerdict {
  passed: boolean;
  failures: GateFailure[];
}

export class QualityGate {
  readonly options: Readonly<GateOptions>;

  constructor(options: GateOptions = {}) {
    this.options = {
      ...(options.failUnder !== undefined ? { failUnder: options.failUnder } : {}),
      ...(options.strict ? { strict: true } : {}),
    };
  }

  /** Whether missing or added facts fail a document: only under `--strict`. */
  get judgesFacts(): boolean {
    return this.options.strict === true;
  }

  judge(input: GateInput): GateVerdict {
    const failures: GateFailure[] = [];
    const { failUnder } = this.options;
    if (failUnder !== undefined && input.after !== null && input.after < failUnder) failures.push({ kind: "score", score: input.after, threshold: failUnder });
    if (this.judgesFacts && input.missingFacts > 0) failures.push({ kind: "missing-facts", count: input.missingFacts });
    if (this.judgesFacts && input.addedFacts > 0) failures.push({ kind: "added-facts", count: input.addedFacts });
    return { passed: failures.length === 0, failures };
  }

  /** Why a document fails, in French (« score 48 < 60 », « 2 informations manquantes »); none when it passes. */
  reasons(input: GateInput): string[] {
    return this.judge(input).failures.map(reasonText);
  }

  exitCode(input: GateInput): number {
    return this.judge(input).passed ? ExitCode.ok : ExitCode.qualityGate;
  }
}

export function reasonText(failure: GateFailure): string {
  switch (failure.kind) {
    case "score":
      return `score ${failure.score} < ${failure.threshold}`;
    case "missing-facts":
      return `${failure.count} information${failure.count > 1 ? "s" : ""} manquante${failure.count > 1 ? "s" : ""}`;
    case "added-facts":
      return `${failure.count} information${failure.count > 1 ? "s" : ""} ajoutée${failure.count > 1 ? "s" : ""}`;
  }
}

/** « a.docx : score 48, sous le seuil de 60. »: said on standard error by `falc score` and in its JUnit report. */
export function belowThresholdLine(path: string, failure: Extract<GateFailure, { kind: "score" }>): string {
  return `${path} : score ${failure.score}, sous le seuil de ${failure.threshold}.`;
}

/** Facts of the original missing from the rewrite, and facts the rewrite added, over all sections. */
export function factCounts(result: ConvertResult): { missingFacts: number; addedFacts: number } {
  let missingFacts = 0;
  let addedFacts = 0;
  for (const section of result.sections) {
    missingFacts += section.facts.missing.length;
    addedFacts += section.facts.added.length;
  }
  return { missingFacts, addedFacts };
}

/** Values the rewrite made explicit (« annuel » → « 1 an »), over all sections: shown, never failing the gate. */
export function toCheckCount(result: ConvertResult): number {
  return result.sections.reduce((n, section) => n + (section.facts.toCheck?.length ?? 0), 0);
}

/** Negations, conditions, deadlines and obligations lost in the rewrite, over all sections: shown, never failing the gate. */
export function meaningCount(result: ConvertResult): number {
  return result.sections.reduce((n, section) => n + (section.facts.meaning?.length ?? 0), 0);
}

export function gateInputOf(result: ConvertResult): GateInput {
  return { after: result.score.after, ...factCounts(result) };
}

/** An unchanged input answers to the gate too, from what falc-manifest.json recorded. */
export function entryGateInput(entry: ManifestEntry): GateInput {
  return { after: entry.score.after, missingFacts: entry.missingFacts, addedFacts: entry.addedFacts };
}

/** `falc score` judges the document's own score; it checks no facts. */
export function scoreGateInput(file: Pick<FileScore, "score">): GateInput {
  return { after: file.score, missingFacts: 0, addedFacts: 0 };
}
