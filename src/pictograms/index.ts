import type { Bank, BankEntry } from "./banks.js";
import { keyOf } from "./normalise.js";

/**
 * A bank's pictures by comparison key (normalise.ts): « Salle de bains », « salle-de-bain » and
 * « salles de bain » find the same entries. A name weighs more than a loose keyword.
 */

/**
 * What a match on a name or on a loose keyword is worth. Unicode's keywords name what an emoji may be
 * used for, in chat (« réponse », « nature », « tranche »…): below the threshold on their own, they
 * only tell `falc pictograms` what was near.
 */
export const WEIGHT = { name: 1, tag: 0.7 } as const;

export interface Posting {
  entry: BankEntry;
  weight: number;
}

export interface IndexedBank {
  bank: Bank;
  postings: Map<string, Posting[]>;
}

const indexes = new WeakMap<Bank, IndexedBank>();

export function indexBank(bank: Bank): IndexedBank {
  const known = indexes.get(bank);
  if (known) return known;
  const postings = new Map<string, Posting[]>();
  const add = (text: string, entry: BankEntry, weight: number) => {
    const key = keyOf(text);
    if (key === "") return;
    const list = postings.get(key) ?? [];
    const same = list.find((posting) => posting.entry === entry);
    if (same) same.weight = Math.max(same.weight, weight);
    else list.push({ entry, weight });
    postings.set(key, list);
  };
  for (const entry of bank.entries) {
    for (const name of entry.names) add(name, entry, WEIGHT.name);
    for (const tag of entry.tags) add(tag, entry, WEIGHT.tag);
  }
  for (const list of postings.values()) list.sort((a, b) => b.weight - a.weight || a.entry.rank - b.entry.rank);
  const indexed = { bank, postings };
  indexes.set(bank, indexed);
  return indexed;
}
