import type { ModelPrice } from "../../config/limits.js";
import type { Usage } from "../types.js";

export type { ModelPrice };

/**
 * Claude Sonnet 5.5, the current Sonnet model in the pinned SDK (1.14.0): added in 0.129.0
 * (2026-09-28), the newest Sonnet in its `Model` list, and absent from its deprecation list
 * (`claude-sonnet-4-5`, `claude-opus-4-5`, `claude-mythos-preview`), which makes it `console.warn`.
 * Sonnet rather than Opus or Fable: the rewrite of a section is a bounded task, run section after
 * section, where speed and price matter more than the last bit of reasoning.
 */
export const DEFAULT_ANTHROPIC_MODEL = "claude-sonnet-5-5";

/**
 * INDICATIVE prices, as published on Anthropic's pricing pages on the date below (assumed, not read
 * from the API): for the `--dry-run` estimate only, never for billing. Haiku 5.5 is priced for prompts
 * of 100,000 tokens or fewer (a section's prompt always is).
 */
export const PRICES_AS_OF = "2026-11-28";

export const ANTHROPIC_PRICES: Readonly<Record<string, ModelPrice>> = {
  "claude-sonnet-5-5": { input: 2, output: 10, cacheRead: 0.1, cacheWrite: 2.5 },
  "claude-sonnet-5": { input: 2, output: 10, cacheRead: 0.2, cacheWrite: 2.5 },
  "claude-sonnet-4-6": { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
  "claude-sonnet-4-5": { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
  "claude-haiku-5-5": { input: 0.1, output: 0.5, cacheRead: 0.01, cacheWrite: 0.125 },
  "claude-haiku-4-5": { input: 1, output: 5, cacheRead: 0.1, cacheWrite: 1.25 },
  "claude-opus-5-5": { input: 4, output: 20, cacheRead: 0.2, cacheWrite: 5 },
  "claude-opus-5": { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
  "claude-opus-4-8": { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
  "claude-opus-4-7": { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
  "claude-opus-4-6": { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
  "claude-opus-4-5": { input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25 },
  "claude-fable-5-1": { input: 10, output: 50, cacheRead: 0.25, cacheWrite: 12.5 },
  "claude-fable-5": { input: 10, output: 50, cacheRead: 1, cacheWrite: 12.5 },
};

/** Model id (lowercase) → price: the built-in table, or that table with the configuration's `prices` over it. */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

/**
 * The price of a model id, dated snapshots included (`claude-haiku-4-5-20251001`); undefined when
 * unknown. `table` defaults to the built-in Anthropic prices; pass `mergePrices(config.prices)` to
 * price the models of an openai-compatible service (Mistral, Albert…) too.
 */
export function priceOf(model: string, table: PriceTable = ANTHROPIC_PRICES): ModelPrice | undefined {
  const id = model.trim().toLowerCase();
  return table[id] ?? table[id.replace(/-\d{8}$/, "")];
}

/** The built-in table with the user's prices over it (a user's price wins: it is what their contract says). */
export function mergePrices(extra: PriceTable | undefined): PriceTable {
  if (extra === undefined || Object.keys(extra).length === 0) return ANTHROPIC_PRICES;
  const merged: Record<string, ModelPrice> = { ...ANTHROPIC_PRICES };
  for (const [model, price] of Object.entries(extra)) merged[model.trim().toLowerCase()] = price;
  return merged;
}

/** The Message Batches API bills every token at half the standard price. */
export const BATCH_PRICE_FACTOR = 0.5;

/** Cost in USD of a usage at a given price (halved for a usage marked as batch-priced). */
export function costOf(usage: Omit<Usage, "requests">, price: ModelPrice): number {
  const standard =
    (usage.input_tokens * price.input +
      usage.output_tokens * price.output +
      usage.cache_read_input_tokens * price.cacheRead +
      usage.cache_creation_input_tokens * price.cacheWrite) /
    1_000_000;
  return usage.batch === true ? standard * BATCH_PRICE_FACTOR : standard;
}

/** Indicative cost in USD of a usage on a model; undefined when the model's price is unknown. */
export function estimateCost(usage: Omit<Usage, "requests">, model: string): number | undefined {
  const price = priceOf(model);
  return price === undefined ? undefined : costOf(usage, price);
}

/**
 * A rough token count for French text: about 3.5 characters per token, measured on older Claude
 * tokenizers (French runs denser than English's ≈ 4). The Sonnet 5 tokenizer is said to produce about
 * 30 % more tokens for the same text, so an estimate may be low by that much: it sizes a `--dry-run`,
 * nothing else.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 3.5);
}

/**
 * Models that take `output_config.effort`. Older ones (Haiku 4.5, Sonnet 4.5, Opus 4.1 and before)
 * reject it, so it is only sent to these.
 */
export function supportsEffort(model: string): boolean {
  return !/^claude-(?:haiku-4|sonnet-4-5|sonnet-4-0|sonnet-4-2|opus-4-0|opus-4-1|opus-4-2|3)/.test(model.trim().toLowerCase());
}
