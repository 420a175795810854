import { join } from "node:path";
import { ExitCode, FalcError } from "../errors.js";
import { withBudget, type RunBudget } from "../rewrite/budget.js";
import type { PriceTable } from "../rewrite/providers/anthropic-models.js";
import type { AnthropicBatchProvider } from "../rewrite/providers/anthropic-batch.js";
import type { BatchLimits } from "../rewrite/providers/batch/plan.js";
import { chooseProvider, providerName, type ProviderName } from "../rewrite/providers/index.js";
import type { AdaptiveLimiter } from "../rewrite/run/limiter.js";
import { withSharedLimit } from "../rewrite/run/shared-limit.js";
import { createRunChecker } from "../rewrite/meaning-check/index.js";
import type { BatchProgress, MeaningChecker, PromptBundle, RewriteProvider } from "../rewrite/types.js";
import type { RuleSet } from "../rules/schema.js";

/** The part of `falc convert`'s options that chooses and wraps the providers (ConvertCommandOptions fits it). */
export interface ProviderOptions {
  provider?: ProviderName;
  baseURL?: string;
  timeoutMs?: number;
  batch?: boolean;
  /** With --batch: a batch is sent once its queue reaches this many requests or bytes (default BATCH_BOUND). */
  batchLimits?: Partial<BatchLimits>;
  pseudonymize?: boolean;
  onNotice?: (message: string) => void;
  onBatch?: (progress: BatchProgress) => void;
  onSlowDown?: (limit: number, waitMs: number) => void;
}

export const UNMASKED_NOTICE =
  "--no-pseudonymize : les noms, téléphones, adresses et autres données personnelles du document sont envoyés tels quels au fournisseur. " +
  "Ne le faites que si votre établissement l’autorise (serveur local ou contrat conforme au RGPD).";

interface PoolSettings {
  env: Record<string, string | undefined>;
  limiter: AdaptiveLimiter;
  /** Batch ids are kept beside the section cache, so that a later run finds them. */
  cacheDir: string;
  options: ProviderOptions;
  /** The run's --max-cost and --max-tokens-per-run, shared by every provider of the run. */
  budget: RunBudget;
}

/** --batch needs the Anthropic provider: said before any document is read, not once per document. */
export function assertBatchPossible(options: ProviderOptions, env: Record<string, string | undefined>): void {
  if (!options.batch) return;
  const provider = providerName(options.provider, env);
  if (provider === "anthropic") return;
  throw new FalcError("batch-needs-anthropic", `--batch n’existe qu’avec le fournisseur anthropic (l’API Message Batches d’Anthropic), pas avec « ${provider} ».`, {
    exitCode: ExitCode.usage,
    hint: options.provider ? "Retirez --batch, ou choisissez --provider anthropic." : "Définissez ANTHROPIC_API_KEY, ou retirez --batch.",
  });
}

export interface PooledProvider {
  provider: RewriteProvider;
  notices: string[];
  /** The second reader, held to the same budget and limit; absent offline and with --no-check-model. */
  checker?: MeaningChecker;
}

/**
 * One provider per distinct (rules, prompt, model) of a run, built once and shared by the documents
 * that use it: they then share the request limit and, with --batch, one batch.
 */
export class ProviderPool {
  private readonly built = new Map<string, Promise<PooledProvider>>();

  private readonly raw: RewriteProvider[] = [];

  constructor(private readonly settings: PoolSettings) {}

  /** Waits until every Message Batch created by this run is recorded in the cache folder. */
  async settle(): Promise<void> {
    for (const provider of this.raw) await (provider as Partial<AnthropicBatchProvider>).whenRecorded?.();
  }

  /** `prices`: the built-in table with the document's configuration's over it. `checkModel`: --check-model, else the configuration's (false: none). */
  get(ruleSet: RuleSet, prompt: PromptBundle, model: string | undefined, prices?: PriceTable, checkModel?: string | false): Promise<PooledProvider> {
    const key = JSON.stringify([ruleSet.effectiveVersion, prompt.version, model ?? "", prices ?? null, checkModel ?? null]);
    let entry = this.built.get(key);
    if (!entry) {
      entry = this.build(ruleSet, prompt, model, prices, checkModel);
      this.built.set(key, entry);
    }
    return entry;
  }

  private async build(ruleSet: RuleSet, prompt: PromptBundle, model: string | undefined, prices: PriceTable | undefined, checkModel: string | false | undefined): Promise<PooledProvider> {
    const { env, limiter, options } = this.settings;
    const { provider, notice } = await chooseProvider({
      requested: options.provider,
      ...(model ? { model } : {}),
      ...(options.baseURL ? { baseURL: options.baseURL } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      env,
      ruleSet,
      prompt,
      ...(options.batch ? { batch: { stateDir: join(this.settings.cacheDir, "batches"), ...(options.batchLimits ? { limits: options.batchLimits } : {}), ...(options.onBatch ? { onProgress: options.onBatch } : {}), ...(options.onNotice ? { onWarning: options.onNotice } : {}) } } : {}),
    });
    this.raw.push(provider);
    const notices = notice ? [notice] : [];
    if (provider.name !== "offline" && options.pseudonymize === false) notices.push(UNMASKED_NOTICE);
    // The budget sits behind the limiter: a request's worst case is reserved when it really goes out.
    const held = withBudget(provider, this.settings.budget, { prompt, ...(prices ? { prices } : {}) });
    const limited = withSharedLimit(held, limiter, options.onSlowDown ? { onSlowDown: options.onSlowDown } : {});
    const checker = await createRunChecker(provider, checkModel, {
      env,
      budget: this.settings.budget,
      limiter,
      ...(options.baseURL ? { baseURL: options.baseURL } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      ...(prices ? { prices } : {}),
      ...(options.onNotice ? { onWarning: options.onNotice } : {}),
      ...(options.onSlowDown ? { onSlowDown: options.onSlowDown } : {}),
    });
    return { provider: limited, notices, ...(checker ? { checker } : {}) };
  }
}
