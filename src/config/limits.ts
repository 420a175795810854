import type { FalcError } from "../errors.js";

/** The `limits` of `falc.config.json`: what one `falc convert` run may use. Flags win over them. */
export interface ConfigLimits {
  /** Dollars: no request starts when its worst case would take the run past this. */
  maxCost?: number;
  /** Tokens (sent, cached and received) for the whole run. */
  maxTokensPerRun?: number;
  /** A document with more sections is refused before any request. */
  maxSections?: number;
}

/**
 * USD per million tokens. `cacheWrite` is the 5-minute cache write (the one `cache_control: ephemeral` asks for).
 * Declared here, with the validation of `prices`, so that the configuration needs nothing from the providers.
 */
export interface ModelPrice {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

type Fail = (message: string) => FalcError;

const PRICE_KEYS = ["input", "output", "cacheRead", "cacheWrite"] as const;
const LIMIT_KEYS = ["maxCost", "maxTokensPerRun", "maxSections"] as const;

/**
 * `"prices": { "mistral-small-latest": { "input": 0.1, "output": 0.3 } }`, in dollars per million
 * tokens. Without `cacheRead` or `cacheWrite`, cached tokens cost the input price: no discount is
 * assumed that the provider may not give, so a budget is never under-counted.
 */
export function validatePrices(raw: Record<string, unknown>, fail: Fail): Record<string, ModelPrice> {
  const prices: Record<string, ModelPrice> = {};
  for (const [model, value] of Object.entries(raw)) {
    const where = `prices.${model}`;
    if (model.trim() === "") throw fail("« prices » : le nom d'un modèle ne peut pas être vide.");
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw fail(`« ${where} » doit être un objet { "input": …, "output": … } (dollars par million de jetons).`);
    }
    const entry = value as Record<string, unknown>;
    for (const key of Object.keys(entry)) {
      if (!(PRICE_KEYS as readonly string[]).includes(key)) throw fail(`clé inconnue « ${where}.${key} » (clés possibles : ${PRICE_KEYS.join(", ")}).`);
    }
    const input = dollars(entry.input, `${where}.input`, fail, true);
    const output = dollars(entry.output, `${where}.output`, fail, true);
    prices[model.trim().toLowerCase()] = {
      input: input!,
      output: output!,
      cacheRead: dollars(entry.cacheRead, `${where}.cacheRead`, fail, false) ?? input!,
      cacheWrite: dollars(entry.cacheWrite, `${where}.cacheWrite`, fail, false) ?? input!,
    };
  }
  return prices;
}

function dollars(value: unknown, where: string, fail: Fail, required: boolean): number | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw fail(`« ${where} » doit être un nombre positif ou nul : le prix en dollars pour un million de jetons${value === undefined ? " (obligatoire)" : ` (reçu : ${JSON.stringify(value)})`}.`);
  }
  return value;
}

/** `"limits": { "maxCost": 2, "maxTokensPerRun": 1000000, "maxSections": 80 }`. */
export function validateLimits(raw: Record<string, unknown>, fail: Fail): ConfigLimits {
  const limits: ConfigLimits = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(LIMIT_KEYS as readonly string[]).includes(key)) throw fail(`clé inconnue « limits.${key} » (clés possibles : ${LIMIT_KEYS.join(", ")}).`);
    if (key === "maxCost") {
      if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
        throw fail(`« limits.maxCost » doit être un nombre de dollars supérieur à 0 (reçu : ${JSON.stringify(value)}).`);
      }
      limits.maxCost = value;
    } else {
      if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) {
        throw fail(`« limits.${key} » doit être un entier positif (reçu : ${JSON.stringify(value)}).`);
      }
      limits[key as "maxTokensPerRun" | "maxSections"] = value;
    }
  }
  return limits;
}
