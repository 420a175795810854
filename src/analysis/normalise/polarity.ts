/**
 * What numbers cannot show: a negation, an obligation, a condition or a deadline of the original that
 * the rewrite lost or reversed (« un e-mail ne suffit pas » → « un e-mail suffit »). Each sentence of
 * the original that carries one is aligned with the rewrite sentence sharing most of its content words;
 * when none shares enough, nothing is said (the number guard and the reviewers cover that).
 *
 * Precision comes first: a faithful FALC rewrite splits sentences, turns « doit » into an imperative,
 * « interdit » into « vous ne pouvez pas », so a marker counts as kept when its sentence or a neighbour
 * carries any marker of the same kind, and a modal that simply disappears is never reported.
 */
import { splitSentences } from "../sentences.js";

export type MeaningKind = "negation" | "condition" | "deadline" | "obligation";

export interface MeaningPoint {
  kind: MeaningKind;
  /** The marker of the original that was lost or reversed, as written (« ne … pas », « sauf si »). */
  marker: string;
  /** The original sentence. */
  original: string;
  /** The rewrite sentence it was aligned with. */
  rewrite: string;
}

export const MEANING_LABEL: Record<MeaningKind, string> = {
  negation: "négation inversée",
  condition: "condition perdue",
  deadline: "délai perdu",
  obligation: "obligation changée",
};

/** `\b` of JavaScript knows only ASCII letters: « refusé », « délai » need a Unicode one. */
const B = "(?:(?<![\\p{L}\\d])(?=[\\p{L}\\d])|(?<=[\\p{L}\\d])(?![\\p{L}\\d]))";
function re(pattern: RegExp | string): RegExp {
  const source = typeof pattern === "string" ? pattern : pattern.source;
  return new RegExp(source.replaceAll("\\b", B), "u");
}

// Texts are lower-cased and their apostrophes made straight before any of these runs.
const NEGATION = re(/\b(?:ne\s+|n')(?:[^\s.;:!?]+\s+){0,4}?(pas|plus|jamais|rien|aucune?|personne|nullement|point)\b/u);
const NEGATIVE_WORD =
  re(/\b(?:sans|jamais|aucune?|rien|interdite?s?|interdiction|refus[ée]?e?s?|refuser|impossibles?|exclue?s?|dispensée?s?|arrêtez|arrêter|arrête|arrêt|finie?|non|ni|pas|nulle?)\b/u);
const CONDITION =
  re(/\b(?:(?:seulement si|uniquement si|sauf si|sauf|si|s'ils?|à défaut|sous réserve|dans le cas où|en cas de)\b|à condition (?:que|qu'|de|d')|en cas d'|à moins (?:que|qu'))/u);
/** What a rewrite may say instead: « quand », « seulement », « sinon » and a question (« Vous êtes malade ? ») also set a condition. */
const CONDITION_KEPT = re(`${CONDITION.source}|\\b(?:(?:quand|lorsque|seulement|uniquement|sinon)\\b|lorsqu')|\\?`);
const DEADLINE =
  re(/\b(?:(?:au plus tard|avant (?:le|la|les|\d+)|dans (?:un|le|les) délais?|dans les \S+ (?:jours|semaines|mois)|sous \S+ (?:jours|semaines|mois)|date limite|jusqu'(?:au|à))\b|avant l')/u);
const DEADLINE_KEPT = re(`${DEADLINE.source}|\\b(?:avant|délai|délais|limite|dernier jour|pas après|dans \\S+ (?:jours|semaines|mois))\\b`);
const OBLIGATION =
  re(/\b(?:doit|doivent|devez|devons|dois|devra|devront|devrez|il faut|faut|obligatoires?|obligatoirement|obligée?s?|obligation|tenue?s? de|exigée?s?|imposée?s?)\b/u);
const PERMISSION =
  re(/\b(?:peut|peuvent|pouvez|pouvons|peux|pourra|pourront|pourrez|possible de|autorisée?s?|permise?s?|(?:le|un) droit de|facultati(?:f|ve)s?|libre de)\b(?!-être)/u);

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

/** Content words cut to their first five letters: a crude stem, enough for « dossier »/« dossiers », « enfant »/« enfants » to meet. */
function contentWords(sentence: string): Set<string> {
  const words = sentence
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .match(/[\p{L}]+|\d+(?:[.,]\d+)?/gu) ?? [];
  const out = new Set<string>();
  for (const word of words) {
    if (/^\d/.test(word)) out.add(word.replace(",", "."));
    else if (word.length >= 4 && !STOP.has(word)) out.add(word.slice(0, 5));
  }
  return out;
}

function clean(text: string): string {
  return text.toLowerCase().replace(/[’ʼ`]/g, "'").replace(/\s+/g, " ").trim();
}

interface Sentence {
  text: string;
  lower: string;
  words: Set<string>;
}

function sentencesOf(text: string): Sentence[] {
  return splitSentences(text).map((span) => {
    const lower = clean(span.text);
    return { text: span.text.replace(/\s+/g, " ").trim(), lower, words: contentWords(lower) };
  });
}

/** The share of the original sentence's content words that the rewrite sentence carries. */
function overlap(original: Sentence, rewrite: Sentence): { shared: number; ratio: number } {
  let shared = 0;
  for (const word of original.words) if (rewrite.words.has(word)) shared++;
  return { shared, ratio: original.words.size === 0 ? 0 : shared / original.words.size };
}

const MIN_SHARED = 2;
const MIN_RATIO = 0.4;

function aligned(original: Sentence, rewrite: readonly Sentence[]): number {
  let best = -1;
  let bestShared = 0;
  let bestRatio = 0;
  rewrite.forEach((candidate, i) => {
    const { shared, ratio } = overlap(original, candidate);
    if (shared > bestShared || (shared === bestShared && ratio > bestRatio)) {
      best = i;
      bestShared = shared;
      bestRatio = ratio;
    }
  });
  return bestShared >= MIN_SHARED && bestRatio >= MIN_RATIO ? best : -1;
}

function found(pattern: RegExp, sentences: readonly Sentence[]): boolean {
  return sentences.some((s) => pattern.test(s.lower));
}

function markerOf(pattern: RegExp, lower: string): string {
  const m = pattern.exec(lower);
  if (m === null) return "";
  return pattern === NEGATION ? `ne … ${m[1]}` : m[0].trim();
}

function negated(lower: string): boolean {
  return NEGATION.test(lower) || NEGATIVE_WORD.test(lower);
}

/**
 * Negations, conditions, deadlines and obligations of `original` that `rewrite` lost or reversed, in the
 * order of the original. Pure.
 */
export function checkMeaning(original: string, rewrite: string): MeaningPoint[] {
  const before = sentencesOf(original);
  const after = sentencesOf(rewrite);
  const points: MeaningPoint[] = [];
  for (const sentence of before) {
    const index = aligned(sentence, after);
    if (index < 0) continue;
    const target = after[index]!;
    // A FALC writer splits a sentence, turns a parenthesis into a « Précision » further down, a list
    // into items: what the original said may sit next to the aligned sentence or in any sentence sharing its words.
    const shared = after.map((s) => overlap(sentence, s).shared);
    const near = after.filter((_, i) => Math.abs(i - index) <= 1 || shared[i]! >= 1);
    // Negation reverses meaning within its own clause: only sentences that speak of the same thing count.
    const same = after.filter((_, i) => i === index || (Math.abs(i - index) <= 1 && shared[i]! >= 1) || shared[i]! >= MIN_SHARED);
    const point = (kind: MeaningKind, marker: string) => points.push({ kind, marker, original: sentence.text, rewrite: target.text });
    const lower = sentence.lower;
    const originalNegated = NEGATION.test(lower);
    if (originalNegated && !same.some((s) => negated(s.lower))) point("negation", markerOf(NEGATION, lower));
    if (CONDITION.test(lower) && !found(CONDITION_KEPT, near)) point("condition", markerOf(CONDITION, lower));
    if (DEADLINE.test(lower) && !found(DEADLINE_KEPT, near)) point("deadline", markerOf(DEADLINE, lower));
    // A modal under a negation (« ne doit pas », « ne peut pas ») forbids either way: only plain ones are compared.
    if (!negated(lower) && !same.some((s) => negated(s.lower))) {
      const must = OBLIGATION.test(lower);
      const may = PERMISSION.test(lower);
      const keptMust = found(OBLIGATION, same);
      const keptMay = found(PERMISSION, same);
      if (must && !may && keptMay && !keptMust) point("obligation", markerOf(OBLIGATION, lower));
      else if (may && !must && keptMust && !keptMay) point("obligation", markerOf(PERMISSION, lower));
    }
  }
  return points;
}
