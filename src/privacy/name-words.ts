/** Word classes shared by the person-name detectors. */

/** Capitalised nouns that follow a civility without being a name (« Madame la Directrice »). */
const ROLE_WORDS = new Set([
  "Directrice", "Directeur", "Président", "Présidente", "Maire", "Juge", "Préfet", "Préfète", "Ministre",
  "Résident", "Résidente", "Tuteur", "Tutrice", "Curateur", "Curatrice", "Médecin", "Docteur", "Cadre",
  "Infirmier", "Infirmière", "Responsable", "Représentant", "Représentante", "Secrétaire", "Trésorier",
  "Trésorière", "Chef", "Conseiller", "Conseillère", "Coordinateur", "Coordinatrice", "Administrateur",
  "Administratrice", "Gérant", "Gérante", "Notaire", "Avocat", "Avocate", "Professeur", "Madame",
  "Monsieur", "Mademoiselle", "Article", "Annexe", "Association", "Établissement", "Direction",
]);

/** Words that start a sentence and so may follow a name with no punctuation in between. */
const SENTENCE_WORDS = new Set([
  "Le", "La", "Les", "L", "Il", "Elle", "Ils", "Elles", "Un", "Une", "Ce", "Cette", "Ces", "Si", "En",
  "Au", "Aux", "Pour", "Dans", "Et", "Ou", "Tél", "Tel", "Mail", "Courriel", "Adresse", "Né", "Née",
]);

/** Upper-case words that are acronyms, not surnames written in capitals (« EHPAD Simone »). */
const ACRONYMS = new Set([
  "EHPAD", "CAF", "CPAM", "MDPH", "APA", "CCAS", "ARS", "CVS", "SAAD", "SSIAD", "ESAT", "IME", "MAS",
  "FAM", "USLD", "RGPD", "CNIL", "UDAF", "ATMP", "CMU", "PCH", "AAH", "TTC", "HT", "IBAN", "BIC", "RIB",
  "NIR", "SIRET", "FALC", "PDF", "DOCX", "ODT", "TEL", "FAX",
]);

/** Words that open an organisation or place name: what follows in the same capitalised run is not a person. */
const ORGANISATION_WORDS = new Set([
  "association", "fondation", "résidence", "ehpad", "foyer", "maison", "centre", "hôpital", "clinique",
  "école", "collège", "lycée", "institut", "fédération", "union", "mutuelle", "caisse", "banque",
  "société", "groupe", "cabinet", "pavillon", "unité", "salle", "espace", "prix", "fonds", "amis",
]);

export function isOrganisationWord(word: string): boolean {
  return ORGANISATION_WORDS.has(word.toLowerCase());
}

/** Words after which a capitalised run names a place or an organisation, not a person. */
const PLACE_OR_ORGANISATION = [
  "association", "fondation", "résidence", "ehpad", "foyer", "maison", "centre", "hôpital", "clinique", "école",
  "collège", "lycée", "institut", "rue", "avenue", "boulevard", "place", "allée", "impasse", "chemin", "quai",
  "square", "salle", "pavillon", "unité", "service", "bâtiment", "aile", "espace", "prix", "fonds", "cabinet",
  "groupe", "mutuelle", "caisse", "banque", "agence", "société", "entreprise",
];
// Only a name that follows the word directly (« résidence Marie Curie ») is a name of place: after
// « de » it is usually a person's (« la maison de Simone Perrin »), and recall comes first.
export const ORGANISATION_BEFORE = new RegExp(
  `(?<!\\p{L})(?:${PLACE_OR_ORGANISATION.join("|")})[ \\u00A0\\u202F]+(?:(?:les?|la)[ \\u00A0\\u202F]+)?$`,
  "iu",
);

export function isRoleWord(word: string): boolean {
  return ROLE_WORDS.has(word);
}

export function isSentenceWord(word: string): boolean {
  return SENTENCE_WORDS.has(word);
}

export function isUpperWord(word: string): boolean {
  return word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
}

export function isAcronym(word: string): boolean {
  return ACRONYMS.has(word);
}

/** « JEAN-PIERRE » → « Jean-Pierre », so names written in capitals are looked up too. */
export function titleCase(word: string): string {
  return word
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join("-");
}

/** True if the word, or every part of a compound (Jean-Pierre), is a known first name. */
export function isFirstName(word: string, names: ReadonlySet<string>): boolean {
  const form = isUpperWord(word) ? titleCase(word) : word;
  if (names.has(form)) return true;
  const parts = form.split("-");
  return parts.length > 1 && parts.every((part) => names.has(part));
}
