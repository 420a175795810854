import { applyConfig, resolveConfig } from "../config/config.js";
import { loadRuleSet } from "../config/ruleset.js";
import { ingestFile, type IngestOptions } from "../ingest/index.js";
import { fr } from "../render/format.js";
import { buildPrompt } from "../rewrite/prompt.js";
import { DEFAULT_ANTHROPIC_MODEL, estimateCost, estimateTokens, PRICES_AS_OF } from "../rewrite/providers/anthropic-models.js";

export interface DryRunOptions {
  ingest?: IngestOptions;
  provider?: "anthropic" | "offline" | "openai-compatible";
  model?: string;
  configPath?: string;
  env?: Record<string, string | undefined>;
}

/** Output tokens per input token of section text: an easy-to-read rewrite is longer than its original. */
const OUTPUT_RATIO = 1.6;

/**
 * `falc convert --dry-run`: the sections each input would be split into, and the tokens and cost a
 * run would need. Nothing is sent and nothing is written.
 */
export async function dryRun(paths: string[], options: DryRunOptions = {}): Promise<string> {
  const env = options.env ?? process.env;
  const model = options.model ?? env.FALC_MODEL ?? DEFAULT_ANTHROPIC_MODEL;
  const lines: string[] = [];
  let totalCost = 0;
  for (const path of paths) {
    const base = loadRuleSet();
    const config = resolveConfig({ configPath: options.configPath, inputPath: path }, base);
    const prompt = buildPrompt(config ? applyConfig(base, config) : base);
    const systemTokens = estimateTokens(prompt.system);
    const document = await ingestFile(path, options.ingest);
    lines.push(`${path} — ${document.title} : ${document.sections.length} sections`);
    let input = 0;
    let output = 0;
    for (const section of document.sections) {
      const tokens = estimateTokens(section.text);
      input += tokens;
      output += Math.ceil(tokens * OUTPUT_RATIO);
      lines.push(`  ${String(section.index + 1).padStart(3)}. ${section.title.slice(0, 60).padEnd(60)} ${fr.int(section.wordCount).padStart(6)} mots · ~${fr.int(tokens)} jetons`);
    }
    // The system prompt is written to the cache once, then read from it by every other section.
    const usage = {
      input_tokens: input + document.sections.length * 200,
      output_tokens: output,
      cache_creation_input_tokens: systemTokens,
      cache_read_input_tokens: systemTokens * Math.max(0, document.sections.length - 1),
    };
    // Prices are only known for Anthropic's models; a local or sovereign server bills its own way.
    const cost = options.provider === "offline" || options.provider === "openai-compatible" ? undefined : estimateCost(usage, model);
    if (cost !== undefined) totalCost += cost;
    lines.push(
      `  Estimation sans réparations : ~${fr.int(usage.input_tokens + usage.cache_creation_input_tokens + usage.cache_read_input_tokens)} jetons en entrée ` +
        `(dont ~${fr.int(systemTokens)} de consignes mises en cache), ~${fr.int(output)} en sortie` +
        (cost === undefined ? ` ; prix du modèle ${model} inconnu.` : ` ; ~${fr.dec2(cost)} $ avec ${model}.`),
      "",
    );
  }
  if (options.provider === "offline") lines.push("Avec --provider offline, la réécriture est locale et ne coûte rien.");
  if (options.provider === "openai-compatible") lines.push("Avec --provider openai-compatible, le coût dépend de votre fournisseur (nul sur un serveur local).");
  const priced = options.provider !== "offline" && options.provider !== "openai-compatible";
  lines.push(`Aucune requête envoyée, aucun fichier écrit.${priced ? ` Coût total estimé : ~${fr.dec2(totalCost)} $ (prix indicatifs du ${PRICES_AS_OF}).` : ""}`);
  return lines.join("\n") + "\n";
}
