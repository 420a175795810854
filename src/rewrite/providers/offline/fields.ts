import { findFields } from "../../../analysis/fields.js";
import type { RuleSet } from "../../../rules/schema.js";
import type { RewriteBlock, RewriteRequest, RewriteResult } from "../../types.js";
import { rewriteSection } from "./section.js";

/**
 * Form fields through the offline rewrite: « Nom(s) : ________ », « ☐ oui ☐ non ». Each field is
 * swapped for one private-use character before the rewrite and given back, as written, after it.
 * No step reads such a character as a word or a sentence end, so a sentence is never cut at a blank
 * (« ........ » would otherwise end one) and no step can change what a field holds. Should a field
 * not come back, the section is rewritten again as if it had none: the old behaviour, never worse.
 */

/** Private-use characters: they appear in no text falc reads, and mean nothing to any step. */
const FIRST = 0xe000;
const LAST = 0xf8ff;
const PLACEHOLDER = /[\uE000-\uF8FF]/gu;
const HAS_PLACEHOLDER = /[\uE000-\uF8FF]/u;

interface Protection {
  /** Field as written → its character; the same field written twice gets the same one. */
  readonly byField: Map<string, string>;
  readonly fields: string[];
}

function protect(text: string, protection: Protection): string | undefined {
  const spans = findFields(text);
  if (spans.length === 0) return text;
  let out = "";
  let cursor = 0;
  for (const span of spans) {
    const field = text.slice(span.start, span.end);
    let mark = protection.byField.get(field);
    if (mark === undefined) {
      if (FIRST + protection.fields.length > LAST) return undefined;
      mark = String.fromCharCode(FIRST + protection.fields.length);
      protection.byField.set(field, mark);
      protection.fields.push(field);
    }
    out += text.slice(cursor, span.start) + mark;
    cursor = span.end;
  }
  return out + text.slice(cursor);
}

function restore(text: string, fields: readonly string[]): string {
  return text.replace(PLACEHOLDER, (mark) => fields[mark.charCodeAt(0) - FIRST] ?? mark);
}

function blockStrings(block: RewriteBlock): string[] {
  if (block.type === "paragraph") return block.sentences;
  if (block.type === "list") return [...(block.intro !== undefined ? [block.intro] : []), ...block.items];
  return [...(block.intro !== undefined ? [block.intro] : []), ...(block.header ?? []), ...block.rows.flat()];
}

/** « **Nom : ____** »: a line with a blank is a line of the form, not a heading of the section. */
const BOLD_LINE_WITH_FIELD = /^\*\*([^*]*[\uE000-\uF8FF][^*]*)\*\*$/u;

function restoreBlock(block: RewriteBlock, fields: readonly string[]): RewriteBlock {
  const r = (s: string): string => restore(s, fields);
  if (block.type === "paragraph") return { type: "paragraph", sentences: block.sentences.map((s) => r(s.replace(BOLD_LINE_WITH_FIELD, "$1"))) };
  if (block.type === "list") return { type: "list", ...(block.intro !== undefined ? { intro: r(block.intro) } : {}), items: block.items.map(r) };
  return {
    type: "table",
    ...(block.intro !== undefined ? { intro: r(block.intro) } : {}),
    ...(block.header !== undefined ? { header: block.header.map(r) } : {}),
    rows: block.rows.map((row) => row.map(r)),
  };
}

/** The offline rewrite of a section whose form fields are kept as written. */
export function rewriteSectionWithFields(request: RewriteRequest, ruleSet: RuleSet): RewriteResult {
  const protection: Protection = { byField: new Map(), fields: [] };
  const title = protect(request.sectionTitle, protection);
  const text = protect(request.text, protection);
  if (protection.fields.length === 0 || title === undefined || text === undefined || HAS_PLACEHOLDER.test(request.text + request.sectionTitle)) {
    return rewriteSection(request, ruleSet);
  }
  const result = rewriteSection({ ...request, sectionTitle: title, text }, ruleSet);
  const written = [result.title, ...result.blocks.flatMap(blockStrings)].join("\n");
  const marksIn = (s: string): Set<string> => new Set(s.match(PLACEHOLDER) ?? []);
  const wanted = marksIn(text);
  const kept = marksIn(written);
  for (const mark of wanted) if (!kept.has(mark)) return rewriteSection(request, ruleSet);
  return {
    title: restore(result.title, protection.fields),
    blocks: result.blocks.map((block) => restoreBlock(block, protection.fields)),
    glossary: result.glossary,
  };
}
