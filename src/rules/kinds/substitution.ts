import { W_SENTENCE_START, type UnitContext } from "../context.js";
import type { DifficultHit } from "../lexicon/lexicons.js";
import { PhraseMatcher } from "../lexicon/matcher.js";
import { expandPattern } from "../lexicon/patterns.js";
import { conjugateLike, pronounPerson } from "../lexicon/verbs.js";
import { safeReplacement } from "../lexicon/entry-fix.js";
import type { PhraseMatch } from "../lexicon/matcher.js";
import { quotedList, type MessageData } from "../message.js";
import { combinePatterns, forEachMatch } from "./existence.js";
import { sharedBy } from "../detectors/shared.js";
import { defineKind, type Report } from "./types.js";

const LEXICONS = ["difficult-words"] as const;

/**
 * `substitution`: a listed word or expression has a plainer replacement, given as the suggestion.
 * Entries come from a lexicon file, inline `entries`, or regular expressions (`patterns`, for
 * abbreviations such as « M. » that are not whole words).
 */
export const substitution = defineKind({
  params: {
    lexicon: { type: "enum", values: LEXICONS },
    entries: { type: "entries", default: [] },
    patterns: { type: "patterns", default: [] },
  } as const,
  placeholders: ["replacements", "explanation", "replacement"],
  variants: ["explain"],
  check: (params) =>
    params.lexicon === undefined && params.entries.length === 0 && params.patterns.length === 0 ? "il faut « lexicon », « entries » ou « patterns »." : undefined,
  compile: ({ params, lexicons }) => {
    const lexicon = params.lexicon === "difficult-words" ? lexicons.difficult : undefined;
    const entries = params.entries;
    const inline = sharedBy(`substitution:${JSON.stringify(entries)}`, () => {
      const matcher = new PhraseMatcher<DifficultHit>();
      for (const entry of entries) {
        const hit: DifficultHit = { entry: { match: entry.match, replace: entry.replace, ...(entry.explain ? { explain: entry.explain } : {}), ...(entry.fix ? { fix: entry.fix } : {}) } };
        for (const pattern of entry.match) for (const form of expandPattern(pattern)) matcher.add(form, hit);
      }
      return matcher;
    });
    const patternEntries = params.patterns;
    const combined = combinePatterns(patternEntries.map((entry) => entry.pattern), "gu");
    const matchers = [lexicon, inline].filter((matcher): matcher is PhraseMatcher<DifficultHit> => matcher !== undefined && matcher.size > 0);
    return {
      unit: (ctx: UnitContext, report: Report) => {
        // The lexicon wins where an inline entry would match the same words.
        let taken: Set<number> | undefined;
        for (const matcher of matchers) {
          for (const match of matcher.findAll(ctx)) {
            if (taken?.has(match.first)) continue;
            if (matchers.length > 1) for (let i = match.first; i < match.end; i++) (taken ??= new Set()).add(i);
            reportHit(ctx, match, report);
          }
        }
        // One scan for all the patterns; at a given place the first one wins (« p. ex. », not « ex. »).
        if (combined !== undefined) {
          forEachMatch(combined.regex, ctx.text, (start, end, match) => {
            const replace = patternEntries[combined.which(match)]!.replace;
            report({ start, end, data: { replacements: quotedList(replace) }, suggestion: replace[0]! });
          });
        }
      },
    };
  },
});

function reportHit(ctx: UnitContext, match: PhraseMatch<DifficultHit>, report: Report): void {
  const { first, end, value: hit } = match;
  const start = ctx.wordStart[first]!;
  const stop = ctx.wordEnd[end - 1]!;
  const { entry } = hit;
  if (entry.replace.length === 0) {
    report({ start, end: stop, variant: "explain", data: { explanation: entry.explain ?? "" } });
    return;
  }
  const person = subjectPerson(ctx, first);
  const capital = (ctx.wordFlags[first]! & W_SENTENCE_START) !== 0 && /^\p{Lu}/u.test(ctx.text.charAt(start));
  const replacements = entry.replace.map((replacement) => adapt(replacement, hit, ctx.wordLower[first]!, person, capital));
  const data: Record<string, string> = { replacements: quotedList(replacements) };
  if (entry.explain) data.explanation = entry.explain;
  if (entry.fix === undefined) {
    report({ start, end: stop, data, suggestion: replacements[0]! });
    return;
  }
  // `{replacement}` is asked for by a fix only: checking a text never pays for it.
  report({ start, end: stop, data, suggestion: replacements[0]!, fixData: () => fixData(ctx, match) });
}

function fixData(ctx: UnitContext, match: PhraseMatch<DifficultHit>): MessageData {
  const replacement = safeReplacement(ctx, match);
  return replacement === undefined ? {} : { replacement };
}

/** The person of the pronoun just before the verb (« vous sollicitez », « vous vous conformez »). */
function subjectPerson(ctx: UnitContext, first: number): number | undefined {
  for (let k = first - 1; k >= Math.max(0, first - 3); k--) {
    const person = pronounPerson(ctx.wordLower[k]);
    if (person !== undefined) return person;
    if (!["ne", "n'", "se", "s'", "me", "m'", "te", "t'", "nous", "vous", "en", "y"].includes(ctx.wordLower[k]!)) return undefined;
  }
  return undefined;
}

/** Puts a replacement verb in the form of the matched verb, and keeps a sentence-initial capital. */
function adapt(replacement: string, hit: DifficultHit, firstWord: string, person: number | undefined, capital: boolean): string {
  let out = replacement;
  if (hit.verb !== undefined) {
    const [head, ...rest] = replacement.split(" ");
    const form = conjugateLike(hit.verb, firstWord, head!, person);
    if (form !== undefined) out = [form, ...rest].join(" ");
  }
  if (capital) out = out.charAt(0).toUpperCase() + out.slice(1);
  return out;
}
