import type { RunBudget } from "../budget.js";
import type { PriceTable } from "../providers/anthropic-models.js";
import type { AnthropicBatchProvider } from "../providers/anthropic-batch.js";
import type { AdaptiveLimiter } from "../run/limiter.js";
import type { MeaningChecker, RewriteProvider } from "../types.js";
import { withCheckBudget, withCheckLimit } from "./wrap.js";

export { createSecondReader } from "./review.js";
export { withCheckMasking } from "./wrap.js";
export { CHANGE_LABEL, changeText } from "./labels.js";

/**
 * The second reader's default on Anthropic: Claude Haiku 5.5, the current Haiku of the price table
 * (src/rewrite/providers/anthropic-models.ts), at 0,10 $ / 0,50 $ per million tokens in and out,
 * a twentieth of Sonnet 5.5. Comparing two short texts is a small model's job.
 */
export const DEFAULT_CHECK_MODEL = "claude-haiku-5-5";

/**
 * The check model of a run: `--check-model` or `checkModel` (false = `--no-check-model`), else
 * Haiku on Anthropic and, on an openai-compatible server, the main model (falc knows no small model
 * there: a local server often serves one). The offline provider has none: its deterministic checks
 * are all it runs.
 */
export function checkModelFor(provider: Pick<RewriteProvider, "name" | "model">, requested: string | false | undefined): string | undefined {
  if (provider.name === "offline" || requested === false) return undefined;
  if (requested !== undefined && requested.trim() !== "") return requested.trim();
  return provider.name === "anthropic" ? DEFAULT_CHECK_MODEL : provider.model;
}

export interface CheckerSettings {
  env: Record<string, string | undefined>;
  /** For openai-compatible: the server's base URL (--base-url), else OPENAI_BASE_URL. */
  baseURL?: string;
  timeoutMs?: number;
  budget: RunBudget;
  limiter: AdaptiveLimiter;
  prices?: PriceTable;
  onWarning?: (message: string) => void;
  onSlowDown?: (limit: number, waitMs: number) => void;
}

/**
 * The second reader for a run's provider (`raw`: the provider as built, before any wrapper), held to
 * the run's budget and request limit; undefined when there is none (offline, --no-check-model). With
 * --batch, its readings go through the provider's Message Batches.
 */
export async function createRunChecker(raw: RewriteProvider, requested: string | false | undefined, settings: CheckerSettings): Promise<MeaningChecker | undefined> {
  const model = checkModelFor(raw, requested);
  if (model === undefined) return undefined;
  const { env } = settings;
  let checker: MeaningChecker;
  if (raw.name === "openai-compatible") {
    const { createOpenAiChecker } = await import("./openai.js");
    const baseURL = settings.baseURL?.trim() || env.OPENAI_BASE_URL?.trim() || "";
    const apiKey = env.OPENAI_API_KEY?.trim();
    checker = createOpenAiChecker({ baseURL, model, ...(apiKey ? { apiKey } : {}), ...(settings.timeoutMs ? { timeoutMs: settings.timeoutMs } : {}) });
  } else if (typeof (raw as Partial<AnthropicBatchProvider>).exchange === "function") {
    const { createBatchChecker } = await import("./batch.js");
    const key = env.ANTHROPIC_API_KEY?.trim() || env.ANTHROPIC_AUTH_TOKEN?.trim();
    checker = createBatchChecker(raw as AnthropicBatchProvider, model, key ? [key] : []);
  } else {
    const { createAnthropicChecker } = await import("./anthropic.js");
    checker = createAnthropicChecker({ model, env, ...(settings.timeoutMs ? { timeoutMs: settings.timeoutMs } : {}), ...(settings.onWarning ? { onWarning: settings.onWarning } : {}) });
  }
  const held = withCheckBudget(checker, settings.budget, settings.prices);
  return withCheckLimit(held, settings.limiter, settings.onSlowDown ? { onSlowDown: settings.onSlowDown } : {});
}
