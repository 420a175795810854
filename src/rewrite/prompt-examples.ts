import { checkText } from "../rules/engine.js";
import { parseMarkedExample, type RuleDefinition, type RuleSet } from "../rules/schema.js";

/** One example for the prompt: a sentence that breaks the rule, what breaks it, and a rewrite when one is safe to show. */
export interface PromptExample {
  bad: string;
  /** The offending words, when they are not the whole example. */
  span?: string;
  good?: string;
}

/**
 * Picks the example shown with a rule in the prompt.
 *
 * The rule files give sentences that break the rule (`trigger`) and sentences that respect it
 * (`pass`), but a pass sentence is not written as the rewrite of a trigger sentence: shown as
 * « mieux », some would teach the model to drop a fact (a list shortened, a date changed, a reason
 * left out). A pair is shown only when the pass sentence keeps every content word and every number of
 * the trigger sentence (except the marked words it replaces), adds at most two words, and passes the
 * checker itself (no warning or error). Failing that, a sentence the rule's fix corrects is shown
 * with its correction (`examples.fixed`); otherwise only the bad sentence, with its culprit.
 */
export function promptExample(rule: RuleDefinition, ruleSet: RuleSet): PromptExample | undefined {
  const triggers = rule.examples.trigger.filter((example): example is string => typeof example === "string");
  if (triggers.length === 0) return undefined;
  const goods = rule.examples.pass.filter((example): example is string => typeof example === "string" && isClean(example, ruleSet));
  for (const trigger of triggers) {
    const parsed = parseMarkedExample(trigger);
    for (const good of goods) {
      if (isFaithfulRewrite(parsed, good)) return withSpan(parsed, good);
    }
  }
  // The rule's own fix, shown on its example (`examples.fixed`): a rewrite that changes only what the rule asks.
  const fixed = rule.examples.fixed.find(({ before, after }) => before !== after && isClean(after, ruleSet));
  if (fixed !== undefined) return { bad: fixed.before, good: fixed.after };
  return withSpan(parseMarkedExample(triggers[0]!));
}

function withSpan(parsed: ReturnType<typeof parseMarkedExample>, good?: string): PromptExample {
  const example: PromptExample = { bad: parsed.text };
  const first = parsed.spans[0];
  if (first !== undefined) {
    const span = parsed.text.slice(first.start, first.end).trim();
    if (span !== parsed.text.trim()) example.span = span;
  }
  if (good !== undefined) example.good = good;
  return example;
}

function isClean(text: string, ruleSet: RuleSet): boolean {
  return checkText(text, ruleSet, { draft: true }).every((finding) => finding.severity === "info");
}

/** Words that carry no fact: a rewrite may drop or change them freely. */
const FUNCTION_WORDS = new Set(
  (
    "a à au aux avec c ce ces cet cette d de des du elle elles en est et il ils j je l la le les leur leurs lui m ma mais " +
    "me mes n ne on ou par pas pour qu que qui s sa se ses son sont sur t ta te tes un une vos votre vous y"
  ).split(" "),
);
const TOKEN = /[\p{L}\p{N}]+/gu;
const DIGITS = /\d+/g;
/** A marked span this long is a whole clause or sentence: the words inside it must be kept too. */
const SHORT_SPAN_WORDS = 3;

function isFaithfulRewrite(parsed: ReturnType<typeof parseMarkedExample>, good: string): boolean {
  const all = contentWords(parsed.text);
  const required = new Set(all);
  for (const span of parsed.spans) {
    const words = parsed.text.slice(span.start, span.end).match(TOKEN) ?? [];
    if (words.length <= SHORT_SPAN_WORDS) for (const word of contentWords(words.join(" "))) required.delete(word);
  }
  const kept = contentWords(good);
  for (const word of required) if (!kept.has(word)) return false;
  const numbers = numbersOf(good);
  for (const number of numbersOf(parsed.text)) if (!numbers.has(number)) return false;
  let added = 0;
  for (const word of kept) if (!all.has(word)) added++;
  return added <= 2;
}

function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().match(TOKEN) ?? []) {
    if (!FUNCTION_WORDS.has(word) && !/^\d+$/.test(word)) out.add(word);
  }
  return out;
}

function numbersOf(text: string): Set<string> {
  return new Set((text.match(DIGITS) ?? []).map((digits) => String(Number(digits))));
}
