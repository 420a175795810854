/** `falc rules --format json` (version 1): the rules in effect, as the command lists them and the text report shows them. */
export interface RuleListing {
  version: 1;
  rulesVersion: string;
  config?: string;
  rules: {
    id: string;
    kind: string;
    family: string;
    severity: string;
    enabled: boolean;
    message: string;
    description: string;
    source: string[];
    parameters: Readonly<Record<string, unknown>>;
    /** Where the rule comes from: « falc » for the built-in rules, else the rule pack as `rulePacks` names it. */
    origin: string;
    /** The rule file. */
    file: string;
  }[];
}
