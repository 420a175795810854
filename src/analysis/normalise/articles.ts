/**
 * « un jour », « une semaine »: the article before a unit of time is a count only where the sentence
 * counts. « pendant un jour », « dans un mois », « un préavis d’un mois », « un jour par semaine »
 * give a duration a rewrite must keep; « la modification d’un jour de permanence » or « un jour, vous
 * recevrez » name a day, and a rewrite « votre jour de permanence » loses nothing.
 *
 * A sentence that counts says so around the article: a preposition of time or a quantifier before
 * it, a noun of length before « de / d’ » (délai, préavis, durée…), a copula (« est d’un an »), or,
 * after the unit, a rate (« par semaine »), a qualifier (« ouvré », « et demi ») or a word that
 * measures (« avant », « plus tard », « de préavis »). Where none is there, the value is kept as a
 * hint: it excuses a rewrite that writes « 1 jour », it is not required from it.
 */

const SP = String.raw`[\s\u00A0\u202F]`;
const COUNTS_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:` +
    String.raw`pendant|durant|dans|sous|pour|en|à|après|apres|avant|depuis|d['’]ici|il${SP}+y${SP}+a|jusqu['’]à|jusqu['’]a|environ|seulement|que|qu['’]|soit` +
    String.raw`|(?:au${SP}+)?(?:moins|plus|maximum|minimum)(?:${SP}+d['’])?|au-delà${SP}+d['’]|au${SP}+delà${SP}+d['’]|au${SP}+bout${SP}+d['’]|à${SP}+raison${SP}+d['’]` +
    String.raw`|(?:délai|delai|préavis|preavis|durée|duree|période|periode|retard|absence|essai|stage|engagement|contrat|intervalle|espace|suspension|exclusion|prolongation|report|carence|congé|conge|séjour|sejour|location|abonnement|(?:prolong|report|décal|decal|avanc|repouss|limit|fix)(?:é|e)e?s?|est|sont|sera|seront|était|etait|serait|dure|durent|durera)${SP}+d['’]` +
    String.raw`)${SP}*$`,
  "iu",
);
const COUNTS_AFTER = new RegExp(
  String.raw`${SP}*(?:par${SP}+(?:jour|semaine|mois|an|année|trimestre|semestre)|sur${SP}+(?:\d|deux|trois|quatre|cinq|six|sept)|\/` +
    String.raw`|ouvr|franc|calendaire|et${SP}+demie?|avant|après|apres|plus${SP}+tard|à${SP}+l['’]avance|d['’]avance|au${SP}+(?:moins|plus|maximum|minimum)|maximum|minimum|supplémentaire|supplementaire|de${SP}+plus` +
    String.raw`|de${SP}+(?:préavis|preavis|délai|delai|retard|carence|réflexion|reflexion|attente|congé|conge|vacances|fermeture|absence|essai|stage)` +
    String.raw`|d['’](?:essai|absence|attente|avance)|$)`,
  "iuy",
);

/**
 * True when the article quantity at [start, unitEnd) counts: `start` is where « un / une » begins,
 * `unitEnd` where the unit of time ends. The end of a line or a clause after the unit (« le préavis
 * est fixé à un mois. ») counts too: a unit alone there is what the sentence measures.
 */
export function articleCounts(text: string, start: number, unitEnd: number): boolean {
  if (COUNTS_BEFORE.test(text.slice(Math.max(0, start - 40), start))) return true;
  COUNTS_AFTER.lastIndex = unitEnd;
  return COUNTS_AFTER.test(text) || /^[\s\u00A0\u202F]*[.;:!?]/u.test(text.slice(unitEnd, unitEnd + 3));
}
