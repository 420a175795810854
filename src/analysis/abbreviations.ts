/**
 * French abbreviations, with their expansion. The sentence splitter reads the role to decide whether the
 * period after an abbreviation ends a sentence; the tokenizer marks them; the `no-abbreviations` rule
 * suggests the expansion.
 *
 * Roles, by what usually follows the abbreviation:
 * - `title`: a name (« M. Dupont », « av. Foch », « av. J.-C. »). Never ends a sentence.
 * - `inline`: the rest of the sentence (« cf. », « p. ex. », « c.-à-d. »). Never ends a sentence,
 *   unless a closing bracket follows (« (par ex.) Ensuite… »).
 * - `reference`: a number or a code (« art. 3 », « p. 12 », « n° 5 », « art. L. 311-4 »). Before a
 *   capitalised word the same letters are far more often a real word ending a sentence
 *   (« C'est de l'art. Le public… »), so the period ends the sentence there.
 * - `final`: may close a sentence (« etc. », « J.-C. », « et al. »). The period ends the sentence when a
 *   capitalised word follows.
 */
export type AbbreviationRole = "title" | "inline" | "reference" | "final";

export interface Abbreviation {
  /** As usually written, with its periods (« M. », « Mme », « p. ex. »). */
  form: string;
  /** The words to write instead, in French. */
  expansion: string;
  role: AbbreviationRole;
}

export const ABBREVIATIONS: readonly Abbreviation[] = [
  // People
  { form: "M.", expansion: "Monsieur", role: "title" },
  { form: "MM.", expansion: "Messieurs", role: "title" },
  { form: "Mme", expansion: "Madame", role: "title" },
  { form: "Mmes", expansion: "Mesdames", role: "title" },
  { form: "Mlle", expansion: "Mademoiselle", role: "title" },
  { form: "Mlles", expansion: "Mesdemoiselles", role: "title" },
  { form: "Mr.", expansion: "Monsieur", role: "title" },
  { form: "Dr", expansion: "Docteur", role: "title" },
  { form: "Drs", expansion: "Docteurs", role: "title" },
  { form: "Pr", expansion: "Professeur", role: "title" },
  { form: "Me", expansion: "Maître", role: "title" },
  { form: "Mgr", expansion: "Monseigneur", role: "title" },
  { form: "Vve", expansion: "veuve", role: "title" },
  { form: "St", expansion: "Saint", role: "title" },
  { form: "Ste", expansion: "Sainte", role: "title" },
  // Addresses
  { form: "av.", expansion: "avenue", role: "title" },
  { form: "bd", expansion: "boulevard", role: "title" },
  { form: "boul.", expansion: "boulevard", role: "title" },
  { form: "fg", expansion: "faubourg", role: "title" },
  { form: "pl.", expansion: "place", role: "title" },
  { form: "imp.", expansion: "impasse", role: "title" },
  { form: "rte", expansion: "route", role: "title" },
  { form: "chem.", expansion: "chemin", role: "title" },
  // Dates: « apr. » and « av. » come before « J.-C. », which may end the sentence.
  { form: "J.-C.", expansion: "Jésus-Christ", role: "final" },
  { form: "av. J.-C.", expansion: "avant Jésus-Christ", role: "final" },
  { form: "apr. J.-C.", expansion: "après Jésus-Christ", role: "final" },
  { form: "apr.", expansion: "après", role: "title" },
  // Organisations
  { form: "Cie", expansion: "compagnie", role: "final" },
  { form: "Sté", expansion: "société", role: "final" },
  { form: "Ets", expansion: "établissements", role: "title" },
  // References to texts and documents
  { form: "art.", expansion: "article", role: "reference" },
  { form: "al.", expansion: "alinéa", role: "reference" },
  { form: "chap.", expansion: "chapitre", role: "reference" },
  { form: "vol.", expansion: "volume", role: "reference" },
  { form: "t.", expansion: "tome", role: "reference" },
  { form: "p.", expansion: "page", role: "reference" },
  { form: "pp.", expansion: "pages", role: "reference" },
  { form: "fig.", expansion: "figure", role: "reference" },
  { form: "n°", expansion: "numéro", role: "reference" },
  { form: "réf.", expansion: "référence", role: "reference" },
  { form: "éd.", expansion: "édition", role: "reference" },
  { form: "coll.", expansion: "collection", role: "reference" },
  { form: "tél.", expansion: "téléphone", role: "reference" },
  { form: "et al.", expansion: "et les autres auteurs", role: "final" },
  { form: "op. cit.", expansion: "dans le texte déjà cité", role: "final" },
  { form: "ibid.", expansion: "au même endroit", role: "final" },
  // Inside a sentence
  { form: "cf.", expansion: "voir", role: "inline" },
  { form: "p. ex.", expansion: "par exemple", role: "inline" },
  { form: "ex.", expansion: "exemple", role: "inline" },
  { form: "c.-à-d.", expansion: "c'est-à-dire", role: "inline" },
  { form: "càd", expansion: "c'est-à-dire", role: "inline" },
  { form: "i.e.", expansion: "c'est-à-dire", role: "inline" },
  { form: "e.g.", expansion: "par exemple", role: "inline" },
  { form: "env.", expansion: "environ", role: "inline" },
  { form: "resp.", expansion: "respectivement", role: "inline" },
  { form: "vs", expansion: "contre", role: "inline" },
  { form: "N.B.", expansion: "note bien", role: "inline" },
  { form: "qqn", expansion: "quelqu'un", role: "inline" },
  { form: "qqch", expansion: "quelque chose", role: "inline" },
  { form: "svp", expansion: "s'il vous plaît", role: "final" },
  { form: "SVP", expansion: "s'il vous plaît", role: "final" },
  // Quantities and ends of lists
  { form: "etc.", expansion: "et cetera (et le reste)", role: "final" },
  { form: "min.", expansion: "minimum", role: "final" },
  { form: "max.", expansion: "maximum", role: "final" },
  { form: "hab.", expansion: "habitants", role: "final" },
  { form: "suiv.", expansion: "suivant", role: "final" },
  { form: "sq.", expansion: "et la suite", role: "final" },
];

interface Indexes {
  byLastWord: Map<string, Abbreviation>;
  byForm: Map<string, Abbreviation>;
}

let indexes: Indexes | undefined;

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Stores `key` and, for a lower-case key, its capitalised twin: any form can start a sentence (« Cf. »). */
function put(map: Map<string, Abbreviation>, key: string, abbreviation: Abbreviation): void {
  // The first entry wins: « av. » (avenue) keeps its title role over « av. J.-C. ».
  if (!map.has(key)) map.set(key, abbreviation);
  const capitalised = capitalise(key);
  if (capitalised !== key && !map.has(capitalised)) map.set(capitalised, abbreviation);
}

/** Built on first use, so that loading the module costs nothing. */
function getIndexes(): Indexes {
  if (indexes) return indexes;
  const byLastWord = new Map<string, Abbreviation>();
  const byForm = new Map<string, Abbreviation>();
  for (const abbreviation of ABBREVIATIONS) {
    const { form } = abbreviation;
    const last = form.slice(form.lastIndexOf(" ") + 1);
    put(byLastWord, last.endsWith(".") ? last.slice(0, -1) : last, abbreviation);
    put(byForm, form, abbreviation);
  }
  indexes = { byLastWord, byForm };
  return indexes;
}

/**
 * The abbreviation whose last word is `word`, written without its final period (« M », « Mme », « J.-C »,
 * « ex » for « p. ex. »). The splitter only sees the word before a period, hence this key.
 */
export function abbreviationByLastWord(word: string): Abbreviation | undefined {
  return getIndexes().byLastWord.get(word);
}

/** The abbreviation written exactly `form` (« etc. », « Mme », « p. ex. »), or capitalised (« Cf. »). */
export function abbreviationByForm(form: string): Abbreviation | undefined {
  return getIndexes().byForm.get(form);
}
