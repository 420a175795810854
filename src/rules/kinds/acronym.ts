import type { UnitContext } from "../context.js";
import { acronymKey } from "../lexicon/lexicons.js";
import { classifyCaps } from "../text/caps.js";
import { defineKind, type Report, type RuleRuntime } from "./types.js";

/**
 * `acronym`: an acronym must be written out or explained where it first appears. Accepted
 * explanations, as real FALC texts write them: « Expansion (SIGLE) », « SIGLE (Expansion) »,
 * « La SIGLE, c'est … », « SIGLE veut dire … », « … est aussi appelée SIGLE », « SIGLE : … » at the
 * start of a line (glossary). An explanation anywhere before counts for the rest of the text; an
 * unexplained acronym is reported once per section.
 */
export const acronym = defineKind({
  params: {
    definitionVerbs: { type: "string[]", default: ["c'est", "veut dire", "signifie", "désigne", "est le", "est la", "est l'", "est un", "est une", "sont les", "sont des"] },
    namingWords: { type: "string[]", default: ["appelé", "appelée", "appelés", "appelées", "appelle", "appellent", "nommé", "nommée", "abrégé", "sigle"] },
  } as const,
  placeholders: ["acronym", "expansion"],
  variants: ["known"],
  compile: (runtime) => {
    const verbs = runtime.params.definitionVerbs.map((verb) => verb.replace(/'$/, "' ").trim().split(/\s+|(?<=')/).filter(Boolean));
    const naming = new Set(runtime.params.namingWords);
    return { unit: (ctx, report) => checkUnit(ctx, report, runtime, verbs, naming) };
  },
});

interface AcronymState {
  defined: Set<string>;
  reported: Set<string>;
}

function checkUnit(ctx: UnitContext, report: Report, runtime: RuleRuntime, verbs: string[][], naming: Set<string>): void {
  const classes = classifyCaps(ctx, runtime.lexicons);
  if (classes.size === 0) return;
  let state = ctx.state.get(runtime.id) as AcronymState | undefined;
  if (state === undefined) {
    state = { defined: new Set(), reported: new Set() };
    ctx.state.set(runtime.id, state);
  }
  for (const [i, kind] of classes) {
    if (kind !== "known" && kind !== "acronym") continue;
    const text = ctx.surface(i);
    const key = acronymKey(text);
    if (isDefinedHere(ctx, i, verbs, naming)) {
      state.defined.add(key);
      continue;
    }
    const reportKey = `${ctx.sectionIndex}:${key}`;
    if (state.defined.has(key) || state.reported.has(reportKey)) continue;
    state.reported.add(reportKey);
    const entry = kind === "known" ? runtime.lexicons.acronyms.get(key) : undefined;
    if (entry !== undefined && !entry.uncertain) {
      report({ start: ctx.wordStart[i]!, end: ctx.wordEnd[i]!, variant: "known", data: { acronym: text, expansion: entry.expansion } });
    } else {
      report({ start: ctx.wordStart[i]!, end: ctx.wordEnd[i]!, data: { acronym: text } });
    }
  }
}

function isDefinedHere(ctx: UnitContext, i: number, verbs: string[][], naming: Set<string>): boolean {
  return expansionBefore(ctx, i) || expansionAfter(ctx, i) || definitionVerbAfter(ctx, i, verbs) || namedBefore(ctx, i, naming) || glossaryLine(ctx, i);
}

const strip = (text: string): string => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** How far back an expansion may start: diploma names run to 15 words with their elided articles. */
const EXPANSION_WORDS = 16;

/** « Maison départementale des personnes handicapées (MDPH) ». */
function expansionBefore(ctx: UnitContext, i: number): boolean {
  const start = ctx.wordStart[i]!;
  const end = ctx.wordEnd[i]!;
  if (!/\(\s*$/.test(ctx.text.slice(Math.max(0, start - 3), start))) return false;
  if (!/^\s*\)/.test(ctx.text.slice(end, end + 3))) return false;
  const initial = strip(ctx.text.charAt(start));
  const sentence = ctx.wordSentence[i]!;
  let contentWords = 0;
  let initialSeen = false;
  for (let j = i - 1; j >= 0 && j >= i - EXPANSION_WORDS; j--) {
    if (ctx.wordSentence[j] !== sentence) break;
    if (ctx.wordLower[j]!.length >= 3) contentWords++;
    if (strip(ctx.text.charAt(ctx.wordStart[j]!)) === initial) initialSeen = true;
  }
  return contentWords >= 2 && initialSeen;
}

/** « MDPH (Maison départementale des personnes handicapées) ». */
function expansionAfter(ctx: UnitContext, i: number): boolean {
  const end = ctx.wordEnd[i]!;
  const match = /^\s*\(([^()]{3,200})\)/.exec(ctx.text.slice(end, end + 204));
  if (match === null) return false;
  const inner = match[1]!.trim();
  return /^\p{L}/u.test(inner) && inner.split(/\s+/).length >= 2;
}

/** « La CAF, c'est … », « MDPH veut dire … ». */
function definitionVerbAfter(ctx: UnitContext, i: number, verbs: string[][]): boolean {
  const next = i + 1;
  if (next >= ctx.wordCount || ctx.wordSentence[next] !== ctx.wordSentence[i]) return false;
  if (!/^[\s,:]*$/.test(ctx.text.slice(ctx.wordEnd[i]!, ctx.wordStart[next]!))) return false;
  return verbs.some((verb) => verb.every((part, k) => ctx.wordLower[i + 1 + k] === part));
}

/** « … est aussi appelée MDPH », « qu'on appelle la CAF ». */
function namedBefore(ctx: UnitContext, i: number, naming: Set<string>): boolean {
  let j = i - 1;
  if (j >= 0 && ["le", "la", "l'", "les"].includes(ctx.wordLower[j]!)) j--;
  return j >= 0 && ctx.wordSentence[j] === ctx.wordSentence[i] && naming.has(ctx.wordLower[j]!);
}

/** « MDPH : Maison départementale… » at the start of a line, as in a glossary. */
function glossaryLine(ctx: UnitContext, i: number): boolean {
  const start = ctx.wordStart[i]!;
  const end = ctx.wordEnd[i]!;
  const lineStart = ctx.text.lastIndexOf("\n", start - 1) + 1;
  if (ctx.text.slice(lineStart, start).trim().length > 0) return false;
  return /^\s*[:=–—-]\s*\p{L}/u.test(ctx.text.slice(end, end + 6));
}
