import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { extractFacts, parseFrenchNumber } from "../../src/analysis/normalise/index.js";
import { splitSentences } from "../../src/analysis/sentences.js";
import { packageRoot } from "../../src/config/ruleset.js";
import { UnitContext } from "../../src/rules/context.js";
import { compileLexicons, type CompiledLexicons } from "../../src/rules/lexicon/lexicons.js";
import { verbParadigm } from "../../src/rules/lexicon/verbs.js";
import type { RuleSet } from "../../src/rules/schema.js";

/**
 * The damage measure of the offline rewrite (issue 11), shared by tests/rewrite/offline-damage.test.ts
 * and scripts/eval/offline-damage.ts. Written apart from the provider's own checker, so that it
 * judges the draft rather than repeating the provider's reasoning.
 *
 * - Lost words: the words of the original, in order, that a longest common subsequence with the
 *   draft's words does not find. Left out of the original's sequence, because the rewrite may change
 *   them: difficult words it replaces (the entries with a `fix` in difficult-words.yaml), number words (written in digits), the words of
 *   dates (written in full), the connectors it replaces or drops at a cut (« et », « car », « puis »,
 *   those of `simple-connectors`), « etc. », « cf. » (« Voir »), « Il est rappelé que ». Figures are not words here: the
 *   fidelity guard compares them. The words of a bracket must be in the draft, in their order, but may
 *   move: the rewrite puts them after their sentence. An acronym in brackets after its expansion
 *   (« Conseil de la vie sociale (CVS) ») becomes an explanation, where the document needs one. The
 *   column names of a table (`headers`) are asides too: a large table becomes one item per row, each
 *   naming its columns. Additions (acronym explanations, « Précision : ») are allowed.
 * - Fragments: a sentence of the draft (a line ending with « . ») without a conjugated verb whose
 *   original sentence had one (« Précision : … » with a noun or an adjective is an aside, not a
 *   fragment), or ending on a word that cannot end a sentence (« à. », « Elle est. ») where the
 *   original did not end so.
 */

export interface Damage {
  words: number;
  lost: string[];
  fragments: string[];
}

const ELIDED: Readonly<Record<string, string>> = {
  "d'": "de", "qu'": "que", "n'": "ne", "s'": "se", "j'": "je", "m'": "me", "t'": "te", "c'": "ce", "l'": "le",
  "jusqu'": "jusque", "lorsqu'": "lorsque", "puisqu'": "puisque", la: "le", cet: "ce",
};
const CHANGEABLE = new Set(["cf", "et", "car", "puis", "etc", "lorsque", "puisque", "outre", "ailleurs", "néanmoins", "cependant", "toutefois", "revanche", "contre", "conséquent", "conséquence", "quand", "parce"].map((w) => w.normalize("NFD").replace(/\p{M}/gu, "")));
const DANGLING = new Set([
  "à", "de", "d'", "du", "des", "le", "la", "les", "l'", "un", "une", "et", "ou", "que", "qu'", "pour", "par", "sur", "avec", "dans", "en",
  "au", "aux", "est", "sont", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "mon", "ma", "mes", "votre", "vos", "notre", "nos",
  "sans", "chez", "entre", "vers", "mais", "si", "qui", "dont", "ne", "n'", "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "j'",
]);
const FUNCTION = new Set([...DANGLING, "a", "ont", "y", "se", "s'", "me", "m'", "te", "t'", "lui", "tout", "tous", "toute", "toutes", "plus", "moins", "pas", "non", "aussi"]);
const LABEL = /^(?:Précision|Par exemple|Attention|Exemple)\s*:\s*(.+)$|^Voir (.+)$/u;

interface Token {
  /** Lowercase, accents folded: for comparing the original with the draft. */
  word: string;
  /** Lowercase, as written: for the word lists. */
  raw: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  const re = /[\p{L}\p{N}]+(?:[-][\p{L}\p{N}]+)*['’]?/gu;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    // Accents folded: a heading in capitals (« DEFINITION ») is rewritten with its accents.
    let raw = m[0].toLowerCase().replace(/’/g, "'");
    if (!/\p{L}/u.test(raw)) continue;
    // « d'autres » gives « d' » then « autres »; the regex keeps the apostrophe with the word before it.
    raw = ELIDED[raw] ?? raw;
    out.push({ word: raw.normalize("NFD").replace(/\p{M}/gu, ""), raw, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

let finite: Set<string> | undefined;

/** Conjugated forms (present, imperfect, future, conditional, subjunctive, passé simple, imperative) of the project's verb lists. */
function finiteForms(): Set<string> {
  if (finite !== undefined) return finite;
  const lemmas = parse(readFileSync(join(packageRoot(), "rules/lexicon/common-lemmas.yaml"), "utf8")) as { verbs: string };
  const verbs = new Set(lemmas.verbs.split(/\s+/).filter(Boolean));
  // « Merci de choisir… » asks as an imperative does.
  finite = new Set(["faut", "fallait", "faudra", "faudrait", "voici", "voilà", "veut", "merci"]);
  for (const verb of verbs) {
    const forms = verbParadigm(verb);
    if (forms === undefined) continue;
    for (let slot = 1; slot <= 32; slot++) if (forms[slot] !== undefined) finite.add(forms[slot]!);
    if (forms[38] !== undefined) finite.add(forms[38]);
  }
  return finite;
}

function hasVerb(text: string): boolean {
  const forms = finiteForms();
  return tokens(text).some((t) => forms.has(t.raw) || (t.raw.length > 4 && t.raw.endsWith("ez")) || /^(?:ne|se|me|te|nous|vous|il|ils)$/u.test(t.raw));
}

/** Offsets of the original the rewrite may change (see the module comment). */
function changeable(text: string, compiled: CompiledLexicons): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const ctx = new UnitContext(text, 0, 0, new Map());
  for (const match of compiled.difficult.findAll(ctx)) {
    if (match.value.entry.fix === undefined) continue;
    // One word on each side too: the elision around a replacement is redone (« qu'auparavant » → « que avant »).
    spans.push([ctx.wordStart[match.first]! - 3, ctx.wordEnd[match.end - 1]! + 3]);
  }
  for (const fact of extractFacts(text)) if (fact.type === "date" || fact.type === "number") spans.push([fact.start, fact.end]);
  for (const m of text.matchAll(/Il est (?:rappelé|précisé) qu(?:e|['’])|(?<!\p{L})(?:en outre|par ailleurs|par contre|en revanche|par conséquent|en conséquence)(?!\p{L})/giu)) {
    spans.push([m.index!, m.index! + m[0].length]);
  }
  // Heading numbers (« IV. », « a) ») go with the numbering.
  for (const m of text.matchAll(/(?:^|\n)[ \t]*(?:[IVXLC]{1,6}|[a-zA-Z])[.)][ \t]/gu)) spans.push([m.index!, m.index! + m[0].length]);
  return spans;
}

interface Reference {
  /** The original's words outside brackets, in order. */
  main: string[];
  /** The words of each bracket: the rewrite may move it after its sentence, or keep it where it was. */
  asides: string[][];
}

const ACRONYM_ONLY = /^\s*\p{Lu}[\p{Lu}\p{N}&]+\s*$/u;

function referenceWords(text: string, compiled: CompiledLexicons, headers: readonly string[]): Reference {
  const spans = changeable(text, compiled);
  const skip = (t: Token): boolean =>
    CHANGEABLE.has(t.word) || parseFrenchNumber(t.word) !== null || spans.some(([a, b]) => t.start < b && t.end > a);
  // « Nom(s) », « né(e) » are part of their word; « (CVS) » after its expansion becomes an explanation.
  type Span = { start: number; end: number };
  const groups: Span[] = [...text.matchAll(/(?<!\p{L})\(([^()\n]*)\)/gu)]
    .filter((m) => !ACRONYM_ONLY.test(m[1]!))
    .map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  // A column name goes with every row of a table written as a list: it need only be there.
  for (const header of headers.map((h) => h.trim()).filter((h) => h !== "")) {
    const at = text.indexOf(header);
    if (at >= 0) groups.push({ start: at - 1, end: at + header.length + 1 });
  }
  const acronyms: Span[] = [...text.matchAll(/\((\s*\p{Lu}[\p{Lu}\p{N}&]+\s*)\)/gu)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const inside = (t: Token, list: Span[]): Span | undefined => list.find((g) => t.start > g.start && t.end < g.end);
  const main: string[] = [];
  const asides = new Map<Span, string[]>();
  for (const t of tokens(text)) {
    if (skip(t) || inside(t, acronyms) !== undefined) continue;
    const group = inside(t, groups);
    if (group === undefined) main.push(t.word);
    else asides.set(group, [...(asides.get(group) ?? []), t.word]);
  }
  return { main, asides: [...asides.values()] };
}

/** Whether `words` appear in `draft` in this order (not necessarily next to each other). */
function inOrder(words: readonly string[], draft: readonly string[]): boolean {
  let j = 0;
  for (const w of words) {
    while (j < draft.length && draft[j] !== w) j++;
    if (j === draft.length) return false;
    j++;
  }
  return true;
}

function lcsLost(reference: readonly string[], draft: readonly string[]): string[] {
  const n = reference.length;
  const m = draft.length;
  if (n * m > 30_000_000) throw new Error(`section trop longue pour la mesure (${n} × ${m})`);
  const table = new Uint16Array((n + 1) * (m + 1));
  const at = (i: number, j: number): number => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[at(i, j)] = reference[i] === draft[j] ? table[at(i + 1, j + 1)]! + 1 : Math.max(table[at(i + 1, j)]!, table[at(i, j + 1)]!);
    }
  }
  const lost: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n) {
    if (j < m && reference[i] === draft[j]) {
      i++;
      j++;
    } else if (j < m && table[at(i, j + 1)]! >= table[at(i + 1, j)]!) j++;
    else {
      // The word with a little context, to find it in the original.
      lost.push(reference.slice(Math.max(0, i - 3), i + 4).map((w, k) => (k === Math.min(3, i) ? `[${w}]` : w)).join(" "));
      i++;
    }
  }
  return lost;
}

interface OriginalSentence {
  words: Set<string>;
  verb: boolean;
  last: string;
}

function originalSentences(text: string): OriginalSentence[] {
  return splitSentences(text).map((s) => {
    const words = tokens(s.text).map((t) => t.raw);
    // A verb inside a bracket is the bracket's: the words around it were no clause.
    return { words: new Set(words), verb: hasVerb(s.text.replace(/\([^()]*\)/gu, " ")), last: /[.!?]$/u.test(s.text) ? (words[words.length - 1] ?? "") : "" };
  });
}

function fragmentsOf(original: string, draft: string, headers: readonly string[]): string[] {
  const sources = originalSentences(original);
  // Lines and sentences of the original as they were: a draft sentence that is one of them was no split.
  const pieces = [...original.split("\n"), ...splitSentences(original).map((x) => x.text)];
  // Not one that ended on « : » or « , »: a full stop there is the damage looked for.
  const units = new Set(pieces.filter((u) => !/[:,;]\s*$/u.test(u)).map((u) => tokens(u).map((t) => t.word).join(" ")));
  // Units of the original without a verb (a long heading): a draft sentence mostly made of one was no split.
  const verbless = pieces.filter((u) => !hasVerb(u)).map((u) => new Set(tokens(u).map((t) => t.raw)));
  const out: string[] = [];
  for (const line of draft.split("\n").map((l) => l.trim())) {
    // A sentence of the draft ends with a full stop; headings, intros and items are judged elsewhere,
    // and so is a table row written as an item (« Niveau : VI, définition : … »).
    if (!/\.$/u.test(line) || /\.\.$/u.test(line)) continue;
    if (headers.some((h) => h.trim() !== "" && line.toLowerCase().includes(`${h.trim().toLowerCase()} :`))) continue;
    const words = tokens(line).map((t) => t.raw);
    if (words.length === 0 || units.has(tokens(line).map((t) => t.word).join(" "))) continue;
    // The original sentence it comes from: the most words in common, for their number (Dice).
    let best: OriginalSentence | undefined;
    let score = -1;
    for (const s of sources) {
      const shared = words.filter((w) => s.words.has(w)).length;
      const dice = (2 * shared) / (words.length + s.words.size);
      if (dice > score) {
        best = s;
        score = dice;
      }
    }
    const last = /([\p{L}\p{N}'’]+)[^\p{L}\p{N}]*$/u.exec(line)?.[1]?.toLowerCase() ?? "";
    const label = LABEL.exec(line);
    const noVerb = label !== null
      ? !/\p{N}/u.test(label[1] ?? label[2]!) && !tokens(label[1] ?? label[2]!).some((t) => !FUNCTION.has(t.raw))
      : !hasVerb(line) && best?.verb === true && !verbless.some((u) => words.filter((w) => u.has(w)).length >= 0.8 * words.length);
    // « … je te félicite pour ». »: a quotation ends where its author ended it.
    const dangling = DANGLING.has(last) && best?.last !== last && !/»\s*\.$/u.test(line);
    if (noVerb || dangling) out.push(line);
  }
  return out;
}

const compiledCache = new WeakMap<RuleSet, CompiledLexicons>();

/** The damage of one section's draft (its text as convert writes it) against the section's original text. */
export function sectionDamage(original: string, draft: string, ruleSet: RuleSet, headers: readonly string[] = []): Damage {
  let compiled = compiledCache.get(ruleSet);
  if (compiled === undefined) {
    compiled = compileLexicons(ruleSet.lexicons);
    compiledCache.set(ruleSet, compiled);
  }
  const reference = referenceWords(original, compiled, headers);
  const draftWords = tokens(draft).map((t) => t.word);
  const lost = lcsLost(reference.main, draftWords);
  for (const aside of reference.asides) if (!inOrder(aside, draftWords)) lost.push(`(${aside.join(" ")})`);
  const words = reference.main.length + reference.asides.reduce((n, a) => n + a.length, 0);
  return { words, lost, fragments: fragmentsOf(original, draft, headers) };
}

/** Acronyms explained more than once in a document, and explanations where the acronym is not used. */
export function acronymRepeats(sections: ReadonlyArray<{ falc: string }>): { repeated: string[]; unused: string[] } {
  const seen = new Set<string>();
  const repeated: string[] = [];
  const unused: string[] = [];
  for (const section of sections) {
    for (const m of section.falc.matchAll(/^(\p{Lu}[\p{Lu}\p{N}&]+) veut dire /gmu)) {
      const acronym = m[1]!;
      if (seen.has(acronym)) repeated.push(acronym);
      seen.add(acronym);
      const uses = [...section.falc.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${acronym}(?![\\p{L}\\p{N}])`, "gu"))].length;
      if (uses < 2) unused.push(acronym);
    }
  }
  return { repeated, unused };
}
