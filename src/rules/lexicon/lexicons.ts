import { expandPattern } from "./patterns.js";
import { PhraseMatcher } from "./matcher.js";
import { adjectiveForms, plural } from "./inflect.js";
import { verbForms } from "./verbs.js";
import { canonicalWords } from "../text/elision.js";
import { WordList } from "../text/features.js";
import type { EntryFix } from "./entry-fix-spec.js";

export const INFLECTIONS = ["verb", "noun", "adjective"] as const;
export type Inflection = (typeof INFLECTIONS)[number];

/** One entry of `rules/lexicon/difficult-words.yaml`. */
export interface DifficultWordEntry {
  /** Patterns in the lexicon mini-syntax (see patterns.ts). */
  match: string[];
  /** Plain replacements, most usual first. */
  replace: string[];
  /** A short plain explanation, when no word can replace it. */
  explain?: string;
  /**
   * Words after which `explain` is the word's sense here (determiners, the nouns of people it
   * qualifies); elsewhere the word has another sense (« tribunal administratif référent ») and is
   * not explained. Lower case; absent: the explanation holds everywhere.
   */
  explainAfter?: string[];
  /** Generate the inflected forms of the first word (verb) or of every content word (noun, adjective). */
  inflect?: Inflection;
  /** The replacement written in place of the word when the text is fixed by rule (see entry-fix.ts). */
  fix?: EntryFix;
  note?: string;
}

/** One entry of `rules/lexicon/acronyms.yaml`. */
export interface AcronymEntry {
  acronym: string;
  expansion: string;
  /** Read as a word (CAF, ESAT) rather than spelled out (MDPH). */
  readAsWord: boolean;
  /** The expansion could not be checked in a published glossary. */
  uncertain?: boolean;
  note?: string;
}

export interface Lexicons {
  difficultWords: DifficultWordEntry[];
  acronyms: AcronymEntry[];
  /** All-capital words that are neither acronyms to explain nor shouting (« OK »). */
  ignoredCaps: string[];
  /** Everyday French word forms, lowercase. */
  commonWords: ReadonlySet<string>;
}

export interface DifficultHit {
  entry: DifficultWordEntry;
  /** The infinitive the matched form comes from, for verb entries. */
  verb?: string;
}

export interface CompiledLexicons {
  difficult: PhraseMatcher<DifficultHit>;
  /** Single-word forms of the difficult words (lowercase), so other rules do not report them twice. */
  difficultForms: WordList;
  acronyms: ReadonlyMap<string, AcronymEntry>;
  ignoredCaps: ReadonlySet<string>;
  /** The everyday words, tested per word by bit (see text/features.ts). */
  common: WordList;
}

const FUNCTION_WORDS = new Set(["de", "du", "des", "d'", "à", "au", "aux", "la", "le", "les", "l'", "en", "pour", "par", "sur", "un", "une", "et", "ou"]);

/** Expansions already made: the lexicon's validation and its compilation, at every start, expand the same entries. */
const expansions = new WeakMap<DifficultWordEntry, readonly { expression: string; verb?: string }[]>();

/** Expands one entry into every expression it matches, each with the verb it comes from. */
export function entryExpressions(entry: DifficultWordEntry): readonly { expression: string; verb?: string }[] {
  let out = expansions.get(entry);
  if (out === undefined) {
    out = expandEntry(entry);
    expansions.set(entry, out);
  }
  return out;
}

function expandEntry(entry: DifficultWordEntry): { expression: string; verb?: string }[] {
  const out: { expression: string; verb?: string }[] = [];
  for (const pattern of entry.match) {
    for (const expression of expandPattern(pattern)) {
      const words = expression.split(" ");
      if (entry.inflect === "verb") {
        const verb = words[0]!;
        const forms = verbForms(verb);
        if (forms === undefined) throw new Error(`conjugaison inconnue pour le verbe « ${verb} »`);
        for (const form of forms) out.push({ expression: [form, ...words.slice(1)].join(" "), verb });
      } else if (entry.inflect === "noun") {
        out.push({ expression });
        out.push({ expression: words.map((word) => (FUNCTION_WORDS.has(word) ? word : plural(word))).join(" ") });
      } else if (entry.inflect === "adjective" && words.length === 1) {
        for (const form of adjectiveForms(expression)) out.push({ expression: form });
      } else {
        out.push({ expression });
      }
    }
  }
  return out;
}

const compiled = new WeakMap<Lexicons, CompiledLexicons>();

/** Builds the matchers once per lexicon set (the result is cached). */
export function compileLexicons(lexicons: Lexicons): CompiledLexicons {
  const cached = compiled.get(lexicons);
  if (cached) return cached;
  const difficult = new PhraseMatcher<DifficultHit>();
  const difficultForms = new Set<string>();
  for (const entry of lexicons.difficultWords) {
    for (const { expression, verb } of entryExpressions(entry)) {
      difficult.add(expression, verb === undefined ? { entry } : { entry, verb });
      if (canonicalWords(expression).length === 1) difficultForms.add(expression);
    }
  }
  const acronyms = new Map<string, AcronymEntry>();
  for (const entry of lexicons.acronyms) acronyms.set(acronymKey(entry.acronym), entry);
  const result: CompiledLexicons = {
    difficult,
    difficultForms: new WordList(difficultForms, false),
    acronyms,
    ignoredCaps: new Set(lexicons.ignoredCaps.map(acronymKey)),
    common: new WordList(lexicons.commonWords, false),
  };
  compiled.set(lexicons, result);
  return result;
}

/** Acronyms are looked up without accents: « ÉSAT » and « ESAT » are the same. */
export function acronymKey(acronym: string): string {
  // ASCII has no accent to drop: the common case skips the normalisation.
  if (isAscii(acronym)) return acronym.toUpperCase();
  return acronym.normalize("NFD").replace(/\p{M}/gu, "").toUpperCase();
}

function isAscii(text: string): boolean {
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) > 0x7f) return false;
  return true;
}
