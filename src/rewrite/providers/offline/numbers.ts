import { NUMBER_WORDS_RUN_SOURCE, isOrdinalWord, parseFrenchNumber } from "../../../analysis/normalise/numbers.js";
import { expandPattern } from "../../../rules/lexicon/patterns.js";
import type { RuleSet } from "../../../rules/schema.js";

/**
 * Step 2: numbers written in words become digits (« trente jours » → « 30 jours »,
 * « quatre-vingt-dix » → « 90 »), as the rule `digits-not-words` asks.
 *
 * Left alone: a lone « un / une » (an article), ordinals (« premier », « troisième »), « neuf »
 * unless a plural follows (« un lit neuf »), « les deux / des deux / aux deux » (« both »), a number
 * word with a capital inside a sentence (a name), and the idioms the rule itself excludes
 * (« se mettre en quatre », « tous les deux »), read from the rule set.
 */

const RUN = new RegExp(NUMBER_WORDS_RUN_SOURCE, "giu");
const BOTH_BEFORE = /(?:^|[^\p{L}])(?:les|des|aux)\s+$/iu;
const SENTENCE_START = /(?:^|[.!?:;«"(\n])[\s\u00A0]*$/u;
const PLURAL_NEXT = /^[\s\u00A0]+\p{L}+[sx](?![\p{L}])/u;

const idiomCache = new WeakMap<RuleSet, string[]>();

/** The idioms `digits-not-words` does not report, expanded and lowercased. */
function idioms(ruleSet: RuleSet): string[] {
  let list = idiomCache.get(ruleSet);
  if (list === undefined) {
    const rule = ruleSet.rules.find((r) => r.id === "digits-not-words");
    const exclude = rule?.parameters.exclude;
    list = Array.isArray(exclude) ? exclude.flatMap((e) => (typeof e === "string" ? expandPattern(e) : [])) : [];
    idiomCache.set(ruleSet, list);
  }
  return list;
}

function insideIdiom(lower: string, start: number, end: number, list: readonly string[]): boolean {
  for (const idiom of list) {
    for (let at = lower.indexOf(idiom); at >= 0; at = lower.indexOf(idiom, at + 1)) {
      if (at <= start && at + idiom.length >= end) return true;
    }
  }
  return false;
}

/** 2235 → "2235", 12500 → "12 500" (no-break space), as the rule's suggestion writes it. */
export function formatDigits(value: number): string {
  const digits = String(value);
  if (value < 10000) return digits;
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00A0");
}

function replacementFor(text: string, start: number, run: string, list: readonly string[]): string | null {
  const words = run.toLowerCase().split(/[\s\u00A0-]+/u).filter((w) => w.length > 0);
  if (words.some((w) => isOrdinalWord(w))) return null;
  const single = words.length === 1 ? words[0] : undefined;
  if (single === "un" || single === "une") return null;
  const end = start + run.length;
  if (single === "neuf" && !PLURAL_NEXT.test(text.slice(end, end + 40))) return null;
  if (single === "deux" && BOTH_BEFORE.test(text.slice(Math.max(0, start - 6), start))) return null;
  if (/^\p{Lu}/u.test(run) && !SENTENCE_START.test(text.slice(0, start))) return null;
  if (list.length > 0 && insideIdiom(text.toLowerCase(), start, end, list)) return null;
  const value = parseFrenchNumber(run);
  return value === null ? null : formatDigits(value);
}

export function numbersToDigits(text: string, ruleSet: RuleSet): string {
  const list = idioms(ruleSet);
  const found: Array<{ start: number; end: number; digits: string }> = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) {
    const digits = replacementFor(text, m.index, m[0], list);
    if (digits !== null) found.push({ start: m.index, end: m.index + m[0].length, digits });
  }
  let out = text;
  for (let i = found.length - 1; i >= 0; i--) {
    const f = found[i]!;
    out = out.slice(0, f.start) + f.digits + out.slice(f.end);
  }
  return out;
}
