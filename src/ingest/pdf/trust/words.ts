/**
 * Whether a text layer reads as words. A font embedded without a character mapping (no ToUnicode,
 * subset glyphs numbered in order of use) makes pdfjs read « Nom et prénom » as « &'($)*$+,-.'( »:
 * letters, digits and symbols mixed inside one token, which real text, even a form full of blanks,
 * CERFA numbers and tables of figures, almost never has.
 */

/** What a text weighs as words and as symbol soup; numbers, blanks and punctuation count for neither. */
export interface TextJudgement {
  /** Letters of words found in the French word list. */
  known: number;
  /** Letters of other words that look like words of a Latin-script language (names, English…). */
  plausible: number;
  /** Characters of tokens that read as symbol soup (repeated symbols counted once). */
  garbage: number;
}

export const EMPTY_JUDGEMENT: TextJudgement = { known: 0, plausible: 0, garbage: 0 };

export function addJudgements(a: TextJudgement, b: TextJudgement): TextJudgement {
  return { known: a.known + b.known, plausible: a.plausible + b.plausible, garbage: a.garbage + b.garbage };
}

/** Share of the judged weight that is symbol soup, 0 when nothing could be judged. */
export function garbageShare(judgement: TextJudgement): number {
  const total = judgement.known + judgement.plausible + judgement.garbage;
  return total === 0 ? 0 : judgement.garbage / total;
}

// Prose punctuation that may open or close a token: « (voir », « page 3), », « *Note », « #Hashtag ».
const LEADING = /^[([{«"“‘'¿¡+*#…<]+/u;
const TRAILING = /[)\]}»"”’'.,;:!?…*>]+$/u;
// Characters a real token carries inside: apostrophes, hyphens, dots of abbreviations, « et/ou »,
// « 12,50 », « 3° », « 50% », « 20€ », the French middle dot of « salarié·e·s ».
const IN_WORD = /['’‘ʼ\-‐‑–.,/:°%€·]/u;
// Inclusive endings « Nom(s) », « inscrit(e)s », and bracketed ellipses.
const INCLUSIVE = /\(\p{L}{1,3}\)|\[…\]|\[\.\.\.\]/gu;
const URL_OR_MAIL = /^(?:https?:\/\/|www\.)|^[\p{L}\p{N}._+-]+@[\p{L}\p{N}-]+\.[\p{L}.]+$/iu;
// Bullets, check boxes and dingbats (Word's Symbol and Wingdings glyphs land in U+F000–F0FF) stand
// apart from words even when no space is drawn after them: « □oui », « ■ non ».
const MARKS = /[\u2022\u2023\u2043\u2219\u25A0-\u25FF\u2610-\u2612\u2700-\u27BF\uF000-\uF0FF]/gu;
const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;

/** Judges `text` token by token; `lexicon` holds lowercase French word forms. */
export function judgeText(text: string, lexicon: ReadonlySet<string>): TextJudgement {
  let known = 0;
  let plausible = 0;
  let garbage = 0;
  for (const token of text.replace(MARKS, " ").split(/\s+/u)) {
    const inner = token.replace(INCLUSIVE, "").replace(LEADING, "").replace(TRAILING, "");
    if (inner === "" || URL_OR_MAIL.test(inner)) continue;
    let letters = 0;
    let digits = 0;
    const odd = new Set<string>();
    for (const char of inner) {
      if (LETTER.test(char)) letters++;
      else if (DIGIT.test(char)) digits++;
      else if (!IN_WORD.test(char)) odd.add(char);
    }
    if (odd.size > 0) {
      if (isSoup(inner, letters, digits, odd)) garbage += collapsedLength(inner);
      continue;
    }
    // Digits with letters: dates, references, « 12h30 », « 1er », « 3°du ». Neither words nor soup.
    if (digits > 0 || letters === 0) continue;
    for (const part of inner.split(/[^\p{L}]+/u)) {
      if (part === "") continue;
      if (lexicon.has(part.toLowerCase())) known += part.length;
      else if (isPlausibleWord(part)) plausible += part.length;
      else garbage += part.length;
    }
  }
  return { known, plausible, garbage };
}

/**
 * A token with symbols inside it. One odd symbol in a longer token is a typing accident or a
 * reference (« 16030*01 », « a+b »); several distinct ones, or one in a short token mixed with
 * letters, are what an unmapped font gives.
 */
function isSoup(inner: string, letters: number, digits: number, odd: Set<string>): boolean {
  if (letters === 0 && digits === 0) return odd.size >= 2;
  if (odd.size >= 2) return true;
  return letters > 0 && odd.size / (letters + digits + 1) >= 0.2 && inner.length <= 8;
}

/** Length with runs of one repeated non-letter counted once: « %%%%%%%% » weighs 1. */
function collapsedLength(text: string): number {
  let length = 0;
  let previous = "";
  for (const char of text) {
    if (char !== previous || LETTER.test(char)) length++;
    previous = char;
  }
  return length;
}

const VOWELS = /[aeiouy]/;

/**
 * Whether a run of letters not in the French list could still be a word: a name, a word of another
 * Latin-script language, an acronym. Short runs are not judged.
 */
export function isPlausibleWord(word: string): boolean {
  if (word.length <= 3) return true;
  if (/^\p{Lu}+$/u.test(word) && word.length <= 8) return true;
  // More than two case flips inside a word (« aBcDeF ») is not how any language writes.
  if ((word.match(/\p{Ll}\p{Lu}/gu)?.length ?? 0) > 2) return false;
  const bare = word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  if (!/^[a-zæœßøþðı]+$/.test(bare)) return true;
  if (!VOWELS.test(bare)) return false;
  if (/[^aeiouyæœø]{6,}/.test(bare)) return false;
  const vowels = bare.match(/[aeiouyæœø]/g)?.length ?? 0;
  return bare.length < 6 || vowels / bare.length >= 0.15;
}
