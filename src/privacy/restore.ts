import type { PseudonymMap } from "./kinds.js";

// Tolerates what models do to placeholders: a space instead of the underscore, inner spaces,
// Markdown-escaped brackets (\[PERSONNE_1\]).
const PLACEHOLDER =
  /\\?\[\s*(PERSONNE|TELEPHONE|EMAIL|NIR|IBAN|ADRESSE|CODE_POSTAL_VILLE|DATE_NAISSANCE)[_ ](\d+)\s*\\?\]/g;

export interface RestoreResult {
  text: string;
  /** Expected placeholders that did not come back: each one is a missing fact. */
  missing: string[];
  /** Placeholders in the text that the mapping does not know (invented by the model), left as is. */
  unknown: string[];
}

/**
 * Puts the real values back. `expected` is the list of placeholders sent (from `pseudonymize`'s
 * `placeholders`); without it, every placeholder of the mapping is expected.
 */
export function restore(text: string, mapping: PseudonymMap, expected?: readonly string[]): RestoreResult {
  const values = new Map(mapping.entries.map((entry) => [entry.placeholder, entry.value]));
  const seen = new Set<string>();
  const unknown = new Set<string>();
  const restored = text.replace(PLACEHOLDER, (whole, kind: string, number: string) => {
    const placeholder = `[${kind}_${number}]`;
    const value = values.get(placeholder);
    if (value === undefined) {
      unknown.add(placeholder);
      return whole;
    }
    seen.add(placeholder);
    return value;
  });
  const wanted = expected ?? [...values.keys()];
  return {
    text: restored,
    missing: [...new Set(wanted)].filter((placeholder) => !seen.has(placeholder)),
    unknown: [...unknown],
  };
}
