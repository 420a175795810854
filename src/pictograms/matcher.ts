import type { Bank, BankEntry } from "./banks.js";
import { WEIGHT, type IndexedBank } from "./index.js";
import { keyOf } from "./normalise.js";
import { ideaOf, isKnownIdea, synonymsOf } from "./synonyms.js";

/**
 * Which picture a keyword gets. A keyword is compared to the pictures' names as a key (no accents,
 * plurals or articles), then through the project's synonyms, then by its first word alone
 * (« médecin traitant » → « médecin »). No picture is better than a wrong one: below THRESHOLD, none.
 * An establishment's own bank is preferred whenever it has a picture above the threshold.
 */

export const THRESHOLD = 0.8;
/** Found through a synonym, or by the keyword's first word only. */
const FACTOR = { synonym: 0.95, head: 0.97 } as const;
/** Each later keyword of a block counts a little less: the first says the block's idea best. */
const LATER_KEYWORD = 0.05;

export interface Candidate {
  bank: Bank;
  entry: BankEntry;
  /** The keyword as given. */
  keyword: string;
  /** The idea it stands for (see synonyms.ts): two blocks with the same idea may share a picture. */
  idea: string;
  score: number;
}

/** Every picture a keyword could get, best first (those of an establishment's bank first when they pass the threshold). */
export function candidatesFor(keyword: string, banks: readonly IndexedBank[]): Candidate[] {
  const key = keyOf(keyword);
  if (key === "") return [];
  const idea = ideaOf(key);
  const forms: { key: string; factor: number; head?: true }[] = [{ key, factor: 1 }, ...synonymsOf(key).map((other) => ({ key: other, factor: FACTOR.synonym }))];
  const head = key.split(" ")[0]!;
  // A name the synonym table knows is an idea of its own (« papiers d’identité » are no « papiers »).
  if (head !== key && !isKnownIdea(key)) {
    forms.push({ key: head, factor: FACTOR.head, head: true }, ...synonymsOf(head).map((other) => ({ key: other, factor: FACTOR.head * FACTOR.synonym, head: true as const })));
  }
  const best = new Map<BankEntry, Candidate>();
  for (const indexed of banks) {
    for (const form of forms) {
      for (const posting of indexed.postings.get(form.key) ?? []) {
        // The first word alone must name the picture: a loose keyword of it is too far.
        if (form.head && posting.weight < WEIGHT.name) continue;
        const score = round(posting.weight * form.factor);
        const known = best.get(posting.entry);
        if (!known || known.score < score) best.set(posting.entry, { bank: indexed.bank, entry: posting.entry, keyword, idea, score });
      }
    }
  }
  return [...best.values()].sort(compare);
}

function compare(a: Candidate, b: Candidate): number {
  const passA = a.score >= THRESHOLD ? 0 : 1;
  const passB = b.score >= THRESHOLD ? 0 : 1;
  return passA - passB || Number(a.bank.info.builtin) - Number(b.bank.info.builtin) || b.score - a.score || a.entry.rank - b.entry.rank;
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/**
 * A block's candidates over all its keywords: the first keyword's, unless a later one matches clearly
 * better. Within one keyword, the establishment's pictures come first (see candidatesFor).
 */
export function blockCandidates(keywords: readonly string[], banks: readonly IndexedBank[]): Candidate[] {
  const perKeyword = keywords.map((keyword, position) => {
    const passing = candidatesFor(keyword, banks).filter((candidate) => candidate.score >= THRESHOLD);
    return { passing, strength: Math.max(0, ...passing.map((candidate) => candidate.score)) - position * LATER_KEYWORD, position };
  });
  perKeyword.sort((a, b) => b.strength - a.strength || a.position - b.position);
  return perKeyword.flatMap((item) => item.passing);
}

export interface Shown {
  bank: Bank;
  entry: BankEntry;
  idea: string;
}

/**
 * The picture of each block, in reading order. A picture just shown for another idea is never
 * shown again at once: the block takes its next candidate, or none. A block that goes on with the
 * idea of the block just before gets no second copy of its picture: the picture marks where an idea starts.
 */
export function chooseInOrder(blocks: readonly (readonly string[])[], banks: readonly IndexedBank[], previous?: Shown): (Candidate | undefined)[] {
  let last = previous;
  // A section's heading stands between it and the last picture of the section before.
  let lastWasPrevious = false;
  return blocks.map((keywords) => {
    const candidates = blockCandidates(keywords, banks);
    const chosen = candidates.find((candidate) => !samePicture(candidate, last) || (candidate.idea === last!.idea && !lastWasPrevious));
    const continues = lastWasPrevious && candidates[0] !== undefined && samePicture(candidates[0], last) && candidates[0].idea === last!.idea;
    lastWasPrevious = false;
    if (chosen === undefined || continues) return undefined;
    last = { bank: chosen.bank, entry: chosen.entry, idea: chosen.idea };
    lastWasPrevious = true;
    return chosen;
  });
}

function samePicture(candidate: Candidate, last: Shown | undefined): boolean {
  return last !== undefined && last.bank === candidate.bank && last.entry === candidate.entry;
}
