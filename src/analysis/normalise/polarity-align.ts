/**
 * Sentence alignment for polarity.ts: which rewrite sentence says what an original sentence, or one
 * of its clauses, said. Sentences are compared by their content words (crude five-letter stems, with
 * the plain synonyms a FALC writer uses for formal words), never by meaning.
 */
import { splitSentences } from "../sentences.js";
import { CONDITION } from "./polarity-markers.js";

const STOP = new Set(
  (
    "les des une aux avec pour par dans sur sous entre vers chez que qui quoi dont est sont sera seront été etre être avoir ont " +
    "avez vous nous votre vos notre nos leur leurs son ses sa cette ces cet elle elles ils lui eux mais donc car ainsi aussi " +
    "tout tous toute toutes plus pas jamais rien aucun aucune sans non doit doivent devez faut peut peuvent pouvez peux " +
    "sauf cas condition défaut avant tard délai fait faire même très bien alors comme"
  )
    .split(" ")
    .map((word) => word.normalize("NFD").replace(/\p{M}/gu, "")),
);

/**
 * The plain word a FALC writer puts for a formal one, by the start of the word (« conserver » →
 * « garder », « fournir » → « donner », « résilier » → « arrêter »): without it, a rewrite sentence
 * shares too few words with its original to be aligned. Only pairs that keep the meaning.
 */
const SYNONYMS: readonly (readonly [string, string])[] = [
  ["conserv", "garde"],
  ["conseil", "conse"],
  ["recommand", "conse"],
  ["fourni", "donne"],
  ["remettre", "donne"],
  ["resili", "arret"],
  ["poursui", "conti"],
  ["prescri", "ordon"],
  ["mere", "maman"],
  ["medecin", "medic"],
  ["paie", "payez"],
  ["payer", "payez"],
  ["sauvegard", "enreg"],
];

function stemOf(word: string): string {
  for (const [start, plain] of SYNONYMS) if (word.startsWith(start)) return plain;
  return word.slice(0, 5);
}

/** Short words that capitals make look like acronyms (« A LA FIN DU MOIS DE JUIN »). */
const SHOUTED = new Set(
  "le la les de du des un une et ou au aux en ne se sa son ses il ils on ce ces par sur pas que qui est vos nos ma mes ta tes y a".split(" "),
);

/**
 * Content words cut to their first five letters: a crude stem, enough for « dossier »/« dossiers »,
 * « enfant »/« enfants » to meet. Acronyms (« BCG », « DGF ») are content whatever their length:
 * they are often what a sentence is about.
 */
function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  // Not in a run of capitals (« A LA FIN DU MOIS »), where every short word would look like one.
  for (const m of text.matchAll(/(?<!\p{L}|\p{Lu}[\s'’]+)\p{Lu}{2,3}(?![\p{L}]|[\s'’]+\p{Lu}{2})/gu)) {
    const word = m[0].toLowerCase();
    if (!SHOUTED.has(word)) out.add(word);
  }
  const words = text
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .match(/[\p{L}]+|\d+(?:[.,]\d+)?/gu) ?? [];
  for (const word of words) {
    if (/^\d/.test(word)) out.add(word.replace(",", "."));
    else if (word.length >= 4 && !STOP.has(word)) out.add(stemOf(word));
  }
  return out;
}

export function clean(text: string): string {
  return text.toLowerCase().replace(/[’ʼ`]/g, "'").replace(/\s+/g, " ").trim();
}

export interface Sentence {
  text: string;
  lower: string;
  words: Set<string>;
}

function sentence(text: string): Sentence {
  const flat = text.replace(/\s+/g, " ").trim();
  return { text: flat, lower: clean(flat), words: contentWords(flat) };
}

export function sentencesOf(text: string): Sentence[] {
  return splitSentences(text).map((span) => sentence(span.text));
}

/**
 * The clauses of a long sentence: a leading condition (« En cas d’urgence, … », « Sans autorisation,
 * … »), what is in brackets, what « ; » or « : » separate, and what « et » or « mais » start with a new
 * subject or a negation (« … administrés et au-delà de 38,5° l’enfant ne sera pas admis »). A negation
 * reverses its own clause only, and a short clause aligns where its sentence, split by the FALC
 * writer, does not.
 */
const CLAUSE_BREAK =
  /\s*[;:()]\s*|,?\s+(?:et|mais|car|puisque|puisqu['’])\s+(?=(?:ne|n['’]|au|aux|à|le|la|les|l['’]|un|une|il|elle|ils|elles|on|ce|cette|ces|son|sa|ses|leur|leurs|vous|nous)\s)/giu;
/** A decimal comma (« 38,5° ») does not end the condition. */
const LEADING_CONDITION =
  /^(?:si|s['’]il|s['’]ils|en cas d(?:e|['’])|à défaut|faute d(?:e|['’])|sans|sauf|dans le cas où|lorsque|lorsqu['’]|quand)(?:[^,;:()]|,(?=\d)){3,120},\s*/iu;

export interface Clause extends Sentence {
  /** The marker of the leading condition of its sentence (« en cas d' »), which governs the clause. */
  conditioned?: string;
}

export function clausesOf(whole: Sentence): Clause[] {
  const lead = LEADING_CONDITION.exec(whole.text)?.[0];
  const heads = lead === undefined ? [] : [lead.replace(/,\s*$/, "")];
  const marker = lead === undefined ? "" : markerOf(CONDITION, clean(lead)) || clean(lead).split(" ")[0]!;
  const rest = lead === undefined ? whole.text : whole.text.slice(lead.length);
  const parts = rest.split(CLAUSE_BREAK).filter((part) => part.trim() !== "");
  if (heads.length + parts.length < 2) return [];
  return [
    ...heads.map(sentence),
    ...parts.map((part): Clause => (lead === undefined ? sentence(part) : { ...sentence(part), conditioned: marker })),
  ].filter((clause) => clause.words.size > 0);
}

/** The share of the `from` sentence's content words that the `to` sentence carries. */
export function overlap(from: Sentence, to: Sentence): { shared: number; ratio: number } {
  let shared = 0;
  for (const word of from.words) if (to.words.has(word)) shared++;
  return { shared, ratio: from.words.size === 0 ? 0 : shared / from.words.size };
}

export const MIN_SHARED = 2;
export const MIN_RATIO = 0.4;

/**
 * The index of the sentence of `candidates` that best carries `from`, or -1 when none carries enough of
 * it. Between candidates that carry as much, the one with the fewest other words: a clause rather than
 * the sentence around it.
 */
export function aligned(from: Sentence, candidates: readonly Sentence[]): number {
  let best = -1;
  let bestShared = 0;
  let bestFocus = 0;
  candidates.forEach((candidate, i) => {
    const { shared } = overlap(from, candidate);
    const focus = candidate.words.size === 0 ? 0 : shared / candidate.words.size;
    if (shared > bestShared || (shared === bestShared && focus > bestFocus)) {
      best = i;
      bestShared = shared;
      bestFocus = focus;
    }
  });
  return bestShared >= MIN_SHARED && bestShared / from.words.size >= MIN_RATIO ? best : -1;
}

export function found(pattern: RegExp, sentences: readonly Sentence[]): boolean {
  return sentences.some((s) => pattern.test(s.lower));
}

export function markerOf(pattern: RegExp, lower: string): string {
  return pattern.exec(lower)?.[0].trim() ?? "";
}
