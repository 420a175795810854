import { countSyllables } from "../../analysis/syllables.js";
import { W_ALLCAPS, W_CAP, W_CLITIC, W_MASKED, W_NUMBER, W_SENTENCE_START, type UnitContext } from "../context.js";
import { allocateMemoBit, memoized } from "../text/features.js";
import { defineDetector, type Report } from "../kinds/types.js";

/**
 * Easy words: a word that is both long (many syllables or letters) and absent from the project's
 * list of everyday words is probably hard to read. Proper names, acronyms and the administrative
 * words already reported with a replacement are left out; each word is reported once per text.
 */
export const rareWords = defineDetector({
  params: {
    minSyllables: { type: "integer", min: 2, default: 4 },
    maxLetters: { type: "integer", min: 4, default: 12 },
    oncePerText: { type: "boolean", default: true },
  } as const,
  placeholders: [],
  variants: [],
  compile: ({ id, params, lexicons }) => {
    const { minSyllables, maxLetters } = params;
    const once = params.oncePerText;
    const common = lexicons.common;
    const difficultForms = lexicons.difficultForms;
    /** Long or many syllables; the caller has checked that the form is not an everyday word. */
    const isLong = (lower: string): boolean => lower.length > maxLetters || (lower.length >= minSyllables * 2 - 1 && syllables(lower) >= minSyllables);
    /** A compound is rare when one of its parts is (« peut-être » is not). */
    const isRareWord = (lower: string): boolean => {
      if (!lower.includes("-")) return /^\p{L}+$/u.test(lower) && isLong(lower);
      return lower.split("-").some((part) => part.length >= 7 && !common.has(part) && !difficultForms.has(part) && isLong(part));
    };
    // Short enough, and too few vowels to reach the syllable threshold: not rare, no lookup needed
    // (every syllable holds a vowel letter, so syllables ≤ vowel letters whatever the counter).
    const cannotBeRare = (lower: string): boolean => lower.length <= maxLetters && vowelLetters(lower) < minSyllables;
    /** Everything about a form that makes it a candidate: answered once per form (see text/forms.ts). */
    const isCandidate = (lower: string): boolean =>
      !(cannotBeRare(lower) && !lower.includes("-")) && !common.has(lower) && !difficultForms.has(lower) && isRareWord(lower);
    const candidateBit = allocateMemoBit();
    const stateKey = `rare:${id}`;
    return (ctx: UnitContext, report: Report) => {
      let seen = ctx.state.get(stateKey) as Set<string> | undefined;
      if (seen === undefined) {
        seen = new Set();
        ctx.state.set(stateKey, seen);
      }
      const difficult = lexicons.difficult;
      for (let i = 0; i < ctx.wordCount; i++) {
        const flags = ctx.wordFlags[i]!;
        if ((flags & (W_NUMBER | W_CLITIC | W_MASKED | W_ALLCAPS)) !== 0 || ctx.wordEnd[i]! - ctx.wordStart[i]! < 7) continue;
        if ((flags & W_CAP) !== 0 && (flags & W_SENTENCE_START) === 0) continue;
        if (!memoized(ctx.wordForm[i]!, candidateBit, isCandidate)) continue;
        const lower = ctx.wordLower[i]!;
        if (once && seen.has(lower)) continue;
        // « Conformément » in « conformément au » is the administrative-words rule's finding.
        if (difficult.matchAt(ctx, i) !== undefined) continue;
        if (once) seen.add(lower);
        report({ start: ctx.wordStart[i]!, end: ctx.wordEnd[i]! });
      }
    };
  },
});

function vowelLetters(lower: string): number {
  let count = 0;
  for (let k = 0; k < lower.length; k++) {
    const code = lower.charCodeAt(k);
    if (code < VOWELS.length && VOWELS[code] === 1) count++;
  }
  return count;
}

/** Vowel letters by character code (Latin-1 and Latin Extended-A cover French). */
const VOWELS = new Uint8Array(0x180);
for (const vowel of "aeiouyàâäéèêëîïôöùûüÿœæ") VOWELS[vowel.charCodeAt(0)] = 1;

/** Syllable counts of the words already seen, since the same words come back again and again. */
const syllableCache = new Map<string, number>();

function syllables(lower: string): number {
  let count = syllableCache.get(lower);
  if (count === undefined) {
    count = countSyllables(lower);
    if (syllableCache.size > 100_000) syllableCache.clear();
    syllableCache.set(lower, count);
  }
  return count;
}
