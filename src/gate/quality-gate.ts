import { ExitCode } from "../errors.js";
import type { ManifestEntry } from "../output/manifest.js";
import type { ConvertResult } from "../rewrite/types.js";
import type { FileScore } from "../score/report.js";

/**
 * The quality gate of `falc convert` and `falc score`: `--fail-under`; for convert, `--strict`; for
 * score, error-level findings (as ESLint and Vale: an error fails) and `--max-warnings`. The exit
 * code, falc-manifest.json (through the figures it records), the JSON summary, both JUnit reports and
 * the CI formats ask this one object whether a document passes, so that they can never disagree.
 */

/** `--fail-under`, `--strict` and `--max-warnings`. */
export interface GateOptions {
  /** Missing or added facts fail the document (`falc convert --strict`). */
  strict?: boolean;
  failUnder?: number;
  /** More warning-level findings than this, over all the documents of a run, fail the run (`falc score`). */
  maxWarnings?: number;
}

/** What the gate looks at: from a conversion just made, from falc-manifest.json for an unchanged input, or from `falc score`. */
export interface GateInput {
  /** The score judged: the draft's for convert, the document's for score; null (text too short) never fails the threshold. */
  after: number | null;
  missingFacts: number;
  addedFacts: number;
  /** Error-level findings reported (`falc score`): any of them fails the document. */
  errors?: number;
  /** Warning-level findings reported (`falc score`), for `--max-warnings`. */
  warnings?: number;
}

/** One reason a document (or, for warnings, a run) fails, as data: each report words it its own way. */
export type GateFailure =
  | { kind: "score"; score: number; threshold: number }
  | { kind: "missing-facts"; count: number }
  | { kind: "added-facts"; count: number }
  | { kind: "errors"; count: number }
  | { kind: "warnings"; count: number; max: number };

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
      ...(options.maxWarnings !== undefined ? { maxWarnings: options.maxWarnings } : {}),
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
    if ((input.errors ?? 0) > 0) failures.push({ kind: "errors", count: input.errors! });
    return { passed: failures.length === 0, failures };
  }

  /**
   * A whole run: each document's verdict, and `--max-warnings` over all of them (as ESLint counts
   * them: the warnings reported, so none under `--min-severity error`).
   */
  judgeRun(inputs: readonly GateInput[]): GateVerdict {
    const failures = inputs.flatMap((input) => this.judge(input).failures);
    const { maxWarnings } = this.options;
    const warnings = inputs.reduce((sum, input) => sum + (input.warnings ?? 0), 0);
    if (maxWarnings !== undefined && warnings > maxWarnings) failures.push({ kind: "warnings", count: warnings, max: maxWarnings });
    return { passed: failures.length === 0, failures };
  }

  runExitCode(inputs: readonly GateInput[]): number {
    return this.judgeRun(inputs).passed ? ExitCode.ok : ExitCode.qualityGate;
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
    case "errors":
      return `${failure.count} erreur${failure.count > 1 ? "s" : ""} aux règles FALC`;
    case "warnings":
      return `${failure.count} avertissements > ${failure.max}`;
  }
}

/** What `falc score` says on standard error for each failure of the gate, one line each. */
export function gateFailureLine(path: string | undefined, failure: GateFailure): string {
  switch (failure.kind) {
    case "score":
      return belowThresholdLine(path ?? "", failure);
    case "errors":
      return `${path} : ${reasonText(failure)} (gravité « error ») : code de sortie 1.`;
    case "warnings":
      return `${failure.count} avertissements en tout, plus que les ${failure.max} permis par --max-warnings.`;
    default:
      return `${path} : ${reasonText(failure)}.`;
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

/**
 * A document as a run recorded it: an unchanged input from falc-manifest.json, a converted one from the
 * digest a library run keeps of it (both have the draft's score and the fact counts).
 */
export function entryGateInput(entry: Pick<ManifestEntry, "score" | "missingFacts" | "addedFacts">): GateInput {
  return { after: entry.score.after, missingFacts: entry.missingFacts, addedFacts: entry.addedFacts };
}

/** `falc score` judges the document's own score and the findings it reports; it checks no facts. */
export function scoreGateInput(file: Pick<FileScore, "score" | "findings">): GateInput {
  let errors = 0;
  let warnings = 0;
  for (const finding of file.findings) {
    if (finding.severity === "error") errors++;
    else if (finding.severity === "warning") warnings++;
  }
  return { after: file.score, missingFacts: 0, addedFacts: 0, errors, warnings };
}
