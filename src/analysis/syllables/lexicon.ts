/**
 * Linguistic data for the syllable counter, written for this project. Kept small: the rules in word.ts
 * do the work; these lists hold what spelling alone cannot decide.
 */

/**
 * Words in -ent whose -ent is pronounced although the rules in ent.ts would read them as verbs
 * (singular forms; a plural in -ents is never a verb). Nouns, adjectives and adverbs; -ement, -ément,
 * -emment, -amment, -érent, -équent and -escent are decided by rule and need no entry.
 */
const PRONOUNCED_ENT_WORDS = [
  // -ment whose stem ends in a vowel or r: most such words are verbs (aiment, expriment, dorment)
  "moment", "comment", "document", "instrument", "monument", "argument", "émolument", "sentiment",
  "bâtiment", "aliment", "compliment", "condiment", "rudiment", "piment", "régiment", "détriment",
  "sédiment", "assortiment", "médicament", "testament", "tempérament", "firmament", "ligament",
  "filament", "serment",
  // -vent
  "souvent", "vent", "couvent", "paravent", "auvent", "avent", "contrevent", "évent",
  // -ient after obstruent + liquid (the only place where the reading changes the count)
  "client",
  // -uent after obstruent + liquid
  "affluent", "influent", "confluent", "congruent",
  // -rent
  "parent", "apparent", "transparent", "torrent", "concurrent", "récurrent", "laurent", "florent",
  // -gent
  "argent", "agent", "urgent", "sergent", "régent", "intelligent", "inintelligent", "diligent",
  "négligent", "indigent", "contingent", "tangent", "entregent", "détergent", "émergent", "divergent",
  "convergent", "astringent",
  // -dent
  "dent", "accident", "incident", "occident", "évident", "président", "résident", "confident",
  "dissident", "trident", "strident", "ardent", "prudent", "imprudent", "impudent", "précédent",
  "antécédent", "excédent",
  // -lent
  "lent", "talent", "excellent", "équivalent", "violent", "insolent", "somnolent", "indolent",
  "succulent", "opulent", "corpulent", "turbulent", "fraudulent", "purulent", "virulent", "truculent",
  "relent", "ambivalent", "polyvalent", "bivalent",
  // -nent
  "continent", "incontinent", "permanent", "éminent", "imminent", "pertinent", "impertinent",
  "abstinent", "immanent", "rémanent", "proéminent", "prééminent",
  // -pent
  "serpent", "arpent", "repent",
  // -tent
  "content", "mécontent", "latent", "patent", "compétent", "incompétent", "impotent", "omnipotent",
  "intermittent", "pénitent",
  // -sent: adjectives and the 3rd person singular of -sentir verbs
  "présent", "absent", "omniprésent", "sent", "ressent", "consent",
  // -cent
  "cent", "accent", "récent", "décent", "indécent", "innocent", "réticent", "munificent", "adjacent",
  "vincent",
  // -quent, -guent
  "éloquent", "grandiloquent", "onguent",
];

export const PRONOUNCED_ENT = new Set(PRONOUNCED_ENT_WORDS);

/**
 * Genuinely irregular words: their spelling contradicts the general rules (« août » is one syllable,
 * « abbaye » three). Lowercase; the value is the syllable count.
 */
export const IRREGULAR_WORDS: ReadonlyMap<string, number> = new Map([
  ["août", 1], ["aout", 1], ["aoûts", 1], ["saoul", 1], ["saoule", 1], ["saouls", 1],
  ["paon", 1], ["paons", 1], ["faon", 1], ["faons", 1], ["taon", 1], ["taons", 1], ["caen", 1],
  ["abbaye", 3], ["abbayes", 3],
  ["moelle", 1], ["moelles", 1], ["moelleux", 2], ["moelleuse", 2],
  ["ok", 2], ["coach", 1], ["coachs", 1], ["coaching", 2], ["toast", 1], ["toasts", 1],
  ["business", 2], ["shampooing", 2],
  // Abbreviations read as their full word
  ["mme", 2], ["mmes", 2], ["mlle", 3], ["mlles", 3], ["etc", 4], ["cf", 2], ["cetera", 3],
  // Units written alone (« 10 km »): kilomètres, kilos, centimètres…
  ["km", 3], ["kg", 2], ["cm", 3], ["mm", 3], ["mg", 3], ["ml", 3], ["cl", 3], ["kw", 3], ["kwh", 5],
]);

/** Acronyms whose reading contradicts the heuristic of acronyms.ts, with their syllable count. */
export const IRREGULAR_ACRONYMS: ReadonlyMap<string, number> = new Map([
  // Look like words but are spelled
  ["CAP", 3], ["HAS", 3], ["IME", 3], ["ASE", 3], ["AME", 3], ["USA", 3], ["PAI", 3], ["DUT", 3],
  ["BEP", 3],
  // Read as words although the letters look unpronounceable
  ["SSIAD", 2], ["CAMSP", 1],
]);

/** Short words written in capitals that the acronym heuristic would otherwise spell. */
export const CAPITALISED_WORDS = new Set([
  "LE", "LA", "DE", "DU", "UN", "ET", "EN", "AU", "IL", "ON", "NE", "SE", "CE", "SA", "SI", "OU", "OÙ",
  "JE", "TU", "MA", "TA", "ME", "TE", "NI", "ÇA", "EU", "NU", "VU", "LU", "DÛ", "SU", "BU", "PU", "MON",
  "EST", "ILS", "ANS", "ART", "ARC", "OUI", "EAU", "QUE",
]);

/**
 * Previous words after which an ambiguous -ent word is a verb (« ils président », « qui résident »,
 * « les aiment »: a singular -ent noun cannot follow « les »).
 */
export const VERB_CUES = new Set([
  "ils", "elles", "qui", "ne", "n", "se", "s", "me", "m", "te", "t", "les", "nous", "vous", "y", "lui",
]);

/** Previous words after which an -ent word is a noun or an adjective (« le président », « très content »). */
export const NOUN_CUES = new Set([
  "le", "la", "un", "une", "du", "au", "ce", "cet", "son", "sa", "mon", "ma", "ton", "ta", "notre",
  "votre", "l", "d", "de", "chaque", "quel", "quelle", "aucun", "aucune", "très", "tout", "toute",
]);
