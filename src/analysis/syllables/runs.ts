/**
 * Syllable nuclei of one run of vowel letters, in a rewritten lowercase word (see word.ts): how many
 * syllables « eau », « oui », « éa », « ie » make, given the consonants around the run.
 */
import {
  consonantSounds,
  endsWithLiquidCluster,
  isOnsetCluster,
  isSingleConsonant,
  isVowelAt,
} from "./letters.js";

/** Where a vowel run sits in its word. */
export interface RunContext {
  /** The rewritten word. */
  word: string;
  /** The run is word[start, end). */
  start: number;
  end: number;
  /** Consonant letters between the previous run and this one. */
  onset: string;
  /** Consonant letters between this run and the next (or the end of the word). */
  coda: string;
  /** No vowel follows the coda. */
  last: boolean;
  /** A vowel run comes before this one. */
  afterVowel: boolean;
}

export function runNuclei(ctx: RunContext): number {
  let run = ctx.word.slice(ctx.start, ctx.end);
  // « feuille », « travail », « accueil », « juillet »: i before ll (or a final l) is the consonant [j].
  if (run.length >= 2 && run.endsWith("i") && (ctx.coda.startsWith("ll") || (ctx.coda === "l" && ctx.last))) {
    run = run.slice(0, -1);
  }
  // « paiement », « remerciement », « jouera », « créera »: e after a vowel, before one consonant and a
  // vowel, is silent.
  if (run.length >= 2 && run.endsWith("e") && !ctx.last && isSingleConsonant(ctx.coda)) run = run.slice(0, -1);
  if (run === "e") return plainE(ctx);
  const hiatusOnset = endsWithLiquidCluster(ctx.onset);
  const coo = ctx.start === 1 && ctx.word.startsWith("coo");
  return parseRun(run, hiatusOnset, coo);
}

/**
 * A lone unaccented e: [ɛ] or [e] in a closed syllable (merci, avec, parler), a nasal (enfant), or a
 * schwa in an open syllable, kept in the first syllable (petit) and after two consonants
 * (hébergement), dropped after one (sam'di, rapid'ment).
 */
function plainE(ctx: RunContext): number {
  const { coda, last } = ctx;
  if (coda.length === 0) return 0;
  const first = coda[0];
  if (first === "n" || first === "m") {
    if (coda.length === 1 ? last : !"nmh".includes(coda[1]!)) return 1;
  }
  if (last || !isOnsetCluster(coda)) return 1;
  if (!ctx.afterVowel) return 1;
  const onset = ctx.onset;
  const nasalBefore = onset.length >= 2 && (onset[0] === "n" || onset[0] === "m") && !"nmh".includes(onset[1]!);
  const before = consonantSounds(onset, nasalBefore);
  if (before >= 2) return 1;
  if (before === 0) return 0;
  // « atelier », « chandelier »: the schwa stays before a consonant + glide.
  const next = ctx.end + coda.length;
  const word = ctx.word;
  return isSingleConsonant(coda) && word[next] === "i" && isVowelAt(word, next + 1) ? 1 : 0;
}

/** Counts the syllables of a vowel run left to right: digraphs, glides, hiatus. */
function parseRun(run: string, hiatusOnset: boolean, coo: boolean): number {
  let n = 0;
  let i = 0;
  while (i < run.length) {
    const c = run[i]!;
    const next = run[i + 1];
    const more = i + 1 < run.length;
    switch (c) {
      case "i":
      case "î":
        // i + vowel is a glide (bien, nation) except after obstruent + liquid (cli-ent, pri-er).
        if (more && !(i === 0 && hiatusOnset)) {
          i++;
          continue;
        }
        break;
      case "u":
        if (next === "i" || next === "î") {
          i += 2; // nuit, fruit, lui: always one syllable
          n++;
          continue;
        }
        if (more && !(i === 0 && hiatusOnset)) {
          i++; // nuage, actuel
          continue;
        }
        break;
      case "o":
        if (next === "u" || next === "ù" || next === "û") {
          i += 2;
          if (i < run.length && !(i === 2 && hiatusOnset)) continue; // oui, jouer; trou-er
          n++;
          continue;
        }
        if (next === "i" || next === "î" || next === "ê" || (next === "o" && !coo)) {
          i += 2; // oi, boîte, poêle, alcool
          n++;
          continue;
        }
        if (next === "e" && (run[i + 2] === "u" || run[i + 2] === "i")) {
          i += 3; // oeu, oei
          n++;
          continue;
        }
        break;
      case "a":
        if (next === "i" || next === "î" || next === "u") {
          i += 2;
          n++;
          continue;
        }
        break;
      case "e":
        if (next === "a" && run[i + 2] === "u") {
          i += 3;
          n++;
          continue;
        }
        if (next === "u" || next === "û" || next === "i" || next === "î" || next === "e") {
          i += 2;
          n++;
          continue;
        }
        if (next === "a" || next === "o" || next === "â" || next === "ô") {
          i++; // mangeons, Jean, geôle: the e only marks the soft g
          continue;
        }
        break;
      case "œ":
        if (next === "u" || next === "i") {
          i += 2;
          n++;
          continue;
        }
        break;
    }
    n++;
    i++;
  }
  return n;
}
