/**
 * How a keyword and a picture's name are compared: without accents, capitals, articles or plurals,
 * so that « Médecins traitants », « médecin-traitant » and « medecin_traitant » are one key. Both
 * sides go through the same steps, so a word shortened too much (« repas » → « repa ») still meets
 * itself.
 */

/** Little words that never tell what a picture shows. */
const LINKS = new Set([
  "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "un", "une", "ou", "pour", "par", "avec", "sur", "sans", "dans", "s", "son", "sa", "ses", "votre", "vos",
]);

/** Plurals and feminines whose rule below would go wrong. */
const IRREGULAR: Record<string, string> = {
  yeux: "oeil",
  travaux: "travail",
  baux: "bail",
  soupiraux: "soupirail",
  vitraux: "vitrail",
  emaux: "email",
  coraux: "corail",
  cieux: "ciel",
  aieux: "aieul",
};

/** Lower case, no accents or ligatures, apostrophes and punctuation as spaces. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** A word's singular, masculine stem: « infirmières » → « infirmier », « journaux » → « journal ». */
export function lemma(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular !== undefined) return irregular;
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith("eaux")) w = w.slice(0, -1);
  else if (w.endsWith("aux")) w = `${w.slice(0, -3)}al`;
  else if (/[^s]s$/.test(w) || (w.endsWith("x") && /[eo]ux$/.test(w))) w = w.slice(0, -1);
  // Job names and the like: the feminine meets the masculine.
  if (w.length > 5) {
    if (w.endsWith("iere")) w = `${w.slice(0, -4)}ier`;
    else if (w.endsWith("trice")) w = `${w.slice(0, -5)}teur`;
    else if (w.endsWith("euse")) w = `${w.slice(0, -4)}eur`;
    else if (w.endsWith("ienne")) w = `${w.slice(0, -5)}ien`;
  }
  return w;
}

/** The words of a name, folded, lemmatised, little words left out: « Salle de bains » → ["salle", "bain"]. */
export function words(text: string): string[] {
  return fold(text)
    .split(" ")
    .filter((word) => word !== "" && !LINKS.has(word))
    .map(lemma);
}

/** The comparison key of a name: its words joined by a space ("" when only little words). */
export function keyOf(text: string): string {
  return words(text).join(" ");
}
