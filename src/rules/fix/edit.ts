import { fillTemplate, type MessageData } from "../message.js";
import { capitalise, ELIDE, inRanges, quotedRanges, sameCase, startsWithVowelSound, UNELIDE } from "./french.js";
import type { FixSpec } from "./spec.js";

/** One change to a text: [start, end) becomes `text`; `then` is a sentence to add after the sentence. */
export interface Edit {
  start: number;
  end: number;
  text: string;
  then?: string;
}

/** What a fix is computed from: a finding of the rule, offsets in `text`. */
export interface FixFinding {
  start: number;
  end: number;
  variant?: string;
  data?: MessageData;
  /** Values worked out only for a fix (see ReportInput.fixData). */
  fixData?: () => MessageData;
  suggestion?: string;
}

/** How far the text conditions and expansions of a fix look around the finding, in characters. */
const WINDOW = 40;

interface CompiledFix {
  spec: FixSpec;
  match?: RegExp;
  textBefore?: RegExp;
  notTextBefore?: RegExp;
  textAfter?: RegExp;
  notTextAfter?: RegExp;
  unlessMatch?: RegExp;
  unlessBefore?: RegExp;
  unlessAfter?: RegExp;
  expandBefore?: RegExp;
  expandAfter?: RegExp;
}

const compiledFixes = new WeakMap<readonly FixSpec[], CompiledFix[]>();

function compile(fixes: readonly FixSpec[]): CompiledFix[] {
  let compiled = compiledFixes.get(fixes);
  if (compiled === undefined) {
    const re = (source: string | undefined, wrap: (s: string) => string = (s) => s) => (source === undefined ? undefined : new RegExp(wrap(source), "u"));
    compiled = fixes.map((spec) => {
      const out: CompiledFix = { spec };
      const set = <K extends keyof CompiledFix>(key: K, value: CompiledFix[K] | undefined) => {
        if (value !== undefined) out[key] = value;
      };
      set("match", re(spec.match));
      set("textBefore", re(spec.textBefore));
      set("notTextBefore", re(spec.notTextBefore));
      set("textAfter", re(spec.textAfter));
      set("notTextAfter", re(spec.notTextAfter));
      set("unlessMatch", re(spec.unless?.match));
      set("unlessBefore", re(spec.unless?.textBefore));
      set("unlessAfter", re(spec.unless?.textAfter));
      set("expandBefore", re(spec.expandBefore, (s) => `(?:${s})$`));
      set("expandAfter", re(spec.expandAfter, (s) => `^(?:${s})`));
      return out;
    });
    compiledFixes.set(fixes, compiled);
  }
  return compiled;
}

function holds(fix: CompiledFix, finding: FixFinding, text: string): boolean {
  const { spec } = fix;
  if (spec.variants !== undefined && (finding.variant === undefined || !spec.variants.includes(finding.variant))) return false;
  if (spec.notVariants !== undefined && finding.variant !== undefined && spec.notVariants.includes(finding.variant)) return false;
  if (fix.match !== undefined && !fix.match.test(text.slice(finding.start, finding.end))) return false;
  const before = text.slice(Math.max(0, finding.start - WINDOW), finding.start);
  const after = text.slice(finding.end, finding.end + WINDOW);
  if (fix.textBefore !== undefined && !fix.textBefore.test(before)) return false;
  if (fix.notTextBefore !== undefined && fix.notTextBefore.test(before)) return false;
  if (fix.textAfter !== undefined && !fix.textAfter.test(after)) return false;
  if (fix.notTextAfter !== undefined && fix.notTextAfter.test(after)) return false;
  if (spec.unless !== undefined && (fix.unlessMatch?.test(text.slice(finding.start, finding.end)) ?? true) && (fix.unlessBefore?.test(before) ?? true) && (fix.unlessAfter?.test(after) ?? true)) return false;
  if (spec.keepQuotes && inRanges(quotedRanges(text), finding.start, finding.end)) return false;
  return true;
}

/** The edit the first applicable fix makes of a finding, or undefined when none applies. */
export function editFor(fixes: readonly FixSpec[], finding: FixFinding, text: string): Edit | undefined {
  for (const fix of compile(fixes)) {
    if (!holds(fix, finding, text)) continue;
    const matched = text.slice(finding.start, finding.end);
    let extra: MessageData | undefined;
    const value = (name: string) => finding.data?.[name] ?? (extra ??= finding.fixData?.() ?? {})[name];
    const replacement = fillTemplate(fix.spec.replace, (name) => (name === "match" ? matched : name === "suggestion" ? finding.suggestion : value(name)));
    if (replacement === undefined) continue;
    const edit = shape(fix, finding, replacement, text);
    if (edit !== undefined) return edit;
  }
  return undefined;
}

function shape(fix: CompiledFix, finding: FixFinding, replacement: string, text: string): Edit | undefined {
  let start = finding.start;
  let end = finding.end;
  if (fix.expandBefore !== undefined) start -= fix.expandBefore.exec(text.slice(Math.max(0, start - WINDOW), start))?.[0].length ?? 0;
  if (fix.expandAfter !== undefined) end += fix.expandAfter.exec(text.slice(end, end + WINDOW))?.[0].length ?? 0;
  let out = replacement;
  // A sentence that starts with the replaced words keeps its capital.
  if (!/[\p{L}\p{N}]/u.test(text.slice(0, finding.start)) && /^\p{Lu}/u.test(text.charAt(finding.start))) out = capitalise(out);
  const edit: Edit = { start, end, text: out };
  if (fix.spec.elision && !redoElisions(edit, text)) return undefined;
  if (fix.spec.capitalizeNext && out === "") {
    const next = /^[^\p{L}\p{N}]*\p{L}/u.exec(text.slice(edit.end, edit.end + WINDOW));
    if (next !== null) {
      edit.text = capitalise(next[0]);
      edit.end += next[0].length;
    }
  }
  if (fix.spec.then !== undefined) edit.then = fix.spec.then;
  return edit;
}

/** The clitic just before an edit, with the spaces between (« de », « d' », « l' », « qu' »…). */
const CLITIC_BEFORE = /(?<![\p{L}\p{N}'’])(jusqu['’]|lorsqu['’]|puisqu['’]|qu['’]|[dnsjmtcl]['’]|jusque|lorsque|puisque|de|que|ne|se|je|me|te|le|la|ce)([ \t\u00A0]*)$/iu;
const NEXT_WORD = /^([\s\u00A0]+)([\p{L}][\p{L}'’-]*)/u;

/**
 * Elisions redone on both sides of the new words: « afin d'obtenir » → « pour obtenir », « lors de
 * l'arrivée » stays, « que au préalable » → « qu'avant » is never written, « ce avenant » → « cet
 * avenant », « si il » → « s'il ». False when the word before cannot be written back in full
 * (« l' » before a consonant: its gender is unknown): the fix is then not made.
 */
function redoElisions(edit: Edit, text: string): boolean {
  const words = edit.text;
  if (words === "") return true;
  const before = CLITIC_BEFORE.exec(text.slice(Math.max(0, edit.start - 12), edit.start));
  if (before !== null) {
    const written = before[1]!;
    const clitic = written.toLowerCase().replace("’", "'");
    const glued = before[2] === "";
    const vowel = startsWithVowelSound(words);
    let redone: string | undefined;
    if (clitic.endsWith("'") && glued && !vowel) {
      const full = UNELIDE[clitic];
      if (full === undefined) return false;
      redone = `${full} `;
    } else if (!clitic.endsWith("'") && vowel && ELIDE[clitic] !== undefined && !glued) {
      const elided = ELIDE[clitic]!;
      redone = elided.endsWith("'") ? elided : `${elided} `;
    }
    if (redone !== undefined) {
      edit.text = sameCase(written, redone) + edit.text;
      edit.start -= before[0].length;
    }
  }
  // « afin d'obtenir » → « pour obtenir », « puisqu'il » → « parce qu'il »: the clitic was glued to the next word.
  if (/['’]$/u.test(text.slice(edit.start, edit.end)) && !/['’]$/u.test(edit.text)) {
    const cut = edit.text.lastIndexOf(" ");
    const last = edit.text.slice(cut + 1);
    const elided = ELIDE[last.toLowerCase()];
    const glued = /^[\p{L}]+/u.exec(text.slice(edit.end))?.[0];
    if (elided?.endsWith("'") && glued !== undefined && startsWithVowelSound(glued)) edit.text = edit.text.slice(0, cut + 1) + sameCase(last, elided);
    else edit.text += " ";
    return true;
  }
  const next = NEXT_WORD.exec(text.slice(edit.end));
  if (next === null) return true;
  const cut = edit.text.lastIndexOf(" ");
  const head = edit.text.slice(0, cut + 1);
  const last = edit.text.slice(cut + 1);
  const nextWord = next[2]!.toLowerCase();
  if (last.toLowerCase() === "si" && (nextWord === "il" || nextWord === "ils")) {
    edit.text = `${head}${sameCase(last, "s'")}`;
    edit.end += next[1]!.length;
    return true;
  }
  const elided = ELIDE[last.toLowerCase()];
  if (elided === undefined || !startsWithVowelSound(nextWord)) return true;
  edit.text = `${head}${sameCase(last, elided)}`;
  if (elided.endsWith("'")) edit.end += next[1]!.length;
  return true;
}
