/**
 * The `fix` of a word-list entry: the replacement that may be written in place of the word by rule
 * (`use`, one of its `replace`), and when. An entry is given one when the replacement fits the same
 * slot of the sentence whatever the context: invariable connectors and adverbs (« afin de » →
 * « pour »), verbs with the same construction (« solliciter X » → « demander X », conjugated like
 * the original), nouns of the same gender (« le litige » → « le désaccord »). Entries left without
 * change the construction (« procéder à » → « faire »), the gender (« la restauration » → « le
 * repas ») or the meaning in some contexts (« faute de » is also « une faute de… »).
 */
export interface EntryFix {
  use: string;
  /** Only before punctuation or the end: « préalablement » → « avant » cannot stand before a verb. */
  clauseEnd?: boolean;
  /** Only before a number greater than one (« dans un délai de 30 jours » → « dans les 30 jours »). */
  beforeNumber?: boolean;
  /** Not before these words (« sans délai de préavis » is not « tout de suite de préavis »). */
  notBefore?: string[];
  /** A noun: the replacement takes the plural of the matched word. */
  noun?: boolean;
  /** A participle: the replacement takes the ending (-e, -s, -es) of the matched word. */
  agree?: boolean;
}

const FIX_KEYS = ["use", "clauseEnd", "beforeNumber", "notBefore", "noun", "agree"];

/** The entry's `fix`, checked: `fix: pour` or `fix: { use: avant, clauseEnd: true }`; a French message when invalid. */
export function parseEntryFix(value: unknown, replace: readonly string[]): EntryFix | string {
  const record = typeof value === "string" ? { use: value } : value;
  if (typeof record !== "object" || record === null || Array.isArray(record)) return "« fix » doit être un remplacement ou un objet { use, … }.";
  const input = record as Record<string, unknown>;
  for (const key of Object.keys(input)) if (!FIX_KEYS.includes(key)) return `clé inconnue « fix.${key} » (clés possibles : ${FIX_KEYS.join(", ")}).`;
  if (typeof input.use !== "string" || !replace.includes(input.use)) return `« fix.use » doit être l'un des remplacements de « replace » (${replace.map((r) => `« ${r} »`).join(", ") || "aucun"}).`;
  const fix: EntryFix = { use: input.use };
  for (const key of ["clauseEnd", "beforeNumber", "noun", "agree"] as const) {
    if (input[key] === undefined) continue;
    if (typeof input[key] !== "boolean") return `« fix.${key} » doit valoir true ou false.`;
    fix[key] = input[key] as boolean;
  }
  if (input.notBefore !== undefined) {
    if (!Array.isArray(input.notBefore) || input.notBefore.some((word) => typeof word !== "string")) return "« fix.notBefore » doit être une liste de mots.";
    fix.notBefore = (input.notBefore as string[]).map((word) => word.toLowerCase());
  }
  return fix;
}
