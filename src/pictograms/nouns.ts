import { fold } from "./normalise.js";

/**
 * The main nouns of a block, for the rewrites that propose no keyword (the offline rewrite, a text
 * corrected by hand): the words after an article or a possessive, with what completes them
 * (« salle de bain », « médecin traitant »), in reading order; the nouns of time (« jour »,
 * « 19 heures ») come last, since they seldom are the idea. Without a tagger this reads French
 * the simple way FALC writes it.
 */

const DETERMINERS = new Set([
  "le", "la", "les", "l", "un", "une", "des", "du", "au", "aux", "votre", "vos", "son", "sa", "ses", "mon", "ma", "mes", "ton", "ta", "tes",
  "notre", "nos", "leur", "leurs", "ce", "cet", "cette", "ces", "chaque", "quel", "quelle", "quels", "quelles",
]);

/** Adjectives written before the noun: skipped to reach it. */
const BEFORE_NOUN = new Set([
  "petit", "petite", "petits", "petites", "grand", "grande", "grands", "grandes", "premier", "premiere", "premiers", "premieres", "dernier", "derniere",
  "autre", "autres", "meme", "memes", "prochain", "prochaine", "nouveau", "nouvelle", "nouveaux", "nouvelles", "seul", "seule", "bon", "bonne",
  "gros", "grosse", "vieux", "vieille", "jeune", "jeunes", "plusieurs", "tout", "toute", "tous", "toutes", "deuxieme", "troisieme", "meilleur",
]);

/** Nouns too general to be pictured: « le droit de », « une partie du », « la personne de votre choix ». */
const LIGHT = new Set([
  "droit", "droits", "chose", "choses", "fois", "facon", "maniere", "cas", "partie", "parties", "reste", "moment", "exemple", "information",
  "informations", "possibilite", "possibilites", "obligation", "besoin", "envie", "personne", "personnes", "lieu", "sujet", "situation", "etape",
  "etapes", "vie", "autre", "autres", "avis", "choix", "suite", "fin", "debut", "plupart", "ensemble", "aide", "demande", "nom", "numero", "adresse",
  "accord", "raison", "place", "endroit", "cote", "monde", "rien", "tout", "coin", "membre", "membres", "professionnel", "professionnels", "plus",
  // The establishment itself is the setting of every sentence, not its idea.
  "foyer", "etablissement", "structure", "service", "residence",
]);

/** Prepositions that may stand for an article (« par téléphone », « en fauteuil roulant »). */
const BARE = new Set(["en", "par"]);

/** Nouns of time and number, kept last. */
const TIME = new Set([
  "jour", "jours", "semaine", "semaines", "mois", "an", "ans", "annee", "annees", "heure", "heures", "h", "minute", "minutes", "matin", "matins",
  "soir", "soirs", "midi", "apres", "nuit", "nuits", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "week", "end",
  "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre", "date", "delai", "duree",
  "hiver", "ete", "printemps", "automne",
]);

/** What may follow a noun inside its name: « de », « à » and the word after them. */
const LINKS = new Set(["de", "d", "à", "aux"]);
/** « un proche à manger »: a verb after « à » says what to do, it does not name the thing. */
const INFINITIVE = /(?:er|ir)$/;
/** Conjugated verbs (« les visites commencent »), never part of a noun's name. */
const VERB_ENDING = /(?:ent|ont|ez|ons|ait|aient|era|eront)$/;
/** Words that end a noun's name: verbs, pronouns, conjunctions and the like. */
const STOP = new Set([
  ...DETERMINERS, "est", "sont", "a", "ont", "va", "vont", "peut", "peuvent", "doit", "doivent", "fait", "font", "et", "ou", "mais", "donc", "qui",
  "que", "qu", "quand", "si", "avec", "sans", "pour", "par", "dans", "sur", "sous", "chez", "vers", "en", "y", "ne", "pas", "plus", "vous", "nous",
  "il", "elle", "ils", "elles", "on", "se", "s", "lui", "leur", "c", "ce", "ca", "cela", "tres", "aussi", "bien", "deja", "encore", "toujours",
  "jamais", "avant", "apres", "pendant", "depuis", "jusqu", "entre", "contre", "comme", "selon", "part", "vient", "sert", "coute", "dure", "ferme",
  "ouvre", "commence", "finit", "arrive", "passe", "reste", "donne", "prend", "aide", "aident", "explique", "etes",
  // « le dire », « la lire »: a pronoun before a verb, not an article.
  "dire", "savoir", "faire", "voir", "prendre", "mettre", "lire", "ecrire", "donner", "avoir", "etre", "demander", "garder", "payer", "signer",
]);

export function mainNouns(text: string, max = 3): string[] {
  const tokens = tokenize(text);
  const found: string[] = [];
  const later: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const bare = BARE.has(tokens[i]!.plain);
    if (!DETERMINERS.has(tokens[i]!.plain) && !bare) continue;
    let at = i + 1;
    // « petit déjeuner » is one thing; « petit chien » is a dog.
    const compound = tokens[at]?.plain === "petit" && tokens[at + 1]?.plain === "dejeuner";
    if (!compound) while (at < tokens.length && BEFORE_NOUN.has(tokens[at]!.plain)) at++;
    const noun = tokens[at];
    if (noun === undefined || !isWord(noun) || STOP.has(noun.plain) || DETERMINERS.has(noun.plain) || LIGHT.has(noun.plain)) continue;
    if (bare && (VERB_ENDING.test(noun.plain) || noun.plain.endsWith("ant"))) continue;
    const phrase = compound ? [noun.text, tokens[at + 1]!.text] : [noun.text];
    const next = tokens[compound ? at + 2 : at + 1];
    const after = tokens[compound ? at + 3 : at + 2];
    if (compound) {
      // The name is whole already.
    } else if (next && after && LINKS.has(next.text.toLowerCase()) && isWord(after) && !STOP.has(after.plain) && !DETERMINERS.has(after.plain) && !INFINITIVE.test(after.plain)) {
      phrase.push(next.plain === "d" ? "d’" : next.text, after.text);
    } else if (next && isWord(next) && !STOP.has(next.plain) && !LINKS.has(next.text.toLowerCase()) && !TIME.has(next.plain) && !VERB_ENDING.test(next.plain)) {
      phrase.push(next.text);
    }
    const name = phrase.join(" ").replace(/’ /g, "’");
    (TIME.has(noun.plain) ? later : found).push(name);
  }
  const unique = [...new Set([...found, ...later].map((name) => name.toLocaleLowerCase("fr")))];
  return unique.slice(0, max);
}

interface Token {
  text: string;
  /** Folded: no accents, lower case. */
  plain: string;
}

/** Words with their apostrophe split off (« l’entrée » → « l », « entrée »); bold marks and placeholders dropped. */
function tokenize(text: string): Token[] {
  const clean = text.replace(/\*\*/g, "").replace(/\[[A-Z_]+\d*\]/g, " ");
  const tokens: Token[] = [];
  for (const match of clean.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*['’]?/gu)) {
    const raw = match[0];
    const elided = /['’]$/.test(raw);
    const word = elided ? raw.slice(0, -1) : raw;
    // A capital inside a sentence is a name (« Étienne Lebrun », « Les Genêts »): no picture shows it.
    const capital = /^\p{Lu}/u.test(word) && match.index !== 0 && !/[.!?:]\s*$/.test(clean.slice(0, match.index));
    tokens.push({ text: capital ? "" : word, plain: capital ? "·" : fold(word) });
  }
  return tokens;
}

function isWord(token: Token): boolean {
  return token.text.length > 1 && /^\p{L}/u.test(token.text);
}
