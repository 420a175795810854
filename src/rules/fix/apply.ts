import { insideSpans } from "../../analysis/fields.js";
import { UnitContext } from "../context.js";
import { compileRuleSet } from "../engine.js";
import { fillTemplate } from "../message.js";
import type { RuleSet } from "../schema.js";
import { editFor, type Edit } from "./edit.js";

/** An edit, with the rule that made it. */
export interface RuleEdit extends Edit {
  ruleId: string;
  /** The rule's place in the rule set: at the same place, the first rule's edit is tried first. */
  order: number;
}

export interface FixOptions {
  /** Only these rules' fixes. */
  only?: readonly string[];
  /**
   * Which rules: those whose fixes only change words in place (`inline`), or those with a fix that adds
   * a sentence after the fixed one (`then`: « etc. »), applied once the sentence is final.
   */
  phase?: "inline" | "then";
  /**
   * Each edit is kept only if this accepts the text before and after it (the fidelity guard: a fix
   * that would lose or change a fact is not made).
   */
  guard?: (before: string, after: string) => boolean;
}

export interface FixResult {
  text: string;
  /** Sentences to add after the text, in order, each once. */
  then: string[];
  applied: RuleEdit[];
}

/** The edits the rules' fixes make of a text (a sentence, a list item, a table cell), offsets in `text`. */
export function fixEdits(text: string, ruleSet: RuleSet, options: Pick<FixOptions, "only" | "phase"> = {}): RuleEdit[] {
  const only = options.only === undefined ? undefined : new Set(options.only);
  const rules = compileRuleSet(ruleSet).filter((rule) => {
    const fix = rule.definition.fix;
    if (fix === undefined || rule.compiled.unit === undefined || (only !== undefined && !only.has(rule.definition.id))) return false;
    return options.phase === undefined || fix.some((one) => one.then !== undefined) === (options.phase === "then");
  });
  if (rules.length === 0 || text.trim() === "") return [];
  const ctx = new UnitContext(text, 0, 0, new Map());
  const edits: RuleEdit[] = [];
  for (const rule of rules) {
    const { definition } = rule;
    rule.compiled.unit!(ctx, (input) => {
      // A form field or an identifier is copied, never written.
      if (ctx.untouchable.length > 0 && insideSpans(ctx.untouchable, input.start, input.end)) return;
      const filled = definition.suggestion === undefined ? undefined : fillTemplate(definition.suggestion, (name) => (name === "match" ? text.slice(input.start, input.end) : input.data?.[name]));
      const edit = editFor(definition.fix!, { ...input, suggestion: filled ?? input.suggestion }, text);
      if (edit !== undefined) edits.push({ ...edit, ruleId: definition.id, order: rule.order });
    });
  }
  return edits;
}

/**
 * The one fixer: the edits applied from the end of the text, so that the offsets of those before
 * stay valid; an edit that overlaps one already made is skipped, and each is held to the guard.
 */
export function applyEdits(text: string, edits: readonly RuleEdit[], guard?: FixOptions["guard"]): FixResult {
  const sorted = [...edits].sort((a, b) => b.start - a.start || a.order - b.order || b.end - a.end);
  let out = text;
  let limit = Number.POSITIVE_INFINITY;
  const applied: RuleEdit[] = [];
  for (const edit of sorted) {
    if (edit.end > limit) continue;
    const candidate = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    if (candidate === out || (guard !== undefined && !guard(out, candidate))) continue;
    out = candidate;
    limit = edit.start;
    applied.unshift(edit);
  }
  const then = [...new Set(applied.flatMap((edit) => (edit.then === undefined ? [] : [edit.then])))];
  return { text: out, then, applied };
}

/** The rules' fixes on a text: the edits of one phase (or all), applied by the fixer. */
export function applyFixes(text: string, ruleSet: RuleSet, options: FixOptions = {}): FixResult {
  return applyEdits(text, fixEdits(text, ruleSet, options), options.guard);
}
