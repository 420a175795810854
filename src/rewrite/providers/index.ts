import { FalcError, ExitCode } from "../../errors.js";
import type { RuleSet } from "../../rules/schema.js";
import type { PromptBundle, RewriteProvider } from "../types.js";

export const PROVIDERS = ["anthropic", "offline"] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export interface ProviderChoice {
  /** As asked with --provider; undefined = anthropic when a key is set, else offline. */
  requested?: ProviderName;
  model?: string;
  env: Record<string, string | undefined>;
  ruleSet: RuleSet;
  prompt: PromptBundle;
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

/** Picks and builds the provider; the SDK is only loaded when the Anthropic provider is used. */
export async function chooseProvider(choice: ProviderChoice): Promise<ChosenProvider> {
  const apiKey = apiKeyOf(choice.env);
  const name = choice.requested ?? (apiKey ? "anthropic" : "offline");
  if (name === "offline") {
    const { createOfflineProvider } = await import("./offline/index.js");
    return { provider: createOfflineProvider(choice.ruleSet), ...(choice.requested ? {} : { notice: OFFLINE_NOTICE }) };
  }
  if (!apiKey) {
    throw new FalcError("provider-no-key", "Le fournisseur « anthropic » a besoin d’une clé d’API, et ANTHROPIC_API_KEY n’est pas définie.", {
      exitCode: ExitCode.usage,
      hint: "Définissez ANTHROPIC_API_KEY, ou utilisez --provider offline pour une réécriture hors ligne.",
    });
  }
  const { createAnthropicProvider, DEFAULT_ANTHROPIC_MODEL } = await import("./anthropic.js");
  const model = choice.model?.trim() || choice.env.FALC_MODEL?.trim() || DEFAULT_ANTHROPIC_MODEL;
  const baseURL = choice.env.ANTHROPIC_BASE_URL?.trim();
  return { provider: createAnthropicProvider({ apiKey, model, prompt: choice.prompt, ...(baseURL ? { baseURL } : {}) }) };
}
