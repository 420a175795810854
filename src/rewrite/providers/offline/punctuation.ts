/**
 * Titles: « Article 3 – Durée du séjour » becomes « Article 3 : Durée du séjour », and the list or
 * heading number in front of a heading goes. (Dashes inside sentences are the fix of the rule
 * no-special-characters.)
 */

const SPACED_DASH = /[ \t\u00A0]+[–—-][ \t\u00A0]+/gu;

export function dashesToColon(text: string): string {
  return text.replace(SPACED_DASH, " : ");
}

/** List and heading numbers (« 4.1 », « 2) », « IV. ») in front of a heading: layout, not content. */
const NUMBERING = /^(?:\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)]|[IVXLC]{1,6}[.)]|[a-zA-Z][.)])[ \t\u00A0]+(?=\p{Lu})/u;

export function stripNumbering(text: string): string {
  return text.replace(NUMBERING, "");
}
