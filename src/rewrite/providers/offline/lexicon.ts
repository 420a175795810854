import { UnitContext } from "../../../rules/context.js";
import { compileLexicons, type CompiledLexicons } from "../../../rules/lexicon/lexicons.js";
import type { RuleSet } from "../../../rules/schema.js";
import type { GlossaryEntry } from "../../types.js";

/**
 * The administrative words of the lexicon that stay in a rewritten sentence go to its glossary. The
 * plain words written in their place are the fixes of the rule no-difficult-administrative-words
 * (the entries' `fix` in rules/lexicon/difficult-words.yaml, applied by the fixer of rules/fix/).
 */

const GRAMMAR_WORDS = /(?<![\p{L}])(?:de|du|des|d'|à|au|aux|que|qu'|le|la|les|l'|un|une|en|par|pour|sur|dans|sous|si)(?![\p{L}])/iu;

export interface LexiconTools {
  compiled: CompiledLexicons;
}

const toolsCache = new WeakMap<RuleSet, LexiconTools>();

export function lexiconTools(ruleSet: RuleSet): LexiconTools {
  let tools = toolsCache.get(ruleSet);
  if (tools === undefined) {
    tools = { compiled: compileLexicons(ruleSet.lexicons) };
    toolsCache.set(ruleSet, tools);
  }
  return tools;
}

/** The word just before `offset`, in lower case, with an elided « l’ », « d’ » kept as « l' », « d' ». */
function wordBefore(text: string, offset: number): string {
  const match = /([\p{L}-]+['’]?)\s*$/u.exec(text.slice(Math.max(0, offset - 40), offset));
  return (match?.[1] ?? "").toLowerCase().replace(/’/g, "'");
}

/** The lexicon's difficult words still in a text, with an explanation for the glossary. */
export function difficultWordsIn(text: string, tools: LexiconTools): Array<{ key: unknown; entry: GlossaryEntry }> {
  const ctx = new UnitContext(text, 0, 0, new Map());
  const out: Array<{ key: unknown; entry: GlossaryEntry }> = [];
  for (const match of tools.compiled.difficult.findAll(ctx)) {
    const { entry, verb } = match.value;
    const start = ctx.wordStart[match.first]!;
    const end = ctx.wordEnd[match.end - 1]!;
    // A verb is given in the infinitive (« lui incombant » → « incomber »), with the rest of its expression.
    let word = verb === undefined ? text.slice(start, end) : verb + text.slice(ctx.wordEnd[match.first]!, end);
    word = word.replace(/[’]/g, "'").replace(/(?<![\p{L}])(d|qu)'$/u, (_m, c: string) => (c === "d" ? "de" : "que"));
    if (/^\p{Lu}(?!\p{Lu})/u.test(word)) word = word.charAt(0).toLowerCase() + word.slice(1);
    // A connector (« sous réserve de » → « si ») explains nothing on its own: only words go to the glossary.
    if (entry.explain === undefined && GRAMMAR_WORDS.test(word)) continue;
    if (entry.explainAfter !== undefined && !entry.explainAfter.includes(wordBefore(text, start))) continue;
    out.push({ key: entry, entry: { word, explanation: entry.explain ?? entry.replace.join(" ou ") } });
  }
  return out;
}
