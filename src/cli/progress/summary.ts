import type { RunOutcome } from "../../rewrite/run/outcome.js";
import { outcomeUsage } from "../../render/convert-summary.js";
import { addUsage, type Usage } from "../../rewrite/types.js";
import { failureLines, formatCost, formatDuration, formatInteger, plural, tokenCount } from "./format.js";

export interface SummaryExtras {
  elapsedMs: number;
  /** Tokens spent on files that failed afterwards (their finished sections are cached, and paid for). */
  failedUsage: Usage;
  failedCost: number | null;
}

/**
 * The closing lines of `falc convert`, in French: what happened to each file, how much went to the
 * provider and what it cost, and every failure with its reason and what to do about it.
 */
export function summaryLines(outcome: RunOutcome, extras: SummaryExtras): string[] {
  const converted = outcome.files.length;
  const sections = outcome.files.reduce((n, f) => n + f.digest.sections, 0);
  const cached = outcome.files.reduce((n, f) => n + f.digest.cachedSections, 0);
  const spent = outcomeUsage(outcome);
  const usage = addUsage(spent.usage, extras.failedUsage);
  const cost = spent.cost === null && extras.failedCost === null ? null : (spent.cost ?? 0) + (extras.failedCost ?? 0);

  const files = [
    plural(converted, "document converti", "documents convertis"),
    plural(outcome.skipped.length, "inchangé"),
    ...(outcome.failures.length > 0 ? [`${formatInteger(outcome.failures.length)} en échec`] : []),
  ];
  const lines = [`Bilan : ${files.join(", ")}, en ${formatDuration(extras.elapsedMs)}.`];
  if (sections > 0) lines.push(`Sections : ${formatInteger(sections)} traitée${sections > 1 ? "s" : ""}, dont ${formatInteger(cached)} reprise${cached > 1 ? "s" : ""} du cache.`);
  lines.push(usageLine(usage, cost));
  if (outcome.failures.length > 0) {
    lines.push("Échecs :");
    for (const { path, error } of outcome.failures) lines.push(...failureLines(path, error).map((line) => `  ${line}`));
  }
  return lines;
}

function usageLine(usage: Usage, cost: number | null): string {
  if (usage.requests === 0 && tokenCount(usage) === 0) return "Aucune requête au fournisseur.";
  const input = usage.input_tokens + usage.cache_read_input_tokens + usage.cache_creation_input_tokens;
  const fromCache = usage.cache_read_input_tokens > 0 ? ` dont ${formatInteger(usage.cache_read_input_tokens)} lus dans le cache de l’API` : "";
  const tokens = `${formatInteger(tokenCount(usage))} jetons (${formatInteger(input)} en entrée${fromCache}, ${formatInteger(usage.output_tokens)} en sortie)`;
  const price = cost === null ? "" : ` · coût estimé : ${formatCost(cost)} (prix indicatifs)`;
  return `${plural(usage.requests, "requête")} · ${tokens}${price}.`;
}
