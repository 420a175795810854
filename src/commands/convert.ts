import { setMaxListeners } from "node:events";
import { availableParallelism } from "node:os";
import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { ConfigResolver, ignorePatterns, type FalcConfig } from "../config/config.js";
import type { ConfigLimits } from "../config/limits.js";
import { loadRuleSet } from "../config/ruleset.js";
import { ExitCode, FalcError, isFalcError } from "../errors.js";
import { discoverInputs, selectShard, type DiscoveredInput, type Shard } from "../ingest/discover.js";
import { ingestFile, type IngestOptions } from "../ingest/index.js";
import { FolderLocks } from "../output/lock.js";
import { fileHash, ManifestStore, settingsHash, type ManifestEntry } from "../output/manifest.js";
import { checkSectionCount, createRunBudget, type RunBudget } from "../rewrite/budget.js";
import { SectionCache } from "../rewrite/cache.js";
import { convertDocument, mapPool, type SectionEvent } from "../rewrite/pipeline.js";
import { buildPrompt } from "../rewrite/prompt.js";
import { mergePrices, type PriceTable } from "../rewrite/providers/anthropic-models.js";
import { type ProviderName } from "../rewrite/providers/index.js";
import { withPseudonyms } from "../rewrite/pseudonymized.js";
import { createSecondReader, withCheckMasking } from "../rewrite/meaning-check/index.js";
import { entryGateInput, QualityGate } from "../gate/quality-gate.js";
import { AdaptiveLimiter } from "../rewrite/run/limiter.js";
import type { BatchProgress, MeaningChecker, RewriteProvider } from "../rewrite/types.js";
import type { BatchLimits } from "../rewrite/providers/batch/plan.js";
import type { RuleSet } from "../rules/schema.js";
import { digestOf, type ConvertedFile, type ConvertOutcome, type FileSummary, type RunOutcome } from "../rewrite/run/outcome.js";
import { OUTPUT_FORMATS, outputDir, outputPaths, writeOutputs, type OutputFormat } from "./convert-outputs.js";
import { assertBatchPossible, ProviderPool } from "./convert-providers.js";
import { adoptedNotices, prepareReview, reviewPlanFor } from "./convert-review.js";
import { withReview } from "../review/outcome.js";
import type { ReadReview } from "../review/types.js";
import { manifestEntry } from "./convert-status.js";
import type { Bank } from "../pictograms/banks.js";
import { choosePictograms } from "../pictograms/choose.js";
import { banksFor, pictogramSettings, settingsKey as pictureSettingsKey } from "../pictograms/settings.js";

export { OUTPUT_FORMATS, outputPaths, type OutputFormat } from "./convert-outputs.js";

export interface ConvertCommandOptions {
  /** Output folder; default: beside each input. */
  out?: string;
  provider?: ProviderName;
  model?: string;
  /** For --provider openai-compatible (else OPENAI_BASE_URL). */
  baseURL?: string;
  /** Requests to the provider at once, across all documents of the run. */
  concurrency?: number;
  maxRepairs?: number;
  /** Missing or added facts make the run exit 1. */
  strict?: boolean;
  failUnder?: number;
  formats?: readonly OutputFormat[];
  /** `--shard i/n`: only this CI job's share of the inputs. */
  shard?: Shard;
  /**
   * --check-model: the second reader's model; false = --no-check-model. Else `checkModel` of
   * falc.config.json, else the provider's default (src/rewrite/meaning-check/index.ts).
   */
  checkModel?: string | false;
  /** false = send personal data as it is (default: masked before any remote call). */
  pseudonymize?: boolean;
  /**
   * `--pictograms <dossier>`: the establishment's pictures, searched before the built-in bank; false =
   * `--no-pictograms`. Else `pictograms` of falc.config.json, else the built-in bank alone.
   */
  pictograms?: string | false;
  /** false = neither read nor write the section cache. */
  cache?: boolean;
  cacheDir?: string;
  /** --timeout: how long one HTTP attempt may take before it is retried (default: the provider's own). */
  timeoutMs?: number;
  /** Send the sections through Anthropic's Message Batches API (half price, results within 24 h). */
  batch?: boolean;
  /** With --batch: a batch is sent once it holds this many requests or bytes (default BATCH_BOUND, 2,000 requests or 32 MB). */
  batchLimits?: Partial<BatchLimits>;
  /** With --batch: documents read and waiting for their batches at once (default BATCH_DOCUMENTS_IN_FLIGHT). */
  batchDocuments?: number;
  /** --max-cost, dollars for the whole run (else `limits.maxCost` of falc.config.json). */
  maxCost?: number;
  /** --max-tokens-per-run (else `limits.maxTokensPerRun`). */
  maxTokensPerRun?: number;
  /** --max-sections: a document with more is refused before any request (else `limits.maxSections`). */
  maxSections?: number;
  configPath?: string;
  /**
   * `--review <relecture.docx>`: a review document filled in by the readers. Validated sections are
   * kept word for word, « pas compris » ones revised with their remarks, edited ones adopted.
   */
  review?: string;
  ingest?: IngestOptions;
  env?: Record<string, string | undefined>;
  signal?: AbortSignal;
  onNotice?: (message: string) => void;
  /** Called once the inputs are known (after discovery and --shard). */
  onStart?: (plan: { files: number }) => void;
  onFileStart?: (path: string, sections: number) => void;
  onSection?: (path: string, event: SectionEvent) => void;
  onFileDone?: (file: ConvertedFile) => void;
  onFileSkipped?: (path: string) => void;
  onFileFailed?: (path: string, error: FalcError) => void;
  onBatch?: (progress: BatchProgress) => void;
  /** The run lowered its concurrency after the provider answered 429 or 529. */
  onSlowDown?: (limit: number, waitMs: number) => void;
  now?: () => Date;
}

export type { ConvertedFile, ConvertOutcome, FileSummary, RunOutcome };

export const DEFAULT_CACHE_DIR = ".falc-cache";

/** About two batches of BATCH_BOUND's 2,000 requests with documents of ten sections. */
export const BATCH_DOCUMENTS_IN_FLIGHT = 400;

export { UNMASKED_NOTICE } from "./convert-providers.js";

/** What every document of a run shares. */
interface Run {
  options: ConvertCommandOptions;
  baseRules: RuleSet;
  env: Record<string, string | undefined>;
  cache: SectionCache | undefined;
  manifest: ManifestStore | undefined;
  providers: ProviderPool;
  /** --max-cost and --max-tokens-per-run: one budget for every document of the run. */
  budget: RunBudget;
  locks: FolderLocks;
  noticesShown: Set<string>;
  multiple: boolean;
  /** Picture folders already read in this run. */
  pictureBanks: Map<string, Bank>;
  /**
   * Outputs built at once. A batch that ends finishes hundreds of documents together: their DOCX,
   * built one after another on the cores there are, keep memory flat instead of piling up.
   */
  writers: AdaptiveLimiter;
  /**
   * Documents read at once. With --batch, hundreds of documents are admitted together: read side by
   * side, each one's parsing would be half done and alive at the same moment.
   */
  readers: AdaptiveLimiter;
  /** The configuration file of each input, read and applied once per file. */
  configs: ConfigResolver;
}

type InputOutcome =
  | { kind: "converted"; file: FileSummary; exitCode: number }
  | { kind: "skipped"; path: string; entry: ManifestEntry; exitCode: number }
  | { kind: "failed"; path: string; error: FalcError };

/**
 * `falc convert`: each input is read, rewritten section by section, checked and written as the
 * easy-to-read draft, the review document and the report. Documents run concurrently; one limit on
 * requests holds across all of them and backs off when the provider answers 429. A file whose provider
 * fails after its retries is not written (exit 3); its finished sections stay in the cache.
 */
export async function convertFiles(paths: string[], options: ConvertCommandOptions = {}): Promise<ConvertOutcome> {
  const results = new Map<string, ConvertedFile["result"]>();
  const onFileDone = (file: ConvertedFile) => {
    results.set(file.path, file.result);
    options.onFileDone?.(file);
  };
  const outcome = await convertLibrary(paths, { ...options, onFileDone });
  return { ...outcome, files: outcome.files.map((file) => ({ ...file, result: results.get(file.path)! })) };
}

/**
 * The same run, keeping of each converted document only what the end-of-run reports need (its digest):
 * what the CLI runs, so that a library of thousands of documents does not hold every result at once.
 * Each document's whole result still reaches `onFileDone`.
 */
export async function convertLibrary(paths: string[], options: ConvertCommandOptions = {}): Promise<RunOutcome> {
  const env = options.env ?? process.env;
  const cacheDir = resolve(options.cacheDir ?? env.FALC_CACHE_DIR ?? DEFAULT_CACHE_DIR);
  assertBatchPossible(options, env);
  const baseRules = loadRuleSet();
  const inputs = selectShard(await discoverInputs(paths, ignorePatterns(options.configPath, baseRules)), options.shard);
  if (options.review !== undefined && inputs.length !== 1) {
    throw new FalcError("review-one-document", `--review s’applique à un seul document, pas à ${inputs.length}.`, {
      exitCode: ExitCode.usage,
      hint: "Lancez « falc convert <document> --review <relecture.docx> » pour chaque document relu.",
    });
  }
  options.onStart?.({ files: inputs.length });
  const concurrency = options.concurrency ?? 4;
  const limiter = new AdaptiveLimiter(options.batch ? Number.POSITIVE_INFINITY : concurrency);
  const locks = new FolderLocks();
  const budget = createRunBudget({
    ...(options.maxCost !== undefined ? { maxCost: options.maxCost } : {}),
    ...(options.maxTokensPerRun !== undefined ? { maxTokensPerRun: options.maxTokensPerRun } : {}),
  });
  const providers = new ProviderPool({ env, limiter, cacheDir, options, budget });
  // Every document in flight, and every section waiting for a request slot, listens to the run's
  // signal: more than Node's default of 10 listeners is expected, not a leak.
  if (options.signal) setMaxListeners(0, options.signal);
  // With --out, the whole run holds the folder (outputs and manifest) from the start.
  if (options.out !== undefined) await locks.acquire(options.out);
  try {
    const run: Run = {
      options,
      baseRules,
      env,
      cache: options.cache === false ? undefined : new SectionCache(cacheDir),
      manifest: options.out === undefined ? undefined : await ManifestStore.open(options.out),
      providers,
      budget,
      locks,
      noticesShown: new Set(),
      // A shard with one document is still part of a library: an unreadable file is reported, not fatal.
      multiple: inputs.length > 1 || (options.shard?.count ?? 1) > 1,
      pictureBanks: new Map(),
      writers: new AdaptiveLimiter(Math.min(4, availableParallelism())),
      readers: new AdaptiveLimiter(Math.min(4, availableParallelism())),
      configs: new ConfigResolver(baseRules, options.configPath),
    };
    // Enough documents in flight to keep every request slot busy; in batch mode, enough to fill a
    // couple of batches while earlier ones run, never the whole library (memory stays flat).
    const inFlight = options.batch ? Math.max(concurrency + 1, options.batchDocuments ?? BATCH_DOCUMENTS_IN_FLIGHT) : concurrency + 1;
    const outcomes = await mapPool(inputs, inFlight, options.signal, (input) => convertInput(input, run));
    return summarise(outcomes);
  } finally {
    // After Ctrl-C, a batch the API has just created must be recorded before we exit (no double payment).
    await providers.settle();
    await locks.releaseAll();
  }
}

function summarise(outcomes: InputOutcome[]): RunOutcome {
  const outcome: RunOutcome = { files: [], failures: [], skipped: [], skippedEntries: [], exitCode: ExitCode.ok };
  for (const item of outcomes) {
    if (item.kind === "converted") outcome.files.push(item.file);
    if (item.kind === "skipped") {
      outcome.skipped.push(item.path);
      outcome.skippedEntries.push({ path: item.path, entry: item.entry });
    }
    if (item.kind === "failed") outcome.failures.push({ path: item.path, error: item.error });
    outcome.exitCode = Math.max(outcome.exitCode, item.kind === "failed" ? item.error.exitCode : item.exitCode);
  }
  return outcome;
}

async function convertInput(input: DiscoveredInput, run: Run): Promise<InputOutcome> {
  const { options, manifest } = run;
  const path = input.path;
  const key = manifestKey(path);
  try {
    const { ruleSet, model, limits, prices, checkModel, pictograms: configPictograms } = settingsFor(path, run);
    const pictures = pictogramSettings(options.pictograms, configPictograms);
    // Read before any request: a folder named by mistake stops the run before it costs anything.
    const banks = banksFor(pictures, run.pictureBanks);
    run.budget.adopt(limits);
    const prompt = buildPrompt(ruleSet);
    // --model, then FALC_MODEL, then the configuration file, then the provider's default.
    const chosenModel = options.model ?? (run.env.FALC_MODEL?.trim() || model);
    // --check-model or --no-check-model, then the configuration file, then the provider's default.
    const { provider, notices, checker } = await run.providers.get(ruleSet, prompt, chosenModel, prices, options.checkModel ?? checkModel);
    for (const notice of notices.filter((n) => !run.noticesShown.has(n))) {
      run.noticesShown.add(notice);
      options.onNotice?.(notice);
    }
    const settings = settingsHash([ruleSet.effectiveVersion, prompt.version, provider.name, provider.model, String(options.formats ?? OUTPUT_FORMATS), String(options.pseudonymize !== false), ...(checker ? [`check:${checker.model}`] : []), pictureSettingsKey(pictures)]);
    const sha256 = manifest && path !== "-" ? fileHash(await readFile(path)) : "";
    // Under --out, the output tree mirrors the input tree.
    const out = options.out === undefined ? undefined : join(options.out, dirname(input.relative));
    const reviewTarget = outputPaths(path, out, options.formats ?? OUTPUT_FORMATS).reviewDocx;
    const recordedSha256 = manifest?.entry(key)?.reviewSha256;
    const reviewed = await prepareReview({
      ...(options.review !== undefined ? { explicit: options.review } : {}),
      ...(reviewTarget !== undefined ? { target: reviewTarget } : {}),
      ...(recordedSha256 !== undefined ? { recordedSha256 } : {}),
    });
    for (const notice of reviewed.notices) options.onNotice?.(notice);
    // A review filled since the last run is news even when the original is unchanged.
    if (manifest && sha256 && reviewed.review === undefined && reviewed.kept.length === 0 && (await manifest.isUpToDate(key, sha256, settings))) {
      const entry = manifest.entry(key)!;
      options.onFileSkipped?.(path);
      return { kind: "skipped", path, entry, exitCode: new QualityGate(options).exitCode(entryGateInput(entry)) };
    }
    const file = await convertOne(path, out, provider, ruleSet, prompt, run, options.maxSections ?? limits.maxSections, checker, reviewed.review, banks);
    // What falc wrote, so that the next run tells a document its readers filled from an untouched one.
    const reviewSha256 = reviewTarget !== undefined && file.outputs.includes(reviewTarget) ? fileHash(await readFile(reviewTarget)) : undefined;
    await manifest?.record(key, { ...manifestEntry(file.result, file.outputs, sha256, settings, options.now?.() ?? new Date()), ...(reviewSha256 ? { reviewSha256 } : {}) });
    options.onFileDone?.(file);
    return { kind: "converted", file: { path: file.path, outputs: file.outputs, digest: file.digest }, exitCode: new QualityGate(options).exitCode(entryGateInput(file.digest)) };
  } catch (error) {
    if (!isFalcError(error) || !run.multiple || options.signal?.aborted) throw error;
    options.onFileFailed?.(path, error);
    const failed = { sha256: "", settings: "", outputs: [], score: { before: null, after: null }, missingFacts: 0, addedFacts: 0 };
    await manifest?.record(key, { ...failed, status: "failed", error: { code: error.code, message: error.message }, updatedAt: (options.now?.() ?? new Date()).toISOString() });
    return { kind: "failed", path, error };
  }
}

async function convertOne(
  path: string,
  out: string | undefined,
  provider: RewriteProvider,
  ruleSet: RuleSet,
  prompt: ReturnType<typeof buildPrompt>,
  run: Run,
  maxSections: number | undefined,
  checker: MeaningChecker | undefined,
  review: ReadReview | undefined,
  banks: readonly Bank[],
): Promise<ConvertedFile> {
  const { options } = run;
  const document = await run.readers.run(() => ingestFile(path, options.ingest));
  checkSectionCount(path, document.sections.length, maxSections);
  const targets = outputPaths(path, out, options.formats ?? OUTPUT_FORMATS);
  if (options.out === undefined) await run.locks.acquire(outputDir(path, out));
  options.onFileStart?.(path, document.sections.length);
  // One mapping per document: a person keeps the same placeholder in every section.
  const masking = provider.name !== "offline" && options.pseudonymize !== false ? withPseudonyms(provider) : undefined;
  // The second reader masks with the same mapping: it sees the placeholders the main model saw.
  const reader = checker ? createSecondReader(masking ? withCheckMasking(checker, masking) : checker) : undefined;
  const plan = review ? reviewPlanFor(path, document.sections, review, provider.name !== "offline") : undefined;
  for (const notice of plan?.notices ?? []) options.onNotice?.(notice);
  const converted = await convertDocument(document, {
    ...(plan ? { reviewPlans: plan.sections } : {}),
    provider: masking ?? provider,
    ruleSet,
    prompt,
    ...(run.cache ? { cache: run.cache } : {}),
    // The run's shared limiter decides how many requests go out; every section may wait for it.
    concurrency: Number.POSITIVE_INFINITY,
    maxRepairs: options.maxRepairs ?? 2,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onSection ? { onSection: (event: SectionEvent) => options.onSection!(path, event) } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(reader ? { secondReader: reader } : {}),
  });
  const result = withReview(converted, plan, review?.validation);
  for (const notice of adoptedNotices(result, plan)) options.onNotice?.(notice);
  result.privacy = masking ? masking.privacy() : { pseudonymized: false, masked: {} };
  const outputs = await run.writers.run(async () => {
    // The Markdown has no pictures: a run that writes only it skips them.
    if (banks.length > 0 && (targets.falcDocx !== undefined || targets.json !== undefined)) {
      const { warnings, ...plan } = await choosePictograms(result.sections, banks);
      result.pictograms = plan;
      result.warnings.push(...warnings);
    }
    return writeOutputs(result, targets);
  });
  return { path, outputs, result, digest: digestOf(result) };
}

function manifestKey(path: string): string {
  return relative(process.cwd(), resolve(path)) || path;
}

type DocumentSettings = { ruleSet: RuleSet; model?: string; limits: ConfigLimits; prices?: PriceTable; checkModel?: string | false; pictograms?: string | false };

function settingsFor(path: string, run: Run): DocumentSettings {
  const configured = run.configs.forInput(path);
  return configured ? settingsOf(configured.config, configured.ruleSet) : { ruleSet: run.baseRules, limits: {} };
}

function settingsOf(config: FalcConfig, ruleSet: RuleSet): DocumentSettings {
  const check = config.checkModel !== undefined ? { checkModel: config.checkModel } : {};
  const pictograms = config.pictograms !== undefined ? { pictograms: config.pictograms } : {};
  return { ruleSet, ...(config.model ? { model: config.model } : {}), limits: config.limits, prices: mergePrices(config.prices), ...check, ...pictograms };
}
