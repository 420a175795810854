/**
 * Plural and feminine forms for the word lists. Simple French morphology with the usual exceptions;
 * a word it gets wrong can always be listed with its forms spelled out (« =beau belle beaux belles »).
 */

const PLURAL_AL_S = new Set(["bal", "carnaval", "chacal", "festival", "récital", "régal", "cal", "val", "étal", "aval", "cérémonial"]);
const PLURAL_AIL_AUX = new Set(["bail", "corail", "émail", "soupirail", "travail", "vitrail", "vantail"]);
const PLURAL_OU_X = new Set(["bijou", "caillou", "chou", "genou", "hibou", "joujou", "pou"]);
const PLURAL_EU_S = new Set(["pneu", "bleu", "landau", "sarrau", "émeu"]);

export function plural(word: string): string {
  const dash = word.lastIndexOf("-");
  if (dash > 0) return word.slice(0, dash + 1) + plural(word.slice(dash + 1));
  if (/[sxz]$/.test(word)) return word;
  if (/(?:eau|au|eu)$/.test(word) && !PLURAL_EU_S.has(word)) return word + "x";
  if (word.endsWith("al") && !PLURAL_AL_S.has(word)) return word.slice(0, -2) + "aux";
  if (PLURAL_AIL_AUX.has(word)) return word.slice(0, -3) + "aux";
  if (PLURAL_OU_X.has(word)) return word + "x";
  return word + "s";
}

export function nounForms(noun: string): string[] {
  return unique([noun, plural(noun)]);
}

const ET_ETE = new Set(["complet", "incomplet", "concret", "discret", "indiscret", "inquiet", "secret", "replet"]);
const AL_ALS = new Set(["final", "banal", "fatal", "natal", "naval", "bancal"]);
const FEMININE: Record<string, string> = {
  public: "publique", blanc: "blanche", franc: "franche", sec: "sèche", grec: "grecque", long: "longue",
  doux: "douce", faux: "fausse", roux: "rousse", vieux: "vieille", bas: "basse", gras: "grasse", gros: "grosse",
  épais: "épaisse", las: "lasse", frais: "fraîche", gentil: "gentille", nul: "nulle", beau: "belle",
  nouveau: "nouvelle", fou: "folle", mou: "molle", favori: "favorite", bénin: "bénigne", malin: "maligne",
  jaloux: "jalouse", sot: "sotte", pâlot: "pâlotte", aigu: "aiguë", ambigu: "ambiguë", turc: "turque",
};

/** Masculine singular → the four forms (ms, fs, mp, fp), deduplicated. */
export function adjectiveForms(adjective: string): string[] {
  const feminine = feminineOf(adjective);
  const masculinePlural = AL_ALS.has(adjective) ? adjective + "s" : plural(adjective);
  return unique([adjective, feminine, masculinePlural, plural(feminine)]);
}

function feminineOf(a: string): string {
  const irregular = FEMININE[a];
  if (irregular) return irregular;
  if (a.endsWith("e")) return a;
  if (a.endsWith("eux")) return a.slice(0, -1) + "se";
  if (a.endsWith("if")) return a.slice(0, -1) + "ve";
  if (a.endsWith("er")) return a.slice(0, -2) + "ère";
  if (/(?:el|eil|ul)$/.test(a)) return a + "le";
  if (/(?:en|on)$/.test(a)) return a + "ne";
  if (a.endsWith("et")) return ET_ETE.has(a) ? a.slice(0, -2) + "ète" : a + "te";
  if (a.endsWith("eau")) return a.slice(0, -3) + "elle";
  return a + "e";
}

function unique(words: string[]): string[] {
  return [...new Set(words)];
}
