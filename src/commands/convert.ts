import { readFile } from "node:fs/promises";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import { applyConfig, resolveConfig } from "../config/config.js";
import { loadRuleSet } from "../config/ruleset.js";
import { ExitCode, FalcError, isFalcError } from "../errors.js";
import { discoverInputs, selectShard, type Shard } from "../ingest/discover.js";
import { ingestFile, type IngestOptions } from "../ingest/index.js";
import { writeFileAtomic } from "../output/atomic.js";
import { outputError } from "../output/errors.js";
import { acquireOutputLock } from "../output/lock.js";
import { fileHash, ManifestStore, settingsHash, type ManifestEntry } from "../output/manifest.js";
import { SectionCache } from "../rewrite/cache.js";
import { convertDocument, type SectionEvent } from "../rewrite/pipeline.js";
import { buildPrompt } from "../rewrite/prompt.js";
import { chooseProvider, type ProviderName } from "../rewrite/providers/index.js";
import { withPseudonyms } from "../rewrite/pseudonymized.js";
import type { ConvertResult, RewriteProvider } from "../rewrite/types.js";
import type { RuleSet } from "../rules/schema.js";

export const OUTPUT_FORMATS = ["docx", "md", "json"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface ConvertCommandOptions {
  /** Output folder; default: beside each input. */
  out?: string;
  provider?: ProviderName;
  model?: string;
  /** For --provider openai-compatible (else OPENAI_BASE_URL). */
  baseURL?: string;
  concurrency?: number;
  maxRepairs?: number;
  /** Missing or added facts make the run exit 1. */
  strict?: boolean;
  failUnder?: number;
  formats?: readonly OutputFormat[];
  /** `--shard i/n`: only this CI job's share of the inputs. */
  shard?: Shard;
  /** false = send personal data as it is (default: masked before any remote call). */
  pseudonymize?: boolean;
  /** false = neither read nor write the section cache. */
  cache?: boolean;
  cacheDir?: string;
  configPath?: string;
  ingest?: IngestOptions;
  env?: Record<string, string | undefined>;
  signal?: AbortSignal;
  onNotice?: (message: string) => void;
  onSection?: (path: string, event: SectionEvent) => void;
  now?: () => Date;
}

export interface ConvertedFile {
  path: string;
  outputs: string[];
  result: ConvertResult;
}

export interface ConvertOutcome {
  files: ConvertedFile[];
  failures: { path: string; error: FalcError }[];
  /** Inputs unchanged since the run recorded in falc-manifest.json, with all their outputs present. */
  skipped: string[];
  exitCode: number;
}

export const DEFAULT_CACHE_DIR = ".falc-cache";

export const UNMASKED_NOTICE =
  "--no-pseudonymize : les noms, téléphones, adresses et autres données personnelles du document sont envoyés tels quels au fournisseur. " +
  "Ne le faites que si votre établissement l’autorise (serveur local ou contrat conforme au RGPD).";

/**
 * `falc convert`: each input is read, rewritten section by section, checked and written as the
 * easy-to-read draft, the review document and the report. A file whose provider fails after its
 * retries is not written (exit 3); its finished sections stay in the cache for the next run.
 */
export async function convertFiles(paths: string[], options: ConvertCommandOptions = {}): Promise<ConvertOutcome> {
  const baseRules = loadRuleSet();
  const env = options.env ?? process.env;
  const cache = options.cache === false ? undefined : new SectionCache(resolve(options.cacheDir ?? env.FALC_CACHE_DIR ?? DEFAULT_CACHE_DIR));
  const files: ConvertedFile[] = [];
  const failures: { path: string; error: FalcError }[] = [];
  let exitCode: number = ExitCode.ok;
  const noticesShown = new Set<string>();
  const inputs = selectShard(await discoverInputs(paths), options.shard);
  // With --out, the whole run holds the folder (outputs and manifest); otherwise each document's folder.
  const releaseOut = options.out === undefined ? undefined : await acquireOutputLock(options.out);
  try {
    const manifest = options.out === undefined ? undefined : await ManifestStore.open(options.out);
    const skipped: string[] = [];
    for (const input of inputs) {
      const path = input.path;
      // Under --out, the output tree mirrors the input tree.
      const out = options.out === undefined ? undefined : join(options.out, dirname(input.relative));
      try {
        const { ruleSet, model } = settingsFor(path, baseRules, options.configPath);
        const prompt = buildPrompt(ruleSet);
        // --model, then FALC_MODEL, then the configuration file, then the provider's default.
        const chosenModel = options.model ?? (env.FALC_MODEL?.trim() || model);
        const { provider, notice: providerNotice } = await chooseProvider({ requested: options.provider, ...(chosenModel ? { model: chosenModel } : {}), ...(options.baseURL ? { baseURL: options.baseURL } : {}), env, ruleSet, prompt });
        const notices = providerNotice ? [providerNotice] : [];
        if (provider.name !== "offline" && options.pseudonymize === false) notices.push(UNMASKED_NOTICE);
        for (const notice of notices.filter((n) => !noticesShown.has(n))) {
          noticesShown.add(notice);
          options.onNotice?.(notice);
        }
        const settings = settingsHash([ruleSet.effectiveVersion, prompt.version, provider.name, provider.model, String(options.formats ?? OUTPUT_FORMATS), String(options.pseudonymize !== false)]);
        const key = manifestKey(path);
        const sha256 = manifest && path !== "-" ? fileHash(await readFile(path)) : "";
        if (manifest && sha256 && (await manifest.isUpToDate(key, sha256, settings))) {
          skipped.push(path);
          exitCode = Math.max(exitCode, entryExitCode(manifest.entry(key)!, options));
          continue;
        }
        const converted = await convertOne(path, provider, ruleSet, prompt, cache, { ...options, ...(out !== undefined ? { out } : {}) }, releaseOut === undefined);
        files.push(converted);
        exitCode = Math.max(exitCode, gateExitCode(converted.result, options));
        await manifest?.record(key, manifestEntry(converted, sha256, settings, options.now?.() ?? new Date()));
      } catch (error) {
        if (!isFalcError(error) || inputs.length === 1) throw error;
        failures.push({ path, error });
        exitCode = Math.max(exitCode, error.exitCode);
        const failed = { sha256: "", settings: "", outputs: [], score: { before: null, after: null }, missingFacts: 0, addedFacts: 0 };
        await manifest?.record(manifestKey(path), { ...failed, status: "failed", error: { code: error.code, message: error.message }, updatedAt: (options.now?.() ?? new Date()).toISOString() });
      }
    }
    return { files, failures, skipped, exitCode };
  } finally {
    await releaseOut?.();
  }
}

async function convertOne(
  path: string,
  provider: RewriteProvider,
  ruleSet: RuleSet,
  prompt: ReturnType<typeof buildPrompt>,
  cache: SectionCache | undefined,
  options: ConvertCommandOptions,
  lockFolder: boolean,
): Promise<ConvertedFile> {
  const document = await ingestFile(path, options.ingest);
  const targets = outputPaths(path, options.out, options.formats ?? OUTPUT_FORMATS);
  const release = lockFolder ? await acquireOutputLock(outputDir(path, options.out)) : undefined;
  try {
    return await rewriteAndWrite(path, document, targets, provider, ruleSet, prompt, cache, options);
  } finally {
    await release?.();
  }
}

async function rewriteAndWrite(
  path: string,
  document: Awaited<ReturnType<typeof ingestFile>>,
  targets: OutputTargets,
  provider: RewriteProvider,
  ruleSet: RuleSet,
  prompt: ReturnType<typeof buildPrompt>,
  cache: SectionCache | undefined,
  options: ConvertCommandOptions,
): Promise<ConvertedFile> {
  // One mapping per document: a person keeps the same placeholder in every section.
  const masking = provider.name !== "offline" && options.pseudonymize !== false ? withPseudonyms(provider) : undefined;
  const result = await convertDocument(document, {
    provider: masking ?? provider,
    ruleSet,
    prompt,
    ...(cache ? { cache } : {}),
    concurrency: options.concurrency ?? 4,
    maxRepairs: options.maxRepairs ?? 2,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onSection ? { onSection: (event: SectionEvent) => options.onSection!(path, event) } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  result.privacy = masking ? masking.privacy() : { pseudonymized: false, masked: {} };
  const outputs = await writeOutputs(result, targets);
  return { path, outputs, result };
}

interface OutputTargets {
  falcDocx?: string;
  reviewDocx?: string;
  md?: string;
  json?: string;
}

function outputDir(input: string, out: string | undefined): string {
  return out ?? (input === "-" ? "." : dirname(input));
}

export function outputPaths(input: string, out: string | undefined, formats: readonly OutputFormat[]): OutputTargets {
  const stem = input === "-" ? "entree-standard" : basename(input, extname(input));
  const dir = outputDir(input, out);
  const targets: OutputTargets = {};
  if (formats.includes("docx")) {
    targets.falcDocx = join(dir, `${stem}.falc.docx`);
    targets.reviewDocx = join(dir, `${stem}.relecture.docx`);
  }
  if (formats.includes("md")) targets.md = join(dir, `${stem}.falc.md`);
  if (formats.includes("json")) targets.json = join(dir, `${stem}.falc.json`);
  for (const target of Object.values(targets)) {
    if (input !== "-" && resolve(target) === resolve(input)) {
      throw new FalcError("output-is-input", `La sortie ${target} écraserait le fichier d’entrée.`, {
        file: input,
        hint: "Choisissez un autre dossier de sortie avec --out.",
      });
    }
  }
  return targets;
}

/** Renders every output first, then writes each atomically: no half-written file, ever. */
async function writeOutputs(result: ConvertResult, targets: OutputTargets): Promise<string[]> {
  const rendered: [string, string | Uint8Array][] = [];
  if (targets.falcDocx) rendered.push([targets.falcDocx, await (await import("../render/falc-docx.js")).renderFalcDocx(result)]);
  if (targets.reviewDocx) rendered.push([targets.reviewDocx, await (await import("../render/review-docx.js")).renderReviewDocx(result)]);
  if (targets.md) rendered.push([targets.md, (await import("../render/convert-md.js")).renderConvertMarkdown(result)]);
  if (targets.json) rendered.push([targets.json, (await import("../render/convert-json.js")).renderConvertJson(result)]);
  for (const [path, data] of rendered) {
    try {
      await writeFileAtomic(path, data);
    } catch (error) {
      throw outputError(path, error) ?? error;
    }
  }
  return rendered.map(([path]) => path);
}

function manifestKey(path: string): string {
  return relative(process.cwd(), resolve(path)) || path;
}

function manifestEntry(file: ConvertedFile, sha256: string, settings: string, now: Date): ManifestEntry {
  const { sections, score } = file.result;
  return {
    sha256,
    settings,
    outputs: file.outputs,
    score,
    missingFacts: sections.reduce((n, s) => n + s.facts.missing.length, 0),
    addedFacts: sections.reduce((n, s) => n + s.facts.added.length, 0),
    status: "converted",
    updatedAt: now.toISOString(),
  };
}

/** A skipped input still answers to --strict and --fail-under, from what the manifest recorded. */
function entryExitCode(entry: ManifestEntry, options: ConvertCommandOptions): number {
  if (options.strict && entry.missingFacts + entry.addedFacts > 0) return ExitCode.qualityGate;
  if (options.failUnder !== undefined && entry.score.after !== null && entry.score.after < options.failUnder) return ExitCode.qualityGate;
  return ExitCode.ok;
}

function gateExitCode(result: ConvertResult, options: ConvertCommandOptions): number {
  const factProblems = result.sections.some((s) => s.facts.missing.length > 0 || s.facts.added.length > 0);
  if (options.strict && factProblems) return ExitCode.qualityGate;
  if (options.failUnder !== undefined && result.score.after !== null && result.score.after < options.failUnder) return ExitCode.qualityGate;
  return ExitCode.ok;
}

function settingsFor(path: string, base: RuleSet, configPath: string | undefined): { ruleSet: RuleSet; model?: string } {
  const config = resolveConfig({ configPath, inputPath: path }, base);
  if (!config) return { ruleSet: base };
  return { ruleSet: applyConfig(base, config), ...(config.model ? { model: config.model } : {}) };
}
