import { W_CLITIC, W_NUMBER, type UnitContext } from "../context.js";
import type { Detector, Report } from "../kinds/types.js";
import { formSet, phraseMatcher } from "./shared.js";

// « -que » is never a participle ending (« vaincue » is « -cue »): it is the adjectives in « -ique ».
const PARTICIPLE = /(?:é|ée|és|ées|i|ie|is|ies|[^aeo]u|[^aeoq]ue|[^aeo]us|[^aeoq]ues|it|ite|its|ites|ert|erte|erts|ertes|int|inte|ints|intes|ise|ises)$/;

/**
 * Passive voice: a form of « être » followed, within a couple of adverbs, by a word shaped like a past
 * participle (« est signé », « a été envoyée », « sera facturé »). Verbs conjugated with « être »
 * (« est venu »), reflexives (« s'est engagé ») and « c'est » + adjective are left out; participles
 * used as adjectives (« est fermé ») cannot be told apart, hence a warning, not an error.
 */
export const passiveVoice: Detector = {
  params: {
    auxiliaries: { type: "string[]", required: true },
    perfectAuxiliaries: { type: "string[]", required: true },
    adverbs: { type: "string[]", default: [] },
    maxGap: { type: "integer", min: 0, max: 4, default: 2 },
    notParticiples: { type: "string[]", default: [] },
    exceptions: { type: "string[]", default: [] },
  },
  placeholders: [],
  variants: [],
  compile: ({ params }) => {
    const auxiliaries = formSet(params.auxiliaries as string[]);
    const perfect = formSet(params.perfectAuxiliaries as string[]);
    const adverbs = formSet(params.adverbs as string[]);
    const notParticiples = formSet(params.notParticiples as string[]);
    const exceptions = phraseMatcher(params.exceptions as string[]);
    const maxGap = params.maxGap as number;
    return (ctx: UnitContext, report: Report) => {
      const count = ctx.wordCount;
      for (let i = 0; i < count; i++) {
        if (!auxiliaries.hasWord(ctx, i) || (ctx.wordFlags[i]! & W_CLITIC) !== 0) continue;
        const sentence = ctx.wordSentence[i]!;
        let start = i;
        if (ctx.wordLower[i] === "été") {
          // « a été », « n'a jamais été »: the auxiliary « avoir » sits before, maybe past a negation.
          let k = i - 1;
          while (k >= i - 3 && k >= 0 && (adverbs.hasWord(ctx, k) || isNe(ctx, k))) k--;
          if (k < 0 || !perfect.hasWord(ctx, k) || ctx.wordSentence[k] !== sentence) continue;
          start = k > 0 && isNe(ctx, k - 1) && ctx.wordSentence[k - 1] === sentence ? k - 1 : k;
        } else if (!subjectAllowsPassive(ctx, i)) {
          continue;
        } else if (i > 0 && isNe(ctx, i - 1) && ctx.wordSentence[i - 1] === sentence) {
          start = i - 1;
        }
        if (exceptions.size > 0 && exceptions.matchAt(ctx, i) !== undefined) continue;
        for (let j = i + 1; j <= i + 1 + maxGap && j < count; j++) {
          if (ctx.wordSentence[j] !== sentence || (ctx.wordFlags[j]! & W_NUMBER) !== 0) break;
          const lower = ctx.wordLower[j]!;
          if (adverbs.hasWord(ctx, j) || isAdverbInMent(lower)) continue;
          if (isParticiple(lower) && !notParticiples.hasWord(ctx, j) && !isImpersonal(ctx, i, j)) report({ start: ctx.wordStart[start]!, end: ctx.wordEnd[j]! });
          break;
        }
      }
    };
  },
};

const isNe = (ctx: UnitContext, k: number): boolean => ctx.wordLower[k] === "ne" || ctx.wordLower[k] === "n'";

const IMPERSONAL_NEXT = new Set(["de", "d'", "que", "qu'", "à", "au", "aux"]);

/** « Il est demandé aux familles de… »: an impersonal turn, left to the address-reader rule. */
function isImpersonal(ctx: UnitContext, aux: number, participle: number): boolean {
  let k = aux - 1;
  if (k >= 0 && isNe(ctx, k)) k--;
  const next = participle + 1;
  return k >= 0 && ctx.wordLower[k] === "il" && next < ctx.wordCount && ctx.wordSentence[next] === ctx.wordSentence[k] && IMPERSONAL_NEXT.has(ctx.wordLower[next]!);
}

function isParticiple(word: string): boolean {
  return word.length >= 3 && PARTICIPLE.test(word) && !word.includes("-");
}

function isAdverbInMent(word: string): boolean {
  return word.length > 6 && word.endsWith("ment");
}

const REFLEXIVE = new Set(["se", "s'", "me", "m'", "te", "t'"]);
const DEMONSTRATIVE = new Set(["c'", "ce", "ça", "cela", "ceci"]);

/** Rules out « s'est engagé », « vous vous êtes inscrit », « c'est interdit », « à l'est ». */
function subjectAllowsPassive(ctx: UnitContext, i: number): boolean {
  let k = i - 1;
  if (k >= 0 && isNe(ctx, k)) k--;
  if (k < 0 || ctx.wordSentence[k] !== ctx.wordSentence[i]) return true;
  const before = ctx.wordLower[k]!;
  if (REFLEXIVE.has(before) || DEMONSTRATIVE.has(before)) return false;
  if (k === i - 1 && (before === "l'" || before === "le")) return false;
  if ((before === "nous" || before === "vous") && k > 0 && ctx.wordLower[k - 1] === before) return false;
  return true;
}
