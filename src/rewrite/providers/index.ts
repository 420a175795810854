import { FalcError, ExitCode } from "../../errors.js";
import type { RuleSet } from "../../rules/schema.js";
import type { BatchProgress, PromptBundle, RewriteProvider } from "../types.js";
import type { BatchLimits } from "./batch/plan.js";

export const PROVIDERS = ["anthropic", "offline", "openai-compatible"] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export interface ProviderChoice {
  /** As asked with --provider; undefined = anthropic when a key is set, else offline. */
  requested?: ProviderName;
  model?: string;
  /** For openai-compatible: the server's base URL (--base-url), else OPENAI_BASE_URL. */
  baseURL?: string;
  env: Record<string, string | undefined>;
  ruleSet: RuleSet;
  prompt: PromptBundle;
  /** Per HTTP attempt (--timeout); default: the provider's own. */
  timeoutMs?: number;
  /** Anthropic only: send requests through the Message Batches API, keeping batch ids in `stateDir`. */
  batch?: { stateDir: string; limits?: Partial<BatchLimits>; onProgress?: (progress: BatchProgress) => void; onWarning?: (message: string) => void };
}

export interface ChosenProvider {
  provider: RewriteProvider;
  /** French, shown to the user (e.g. why the offline provider was chosen). */
  notice?: string;
}

export const OFFLINE_NOTICE =
  "Aucune clé d’API Anthropic (ANTHROPIC_API_KEY) : falc utilise la réécriture hors ligne. " +
  "Elle applique seulement des règles sûres (phrases coupées aux points-virgules, nombres en chiffres, dates complètes, " +
  "sigles expliqués, mots administratifs remplacés, listes à puces, une phrase par ligne) ; elle ne reformule pas le texte. " +
  "Pour une vraie réécriture, définissez ANTHROPIC_API_KEY (et au besoin ANTHROPIC_BASE_URL).";

function apiKeyOf(env: Record<string, string | undefined>): string | undefined {
  return env.ANTHROPIC_API_KEY?.trim() || env.ANTHROPIC_AUTH_TOKEN?.trim() || undefined;
}

/** The provider a run uses: the one asked for, else anthropic when a key is set, else offline. */
export function providerName(requested: ProviderName | undefined, env: Record<string, string | undefined>): ProviderName {
  return requested ?? (apiKeyOf(env) ? "anthropic" : "offline");
}

/** Picks and builds the provider; the SDK is only loaded when the Anthropic provider is used. */
export async function chooseProvider(choice: ProviderChoice): Promise<ChosenProvider> {
  const apiKey = apiKeyOf(choice.env);
  const name = providerName(choice.requested, choice.env);
  if (name === "offline") {
    const { createOfflineProvider } = await import("./offline/index.js");
    return { provider: createOfflineProvider(choice.ruleSet), ...(choice.requested ? {} : { notice: OFFLINE_NOTICE }) };
  }
  if (name === "openai-compatible") return { provider: await openAiCompatible(choice) };
  if (!apiKey) {
    throw new FalcError("provider-no-key", "Le fournisseur « anthropic » a besoin d’une clé d’API, et ANTHROPIC_API_KEY n’est pas définie.", {
      exitCode: ExitCode.usage,
      hint: "Définissez ANTHROPIC_API_KEY, ou utilisez --provider offline pour une réécriture hors ligne.",
    });
  }
  const { createAnthropicProvider, DEFAULT_ANTHROPIC_MODEL } = await import("./anthropic.js");
  const model = choice.model?.trim() || choice.env.FALC_MODEL?.trim() || DEFAULT_ANTHROPIC_MODEL;
  const baseURL = choice.env.ANTHROPIC_BASE_URL?.trim();
  const common = { apiKey, model, prompt: choice.prompt, ...(baseURL ? { baseURL } : {}), ...(choice.timeoutMs ? { timeoutMs: choice.timeoutMs } : {}) };
  if (choice.batch) {
    const { createAnthropicBatchProvider } = await import("./anthropic-batch.js");
    // How often a running batch is checked (default 30 s); a local test server answers in milliseconds.
    const pollMs = Number(choice.env.FALC_BATCH_POLL_MS);
    return {
      provider: createAnthropicBatchProvider({
        ...common,
        stateDir: choice.batch.stateDir,
        ...(Number.isFinite(pollMs) && pollMs > 0 ? { pollIntervalMs: pollMs } : {}),
        ...(choice.batch.limits ? { limits: choice.batch.limits } : {}),
        ...(choice.batch.onProgress ? { onProgress: choice.batch.onProgress } : {}),
        ...(choice.batch.onWarning ? { onWarning: choice.batch.onWarning } : {}),
      }),
    };
  }
  return { provider: createAnthropicProvider(common) };
}

/** Sovereign and local servers (Mistral, Albert, Ollama, vLLM, llama.cpp): no default address, no default model. */
async function openAiCompatible(choice: ProviderChoice): Promise<RewriteProvider> {
  const baseURL = choice.baseURL?.trim() || choice.env.OPENAI_BASE_URL?.trim();
  if (!baseURL) {
    throw new FalcError("provider-no-base-url", "--base-url est obligatoire avec --provider openai-compatible (par exemple http://localhost:11434/v1 pour Ollama).", {
      exitCode: ExitCode.usage,
      hint: "Donnez l’adresse du service avec --base-url, ou définissez OPENAI_BASE_URL.",
    });
  }
  if (!/^https?:\/\/[^\s/]+/i.test(baseURL)) {
    throw new FalcError("provider-bad-base-url", `L’adresse « ${baseURL.replace(/\/\/[^@/]*@/, "//")} » n’est pas une adresse http:// ou https:// valide.`, {
      exitCode: ExitCode.usage,
      hint: "Par exemple : --base-url http://localhost:11434/v1 pour Ollama, ou https://api.mistral.ai/v1 pour Mistral.",
    });
  }
  const model = choice.model?.trim() || choice.env.FALC_MODEL?.trim();
  if (!model) {
    throw new FalcError("provider-no-model", "--model est obligatoire avec --provider openai-compatible : il n’y a pas de modèle par défaut.", {
      exitCode: ExitCode.usage,
      hint: "Donnez le nom du modèle tel que le service le connaît (par exemple mistral-small-latest, ou llama3.1:8b pour Ollama), ou définissez FALC_MODEL.",
    });
  }
  const apiKey = choice.env.OPENAI_API_KEY?.trim();
  const { createOpenAiCompatibleProvider } = await import("./openai-compatible.js");
  return createOpenAiCompatibleProvider({ baseURL, model, prompt: choice.prompt, ...(apiKey ? { apiKey } : {}), ...(choice.timeoutMs ? { timeoutMs: choice.timeoutMs } : {}) });
}
