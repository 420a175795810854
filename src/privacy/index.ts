/**
 * Pseudonymisation of personal data before text leaves the machine. Pure: no I/O, nothing logged.
 *
 * Flow for a document: one mapping for the whole document →
 *   for each section: `const sent = pseudonymize(section, options, mapping)` (the mapping is
 *   extended in place and returned) → send `sent.text`, telling the model to keep placeholders
 *   such as [PERSONNE_1] unchanged → `restore(answer, mapping, sent.placeholders)`: real values
 *   back, and `missing` lists the placeholders (facts) the answer dropped.
 *
 * Choices:
 * - Placeholders are stable by exact written form, so `restore` gives back exactly what was
 *   written. « Madame Simone Perrin » and « Mme Perrin » are two forms: [PERSONNE_1] holds
 *   « Simone Perrin », [PERSONNE_2] holds « Perrin ». Linking them under one placeholder would
 *   make restoring ambiguous (which form to put back?).
 * - The civility stays outside the placeholder (« Madame [PERSONNE_1] »): it is not identifying,
 *   and the model needs it for gender agreement.
 * - A surname met with a civility or a first name is also masked when it appears alone later,
 *   in any section sharing the mapping (« la famille Perrin »). A first name alone is not.
 * - Organisation and place names (« Association Les Amis de Pierre Loti », « Résidence Marie
 *   Curie ») are public names, not masked, even when they contain a person's name.
 * - Only the birth date itself is masked (« née le [DATE_NAISSANCE_1] »); other dates are facts.
 * - A NIR or IBAN whose key is wrong is not masked as such: it is not one (typo or other code).
 * - `counts` are occurrences masked in one call; sum them over sections for a document report.
 * - The mapping holds the real values: never log it, never send it.
 */
export { PII_KINDS, type PiiKind, type PseudonymEntry, type PseudonymMap } from "./kinds.js";
export { pseudonymize, type PseudonymizeOptions, type PseudonymizeResult } from "./pseudonymize.js";
export { restore, type RestoreResult } from "./restore.js";
export { describeCounts } from "./describe.js";
export { emptyMapping } from "./mapping.js";
