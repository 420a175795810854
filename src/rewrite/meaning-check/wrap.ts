import { callUnderBudget, requirePrice, type RunBudget } from "../budget.js";
import { estimateTokens, type ModelPrice, type PriceTable } from "../providers/anthropic-models.js";
import type { PseudonymizingProvider } from "../pseudonymized.js";
import type { AdaptiveLimiter } from "../run/limiter.js";
import { runWithSharedLimit, type SharedLimitOptions } from "../run/shared-limit.js";
import type { MeaningCheckRequest, MeaningChecker, Usage } from "../types.js";
import { CHECK_MAX_TOKENS } from "./judge.js";
import { buildCheckMessage, CHECK_SCHEMA, CHECK_SYSTEM } from "./prompt.js";

/**
 * What holds for every request of a run holds for the second reader's: the run's budget
 * (--max-cost, --max-tokens-per-run), its request limit and 429 back-off, and pseudonymisation
 * with the document's mapping. Same order as the rewrite's: budget inside the limiter (a reading's
 * worst case is reserved when it really goes out), masking outside both.
 */

/** Same margin as the rewrite's bound (src/rewrite/budget.ts): newer tokenizers count about 30 % more. */
const TOKENIZER_MARGIN = 1.3;
/** Low effort thinks little; this covers it. */
const THINKING_ALLOWANCE = 1_000;
const PREFIX_TOKENS = estimateTokens(CHECK_SYSTEM + JSON.stringify(CHECK_SCHEMA));

/** The worst case of one reading, in tokens: the answer quotes both texts at most, plus the thinking. */
export function checkBound(request: MeaningCheckRequest): { prefixTokens: number; messageTokens: number; outputTokens: number } {
  const quoted = estimateTokens(request.original) + estimateTokens(request.rewrite);
  return {
    prefixTokens: Math.ceil(PREFIX_TOKENS * TOKENIZER_MARGIN),
    messageTokens: Math.ceil(estimateTokens(buildCheckMessage(request)) * TOKENIZER_MARGIN),
    outputTokens: Math.min(CHECK_MAX_TOKENS, Math.ceil(quoted * TOKENIZER_MARGIN) + THINKING_ALLOWANCE),
  };
}

/** Dollars of a bound; the prefix at its dearest (a cache write or plain input). */
export function checkBoundCost(bound: ReturnType<typeof checkBound>, price: ModelPrice): number {
  return (bound.prefixTokens * Math.max(price.input, price.cacheWrite) + bound.messageTokens * price.input + bound.outputTokens * price.output) / 1_000_000;
}

export function withCheckBudget(checker: MeaningChecker, budget: RunBudget, prices?: PriceTable): MeaningChecker {
  let price: ModelPrice | undefined;
  // With --max-cost, a check model without a price is refused as the main model is: before anything is sent.
  const priceNow = (): ModelPrice | undefined => (budget.limits.maxCost === undefined ? undefined : (price ??= requirePrice(checker.model, prices)));
  priceNow();
  return {
    name: checker.name,
    model: checker.model,
    check: (request, callOptions) => {
      let bound: ReturnType<typeof checkBound> | undefined;
      return callUnderBudget(budget, {
        model: checker.model,
        ...(prices ? { prices } : {}),
        label: request.sectionTitle,
        ...(callOptions?.signal ? { signal: callOptions.signal } : {}),
        price: priceNow,
        worst: (unit) => {
          // Reserving may wait and ask again: the bound is estimated once.
          bound ??= checkBound(request);
          return { cost: unit ? checkBoundCost(bound, unit) : 0, tokens: bound.prefixTokens + bound.messageTokens + bound.outputTokens };
        },
        run: () => checker.check(request, callOptions),
        usageOf: (answer) => answer.usage,
        // A reader that failed after answering (refused, cut, invalid twice) says what it used.
        failedUsage: (error) => (error as { usage?: Usage }).usage,
      });
    },
  };
}

export function withCheckLimit(checker: MeaningChecker, limiter: AdaptiveLimiter, options: SharedLimitOptions = {}): MeaningChecker {
  return {
    name: checker.name,
    model: checker.model,
    check: (request, callOptions = {}) => runWithSharedLimit(limiter, options, callOptions, () => checker.check(request, callOptions)),
  };
}

/** The second reader sees what the main model sees: placeholders; the changes it lists get the real values back for the report. */
export function withCheckMasking(checker: MeaningChecker, masking: Pick<PseudonymizingProvider, "mask" | "unmask">): MeaningChecker {
  return {
    name: checker.name,
    model: checker.model,
    async check(request, callOptions) {
      const sent: MeaningCheckRequest = {
        documentTitle: masking.mask(request.documentTitle),
        sectionIndex: request.sectionIndex,
        sectionTitle: masking.mask(request.sectionTitle),
        original: masking.mask(request.original),
        rewrite: masking.mask(request.rewrite),
      };
      const answer = await checker.check(sent, callOptions);
      const back = masking.unmask;
      return { ...answer, changes: answer.changes.map((change) => ({ ...change, original: back(change.original), rewrite: back(change.rewrite), explanation: back(change.explanation) })) };
    },
  };
}
