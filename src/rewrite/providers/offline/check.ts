import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { packageRoot } from "../../../config/ruleset.js";
import { verbParadigm } from "../../../rules/lexicon/verbs.js";
import { wordsOf } from "./french.js";

/**
 * The property checker of the offline rewrite (issue 11): a transformation of a sentence is kept only
 * if it leaves no damage the fidelity guard cannot see, since that guard compares facts, not French.
 * Refused:
 * - a fragment: a piece without a conjugated verb where the original sentence had one (« Mais elle
 *   seule. »), or ending on a word that cannot end a sentence (« … présenter expressément à. »,
 *   « Elle est. ») where the original did not end on it;
 * - a sentence that ended on « : » or « , » (it introduces or goes on into what follows) now ending
 *   on a full stop;
 * - an identifier lost: a word with capitals or figures in it (« CERFA », « R. 412-11 », « A4 »).
 * The caller then keeps the sentence as it was written.
 */

/** Pieces such as « Précision : … » or « Voir … » are asides the rewrite writes on purpose; they need a content word, not a verb. */
const ASIDE = /^(?:(?:Précision|Par exemple)\s*:\s*|Voir\s+)(.*)$/u;
/** Words that leave a sentence hanging when they end it. */
const DANGLING = new Set([
  "à", "de", "d'", "du", "des", "le", "la", "les", "l'", "un", "une", "et", "ou", "que", "qu'", "pour", "par", "sur", "avec", "dans",
  "au", "aux", "est", "sont", "ce", "cette", "ces", "son", "sa", "ses", "leurs", "mon", "ma", "mes", "votre", "vos", "notre", "nos",
  "sans", "chez", "entre", "vers", "mais", "si", "dont", "ne", "n'", "je", "j'",
]);
const FUNCTION_WORDS = new Set([...DANGLING, "en", "leur", "il", "elle", "ils", "elles", "on", "nous", "vous", "qui", "y", "se", "s'", "a", "ont", "tout", "tous", "toute", "toutes", "pas", "plus"]);
/** Forms that are verbs whatever the list says (impersonal, presentatives), and « merci de… », which asks as an imperative does. */
const ALWAYS_VERBS = ["faut", "fallait", "faudra", "faudrait", "voici", "voilà", "merci"];

let finite: Set<string> | undefined;

/** Conjugated forms of the project's everyday verbs (rules/lexicon/common-lemmas.yaml), built on first use. */
function finiteForms(): Set<string> {
  if (finite !== undefined) return finite;
  finite = new Set(ALWAYS_VERBS);
  let verbs: string[] = [];
  try {
    const lemmas = parse(readFileSync(join(packageRoot(), "rules/lexicon/common-lemmas.yaml"), "utf8")) as { verbs?: string };
    verbs = (lemmas.verbs ?? "").split(/\s+/).filter(Boolean);
  } catch {
    // Without the list the checker still knows être, avoir and the modal verbs below.
  }
  for (const verb of [...verbs, "être", "avoir", "pouvoir", "devoir", "vouloir", "faire", "aller"]) {
    const forms = verbParadigm(verb);
    if (forms === undefined) continue;
    // Present, imperfect, future, conditional, subjunctive, passé simple; and the imperative.
    for (let slot = 1; slot <= 32; slot++) if (forms[slot] !== undefined) finite.add(forms[slot]!);
    if (forms[38] !== undefined) finite.add(forms[38]);
  }
  return finite;
}

/** Whether a piece of text has a conjugated verb, by the verb lists (or a « -ez » form: « Prévenez »). */
export function hasVerb(text: string): boolean {
  const forms = finiteForms();
  return wordsOf(text).some((w) => forms.has(w) || (w.length > 4 && w.endsWith("ez")) || w === "n'" || w === "ne");
}

function lastWord(text: string): string {
  const words = wordsOf(text);
  return words[words.length - 1] ?? "";
}

/** A text that stops on a word that cannot end a sentence, or on a comma: it goes on in what follows. */
export function endsMidSentence(text: string): "comma" | "word" | undefined {
  const trimmed = text.trimEnd();
  if (trimmed.endsWith(",")) return "comma";
  return /[\p{L}'’]$/u.test(trimmed) && DANGLING.has(lastWord(trimmed)) ? "word" : undefined;
}

/** A noun, adjective, verb or figure: what makes « (ou des) » a piece of grammar and « (petit déjeuner) » an aside. */
export function hasContentWord(text: string): boolean {
  return /\p{N}/u.test(text) || wordsOf(text).some((w) => !FUNCTION_WORDS.has(w));
}

/** A piece is a fragment that its original sentence was not (see the module comment). */
export function isFragment(piece: string, original: string): boolean {
  const aside = ASIDE.exec(piece.trim());
  if (aside !== null) return !hasContentWord(aside[1]!);
  // A verb inside a bracket does not make the words around it a clause: the bracket goes apart.
  if (!hasVerb(piece) && hasVerb(original.replace(/\([^()]*\)/gu, " "))) return true;
  const last = lastWord(piece);
  return DANGLING.has(last) && lastWord(original) !== last;
}

/**
 * A word with two capitals or a letter and a figure: « CERFA », « EN », « A4 », « 12AB3 ». Figures
 * alone are facts, which the fidelity guard compares; a capital at the start of a word is a sentence
 * start or a name.
 */
const IDENTIFIER = /(?<![\p{L}\p{N}])[\p{L}\p{N}]*(?:\p{Lu}[\p{L}\p{N}]*\p{Lu}|\p{L}[\p{L}]*\p{N}|\p{N}[\p{N}]*\p{L})[\p{L}\p{N}]*(?![\p{L}\p{N}])/gu;

function identifiers(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of text.matchAll(IDENTIFIER)) out.set(m[0], (out.get(m[0]) ?? 0) + 1);
  return out;
}

/** Whether every identifier of the original is still written in the pieces. */
export function keepsIdentifiers(original: string, pieces: readonly string[]): boolean {
  const after = identifiers(pieces.join("\n"));
  for (const [id, count] of identifiers(original)) if ((after.get(id) ?? 0) < count) return false;
  return true;
}

/**
 * Whether the pieces a sentence became may replace it. `added` pieces (explanations the rewrite
 * writes itself) are not judged as fragments.
 */
export function safeRewrite(original: string, pieces: ReadonlyArray<{ text: string; added?: boolean; item?: boolean }>): boolean {
  const own = pieces.filter((p) => p.added !== true);
  // List items and intros are not sentences: only what they keep is judged.
  if (own.some((p) => p.item !== true && isFragment(p.text, original))) return false;
  // « … vous devez renseigner la : » introduces the next block; « … le règlement, » goes on into it.
  const mark = /([:,])\s*$/u.exec(original)?.[1];
  if (mark !== undefined && !own.some((p) => p.text.trimEnd().endsWith(mark))) return false;
  return keepsIdentifiers(original, pieces.map((p) => p.text));
}
