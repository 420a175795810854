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
  }[];
}
