import { splitSentences } from "../../../analysis/sentences.js";
import type { CompiledLexicons } from "../../../rules/lexicon/lexicons.js";
import type { RuleSet } from "../../../rules/schema.js";
import { rewriteToText } from "../../text.js";
import type { GlossaryEntry, RewriteBlock, RewriteRequest, RewriteResult } from "../../types.js";
import { acronymsIn, explanationSentence, type AcronymDefinition } from "./acronyms.js";
import { readSourceBlocks, type SourceBlock } from "./blocks.js";
import { boldKeyFacts } from "./emphasis.js";
import { endsMidSentence } from "./check.js";
import { finishSentence } from "./french.js";
import { guarded, keepsFacts } from "./guard.js";
import { difficultWordsIn, lexiconTools } from "./lexicon.js";
import { dashesToColon } from "./punctuation.js";
import { headerCase, rowItem, rowItems, rowKeepsFacts, staysTable, type SourceTable } from "./tables.js";
import { rewriteCell, rewriteItem, rewriteLabel, rewriteSentence, type Context, type OutSentence } from "./units.js";

/**
 * A whole section: its blocks rewritten unit by unit (units.ts), then what needs the section as a
 * whole: list intros, acronyms explained at their first use (step 4), bold, paragraphs of at most
 * `short-paragraphs.max` sentences, the glossary. A last fidelity check runs on the section as the
 * convert pipeline will run it; should it ever fail, the section is given as written, one sentence per
 * line, rather than with a changed fact.
 */

type Unit =
  | { kind: "label"; text: string; defines: AcronymDefinition[] }
  | { kind: "paragraph"; sentences: OutSentence[] }
  | { kind: "list"; intro?: OutSentence; items: OutSentence[] }
  | { kind: "table"; intro?: OutSentence; header?: string[]; rows: string[][] };

type Explained = OutSentence & { explains?: AcronymDefinition };

function paragraphUnits(text: string, context: Context, units: Unit[]): void {
  let current: OutSentence[] = [];
  const flush = (): void => {
    if (current.length > 0) units.push({ kind: "paragraph", sentences: current });
    current = [];
  };
  for (const span of splitSentences(text)) {
    for (const piece of rewriteSentence(span.text, context)) {
      if (piece.kind === "sentence") current.push(piece.sentence);
      else {
        flush();
        units.push({ kind: "list", intro: piece.intro, items: piece.items });
      }
    }
  }
  flush();
}

function buildUnits(blocks: readonly SourceBlock[], context: Context): Unit[] {
  const units: Unit[] = [];
  for (const block of blocks) {
    if (block.kind === "label") {
      const label = rewriteLabel(block.text, context);
      units.push({ kind: "label", text: label.text, defines: label.defines });
      if (label.after.length > 0) units.push({ kind: "paragraph", sentences: label.after });
    } else if (block.kind === "list") {
      units.push({ kind: "list", items: block.items.map((item) => rewriteItem(item, context)) });
    } else if (block.kind === "table") {
      units.push(tableUnit(block, context));
    } else {
      paragraphUnits(block.text, context, units);
    }
  }
  return units;
}

/**
 * A table of the original: cells rewritten word by word; kept as a table when small (see tables.ts),
 * else one list item per row naming its columns. A one-column table is a list, its name the intro.
 */
function tableUnit(table: SourceTable, context: Context): Unit {
  const header = table.header?.map((cell) => headerCase(rewriteCell(cell, context), context.ruleSet.lexicons, context.tools.compiled));
  const rows = table.rows.map((row) => row.map((cell) => rewriteCell(cell, context)));
  const rewritten: SourceTable = header ? { header, rows } : { rows };
  const width = rows[0]?.length ?? header?.length ?? 0;
  if (width <= 1) {
    const items = rows.map((row) => row[0] ?? "").filter((cell) => cell !== "").map((cell) => plainSentence(cell));
    const name = header?.[0] ?? "";
    return name === "" ? { kind: "list", items } : { kind: "list", intro: plainSentence(`${name} :`), items };
  }
  if (staysTable(rewritten)) return { kind: "table", ...(header ? { header } : {}), rows };
  const items = table.rows.map((source, i) => {
    const item = rowItem(header, rows[i]!);
    // The guard compares with the row as written: the word-level steps were guarded cell by cell.
    return plainSentence(rowKeepsFacts(table.header, source, item) ? item : rowItem(table.header, source));
  });
  return { kind: "list", items: items.filter((item) => item.text !== ".") };
}

function plainSentence(text: string): OutSentence {
  return { text, defines: [] };
}

/**
 * « … conclu entre : » followed by a list or a table becomes its intro. A « : » before any other block
 * stays (« vous devez renseigner la : » then a heading): it introduces it. Only at the end of the
 * section, with nothing to introduce, does it become « . », unless the sentence would then stop on
 * « à » or « la » (its sequel is in the next section).
 */
function attachIntros(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    const next = units[i + 1];
    if (unit.kind === "paragraph") {
      const last = unit.sentences[unit.sentences.length - 1];
      if (last !== undefined && last.text.endsWith(":") && (next?.kind === "list" || next?.kind === "table") && next.intro === undefined) {
        next.intro = unit.sentences.pop();
      }
      const closing = next === undefined ? unit.sentences[unit.sentences.length - 1] : undefined;
      if (closing !== undefined && closing.text.endsWith(":")) {
        const body = closing.text.slice(0, -1).trimEnd();
        if (endsMidSentence(body) === undefined) closing.text = `${body}.`;
      }
      if (unit.sentences.length === 0) continue;
    }
    out.push(unit);
  }
  return out;
}

function explainAcronyms(units: readonly Unit[], compiled: CompiledLexicons): Unit[] {
  const explained = new Set<string>();
  const explain = (definition: AcronymDefinition): Explained => {
    explained.add(definition.acronym);
    return { text: explanationSentence(definition), defines: [], added: true, explains: definition };
  };
  const firstUses = (s: OutSentence): Explained[] =>
    acronymsIn(s.text, compiled)
      .filter((d) => !explained.has(d.acronym) && !s.defines.some((x) => x.acronym === d.acronym))
      .map(explain);
  const definitions = (defines: readonly AcronymDefinition[]): Explained[] => defines.filter((d) => !explained.has(d.acronym)).map(explain);
  const out: Unit[] = [];
  for (const unit of units) {
    if (unit.kind === "paragraph") {
      const sentences: OutSentence[] = [];
      for (const s of unit.sentences) sentences.push(...firstUses(s), s, ...definitions(s.defines));
      out.push({ kind: "paragraph", sentences });
    } else if (unit.kind === "list" || unit.kind === "table") {
      const members = sentencesOf(unit);
      const before = members.flatMap(firstUses);
      const after = members.flatMap((s) => definitions(s.defines));
      // A paragraph of its own, so that the list stays next to its intro.
      if (before.length > 0) out.push({ kind: "paragraph", sentences: before });
      out.push(unit);
      if (after.length > 0) out.push({ kind: "paragraph", sentences: after });
    } else {
      // A label that defines its acronym in brackets is explained in its own words, not the lexicon's.
      const after = [...firstUses({ text: unit.text, defines: unit.defines }), ...definitions(unit.defines)];
      out.push(unit);
      if (after.length > 0) out.push({ kind: "paragraph", sentences: after });
    }
  }
  return out;
}

function sentencesOf(unit: Unit): OutSentence[] {
  if (unit.kind === "paragraph") return unit.sentences;
  if (unit.kind === "list") return [...(unit.intro ? [unit.intro] : []), ...unit.items];
  if (unit.kind === "table") {
    const cells = [...(unit.header ?? []), ...unit.rows.flat()].filter((cell) => cell !== "").map(plainSentence);
    return [...(unit.intro ? [unit.intro] : []), ...cells];
  }
  return [{ text: unit.text, defines: [] }];
}

function glossary(units: readonly Unit[], context: Context): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  const seen = new Set<unknown>();
  // One entry per lexicon entry or acronym: « prestation » and « prestations » are one word to explain.
  const add = (key: unknown, entry: GlossaryEntry): void => {
    if (seen.has(key)) return;
    seen.add(key);
    entries.push(entry);
  };
  for (const unit of units) {
    for (const s of sentencesOf(unit) as Explained[]) {
      if (s.explains !== undefined) add(s.explains.acronym, { word: s.explains.acronym, explanation: s.explains.expansion });
      else if (!s.added) for (const found of difficultWordsIn(s.text, context.tools)) add(found.key, found.entry);
    }
  }
  return entries;
}

function maxSentencesPerParagraph(ruleSet: RuleSet): number {
  const max = ruleSet.rules.find((r) => r.id === "short-paragraphs")?.parameters.max;
  return typeof max === "number" && max >= 1 ? max : 5;
}

function toBlocks(units: readonly Unit[], maxSentences: number): RewriteBlock[] {
  const blocks: RewriteBlock[] = [];
  const bold = (s: OutSentence): string => (s.added ? s.text : boldKeyFacts(s.text));
  for (const unit of units) {
    if (unit.kind === "label") blocks.push({ type: "paragraph", sentences: [`**${unit.text}**`] });
    else if (unit.kind === "list") {
      blocks.push(unit.intro ? { type: "list", intro: bold(unit.intro), items: unit.items.map(bold) } : { type: "list", items: unit.items.map(bold) });
    } else if (unit.kind === "table") {
      // Cells stay plain: in a table of prices every cell is a key fact, and bold on all is bold on none.
      blocks.push({ type: "table", ...(unit.intro ? { intro: bold(unit.intro) } : {}), ...(unit.header ? { header: unit.header } : {}), rows: unit.rows });
    } else {
      const sentences = unit.sentences.map(bold).filter((s) => s !== "");
      for (let i = 0; i < sentences.length; i += maxSentences) blocks.push({ type: "paragraph", sentences: sentences.slice(i, i + maxSentences) });
    }
  }
  return blocks;
}

/** The section as written, one sentence per line: the fallback that cannot change a fact. */
function literal(title: string, blocks: readonly SourceBlock[]): RewriteResult {
  const out: RewriteBlock[] = blocks.map((block) => {
    if (block.kind === "label") return { type: "paragraph", sentences: [`**${block.text}**`] };
    if (block.kind === "list") return { type: "list", items: block.items };
    if (block.kind === "table") return literalTable(block);
    return { type: "paragraph", sentences: splitSentences(block.text).map((s) => finishSentence(s.text)) };
  });
  return { title, blocks: out, glossary: [] };
}

function literalTable(table: SourceTable): RewriteBlock {
  const width = table.rows[0]?.length ?? 0;
  if (width > 1 && staysTable(table)) return { type: "table", ...(table.header ? { header: table.header } : {}), rows: table.rows };
  return { type: "list", items: width > 1 ? rowItems(table) : table.rows.map((row) => row[0] ?? "").filter((cell) => cell !== "") };
}

export function rewriteSection(request: RewriteRequest, ruleSet: RuleSet): RewriteResult {
  const context: Context = { ruleSet, tools: lexiconTools(ruleSet) };
  const title = guarded(request.sectionTitle.trim(), dashesToColon);
  const { blocks, titleInText } = readSourceBlocks(request.text, request.sectionTitle);
  let units = attachIntros(buildUnits(blocks, context));
  units = explainAcronyms(units, context.tools.compiled);
  const result: RewriteResult = { title, blocks: toBlocks(units, maxSentencesPerParagraph(ruleSet)), glossary: glossary(units, context) };
  if (keepsFacts(request.text, rewriteToText(result, { title: titleInText }))) return result;
  return literal(title, blocks);
}
