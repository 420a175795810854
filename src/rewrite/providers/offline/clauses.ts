import { verbParadigm } from "../../../rules/lexicon/verbs.js";
import { finishSentence, startsWithVowelSound, wordsOf } from "./french.js";

/**
 * Step 1 (after the sentence splitter): long sentences cut where French joins two independent
 * clauses: at « ; » and at « , et », « , mais », « , car », « , puis », « , donc », and at a bare
 * « et » followed by a subject (« la chambre est conservée et le tarif est réduit »), unless the first
 * clause holds a word that may govern the second (« qui », « que », « si »…). Each piece
 * becomes a sentence with a capital and a full stop; « et » is dropped, the others are kept in a
 * sentence-initial form (« Mais… », « C'est parce que… », « Ensuite, … », « Donc… »).
 *
 * A cut is made only when both pieces look like clauses, by a light heuristic: a subject pronoun,
 * a negation, or a finite form of a very common verb. So « le linge, les repas, et le ménage » is
 * never cut. A sentence that opens with a condition (« Si…, A, et B ») is not cut at « et » or
 * « mais », where the condition would stop applying to B; text in brackets or quotes is never cut.
 * Relative clauses (« qui », « dont ») are not cut: the antecedent would have to be repeated, which
 * takes understanding.
 */

const CUT = /[ \t\u00A0]*;[ \t\u00A0]*|,[ \t\u00A0]+(et|mais|car|puis|donc)[ \t\u00A0]+|[ \t\u00A0]+(et)[ \t\u00A0]+(?=(?:il|ils|elle|elles|on|nous|vous|le|la|les|l['’]|un|une|son|sa|ses|leur|leurs|votre|vos|ce|cette|ces|chaque|tout|toute)[ \t\u00A0'’])/giu;
/** Before a bare « et » (no comma), a left clause with one of these may govern what follows. */
const GOVERNS = new Set(["qui", "que", "qu'", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles", "si", "s'", "quand", "lorsque", "lorsqu'", "comme", "puisque", "puisqu'", "parce", "entre"]);
const SUBJECTS = new Set(["il", "ils", "on", "je", "j'", "tu", "c'"]);
const SOFT_SUBJECTS = new Set(["elle", "elles", "nous", "vous"]);
const PREPOSITIONS = new Set(["à", "de", "d'", "avec", "pour", "chez", "sans", "par", "sur", "entre", "contre", "envers", "après", "avant", "et", "ou"]);
const CONDITION = /^(?:si|s'|lorsque|lorsqu'|quand|dès que|dès qu'|en cas|sauf si|pourvu|à condition|au cas|dans le cas|dans l'hypothèse|tant que|tant qu')/iu;
const COMMON_VERBS = ["être", "avoir", "pouvoir", "devoir", "faire", "aller", "venir", "prendre", "mettre", "permettre", "recevoir", "vouloir", "savoir", "tenir", "devenir", "dire", "voir", "falloir"];
/** Finite forms that are also frequent nouns (« des sommes », « le fait »). */
const NOT_VERBS = new Set(["sommes", "fait", "faits", "mets", "dit", "dits", "vis", "as", "avions", "voire"]);

let finite: Set<string> | undefined;

/** Present, imperfect, future and conditional of the verbs above (built on first use). */
function finiteForms(): Set<string> {
  if (finite !== undefined) return finite;
  finite = new Set(["faut", "fallait", "faudra", "faudrait"]);
  for (const verb of COMMON_VERBS) {
    const forms = verbParadigm(verb);
    if (forms === undefined) continue;
    for (let slot = 1; slot <= 24; slot++) {
      const form = forms[slot];
      if (form !== undefined && !NOT_VERBS.has(form)) finite.add(form);
    }
  }
  return finite;
}

/** A light test that a piece of sentence has a conjugated verb. */
export function looksLikeClause(piece: string): boolean {
  const words = wordsOf(piece);
  const forms = finiteForms();
  // An instruction (« Prévenez le secrétariat ») has its verb first.
  if (words[0]?.endsWith("ez") === true) return true;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (SUBJECTS.has(w) || w === "ne" || w === "n'" || forms.has(w)) return true;
    if (SOFT_SUBJECTS.has(w) && i + 1 < words.length && (i === 0 || !PREPOSITIONS.has(words[i - 1]!))) return true;
  }
  return false;
}

/** Offsets inside brackets or quotes, where no cut is made. */
function protectedMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  let depth = 0;
  let straight = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === "(" || c === "«" || c === "“") depth++;
    if (c === '"') straight = !straight;
    if (depth > 0 || straight) mask[i] = 1;
    if ((c === ")" || c === "»" || c === "”") && depth > 0) depth--;
  }
  return mask;
}

function opener(conjunction: string | undefined, rest: string): string {
  switch (conjunction?.toLowerCase()) {
    case "mais":
      return `Mais ${rest}`;
    case "car":
      return startsWithVowelSound(rest) ? `C'est parce qu'${rest}` : `C'est parce que ${rest}`;
    case "puis":
      return `Ensuite, ${rest}`;
    case "donc":
      return `Donc ${rest}`;
    default:
      return rest;
  }
}

export function splitClauses(text: string): string[] {
  const mask = protectedMask(text);
  const cuts = [...text.matchAll(CUT)].filter((m) => mask[m.index!] === 0);
  if (cuts.length === 0) return [finishSentence(text)];
  const pieces: string[] = [];
  let pieceStart = 0;
  let pendingConjunction: string | undefined;
  for (let k = 0; k < cuts.length; k++) {
    const cut = cuts[k]!;
    const left = text.slice(pieceStart, cut.index);
    // The clause after a « ; » runs to the next « ; » (« ; sinon, et sauf…, la séance… » is one clause).
    const semicolon = cut[1] === undefined && cut[2] === undefined;
    const next = cuts.slice(k + 1).find((c) => !semicolon || (c[1] === undefined && c[2] === undefined));
    const nextIndex = next === undefined ? text.length : next.index!;
    const right = text.slice(cut.index! + cut[0].length, nextIndex);
    const conjunction = cut[1] ?? cut[2];
    const piece = opener(pendingConjunction, left);
    if (conjunction !== undefined && CONDITION.test(piece.trim())) continue;
    if (cut[2] !== undefined && wordsOf(left).some((w) => GOVERNS.has(w))) continue;
    if (!looksLikeClause(left) || !looksLikeClause(right)) continue;
    pieces.push(piece);
    pieceStart = cut.index! + cut[0].length;
    pendingConjunction = conjunction;
  }
  pieces.push(opener(pendingConjunction, text.slice(pieceStart)));
  return pieces.map((piece) => finishSentence(piece)).filter((s) => s !== "");
}
