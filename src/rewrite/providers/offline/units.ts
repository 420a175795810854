import { splitSentences } from "../../../analysis/sentences.js";
import { applyFixes } from "../../../rules/fix/apply.js";
import type { RuleSet } from "../../../rules/schema.js";
import type { AcronymDefinition } from "./acronyms.js";
import { toList } from "./enumerations.js";
import { keepsIdentifiers, safeRewrite } from "./check.js";
import { finishSentence, tidySpaces } from "./french.js";
import { guarded, keepsFacts } from "./guard.js";
import type { LexiconTools } from "./lexicon.js";
import { moveParentheses } from "./parentheses.js";
import { stripNumbering } from "./punctuation.js";
import { splitClauses } from "./clauses.js";

/**
 * The transformations, in their order, for each kind of unit of the original: a sentence of a
 * paragraph, a list item, a heading line. Every step is checked by the fidelity guard on its own
 * (see guard.ts), and the whole unit once more at the end: if anything changed a fact, the unit is
 * given back as it was written, one sentence per line.
 *
 * Order, and why:
 * 1. the words first: the rules' fixes (numbers in digits, dates in full, plain words and connectors,
 *    dashes, « Il est rappelé que » — see rules/fix/), while the sentence is whole, so that
 *    « à compter du 01/03/2026 » and « trente (30) jours » are read in their context;
 * 2. brackets out (step 6), then the fixes that add a sentence (« etc. » out, « Ce sont des
 *    exemples. » after): a bracket that ended with « etc. » becomes « Par exemple : … »;
 * 3. the cut into clauses (step 1 of the brief) last, on the sentence without brackets, since a cut
 *    inside a bracket would break it;
 * 4. enumerations into lists on each final sentence.
 * Acronyms (step 4) and bold are done afterwards on the whole section: « first use » is a section
 * matter (see section.ts).
 */

export interface Context {
  ruleSet: RuleSet;
  tools: LexiconTools;
}

export interface OutSentence {
  text: string;
  /** Acronyms whose explanation goes just after this sentence (the original explained them in brackets). */
  defines: AcronymDefinition[];
  /** A sentence the rewrite wrote itself (an explanation): no bold, no glossary scan. */
  added?: true;
}

export type OutPiece = { kind: "sentence"; sentence: OutSentence } | { kind: "list"; intro: OutSentence; items: OutSentence[] };

/** The rules' fixes that change words in place, each edit held to the fidelity guard. */
function wordLevel(text: string, context: Context): string {
  return applyFixes(text, context.ruleSet, { phase: "inline", guard: keepsFacts }).text;
}

/** The fixes that add a sentence after the one they change (« etc. » out, « Ce sont des exemples. »). */
function withSentencesAfter(text: string, context: Context): { text: string; then: string[] } {
  return applyFixes(text, context.ruleSet, { phase: "then", guard: keepsFacts });
}

function withoutParentheses(text: string, context: Context): ReturnType<typeof moveParentheses> {
  const moved = moveParentheses(text, context.tools.compiled, context.ruleSet);
  if (moved.text === text && moved.extras.length === 0) return moved;
  return keepsFacts(text, [moved.text, ...moved.extras].join("\n")) ? moved : { text, extras: [], definitions: [] };
}

function plain(text: string, defines: AcronymDefinition[] = []): OutSentence {
  return { text, defines };
}

function piecesText(pieces: readonly OutPiece[]): string {
  return pieces
    .map((p) => (p.kind === "sentence" ? p.sentence.text : [p.intro.text, ...p.items.map((i) => i.text)].join("\n")))
    .join("\n");
}

/** The pieces a sentence becomes, with or without the cut into clauses. */
function attempt(original: string, context: Context, cut: boolean): OutPiece[] {
  const words = wordLevel(original, context);
  const moved = withoutParentheses(words, context);
  const etc = withSentencesAfter(moved.text, context);
  const clauses = cut ? splitClauses(etc.text) : [finishSentence(etc.text)];
  const main = keepsFacts(etc.text, clauses.join("\n")) ? clauses : [finishSentence(etc.text)];
  // « … le règlement, » at the end of a block goes on into the next one: its comma stays.
  if (/,\s*$/u.test(original)) main[main.length - 1] = main[main.length - 1]!.replace(/\.$/u, ",");
  const sentences: OutSentence[] = main.map((text) => plain(text));
  const last = sentences[sentences.length - 1];
  if (last !== undefined) last.defines = moved.definitions;
  for (const then of etc.then) sentences.push({ text: then, defines: [], added: true });
  for (const extra of moved.extras) sentences.push(plain(finishSentence(extra)));
  return sentences.map((sentence) => {
    const list = sentence.added ? null : toList(sentence.text);
    if (list === null || !keepsFacts(sentence.text, [list.intro, ...list.items].join("\n"))) return { kind: "sentence", sentence };
    return { kind: "list", intro: plain(list.intro), items: list.items.map((item, i) => plain(item, i === list.items.length - 1 ? sentence.defines : [])) };
  });
}

/** What the pieces write, with the acronyms they define (explained by the section, see section.ts). */
function piecesSentences(pieces: readonly OutPiece[]): Array<OutSentence & { item?: boolean }> {
  const sentences = pieces.flatMap((p) => (p.kind === "sentence" ? [p.sentence] : [p.intro, ...p.items].map((s) => ({ ...s, item: true }))));
  const defined = sentences.flatMap((s) => s.defines.map((d): OutSentence => ({ text: d.acronym, defines: [], added: true })));
  return [...sentences, ...defined];
}

/** The sentence as written: a full stop added only where it leaves no fragment and no « , » or « : » lost. */
export function asWritten(original: string): string {
  const finished = finishSentence(original);
  return safeRewrite(original, [{ text: finished }]) ? finished : tidySpaces(original);
}

/**
 * One sentence of a paragraph → sentences and lists. Every result is held to the fidelity guard and to
 * the property checker (check.ts); failing, the sentence is tried without its cut into clauses, then
 * kept as it was written.
 */
export function rewriteSentence(original: string, context: Context): OutPiece[] {
  for (const cut of [true, false]) {
    const pieces = attempt(original, context, cut);
    if (keepsFacts(original, piecesText(pieces)) && safeRewrite(original, piecesSentences(pieces))) return pieces;
  }
  return [{ kind: "sentence", sentence: plain(asWritten(original)) }];
}

/** A list item (or table cell) stays one item; what its brackets held follows it in the item. */
export function rewriteItem(original: string, context: Context): OutSentence {
  const words = wordLevel(original, context);
  const moved = withoutParentheses(words, context);
  const etc = withSentencesAfter(moved.text, context);
  let text = etc.text.replace(/[\s;,]+$/u, "");
  // Items end alike: the full stop of the last item of an enumeration goes, unless the item holds sentences.
  if (!/[.!?]\s/u.test(text)) text = text.replace(/(?<!\.)\.$/u, "");
  const tail = [...etc.then, ...moved.extras.map((extra) => finishSentence(extra))];
  // The item keeps its own first letter, like the other items of its list.
  if (tail.length > 0) text = [finishSentence(text, false), ...tail].join(" ");
  if (!keepsFacts(original, text) || !keepsIdentifiers(original, [text, ...moved.definitions.map((d) => d.acronym)])) return plain(original.replace(/[\s;,]+$/u, ""));
  return plain(text, moved.definitions);
}

/**
 * A table cell: the word-level steps only (numbers, dates, plain words, connectors, dashes). A cell
 * is a few words in its column: brackets, cuts and lists would break it, so they are left alone.
 */
export function rewriteCell(original: string, context: Context): string {
  // Sentence by sentence, as the steps expect (a capital after « . » is a sentence start for them).
  let text = "";
  let at = 0;
  for (const span of splitSentences(original)) {
    text += original.slice(at, span.start) + wordLevel(span.text, context);
    at = span.end;
  }
  text += original.slice(at);
  return keepsFacts(original, text) && keepsIdentifiers(original, [text]) ? text : original;
}

export interface RewrittenLabel {
  text: string;
  after: OutSentence[];
  defines: AcronymDefinition[];
}

/** A heading inside the section, or a label line (an address): no final stop, numbering dropped. */
export function rewriteLabel(original: string, context: Context): RewrittenLabel {
  // The numbering goes first: « 4.1 » is layout only while a capital follows it.
  const words = wordLevel(guarded(original, stripNumbering), context);
  const moved = withoutParentheses(words, context);
  const after = moved.extras.map((extra) => plain(finishSentence(extra)));
  const pieces = [moved.text, ...after.map((s) => s.text)];
  if (!keepsFacts(original, pieces.join("\n")) || !keepsIdentifiers(original, [...pieces, ...moved.definitions.map((d) => d.acronym)])) return { text: original, after: [], defines: [] };
  return { text: moved.text, after, defines: moved.definitions };
}
