import { ExitCode, FalcError } from "../errors.js";
import { REWRITE_SCHEMA } from "./answer.js";
import { buildUserMessage } from "./prompt.js";
import { costOf, estimateTokens, priceOf, type ModelPrice, type PriceTable } from "./providers/anthropic-models.js";
import type { PromptBundle, RewriteProvider, RewriteRequest, Usage } from "./types.js";

/**
 * Run limits: `--max-cost` (dollars) and `--max-tokens-per-run`, one budget shared by every document
 * of a run. Before each request, its worst case is reserved; a request whose worst case would take
 * the run past a limit is never sent. After each request, the real usage replaces the reservation.
 * Sections already rewritten are in the cache, so a run stopped here resumes where it stopped.
 */
export interface RunLimits {
  /** Dollars. */
  maxCost?: number;
  /** Tokens: sent (cached or not) and received. */
  maxTokensPerRun?: number;
}

export interface BudgetSpent {
  /** Dollars, from the usage the provider reported. */
  cost: number;
  tokens: number;
  /** Rewrite calls that went through (each may be several HTTP requests: retries). */
  calls: number;
  /** Calls refused because their worst case would go past a limit. */
  refused: number;
}

/** The worst case of one rewrite call, before it is sent. */
export interface RequestBound {
  /** System prompt and answer schema: the cacheable prefix. */
  prefixTokens: number;
  /** The user message. */
  messageTokens: number;
  outputTokens: number;
}

/**
 * estimateTokens counts about 3.5 characters per token, measured on older Claude tokenizers; the
 * Sonnet 5 tokenizer makes about 30 % more tokens of the same text. The bound takes the larger count.
 */
const TOKENIZER_MARGIN = 1.3;

/**
 * The output bound. max_tokens (16,000) is the only hard bound, but pricing every call at it would
 * make a 0,50 $ budget refuse its 4th section while the whole document costs a tenth of that. What a
 * call really produces is the whole section again, in easy-to-read French: measured rewrites run
 * about 1.6 times the original, and the JSON around the sentences and the glossary add about half as
 * much again (so 3 times the section is a generous bound), plus the model's thinking at medium effort
 * (a few hundred to a couple of thousand tokens). A call that goes past this bound (a truncated answer
 * asked again, a very long thinking) is still counted at its real usage afterwards: the overshoot is
 * bounded by the calls already running when the limit is reached.
 */
const ANSWER_RATIO = 3;
const THINKING_ALLOWANCE = 2_000;

const SCHEMA_TOKENS = estimateTokens(JSON.stringify(REWRITE_SCHEMA));

/** Dollars and tokens. */
export interface Amount {
  cost: number;
  tokens: number;
}

export class RunBudget {
  private spentCost = 0;
  private spentTokens = 0;
  private reservedCost = 0;
  private reservedTokens = 0;
  private calls = 0;
  private refused = 0;
  private waiters: (() => void)[] = [];
  /** Once a call is refused the run is stopping: later calls are refused too, even smaller ones. */
  private stopped: "cost" | "tokens" | undefined;
  private readonly current: RunLimits;

  /** `limits`: those of the command line, which the configuration cannot change. */
  constructor(private readonly fixed: RunLimits = {}) {
    this.current = { ...fixed };
  }

  get limits(): Readonly<RunLimits> {
    return this.current;
  }

  /**
   * A document's configuration (`limits` of falc.config.json), for the limits the command line left
   * unset. Documents of one run may have different configurations: the lowest limit wins, so that
   * each configuration's cap holds.
   */
  adopt(limits: RunLimits): void {
    for (const key of ["maxCost", "maxTokensPerRun"] as const) {
      const value = limits[key];
      if (this.fixed[key] !== undefined || value === undefined) continue;
      this.current[key] = Math.min(this.current[key] ?? Number.POSITIVE_INFINITY, value);
    }
  }

  get spent(): BudgetSpent {
    return { cost: this.spentCost, tokens: this.spentTokens, calls: this.calls, refused: this.refused };
  }

  /**
   * Reserves a call's worst case, or throws `budget-exceeded` (exit 3) when it would go past a limit.
   * Calls running at the same time hold their reservations, so concurrent sections cannot together
   * overspend. A call that would fit with what is spent, but not with what is reserved, waits for a
   * running call to settle (real costs are mostly well under their worst case) instead of stopping
   * the run; it is refused when nothing is running and it still does not fit. `worst` is asked again
   * after each wait (a call that settles may have filled the prompt cache, making the next cheaper).
   * The returned function settles the call with its real cost (zero when it failed).
   */
  async reserve(worst: () => Amount, sectionTitle: string, signal?: AbortSignal): Promise<(real: Amount) => void> {
    for (;;) {
      const need = worst();
      const refusal = this.refusal(need);
      if (refusal === undefined) break;
      if (refusal === "wait") {
        await new Promise<void>((resolve) => this.waiters.push(resolve));
        if (signal?.aborted) throw signal.reason ?? new Error("aborted");
        continue;
      }
      this.refused++;
      this.stopped ??= refusal;
      throw refusal === "cost"
        ? costExceeded(this.spentCost, this.reservedCost, this.current.maxCost!, need.cost, sectionTitle)
        : tokensExceeded(this.spentTokens, this.reservedTokens, this.current.maxTokensPerRun!, need.tokens, sectionTitle);
    }
    const held = worst();
    this.reservedCost += held.cost;
    this.reservedTokens += held.tokens;
    let settled = false;
    return (real) => {
      if (settled) return;
      settled = true;
      this.reservedCost -= held.cost;
      this.reservedTokens -= held.tokens;
      this.record(real);
      for (const wake of this.waiters.splice(0)) wake();
    };
  }

  /** undefined = the call fits; "wait" = it fits once running calls settle; else the limit it breaks. */
  private refusal(need: Amount): "cost" | "tokens" | "wait" | undefined {
    if (this.stopped) return this.stopped;
    const { maxCost, maxTokensPerRun } = this.current;
    const running = this.reservedCost > 0 || this.reservedTokens > 0;
    if (maxCost !== undefined && this.spentCost + need.cost > maxCost) return "cost";
    if (maxTokensPerRun !== undefined && this.spentTokens + need.tokens > maxTokensPerRun) return "tokens";
    const overCost = maxCost !== undefined && this.spentCost + this.reservedCost + need.cost > maxCost;
    const overTokens = maxTokensPerRun !== undefined && this.spentTokens + this.reservedTokens + need.tokens > maxTokensPerRun;
    if (!overCost && !overTokens) return undefined;
    return running ? "wait" : overCost ? "cost" : "tokens";
  }

  /** A call made while no limit was set: counted all the same, for a limit a later document sets. */
  record(real: Amount): void {
    this.spentCost += real.cost;
    this.spentTokens += real.tokens;
    this.calls++;
  }
}

export function createRunBudget(limits: RunLimits = {}): RunBudget {
  return new RunBudget(limits);
}

export interface BudgetOptions {
  /** The prompt the provider sends (the system prompt and the section hints are part of the bound). */
  prompt: PromptBundle;
  /** The built-in prices with the configuration's over them (`mergePrices(config.prices)`). */
  prices?: PriceTable;
}

/**
 * The provider, held to the run's budget; wrap it inside any request queue, so that a reservation
 * is made when the request really goes out. The offline provider costs nothing: it is returned as it
 * is, never stopped. With --max-cost, a model without a known price is a usage error (exit 2), raised
 * here when the limit is already known, else at the first call, before anything is sent.
 */
export function withBudget(provider: RewriteProvider, budget: RunBudget, options: BudgetOptions): RewriteProvider {
  if (provider.name === "offline") return provider;
  let price: ModelPrice | undefined;
  // The limits may come later, from a document's configuration: the price is looked up when needed.
  const priceNow = (): ModelPrice | undefined => (budget.limits.maxCost === undefined ? undefined : (price ??= requirePrice(provider.model, options.prices)));
  priceNow();
  const prefixTokens = estimateTokens(options.prompt.system) + SCHEMA_TOKENS;
  // Set once the provider reports the prefix in its prompt cache (written or read).
  let prefixCached = false;
  const noteCache = (usage: Usage) => {
    if (usage.cache_read_input_tokens > 0 || usage.cache_creation_input_tokens > 0) prefixCached = true;
  };
  return {
    name: provider.name,
    model: provider.model,
    rewrite: (request, callOptions) => {
      let bound: RequestBound | undefined;
      return callUnderBudget(budget, {
        model: provider.model,
        ...(options.prices ? { prices: options.prices } : {}),
        label: request.sectionTitle,
        ...(callOptions?.signal ? { signal: callOptions.signal } : {}),
        price: priceNow,
        worst: (unit) => {
          // Reserving may wait and ask again: the bound is estimated once.
          bound ??= requestBound(request, options.prompt, prefixTokens);
          return { cost: unit ? boundCost(bound, unit, { prefixCached }) : 0, tokens: boundTokens(bound) };
        },
        run: async () => {
          const response = await provider.rewrite(request, callOptions);
          noteCache(response.usage);
          return response;
        },
        usageOf: (response) => response.usage,
        // A failed call returns no usage: the API bills no request it refused, and an attempt the
        // provider made before failing (an unusable answer asked again) cannot be seen from here.
      });
    },
  };
}

/** One request to a model, as the run's budget sees it (see `callUnderBudget`). */
export interface BudgetedCall<T> {
  model: string;
  prices?: PriceTable;
  /** What the request is for, in the message when the budget stops the run. */
  label: string;
  signal?: AbortSignal;
  /** The model's price for --max-cost (a usage error when it is unknown); called only under a limit. */
  price: () => ModelPrice | undefined;
  /** The most the request can cost, at that price. */
  worst: (unit: ModelPrice | undefined) => Amount;
  run: () => Promise<T>;
  usageOf: (result: T) => Usage;
  /** What a failed request used, when its error says so. */
  failedUsage?: (error: unknown) => Usage | undefined;
}

/**
 * Without a limit, a request is sent and what it cost is recorded (for a limit a later document
 * sets). Under --max-cost or --max-tokens-per-run, its worst case is reserved before it is sent, and
 * the reservation settled with what it really used — the rewrites and the second reader alike.
 */
export async function callUnderBudget<T>(budget: RunBudget, call: BudgetedCall<T>): Promise<T> {
  const limited = budget.limits.maxCost !== undefined || budget.limits.maxTokensPerRun !== undefined;
  if (!limited) {
    const result = await call.run();
    const known = priceOf(call.model, call.prices);
    const usage = call.usageOf(result);
    budget.record({ cost: known ? costOf(usage, known) : 0, tokens: usageTokens(usage) });
    return result;
  }
  const unit = call.price();
  const spent = (usage: Usage): Amount => ({ cost: unit ? costOf(usage, unit) : 0, tokens: usageTokens(usage) });
  const settle = await budget.reserve(() => call.worst(unit), call.label, call.signal);
  try {
    const result = await call.run();
    settle(spent(call.usageOf(result)));
    return result;
  } catch (error) {
    const usage = call.failedUsage?.(error);
    settle(usage ? spent(usage) : { cost: 0, tokens: 0 });
    throw error;
  }
}

/** The price of a model for --max-cost, or a usage error saying where to add it. */
export function requirePrice(model: string, prices?: PriceTable): ModelPrice {
  const price = priceOf(model, prices);
  if (price) return price;
  throw new FalcError("price-unknown", `--max-cost : falc ne connaît pas le prix du modèle « ${model} », il ne peut donc pas tenir un budget.`, {
    exitCode: ExitCode.usage,
    hint:
      `Ajoutez son prix sous « prices » dans falc.config.json, en dollars par million de jetons, par exemple : ` +
      `"prices": { "${model}": { "input": 0.5, "output": 1.5 } }. Sur un serveur local, le prix peut être 0.`,
  });
}

/** The worst case of one call, in tokens (see ANSWER_RATIO for why the output bound is not max_tokens). */
export function requestBound(request: RewriteRequest, prompt: PromptBundle, prefixTokens = estimateTokens(prompt.system) + SCHEMA_TOKENS): RequestBound {
  const messageTokens = estimateTokens(buildUserMessage(request, prompt));
  return {
    prefixTokens: Math.ceil(prefixTokens * TOKENIZER_MARGIN),
    messageTokens: Math.ceil(messageTokens * TOKENIZER_MARGIN),
    outputTokens: Math.ceil(estimateTokens(request.text) * TOKENIZER_MARGIN * ANSWER_RATIO) + THINKING_ALLOWANCE,
  };
}

/**
 * Dollars. Until the provider reports the prefix (system prompt and schema) in its prompt cache, it is
 * priced as a cache write, the dearest way to send it: the first sections of a run go out at the same
 * time and all write the cache. Afterwards it is priced as a cache read, what every later call of a run
 * pays: the entry lives 5 minutes after its last use, and a run reads it far more often than that (a
 * section that took longer would pay a new write, about 0,01 $ more on Sonnet 5.5).
 */
export function boundCost(bound: RequestBound, price: ModelPrice, options: { prefixCached?: boolean } = {}): number {
  const prefixPrice = options.prefixCached ? price.cacheRead : Math.max(price.input, price.cacheWrite, price.cacheRead);
  return (bound.prefixTokens * prefixPrice + bound.messageTokens * price.input + bound.outputTokens * price.output) / 1_000_000;
}

function boundTokens(bound: RequestBound): number {
  return bound.prefixTokens + bound.messageTokens + bound.outputTokens;
}

function usageTokens(usage: Usage): number {
  return usage.input_tokens + usage.output_tokens + usage.cache_read_input_tokens + usage.cache_creation_input_tokens;
}

/**
 * `--max-sections`: a document cut into more sections than this is refused before any request (a
 * scanned book or a table export sent by mistake costs nothing this way).
 */
export function checkSectionCount(path: string, sections: number, maxSections: number | undefined): void {
  if (maxSections === undefined || sections <= maxSections) return;
  throw new FalcError("too-many-sections", `${path} : ${sections} sections, plus que la limite de ${maxSections} (--max-sections). Aucune section n’a été envoyée.`, {
    file: path,
    exitCode: ExitCode.usage,
    hint: "Vérifiez que c’est le bon document, découpez-le, ou relevez la limite avec --max-sections (ou « limits.maxSections » dans falc.config.json).",
  });
}

const RESUME_HINT = "Les sections déjà réécrites sont gardées en cache : relancez avec un budget plus élevé pour finir.";

function costExceeded(spent: number, running: number, max: number, next: number, section: string): FalcError {
  const inFlight = running > 0 ? `, jusqu’à ${dollars(running)} $ en cours` : "";
  return new FalcError(
    "budget-exceeded",
    `Budget atteint : ${dollars(spent)} $ dépensés${inFlight} sur ${dollars(max)} $ (--max-cost). ` +
      `La section « ${section} » pourrait coûter jusqu’à ${dollars(next)} $ : elle n’a pas été envoyée.`,
    { exitCode: ExitCode.external, hint: RESUME_HINT },
  );
}

function tokensExceeded(spent: number, running: number, max: number, next: number, section: string): FalcError {
  const inFlight = running > 0 ? `, jusqu’à ${tokens(running)} en cours` : "";
  return new FalcError(
    "budget-exceeded",
    `Limite de jetons atteinte : ${tokens(spent)} jetons utilisés${inFlight} sur ${tokens(max)} (--max-tokens-per-run). ` +
      `La section « ${section} » pourrait en demander jusqu’à ${tokens(next)} : elle n’a pas été envoyée.`,
    { exitCode: ExitCode.external, hint: "Les sections déjà réécrites sont gardées en cache : relancez avec une limite plus élevée pour finir." },
  );
}

const integer = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });

/**
 * « 0,48 », « 12,30 » ; under a dollar, 3 significant digits (« 0,0185 », « 0,123 »): with a budget
 * of a few cents, rounding to the cent would show « 0,02 $ dépensés » for 0,0185 and hide the margin.
 */
export function dollars(amount: number): string {
  const decimals = amount <= 0 || amount >= 1 ? 2 : Math.min(8, Math.max(2, 2 - Math.floor(Math.log10(amount))));
  const text = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: decimals }).format(amount);
  return text.replace(/[\u202f\u00a0]/g, " ");
}

function tokens(n: number): string {
  return integer.format(n).replace(/[\u202f\u00a0]/g, " ");
}
