import { applyConfig, resolveConfig } from "../config/config.js";
import { loadRuleSet } from "../config/ruleset.js";
import type { RuleListing } from "../rules/listing.js";
import type { RuleSet } from "../rules/schema.js";

export type { RuleListing };

/** `falc rules`: the rules in effect for a folder (after its falc.config.json) or for `--config`. */
export function listRules(options: { configPath?: string; from?: string; rulesDir?: string } = {}): RuleListing {
  const base = loadRuleSet(options.rulesDir);
  const config = resolveConfig({ configPath: options.configPath, inputPath: options.from }, base);
  const effective: RuleSet = config ? applyConfig(base, config) : base;
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
      };
    }),
  };
}
