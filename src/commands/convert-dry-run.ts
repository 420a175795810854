import { ConfigResolver } from "../config/config.js";
import { loadRuleSet } from "../config/ruleset.js";
import { ingestFile, type IngestOptions } from "../ingest/index.js";
import type { Section } from "../model/types.js";
import { fr } from "../french-numbers.js";
import { boundCost, dollars, requestBound } from "../rewrite/budget.js";
import { checkModelFor } from "../rewrite/meaning-check/index.js";
import { checkEstimate } from "../rewrite/meaning-check/estimate.js";
import { buildPrompt } from "../rewrite/prompt.js";
import { costOf, DEFAULT_ANTHROPIC_MODEL, estimateTokens, mergePrices, priceOf, PRICES_AS_OF } from "../rewrite/providers/anthropic-models.js";

export interface DryRunOptions {
  ingest?: IngestOptions;
  provider?: "anthropic" | "offline" | "openai-compatible";
  model?: string;
  configPath?: string;
  env?: Record<string, string | undefined>;
  /** --max-cost: say whether the estimate fits (else `limits.maxCost` of the configuration). */
  maxCost?: number;
  /** --max-sections: name the documents a run would refuse (else `limits.maxSections`). */
  maxSections?: number;
  /** --batch: the Message Batches API bills half the standard price. */
  batch?: boolean;
  /** --check-model (false: --no-check-model), else `checkModel` of the configuration. */
  checkModel?: string | false;
  /** --review: a filled review document; the sections it keeps are not counted. */
  review?: string;
}

/** Output tokens per input token of section text: an easy-to-read rewrite is longer than its original. */
const OUTPUT_RATIO = 1.6;

/**
 * `falc convert --dry-run`: the sections each input would be split into, and the tokens and cost a
 * run would need. Nothing is sent and nothing is written.
 */
export async function dryRun(paths: string[], options: DryRunOptions = {}): Promise<string> {
  const env = options.env ?? process.env;
  const offline = options.provider === "offline";
  const lines: string[] = [];
  let totalCost = 0;
  let priced = !offline;
  let maxCost = options.maxCost;
  let largestCall = 0;
  const base = loadRuleSet();
  const configs = new ConfigResolver(base, options.configPath);
  for (const path of paths) {
    const configured = configs.forInput(path);
    const config = configured?.config;
    maxCost ??= config?.limits.maxCost;
    const maxSections = options.maxSections ?? config?.limits.maxSections;
    // openai-compatible has no default model (the run refuses to start without one).
    const chosen = options.model ?? (env.FALC_MODEL?.trim() || config?.model);
    const model = chosen ?? (options.provider === "openai-compatible" ? undefined : DEFAULT_ANTHROPIC_MODEL);
    // Built-in prices are Anthropic's; a sovereign or local server's model is priced by the configuration.
    const price = offline || model === undefined ? undefined : priceOf(model, mergePrices(config?.prices));
    const prompt = buildPrompt(configured?.ruleSet ?? base);
    const systemTokens = estimateTokens(prompt.system);
    const document = await ingestFile(path, options.ingest);
    lines.push(`${path} — ${document.title} : ${document.sections.length} sections`);
    // Sections the readers' review keeps (validated, corrected, not yet read) are sent to no model.
    const kept = options.review === undefined ? new Set<number>() : await keptByReview(options.review, path, document.sections, !offline);
    let input = 0;
    let output = 0;
    const sent = document.sections.filter((section) => !kept.has(section.index));
    for (const section of document.sections) {
      if (kept.has(section.index)) {
        lines.push(`  ${String(section.index + 1).padStart(3)}. ${section.title.slice(0, 60).padEnd(60)} gardée telle quelle (relecture)`);
        continue;
      }
      const tokens = estimateTokens(section.text);
      input += tokens;
      output += Math.ceil(tokens * OUTPUT_RATIO);
      lines.push(`  ${String(section.index + 1).padStart(3)}. ${section.title.slice(0, 60).padEnd(60)} ${fr.int(section.wordCount).padStart(6)} mots · ~${fr.int(tokens)} jetons`);
      if (price) {
        const request = { documentTitle: document.title, sectionIndex: section.index, sectionTitle: section.title, text: section.text };
        largestCall = Math.max(largestCall, boundCost(requestBound(request, prompt), price));
      }
    }
    if (maxSections !== undefined && document.sections.length > maxSections) {
      lines.push(`  Refusé par --max-sections : ${document.sections.length} sections, plus que la limite de ${maxSections}.`);
    }
    // The system prompt is written to the cache once, then read from it by every other section.
    const usage = {
      input_tokens: input + sent.length * 200,
      output_tokens: output,
      cache_creation_input_tokens: sent.length > 0 ? systemTokens : 0,
      cache_read_input_tokens: systemTokens * Math.max(0, sent.length - 1),
      ...(options.batch ? { batch: true as const } : {}),
    };
    const cost = price ? costOf(usage, price) : undefined;
    if (cost !== undefined) totalCost += cost;
    else priced = false;
    lines.push(
      `  Estimation sans réparations : ~${fr.int(usage.input_tokens + usage.cache_creation_input_tokens + usage.cache_read_input_tokens)} jetons en entrée ` +
        `(dont ~${fr.int(systemTokens)} de consignes mises en cache), ~${fr.int(output)} en sortie` +
        (offline ? "." : model === undefined ? " ; modèle non précisé (--model)." : cost === undefined ? ` ; prix du modèle ${model} inconnu (ajoutez-le sous « prices » dans falc.config.json).` : ` ; ~${fr.dec2(cost)} $ avec ${model}${options.batch ? " (--batch : moitié prix)" : ""}.`),
    );
    const checkModel = offline || model === undefined ? undefined : checkModelFor({ name: options.provider ?? "anthropic", model }, options.checkModel ?? config?.checkModel);
    if (checkModel !== undefined) {
      const check = checkEstimate(document.title, sent);
      const checkPrice = priceOf(checkModel, mergePrices(config?.prices));
      const checkCost = checkPrice ? costOf({ ...check, cache_read_input_tokens: 0, cache_creation_input_tokens: 0, ...(options.batch ? { batch: true as const } : {}) }, checkPrice) : undefined;
      if (checkCost !== undefined) totalCost += checkCost;
      else priced = false;
      lines.push(
        `  Deuxième lecture du sens (${checkModel}, --no-check-model pour s’en passer) : ${fr.int(check.requests)} demande${check.requests > 1 ? "s" : ""}, ` +
          `~${fr.int(check.input_tokens)} jetons en entrée, ~${fr.int(check.output_tokens)} en sortie` +
          (checkCost === undefined ? ` ; prix du modèle ${checkModel} inconnu.` : ` ; ~${dollars(checkCost)} $.`),
      );
    }
    lines.push("");
  }
  if (offline) lines.push("Avec --provider offline, la réécriture est locale et ne coûte rien.");
  if (options.provider === "openai-compatible" && !priced) lines.push("Avec --provider openai-compatible, le coût dépend de votre fournisseur (nul sur un serveur local).");
  if (maxCost !== undefined && !offline) lines.push(budgetLine(priced ? totalCost : undefined, maxCost, largestCall));
  lines.push(`Aucune requête envoyée, aucun fichier écrit.${priced ? ` Coût total estimé : ~${fr.dec2(totalCost)} $ (prix indicatifs du ${PRICES_AS_OF}).` : ""}`);
  return lines.join("\n") + "\n";
}

/** Whether the estimate fits --max-cost, and the margin the run's guard keeps per request. */
function budgetLine(total: number | undefined, maxCost: number, largestCall: number): string {
  const limit = `--max-cost ${dollars(maxCost)} $`;
  if (total === undefined) return `Budget (${limit}) : prix inconnu, la conversion serait refusée. Ajoutez le prix du modèle sous « prices » dans falc.config.json.`;
  const margin = `chaque requête est réservée à son coût maximal (jusqu’à ~${dollars(largestCall)} $) avant d’être envoyée`;
  if (total > maxCost) {
    return `Budget (${limit}) : dépassé, le coût estimé (~${dollars(total)} $) est plus élevé. La conversion s’arrêtera avant la fin ; les sections faites resteront en cache.`;
  }
  if (total + largestCall > maxCost) {
    return `Budget (${limit}) : juste. Le coût estimé (~${dollars(total)} $) tient dans le budget, mais ${margin} : la conversion peut s’arrêter avant la fin.`;
  }
  return `Budget (${limit}) : le coût estimé (~${dollars(total)} $) tient dans le budget (${margin}).`;
}

async function keptByReview(reviewPath: string, input: string, sections: readonly Section[], canRevise: boolean): Promise<Set<number>> {
  const { loadReview, reviewPlanFor } = await import("./convert-review.js");
  const plan = reviewPlanFor(input, sections, await loadReview(reviewPath), canRevise);
  return new Set([...plan.sections].filter(([, step]) => step.kind === "keep" || step.kind === "adopt").map(([index]) => index));
}
