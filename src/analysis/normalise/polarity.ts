/**
 * What numbers cannot show: a negation, an obligation, a condition or a deadline of the original that
 * the rewrite lost or reversed (« un e-mail ne suffit pas » → « un e-mail suffit », « doit » →
 * « peut », « il est recommandé » → « vous devez », « avant de décider » → « après avoir décidé »), and
 * a negation the rewrite added. Each sentence of the original that carries one is aligned with the
 * rewrite sentence sharing most of its content words, or, when the FALC writer cut it, each of its
 * clauses (polarity-align.ts); when none shares enough, nothing is said (the number guard and the
 * reviewers cover that).
 *
 * Precision comes first: a faithful FALC rewrite splits sentences, turns « doit » into an imperative,
 * « interdit » into « vous ne pouvez pas », « sans autorisation … ne … pas » into « seulement avec
 * votre autorisation », so a marker counts as kept when its sentence or a neighbour carries any marker
 * of the same kind, and a modal that simply disappears is never reported.
 */
import { aligned, clausesOf, found, markerOf, MIN_SHARED, overlap, sentencesOf, type Clause, type Sentence } from "./polarity-align.js";
import {
  ADVICE,
  AFTER,
  BEFORE,
  CONDITION,
  CONDITION_KEPT,
  DEADLINE,
  DEADLINE_KEPT,
  DOUBLE_NEGATIVE,
  IMPERATIVE,
  NEGATIVE_LICENCE,
  OBLIGATION,
  PERMISSION,
  RESTRICTION,
  negated,
  negationMarker,
} from "./polarity-markers.js";

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

/** « C’est obligatoire. », « Ce n’est pas possible. »: a sentence that only comments the one before it. */
const COMMENT = /^(?:c'est|c'était|ce n'est|ce sera|cela|ça)\b/u;

/** `sentences` (a subset of `all`), with the comment sentences that follow any of them. */
function withComments(sentences: readonly Sentence[], all: readonly Sentence[]): Sentence[] {
  return all.filter((s, i) => sentences.includes(s) || (i > 0 && COMMENT.test(s.lower) && sentences.includes(all[i - 1]!)));
}

/**
 * « Il ne peut pas se faire remplacer par une personne extérieure » → « Le remplaçant doit connaître
 * la crèche »: a prohibition restated as an obligation or a restriction. Not when the original negated
 * the obligation itself (« ne doit jamais rester seul » → « doit rester seul » is reversed).
 */
function restated(unit: Sentence, target: Sentence): boolean {
  return !OBLIGATION.test(unit.lower) && (OBLIGATION.test(target.lower) || RESTRICTION.test(target.lower));
}

/** Two negations make a restriction (see DOUBLE_NEGATIVE), the « sans » may lead the sentence: « seulement avec » keeps it. */
function restricted(unit: Clause, same: readonly Sentence[]): boolean {
  const without = DOUBLE_NEGATIVE.test(unit.lower) || (unit.conditioned !== undefined && DOUBLE_NEGATIVE.test(unit.conditioned));
  return without && found(RESTRICTION, same);
}

/**
 * Negations, conditions, deadlines and obligations of `original` that `rewrite` lost or reversed, and
 * negations the rewrite added, in the order of the original. Pure.
 */
export function checkMeaning(original: string, rewrite: string): MeaningPoint[] {
  const before = sentencesOf(original);
  const after = sentencesOf(rewrite);
  const points: { at: number; point: MeaningPoint }[] = [];
  before.forEach((whole, at) => {
    const add = (kind: MeaningKind, marker: string, target: Sentence) => {
      if (!points.some((p) => p.at === at && p.point.kind === kind)) points.push({ at, point: { kind, marker, original: whole.text, rewrite: target.text } });
    };
    const clauses = clausesOf(whole);
    const index = aligned(whole, after);
    // A long sentence the FALC writer cut in several: each of its clauses may still align.
    const alignedClauses = clauses.map((clause) => ({ clause, i: aligned(clause, after) })).filter(({ i }) => i >= 0);
    if (index >= 0) checkMarkers(whole, index, after, add);
    else for (const { clause, i } of alignedClauses) checkMarkers(clause, i, after, add);
    // A modal binds its own clause: « vous devez conserver la carte et la présenter » is checked where
    // « conserver » went, not where « présenter » did.
    const modal = alignedClauses.filter(({ clause }) => MODAL.some((marker) => marker.test(clause.lower)));
    if (modal.length > 0) for (const { clause, i } of modal) checkModal(clause, i, after, add, clauses);
    else if (index >= 0) checkModal(whole, index, after, add, []);
    // A negation in one clause of a long sentence: the clause aligned alone, and only the rewrite
    // sentences speaking of the same thing (sharing two of its words) may keep it.
    if (points.some((p) => p.at === at && p.point.kind === "negation")) return;
    for (const clause of clauses) {
      const marker = negationMarker(clause.lower);
      if (marker === null) continue;
      const i = aligned(clause, after);
      if (i < 0) continue;
      const same = after.filter((s, j) => j === i || overlap(clause, s).shared >= MIN_SHARED);
      if (!restated(clause, after[i]!) && !restricted(clause, same) && !same.some((s) => negated(s.lower))) {
        add("negation", marker, after[i]!);
        return;
      }
    }
  });
  points.push(...addedNegations(before, after));
  return points.sort((a, b) => a.at - b.at).map((p) => p.point);
}

type Add = (kind: MeaningKind, marker: string, target: Sentence) => void;

const MODAL = [OBLIGATION, PERMISSION, ADVICE];

/**
 * The rewrite sentences that may carry what `unit` said, aligned with `after[index]`: `near` for a
 * condition or a deadline, `same` (speaking of the same thing) for a negation or a modal.
 */
function around(unit: Sentence, index: number, after: readonly Sentence[]): { near: Sentence[]; same: Sentence[] } {
  // A FALC writer splits a sentence, turns a parenthesis into a « Précision » further down, a list
  // into items: what the original said may sit next to the aligned sentence or in any sentence sharing its words.
  const shared = after.map((s) => overlap(unit, s).shared);
  const near = after.filter((_, i) => Math.abs(i - index) <= 1 || shared[i]! >= 1);
  // Negation reverses meaning within its own clause: only sentences that speak of the same thing count.
  const same = after.filter((_, i) => i === index || (Math.abs(i - index) <= 1 && shared[i]! >= 1) || shared[i]! >= MIN_SHARED);
  return { near, same };
}

function checkMarkers(whole: Clause, index: number, after: readonly Sentence[], add: Add): void {
  const target = after[index]!;
  const point = (kind: MeaningKind, marker: string) => add(kind, marker, target);
  const { near, same } = around(whole, index, after);
  const lower = whole.lower;
  // « En cas d’urgence, l’éducatrice appelle les secours »: where the main clause went, the condition must be said.
  if (whole.conditioned !== undefined && !found(CONDITION_KEPT, near)) point("condition", whole.conditioned);
  const negation = negationMarker(lower);
  if (negation !== null && !restated(whole, target) && !restricted(whole, same) && !same.some((s) => negated(s.lower))) point("negation", negation);
  if (CONDITION.test(lower) && !found(CONDITION_KEPT, near)) point("condition", markerOf(CONDITION, lower));
  if (DEADLINE.test(lower) && !found(DEADLINE_KEPT, near)) point("deadline", markerOf(DEADLINE, lower));
  else if (reversedOrder(whole, target, same)) point("deadline", markerOf(BEFORE, lower) || markerOf(AFTER, lower));
}

/** `others`: the other clauses of the sentence `whole` is a clause of, which may own a sentence next to it. */
function checkModal(whole: Sentence, index: number, after: readonly Sentence[], add: Add, others: readonly Sentence[]): void {
  const target = after[index]!;
  const point = (kind: MeaningKind, marker: string) => add(kind, marker, target);
  const lower = whole.lower;
  // A modal under a negation (« ne doit pas », « ne peut pas ») forbids either way: only plain ones are compared.
  if (negated(lower)) return;
  const modal = withComments(around(whole, index, after).same, after);
  const plain = modal.filter((s) => !negated(s.lower));
  const must = OBLIGATION.test(lower);
  const may = PERMISSION.test(lower);
  const advice = ADVICE.test(lower);
  // An imperative next to the aligned sentence keeps an obligation (« Gardez votre carte »); further
  // away, or closer to another clause of the sentence, it gives another order (« Allez chez l’opticien
  // avec votre carte », « Montrez-la » for « et la présenter »). It does not make an obligation out of
  // advice: « Demandez-le 2 mois avant. C’est conseillé. »
  const mine = (s: Sentence) => !others.some((other) => other !== whole && overlap(other, s).shared > overlap(whole, s).shared);
  const close = modal.filter((s) => s === after[index] || (Math.abs(after.indexOf(s) - index) <= 1 && mine(s)));
  const keptMust = found(OBLIGATION, modal) || close.some((s) => IMPERATIVE.test(s.lower));
  const statedMust = found(OBLIGATION, plain);
  // The permission that replaced an obligation is said of the same thing: not a « pourra » two sentences down.
  const keptMay = found(PERMISSION, plain.filter((s) => s === target || overlap(whole, s).shared >= MIN_SHARED));
  const keptAdvice = found(ADVICE, modal);
  if (must && !may && !advice && (keptMay || keptAdvice) && !keptMust) point("obligation", markerOf(OBLIGATION, lower));
  else if (may && !must && !advice && statedMust && !found(PERMISSION, modal)) point("obligation", markerOf(PERMISSION, lower));
  else if (advice && !must && statedMust && !keptAdvice) point("obligation", markerOf(ADVICE, lower));
}

/** « avant de prendre une décision » → « après avoir pris une décision »: the order in time reversed. */
function reversedOrder(whole: Sentence, target: Sentence, same: readonly Sentence[]): boolean {
  if (negated(whole.lower) || negated(target.lower)) return false;
  const wasBefore = BEFORE.test(whole.lower);
  const wasAfter = AFTER.test(whole.lower);
  if (wasBefore === wasAfter) return false;
  return wasBefore ? AFTER.test(target.lower) && !found(BEFORE, same) : BEFORE.test(target.lower) && !found(AFTER, same);
}

/**
 * A negation the rewrite brings where the original says the opposite (« les 2 premières semaines sont
 * dues » → « Vous ne payez pas les 2 premières semaines »). The rewrite sentence is aligned with the
 * original sentence or clause that best carries it, and must be made mostly of its words: « Le repas
 * est fourni par la crèche » → « Vous n’apportez pas le repas » says the same from the other side.
 * A FALC writer may say « ne … pas » for an exception, a limit or a moment (« sauf », « seuls »,
 * « avant »), for a condition (« Sans ordonnance, l’équipe ne donne pas… », « Il manque une pièce ? »)
 * or for any negative word of the original: then nothing is said.
 */
const ADDED_MIN_SHARED = 3;
const ADDED_MIN_RATIO = 0.6;
function addedNegations(before: readonly Sentence[], after: readonly Sentence[]): { at: number; point: MeaningPoint }[] {
  const units = before.flatMap((whole, at) => [whole, ...clausesOf(whole)].map((unit) => ({ unit, at })));
  const out: { at: number; point: MeaningPoint }[] = [];
  for (const target of after) {
    const marker = negationMarker(target.lower);
    if (marker === null || DOUBLE_NEGATIVE.test(target.lower) || NEGATIVE_LICENCE.test(target.lower) || CONDITION_KEPT.test(target.lower)) continue;
    const best = aligned(target, units.map((u) => u.unit));
    if (best < 0) continue;
    const { unit, at } = units[best]!;
    const { shared, ratio } = overlap(target, unit);
    if (shared < ADDED_MIN_SHARED || ratio < ADDED_MIN_RATIO) continue;
    // The clause itself may license the negation; around it, only a negation of the same thing does
    // (in its own sentence, a « ne … pas », not a « sans » of another clause).
    const licensed =
      negated(unit.lower) || NEGATIVE_LICENCE.test(unit.lower) || CONDITION.test(unit.lower) || RESTRICTION.test(unit.lower) ||
      negationMarker(before[at]!.lower) !== null ||
      before.some((s, i) => i !== at && overlap(target, s).shared >= MIN_SHARED && negated(s.lower));
    if (!licensed) out.push({ at, point: { kind: "negation", marker, original: before[at]!.text, rewrite: target.text } });
  }
  return out;
}
