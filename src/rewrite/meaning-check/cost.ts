import { estimateCost } from "../providers/anthropic-models.js";
import { addUsage, NO_USAGE, type ConvertResult, type Usage } from "../types.js";

/** The second reader's share of a result's usage (already counted in `result.usage`), and its model. */
export function checkUsageOf(result: Pick<ConvertResult, "sections">): { usage: Usage; model?: string } {
  let usage = NO_USAGE;
  let model: string | undefined;
  for (const section of result.sections) {
    if (!section.meaningCheck) continue;
    usage = addUsage(usage, section.meaningCheck.usage);
    model ??= section.meaningCheck.model;
  }
  return { usage, ...(model ? { model } : {}) };
}

/**
 * Indicative cost of a result: the main model's tokens at its price, the second reader's at the check
 * model's (Haiku costs a twentieth of Sonnet: pricing its tokens at Sonnet's would say 20 times too
 * much for them). Undefined when a price is unknown.
 */
export function resultCost(result: Pick<ConvertResult, "sections" | "usage" | "model">): number | undefined {
  const check = checkUsageOf(result);
  return usageCost(result.usage, result.model, check.model === undefined ? undefined : { usage: check.usage, model: check.model });
}

/** The same for any usage of which `check.usage` is the second reader's share (a section's, in the progress display). */
export function usageCost(usage: Usage, model: string, check?: { usage: Usage; model: string }): number | undefined {
  const mainCost = estimateCost(check ? subtract(usage, check.usage) : usage, model);
  if (mainCost === undefined || check === undefined || check.usage.requests === 0) return mainCost;
  const checkCost = estimateCost(check.usage, check.model);
  return checkCost === undefined ? undefined : mainCost + checkCost;
}

function subtract(a: Usage, b: Usage): Usage {
  return {
    requests: Math.max(0, a.requests - b.requests),
    input_tokens: Math.max(0, a.input_tokens - b.input_tokens),
    output_tokens: Math.max(0, a.output_tokens - b.output_tokens),
    cache_read_input_tokens: Math.max(0, a.cache_read_input_tokens - b.cache_read_input_tokens),
    cache_creation_input_tokens: Math.max(0, a.cache_creation_input_tokens - b.cache_creation_input_tokens),
    ...(a.batch ? { batch: true as const } : {}),
  };
}
