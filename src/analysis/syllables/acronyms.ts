/**
 * Words written in capitals: an acronym is spelled letter by letter (MDPH = èm-dé-pé-ach = 4) unless it
 * reads as a word (CAF, ESAT, ONU, EHPAD); a word in capitals (CONTRAT, LES) reads as a word too.
 *
 * Heuristic, for the letters U (after the exceptions of lexicon.ts):
 * - 6 letters or more: a word (headings in capitals; long acronyms are made pronounceable: URSSAF, UNAPEI).
 * - no vowel: spelled (MDPH, SNCF). Two letters: spelled (UE, TV), bar the short words of CAPITALISED_WORDS.
 * - three letters: a word when consonant-vowel-consonant (CAF, BAC), vowel-consonant-vowel (ONU) or with
 *   a French vowel pair (LOI, AUX); otherwise spelled (RSA, APL, OMS, CHU).
 * - four or five letters: a word when the consonant clusters can be French: the first one opens a
 *   syllable (C, CR, ST, SM, CN…), the inner ones have at most two consonants or end in an onset (NTR),
 *   the last one closes a syllable (T, NS, RT, LC…). ESAT, CNIL, SMIC, FALC, CROUS are words;
 *   CCAS, CPAM, CNSA, SAVS, ADMR are spelled.
 */
import { CAPITALISED_WORDS, IRREGULAR_ACRONYMS } from "./lexicon.js";

const VOWEL_CAPITALS = "AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŸŒÆ";
/** Syllables of each letter's name: W is double-vé (3), Y is i grec (2), the others one. */
const LETTER_SYLLABLES: Record<string, number> = { W: 3, Y: 2 };

const ONSETS = new Set([
  "", "BL", "BR", "CL", "CR", "DR", "FL", "FR", "GL", "GR", "PL", "PR", "TR", "VR", "CH", "PH", "TH", "SC",
  "SK", "SP", "ST", "SM", "SN", "SL", "CN", "GN", "PS", "STR", "SCR", "SPR", "SPL", "CHR", "PHR",
]);
const CODAS = new Set([
  "", "NT", "ND", "NS", "NC", "NG", "NK", "RT", "RD", "RS", "RC", "RN", "RM", "RF", "RP", "RG", "RL",
  "ST", "SK", "SP", "CT", "PT", "LT", "LS", "LD", "LC", "LK", "LP", "LF", "MP", "MB", "PS", "CS", "TS",
  "DS", "RX", "NX", "CK", "SH", "CH", "TH", "PH",
]);
/** Vowel letters that make one or two syllables together in French words (headings in capitals). */
const VOWEL_GROUPS = new Set([
  "AI", "AU", "EU", "OU", "OI", "EI", "UI", "UE", "IE", "IO", "IA", "EA", "EE", "OE", "ÉE", "IÉ", "IÈ",
  "EAU", "IEU", "OEU", "OUE", "OUI", "IAI", "UEI", "OUA", "IOU",
]);

const THREE_LETTER_PAIRS = new Set(["AI", "AU", "EU", "OU", "OI", "EI", "UI", "UE", "IE", "ÉE"]);

/** Accented capitals and Œ belong to French words (ŒUVRE, BOÎTE, IDÉAL), hardly ever to acronyms. */
function hasAccent(vowels: string): boolean {
  for (const ch of vowels) if (ch > "Z") return true;
  return false;
}

function isVowelCapital(ch: string): boolean {
  return VOWEL_CAPITALS.includes(ch);
}

/** Syllables of `letters` spelled out. */
export function spelledSyllables(letters: string): number {
  let syllables = 0;
  for (const ch of letters) syllables += LETTER_SYLLABLES[ch] ?? 1;
  return syllables;
}

/**
 * How a word in capitals is read: a syllable count when spelled or irregular, or "word" when it reads as
 * a word (the caller then counts its lowercase form).
 */
export function readCapitals(letters: string): number | "word" {
  const irregular = IRREGULAR_ACRONYMS.get(letters);
  if (irregular !== undefined) return irregular;
  if (CAPITALISED_WORDS.has(letters)) return "word";
  if (letters.length >= 6) return "word";
  return isPronounceable(letters) ? "word" : spelledSyllables(letters);
}

function isPronounceable(letters: string): boolean {
  const { consonants, vowels } = clusters(letters);
  if (vowels.length === 0 || letters.length === 2) return false;
  if (vowels.some((v) => v.length > 1 && !VOWEL_GROUPS.has(v) && !hasAccent(v))) return false;
  if (letters.length === 3) return threeLetters(consonants, vowels);
  const first = consonants[0] ?? "";
  const last = consonants[consonants.length - 1] ?? "";
  if (!ONSETS.has(first) && first.length > 1) return false;
  if (!CODAS.has(last) && last.length > 1) return false;
  for (let k = 1; k < consonants.length - 1; k++) {
    const inner = (consonants[k] ?? "").replace(/(.)\1/g, "$1").replace(/H/g, "");
    if (inner.length > 3 || (inner.length === 3 && !ONSETS.has(inner.slice(1)))) return false;
  }
  return true;
}

/** CVC (CAF), VCV (ONU), or a vowel pair with one consonant (LOI, AUX). */
function threeLetters(consonants: string[], vowels: string[]): boolean {
  const shape = consonants.map((c) => c.length).join("-");
  if (vowels.length === 2) return shape === "0-1-0"; // ONU
  if (vowels.length !== 1) return false;
  if (vowels[0]!.length === 1) return shape === "1-1"; // CAF
  // LOI, AUX, RUE; not PIA, whose i + a is no French vowel digraph.
  return THREE_LETTER_PAIRS.has(vowels[0]!) && (shape === "1-0" || shape === "0-1");
}

/**
 * Alternating consonant and vowel clusters; `consonants` always has one more entry than `vowels`
 * (the first and last may be empty).
 */
function clusters(letters: string): { consonants: string[]; vowels: string[] } {
  const consonants: string[] = [];
  const vowels: string[] = [];
  let current = "";
  let inVowel = false;
  for (let i = 0; i < letters.length; i++) {
    const ch = letters[i]!;
    // No French word starts with y + consonant: « YMCA » is spelled.
    const vowel = isVowelCapital(ch) && !(i === 0 && ch === "Y" && !isVowelCapital(letters[1] ?? "A"));
    if (vowel !== inVowel) {
      (inVowel ? vowels : consonants).push(current);
      current = "";
      inVowel = vowel;
    }
    current += ch;
  }
  (inVowel ? vowels : consonants).push(current);
  if (inVowel) consonants.push("");
  return { consonants, vowels };
}
