import { applyConfig, resolveConfig } from "../config/config.js";
import { layerRules } from "../config/rule-packs.js";
import { loadRuleSet } from "../config/ruleset.js";
import type { RuleListing } from "../rules/listing.js";
import type { RuleSet } from "../rules/schema.js";

export type { RuleListing };

/** `falc rules`: the rules in effect for a folder (after its falc.config.json) or for `--config`. */
export function listRules(options: { configPath?: string; from?: string; rulesDir?: string } = {}): RuleListing {
  const builtIn = loadRuleSet(options.rulesDir);
  const config = resolveConfig({ configPath: options.configPath, inputPath: options.from }, builtIn);
  // Every rule, switched off or not, from falc or from a pack.
  const base = config?.packs ? layerRules(builtIn, config.packs) : builtIn;
  const effective: RuleSet = config ? applyConfig(builtIn, config) : builtIn;
  const enabled = new Set(effective.rules.map((rule) => rule.id));
  const byId = new Map(effective.rules.map((rule) => [rule.id, rule]));
  return {
    version: 1,
    rulesVersion: effective.effectiveVersion,
    ...(config ? { config: config.file } : {}),
    rules: base.rules.map((baseRule) => {
      const rule = byId.get(baseRule.id) ?? baseRule;
      return {
        id: rule.id,
        kind: rule.kind,
        family: rule.family,
        severity: rule.severity,
        enabled: enabled.has(rule.id),
        message: rule.message,
        description: rule.description,
        source: rule.source,
        parameters: rule.parameters,
        origin: rule.pack ?? "falc",
        file: rule.file,
      };
    }),
  };
}
