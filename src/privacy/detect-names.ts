import type { PiiSpan } from "./kinds.js";
import {
  ORGANISATION_BEFORE,
  isAcronym,
  isFirstName,
  isOrganisationWord,
  isRoleWord,
  isSentenceWord,
  isUpperWord,
  titleCase,
} from "./name-words.js";

const SP = "[ \\u00A0\\u202F]+";
const WORD = "\\p{Lu}\\p{L}+(?:['’]\\p{L}+)?(?:-\\p{Lu}\\p{L}+)*";
const PARTICLE = `(?:(?:de la|de|du|des|van der|van den|van|von|di|da|del|della|dos|Le|La|De|Du|Des|Van|Von|Di|Da|Del)${SP}|d['’])`;
const INITIAL = "\\p{Lu}\\.(?:-\\p{Lu}\\.)?";
const CIVILITY = "(?:M\\.|MM\\.|Mmes?|Mlles?|[Mm]adame|[Mm]onsieur|[Mm]ademoiselle|Mesdames|Messieurs|Dr\\.?|Docteur|Pr\\.?|Professeur|Me|Maître)";

// The civility stays in the text (the model needs it for gender agreement); only the name is masked.
const CIVILITY_NAME = new RegExp(
  `(?<![\\p{L}])${CIVILITY}${SP}((?:${INITIAL}${SP}?)?${PARTICLE}?${WORD}(?:${SP}${PARTICLE}?${WORD}){0,2})(?![\\p{L}])`,
  "gu",
);

// Maiden and married names: « Simone Perrin, née Dupont », « épouse Martin », « veuve Le Goff ».
const FAMILY_NAME = new RegExp(
  `(?<=(?<![\\p{L}])(?:[Nn]ée|[Éé]pouse|ép\\.|[Vv]euve|Vve)${SP})${PARTICLE}?${WORD}(?:${SP}${PARTICLE}?${WORD})?(?![\\p{L}])`,
  "gu",
);

// A run of capitalised words (with particles) in which a first name may start a « Prénom Nom ».
const CAPITALISED_RUN = new RegExp(`(?<![\\p{L}\\d\\-])${WORD}(?:${SP}${PARTICLE}?${WORD})+(?![\\p{L}])`, "gu");
const WORD_IN_RUN = new RegExp(WORD, "gu");
// « Marie Marguerite de La Tour »: first names and surname together rarely exceed four words.
const MAX_NAME_WORDS = 4;
const MAX_SURNAME_LENGTH = 60;

export function detectCivilityNames(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  CIVILITY_NAME.lastIndex = 0;
  for (const match of text.matchAll(CIVILITY_NAME)) {
    const name = match[1];
    if (name === undefined) continue;
    const start = match.index + match[0].length - name.length;
    const end = keptEnd(wordsOf(name), 0);
    if (end > 0) spans.push({ start, end: start + end, kind: "PERSONNE" });
  }
  return spans;
}

export function detectFamilyNames(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const match of text.matchAll(FAMILY_NAME)) {
    const end = keptEnd(wordsOf(match[0]), 0);
    if (end > 0) spans.push({ start: match.index, end: match.index + end, kind: "PERSONNE" });
  }
  return spans;
}

/** « Simone Perrin », « Jean-Pierre de La Tour », « PERRIN Simone »: a known first name next to a surname. */
export function detectFirstNameNames(text: string, firstNames: ReadonlySet<string>): PiiSpan[] {
  const spans: PiiSpan[] = [];
  CAPITALISED_RUN.lastIndex = 0;
  for (const match of text.matchAll(CAPITALISED_RUN)) {
    for (const span of personsInRun(text, match.index, match[0], firstNames)) spans.push(span);
  }
  return spans;
}

/**
 * Surnames already known (from this text or earlier sections) found alone: « la famille Perrin ».
 * Each surname is its own value, so restoring gives back exactly what was written.
 */
export function detectKnownSurnames(text: string, surnames: ReadonlySet<string>): PiiSpan[] {
  const spans: PiiSpan[] = [];
  // A plain search per surname: a regex built from a document's names could grow without bound.
  for (const surname of surnames) {
    for (let at = text.indexOf(surname); at !== -1; at = text.indexOf(surname, at + surname.length)) {
      const end = at + surname.length;
      if (isNameChar(text[at - 1]) || isNameChar(text[end])) continue;
      spans.push({ start: at, end, kind: "PERSONNE" });
    }
  }
  return spans;
}

const NAME_CHAR = /[\p{L}\-]/u;

function isNameChar(char: string | undefined): boolean {
  return char !== undefined && NAME_CHAR.test(char);
}

/**
 * Forms of the surname of a masked name that are distinctive enough to be masked on their own:
 * « Jean-Pierre de La Tour » → « de La Tour », « La Tour »; « Simone PERRIN » → « PERRIN », « Perrin ».
 * A name made only of first names (« Jean Michel ») gives nothing: « Michel » alone is too common.
 */
export function surnameForms(name: string, firstNames: ReadonlySet<string>): string[] {
  const words = [...name.matchAll(WORD_IN_RUN)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
  const first = words[0];
  const last = words[words.length - 1];
  if (first === undefined || last === undefined) return [];
  let surname: string;
  if (words.length > 1 && isUpperWord(first.word) && !isFirstName(first.word, firstNames) && isFirstName(last.word, firstNames)) {
    surname = first.word; // « PERRIN Simone »
  } else {
    let i = 0;
    while (i < words.length && isFirstName(words[i]!.word, firstNames)) i++;
    if (i === words.length) return [];
    surname = i === 0 ? name.slice(first.start) : name.slice(words[i - 1]!.end).trim();
  }
  const bare = surname.replace(/^(?:(?:de la|de|du|des|van der|van den|van|von|di|da|del|della|dos)[ \u00A0\u202F]+|d['’])/u, "");
  const forms = new Set([surname, bare, bare.toUpperCase(), isUpperWord(bare) ? titleCase(bare) : bare]);
  return [...forms].filter((form) => form.length >= 3 && form.length <= MAX_SURNAME_LENGTH && !isCommonWord(form, firstNames));
}

function isCommonWord(form: string, firstNames: ReadonlySet<string>): boolean {
  const title = isUpperWord(form) ? titleCase(form) : form;
  return isFirstName(title, firstNames) || isRoleWord(title) || isSentenceWord(title) || isAcronym(form) || isOrganisationWord(form);
}

/** Every « Prénom Nom » in a run of capitalised words (a run may list several people). */
function personsInRun(text: string, runStart: number, run: string, firstNames: ReadonlySet<string>): PiiSpan[] {
  const words = wordsOf(run);
  const organisationFrom = organisationStart(text, runStart, words);
  const spans: PiiSpan[] = [];
  let taken = 0;
  for (let i = 0; i < words.length && i <= organisationFrom; i++) {
    const current = words[i]!;
    if (current.start < taken || !isFirstName(current.word, firstNames)) continue;
    const previous = words[i - 1];
    const upperBefore =
      previous !== undefined &&
      previous.start >= taken &&
      isUpperWord(previous.word) &&
      !isAcronym(previous.word) &&
      !isFirstName(previous.word, firstNames);
    const start = upperBefore ? previous.start : current.start;
    // « PERRIN Simone »: the surname in capitals comes first, the first names follow.
    const end = keptEnd(words, i, firstNames);
    // Without a surname after it (or a surname in capitals before it), a first name is not masked.
    if (!upperBefore && end <= current.start + current.word.length) continue;
    spans.push({ start: runStart + start, end: runStart + end, kind: "PERSONNE" });
    taken = end;
  }
  return spans;
}

interface RunWord {
  word: string;
  start: number;
}

function wordsOf(run: string): RunWord[] {
  return [...run.matchAll(WORD_IN_RUN)].map((m) => ({ word: m[0], start: m.index }));
}

/**
 * Organisation and place names are not masked, even when they contain a person's name
 * (« Association Les Amis de Pierre Loti », « Résidence Marie Curie »): they are public names.
 * Returns the index of the run's first word that belongs to such a name (words.length if none).
 */
function organisationStart(text: string, runStart: number, words: readonly RunWord[]): number {
  if (ORGANISATION_BEFORE.test(text.slice(Math.max(0, runStart - 40), runStart))) return -1;
  const index = words.findIndex((word) => isOrganisationWord(word.word));
  return index === -1 ? words.length : index;
}

/**
 * End (in the run) of the name starting at word `from`, once role words (« Madame la Directrice »)
 * and a dangling sentence word (« Madame La » before a role) are cut off; 0 if nothing is left.
 * « Le Goff » keeps its « Le »: a name word follows it. With `firstNames`, a first name after a
 * surname starts the next person (« Luc Perrin Marie Dupont »).
 */
function keptEnd(words: readonly RunWord[], from: number, firstNames?: ReadonlySet<string>): number {
  let last = -1;
  let surnameSeen = false;
  // A run of capitalised words longer than a name (a title, a list of names) is cut.
  const limit = Math.min(words.length, from + MAX_NAME_WORDS);
  for (let i = from; i < limit; i++) {
    const word = words[i]!.word;
    if (isRoleWord(word)) break;
    if (firstNames !== undefined) {
      const isFirst = isFirstName(word, firstNames);
      if (isFirst && surnameSeen) break;
      surnameSeen ||= !isFirst;
    }
    last = i;
  }
  while (last >= from && isSentenceWord(words[last]!.word)) last--;
  return last < from ? 0 : words[last]!.start + words[last]!.word.length;
}
