import { inclusiveMarks } from "../../../analysis/inclusive.js";
import { extractFacts, factsMatch, type Fact } from "../../../analysis/normalise/index.js";
import { applyFixes } from "../../../rules/fix/apply.js";
import type { CompiledLexicons } from "../../../rules/lexicon/lexicons.js";
import type { RuleSet } from "../../../rules/schema.js";
import { expansionBefore, isExpansionOf, type AcronymDefinition } from "./acronyms.js";
import { hasContentWord } from "./check.js";
import { capitalise, tidySpaces } from "./french.js";

/**
 * Step 6: brackets out of the sentence, as the rule `no-parentheses` asks; their content is never
 * dropped unless it is already in the sentence:
 * - « Conseil de la vie sociale (CVS) » and « CAF (caisse d'allocations familiales) »: an acronym
 *   and its expansion become a definition (see acronyms.ts) and the bracket goes;
 * - « soixante-quatorze euros et cinquante centimes (74,50 €) », « trente (30) jours »: a restatement
 *   of figures the sentence already has, checked fact by fact, goes;
 * - anything else becomes a sentence of its own after the sentence: « Précision : … . », or
 *   « Par exemple : … . » when it ended with « etc. », or « Voir … . » for a reference;
 * - plural and gender marks (« Nom(s) », « né(e) ») stay: they are part of their word; so do brackets
 *   of grammar words only (« la (ou des) personne(s) »), which mean nothing as a sentence of their own.
 */

export interface MovedParentheses {
  text: string;
  /** Sentences to put after this one, in order. */
  extras: string[];
  definitions: AcronymDefinition[];
}

const GROUP = /\(([^()\n]*)\)/g;
const ACRONYM_ONLY = /^\p{Lu}[\p{Lu}\p{N}&-]*\p{Lu}[\p{Lu}\p{N}]*$/u;
const UNIT_WORDS = /(?<!\p{L})(?:euros?|centimes?|EUR|CHF)(?!\p{L})|[€%]/gu;
const REFERENCE = /^(?:voir|cf\.?)\s+/iu;

function isRestatement(content: string, rest: readonly Fact[]): boolean {
  const facts = extractFacts(content);
  if (facts.length === 0) return false;
  let leftover = content;
  for (let i = facts.length - 1; i >= 0; i--) leftover = leftover.slice(0, facts[i]!.start) + leftover.slice(facts[i]!.end);
  if (/\p{L}/u.test(leftover.replace(UNIT_WORDS, ""))) return false;
  return facts.every((f) => rest.some((r) => factsMatch(f, r) || (f.type === "number" && r.value.includes(f.value))));
}

/** A bracket's content as a sentence; when a fix took out what said the list was incomplete (« etc. »), it is introduced as examples. */
function sentenceFor(content: string, ruleSet: RuleSet): string {
  const fixed = applyFixes(content, ruleSet, { phase: "then" });
  const body = fixed.text.trim().replace(/[.;,]+$/u, "");
  if (fixed.then.length > 0) return `Par exemple : ${body}`;
  if (REFERENCE.test(body)) return capitalise(body.replace(/^cf\.?\s+/iu, "voir "));
  return `Précision : ${body}`;
}

/** A bracket glued to an address is part of it (« …/Test_(informatique) »). */
function insideAddress(text: string, index: number): boolean {
  const before = /\S*$/u.exec(text.slice(0, index))?.[0] ?? "";
  return before.includes("/") || before.includes("@");
}

export function moveParentheses(text: string, compiled: CompiledLexicons, ruleSet: RuleSet): MovedParentheses {
  GROUP.lastIndex = 0;
  // « Nom(s) », « né(e) »: a mark of the word, not an aside (see analysis/inclusive.ts).
  const marks = new Set(inclusiveMarks(text).map((mark) => mark.start));
  // « la (ou des) personne(s) »: a bracket of grammar words reads only inside its sentence.
  const groups = [...text.matchAll(GROUP)].filter((m) => !insideAddress(text, m.index!) && !marks.has(m.index!) && (m[1]!.trim() === "" || hasContentWord(m[1]!)));
  if (groups.length === 0) return { text, extras: [], definitions: [] };
  const extras: string[] = [];
  const definitions: AcronymDefinition[] = [];
  let out = "";
  let cursor = 0;
  for (const m of groups) {
    const start = m.index!;
    const end = start + m[0].length;
    const content = m[1]!.trim();
    out += text.slice(cursor, start).replace(/[ \t\u00A0]+$/u, "");
    cursor = end;
    if (content === "") continue;
    if (ACRONYM_ONLY.test(content)) {
      const expansion = expansionBefore(text.slice(0, start), content, compiled);
      if (expansion !== null) {
        definitions.push({ acronym: content, expansion });
        continue;
      }
    }
    const before = /(?<![\p{L}\p{N}])(\p{Lu}[\p{Lu}\p{N}&]*\p{Lu})[ \t\u00A0]*$/u.exec(text.slice(0, start))?.[1];
    if (before !== undefined && isExpansionOf(content, before, compiled)) {
      definitions.push({ acronym: before, expansion: content.charAt(0).toUpperCase() + content.slice(1) });
      continue;
    }
    const rest = extractFacts(text.slice(0, start) + " " + text.slice(end));
    if (isRestatement(content, rest)) continue;
    extras.push(sentenceFor(content, ruleSet));
  }
  out += text.slice(cursor);
  return { text: tidySpaces(out), extras, definitions };
}
