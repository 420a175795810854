import { ConfigResolver, ignorePatterns } from "../config/config.js";
import { loadRuleSet } from "../config/ruleset.js";
import { ExitCode, isFalcError } from "../errors.js";
import { QualityGate, scoreGateInput } from "../gate/quality-gate.js";
import { discoverInputs, selectShard, type Shard } from "../ingest/discover.js";
import { ingestFile, type IngestOptions } from "../ingest/index.js";
import type { Severity } from "../rules/finding.js";
import { analyzeDocument } from "../score/analyze.js";
import type { FileScore, ScoreReport } from "../score/report.js";
import type { AnnotatedCopy } from "../annotate/index.js";

export interface ScoreOptions {
  ingest?: IngestOptions;
  /** `--config`: replaces the search for falc.config.json upward from each input. */
  configPath?: string;
  minSeverity?: Severity;
  /** Exit 1 when a file scores below this (the quality gate's threshold). */
  failUnder?: number;
  /** Exit 1 when the documents have more warning-level findings than this, in all. */
  maxWarnings?: number;
  /** Write a commented copy of each DOCX and ODT (`<name>.annote.docx`): see src/annotate. */
  annotate?: boolean;
  /** The date written on the comments (tests pin it). */
  now?: () => Date;
  rulesDir?: string;
  /** `--shard i/n`: only this CI job's share of the inputs. */
  shard?: Shard;
}

export interface FileFailure {
  path: string;
  error: { code: string; message: string; hint?: string };
}

export interface ScoreOutcome {
  report: ScoreReport & { failures: FileFailure[] };
  exitCode: number;
  /** With `annotate`: the commented copies written. */
  annotated: AnnotatedCopy[];
  /** With `annotate`: inputs left without a copy (not a DOCX or an ODT). */
  notAnnotated: string[];
}

/**
 * `falc score`: one entry per input. A file that cannot be read does not stop the others; it is
 * listed with its reason and the exit code is the worst met. The quality gate fails a document under
 * `failUnder` or with an error-level finding, and the run over `maxWarnings`.
 */
export async function scoreFiles(paths: string[], options: ScoreOptions = {}): Promise<ScoreOutcome> {
  const baseRules = loadRuleSet(options.rulesDir);
  const files: FileScore[] = [];
  const failures: FileFailure[] = [];
  let exitCode: number = ExitCode.ok;
  const gate = new QualityGate({ failUnder: options.failUnder, maxWarnings: options.maxWarnings });
  const annotated: AnnotatedCopy[] = [];
  const notAnnotated: string[] = [];
  const inputs = selectShard(await discoverInputs(paths, ignorePatterns(options.configPath, baseRules)), options.shard);
  const configs = new ConfigResolver(baseRules, options.configPath);
  for (const { path } of inputs) {
    try {
      const ruleSet = configs.forInput(path)?.ruleSet ?? baseRules;
      const document = await ingestFile(path, options.ingest);
      const file = analyzeDocument(document, ruleSet, options.minSeverity ? { minSeverity: options.minSeverity } : {});
      files.push(file);
      if (options.annotate && path !== "-" && (document.source.format === "docx" || document.source.format === "odt")) {
        const { annotateFile } = await import("../annotate/index.js");
        annotated.push(await annotateFile(document, file.findings, options.now ? { now: options.now() } : {}));
      } else if (options.annotate) notAnnotated.push(path);
    } catch (error) {
      if (!isFalcError(error) || inputs.length === 1) throw error;
      failures.push({ path, error: { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) } });
      exitCode = Math.max(exitCode, error.exitCode);
    }
  }
  exitCode = Math.max(exitCode, gate.runExitCode(files.map(scoreGateInput)));
  return { report: { version: 1, files, failures }, exitCode, annotated, notAnnotated };
}

