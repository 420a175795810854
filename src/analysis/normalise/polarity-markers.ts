/**
 * The words that carry what numbers cannot show: negations, conditions, deadlines, obligations,
 * permissions and advice. polarity.ts aligns sentences and compares what these find on both sides.
 * Texts are lower-cased and their apostrophes made straight before any of these runs.
 */

/** `\b` of JavaScript knows only ASCII letters: « refusé », « délai » need a Unicode one. */
const B = "(?:(?<![\\p{L}\\d])(?=[\\p{L}\\d])|(?<=[\\p{L}\\d])(?![\\p{L}\\d]))";
export function re(pattern: RegExp | string): RegExp {
  const source = typeof pattern === "string" ? pattern : pattern.source;
  return new RegExp(source.replaceAll("\\b", B), "u");
}

export const NEGATION = re(/\b(?:ne\s+|n')(?:[^\s.;:!?]+\s+){0,4}?(pas|plus|jamais|rien|aucune?|personne|nullement|point)\b/u);
/**
 * Negations without « pas »: the written register of rules says « ne saurait être suffisant », « si le
 * parent ne peut effectuer sa permanence »; « ne peut … que » is a restriction, not a negation.
 */
const LITERARY_NEGATION = re(
  /\b(?:ne\s+|n')(saurai[st]|saurait|sauraient|peut|peuvent|pourra|pourront|pourrait|pourraient)\s+(?!(?:[^\s.;:!?]+\s+){0,3}?(?:pas|plus|jamais|rien|guère|que|qu')\b)[^\s.;:!?]/u,
);
/**
 * « aucune nourriture n’est donnée », « rien ne sera remboursé », « nul ne peut »: the negative word
 * comes first. « une personne ne vient que le lundi » is a person, not « nobody ».
 */
const NEGATIVE_SUBJECT = re(/(?<!\b(?:une|la|cette|chaque|toute|de|d')\s*)\b(aucune?|rien|personne|nul|nulle)\s+(?:[^\s.;:!?]+\s+){0,5}?(?:ne\s|n')/u);

/** The negation of a sentence as a reviewer reads it (« ne … pas », « aucun … ne »), or null. */
export function negationMarker(lower: string): string | null {
  const plain = NEGATION.exec(lower);
  if (plain !== null) return `ne … ${plain[1]}`;
  const literary = LITERARY_NEGATION.exec(lower);
  if (literary !== null) return `ne ${literary[1]}`;
  const subject = NEGATIVE_SUBJECT.exec(lower);
  return subject === null ? null : `${subject[1]} … ne`;
}

export const NEGATIVE_WORD =
  re(/\b(?:sans|jamais|aucune?|rien|interdite?s?|interdiction|refus[ée]?e?s?|refuser|impossibles?|exclue?s?|dispensée?s?|arrêtez|arrêter|arrête|arrêt|finie?|non|ni|pas|nulle?)\b/u);

/** Any negative turn: a negation, or a word that denies (« sans », « interdit », « refusé »). */
export function negated(lower: string): boolean {
  return negationMarker(lower) !== null || NEGATIVE_WORD.test(lower);
}

/**
 * « Sans autorisation, l’équipe n’administrera pas de médicament » says « only with an authorisation »:
 * two negations make a restriction, and a rewrite « seulement avec votre autorisation » keeps it.
 */
export const DOUBLE_NEGATIVE = re(/\b(?:sans|à défaut d'|a défaut d'|faute d'|faute de)\b/u);
export const RESTRICTION = re(
  /\b(?:seulement|uniquement|exclusivement|que si|qu'avec|qu'après|qu'en cas)\b|\bne\s+(?:[^\s.;:!?]+\s+){0,4}?(?:que|qu')|\bn'(?:[^\s.;:!?]+\s+){0,4}?(?:que|qu')/u,
);
/**
 * What lets a rewrite say « ne … pas » where the original did not: an exception, a limit or a moment
 * (« sauf », « seuls », « réservé à », « moins de », « à partir de », « lorsque »), which a FALC writer
 * often turns into a negative sentence (« Votre enfant n’a pas encore 3 ans ? », « Ne venez pas avant
 * 16 h 30 »), on either side.
 */
export const NEGATIVE_LICENCE = re(
  /\b(?:sauf|seulement|uniquement|excepté|hormis|hors|en dehors|seule?s?|réservée?s?|moins|plus de|au plus|maximum|minimum|avant|après|à partir|dès|jusqu'|lorsque|lorsqu'|quand|fermée?s?|à la charge)\b|\bne\s+(?:[^\s.;:!?]+\s+){0,4}?(?:que|qu')/u,
);

export const CONDITION =
  re(/\b(?:(?:seulement si|uniquement si|sauf si|sauf|si|s'ils?|à défaut|sous réserve|dans le cas où|dans le cas contraire|en cas de)\b|à condition (?:que|qu'|de|d')|en cas d'|à moins (?:que|qu'))/u);
/**
 * What a rewrite may say instead: « quand », « seulement », « sinon », « dans ce cas », « dans un cas
 * exceptionnel » (for « sauf exception ») and a question (« Vous êtes malade ? ») also set a condition.
 */
export const CONDITION_KEPT = re(
  `${CONDITION.source}|\\b(?:(?:quand|lorsque|seulement|uniquement|sinon|dans (?:ce|un|les|certains) cas|exceptions?|exceptionnel(?:le)?s?)\\b|lorsqu')|\\?`,
);
export const DEADLINE =
  re(/\b(?:(?:au plus tard|avant (?:le|la|les|\d+)|dans (?:un|le|les) délais?|dans les \S+ (?:jours|semaines|mois)|sous \S+ (?:jours|semaines|mois)|date limite|jusqu'(?:au|à))\b|avant l')/u);
export const DEADLINE_KEPT = re(`${DEADLINE.source}|\\b(?:avant|délai|délais|limite|dernier jour|pas après|dans \\S+ (?:jours|semaines|mois))\\b`);
/** Order in time: « avant de prendre une décision » → « après avoir pris » reverses it. */
export const BEFORE = re(/\b(?:avant|préalablement|au préalable)\b/u);
export const AFTER = re(/\b(?:après|apres|ensuite|à partir d[eu']|dès|une fois)\b/u);

/**
 * « obligatoire » and « requis » are modals only where they are said of something (« est obligatoire »,
 * « la présence est requise »): « l’assurance obligatoire des soins » names an insurance, « les
 * connaissances requises » describe a job; they oblige no one.
 */
export const OBLIGATION = re(
  /\b(?:doit|doivent|devez|devons|dois|devra|devront|devrez|il faut|faut|obligatoirement|obligée?s?|obligation|tenue?s? de|exigée?s?|imposée?s?)\b|\b(?:est|sont|soit|sera|seront|être|reste|restent|devient|c'est|(?:ne|n')\s*(?:est|sont|sera|seront)\s+(?:plus|pas))\s+(?:\S+\s+)?(?:obligatoires?|requise?s?|requis)\b/u,
);
export const PERMISSION =
  re(/\b(?:peut|peuvent|pouvez|pouvons|peux|pourra|pourront|pourrez|possible de|autorisée?s?|permise?s?|(?:le|un) droit de|facultati(?:f|ve)s?|libre de)\b(?!-être)/u);
/** Advice: neither an obligation nor a mere permission (« Il est recommandé de demander… »). */
export const ADVICE = re(
  /\b(?:conseill(?:é|ée|és|ées|e|ons|ent)|recommand(?:é|ée|és|ées|e|ons|ent)|souhaitable|préférable|vivement|mieux vaut|il vaut mieux)\b/u,
);
/** « Gardez votre carte », « N’oubliez pas »: an imperative obliges as « vous devez » does. */
export const IMPERATIVE = re(/^(?:(?:alors|puis|ensuite|donc|aussi|mais)\s*,?\s+)?(?:n')?\p{L}+ez(?:-(?:le|la|les|lui|leur|nous|moi|en|y))?\b(?!\s*-?vous\s*\?)(?![^?]*\?$)/u);
