/**
 * Step 7: « etc. » and « … » removed, as the rule `no-etc` asks. « etc. » said the list was not
 * complete; so that this is not lost, the caller adds « Ce sont des exemples. » after the sentence,
 * or introduces a bracketed list with « Par exemple : ». Rows of dots in a form (« Nom : ....... »)
 * are not an ellipsis and stay.
 */

const ETC = /[ \t\u00A0]*,?[ \t\u00A0]*(?:(?<!\p{L})etc(?!\p{L})\.?|(?<![.…])(?:\.\.\.|…)(?![.…]))(?:[ \t\u00A0]*,(?=[ \t\u00A0]))?/giu;

export const EXAMPLES_SENTENCE = "Ce sont des exemples.";

/**
 * The text without « etc. » and « … »; `removed` says whether an « etc. » was there, the mark of an
 * incomplete list. An ellipsis is more often a voice trailing off (« selon la chambre… ») and is
 * just removed.
 */
export function removeEtc(text: string): { text: string; removed: boolean } {
  ETC.lastIndex = 0;
  if (!ETC.test(text)) return { text, removed: false };
  let removed = false;
  ETC.lastIndex = 0;
  const out = text
    .replace(ETC, (found: string) => {
      if (/etc/iu.test(found)) removed = true;
      return "";
    })
    .replace(/[ \t\u00A0]{2,}/g, " ");
  return { text: out, removed };
}
