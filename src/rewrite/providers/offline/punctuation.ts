/**
 * Dashes used as punctuation (« EHPAD Les Tilleuls – 14, rue des Acacias ») become commas, as the
 * rule `no-special-characters` asks; in a title, « Article 3 – Durée du séjour » becomes
 * « Article 3 : Durée du séjour ». Hyphens inside words (« rendez-vous ») and dashes between two
 * figures (a range: « de 10 h - 12 h ») are not touched.
 */

const SPACED_DASH = /[ \t\u00A0]+[–—-][ \t\u00A0]+/gu;

/** « de 10 h - 12 h », « 2025 - 2026 »: between two figures a dash is a range, not a pause. */
const FIGURE_BEFORE = /\d(?:[ \t\u00A0]*h(?:[ \t\u00A0]*\d{2})?)?$/u;

export function dashesToCommas(text: string): string {
  return text.replace(SPACED_DASH, (dash: string, offset: number) =>
    FIGURE_BEFORE.test(text.slice(Math.max(0, offset - 12), offset)) && /^\d/u.test(text.slice(offset + dash.length)) ? dash : ", ",
  );
}

export function dashesToColon(text: string): string {
  return text.replace(SPACED_DASH, " : ");
}

/** List and heading numbers (« 4.1 », « 2) », « IV. ») in front of a heading: layout, not content. */
const NUMBERING = /^(?:\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)]|[IVXLC]{1,6}[.)]|[a-zA-Z][.)])[ \t\u00A0]+(?=\p{Lu})/u;

export function stripNumbering(text: string): string {
  return text.replace(NUMBERING, "");
}
