/**
 * Letter classes for the syllable counter, on lowercase text. A lookup table keeps the hot loop free of
 * regexes and string allocation.
 */

/** Stands for a consonant inserted by the rewriting (y between vowels, ï, ë, ü): a syllable boundary. */
export const BOUNDARY = "\u0001";

const VOWELS = "aeiouyàâäéèêëîïôöùûüÿœæ";
const OBSTRUENTS = "bcdfgkptv";

/** 1 for the code of a vowel letter; every French vowel is below U+0180 (œ is U+0153). */
const VOWEL_TABLE = new Uint8Array(0x180);
for (const ch of VOWELS) VOWEL_TABLE[ch.charCodeAt(0)] = 1;

export function isVowelCode(code: number): boolean {
  return code < 0x180 && VOWEL_TABLE[code] === 1;
}

export function isVowelAt(s: string, at: number): boolean {
  return at >= 0 && at < s.length && isVowelCode(s.charCodeAt(at));
}

export function hasVowel(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isVowelCode(s.charCodeAt(i))) return true;
  return false;
}

export function isObstruent(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && OBSTRUENTS.includes(ch);
}

export function isLiquid(ch: string | undefined): boolean {
  return ch === "l" || ch === "r";
}

/**
 * Whether the consonants `cluster` end in an obstruent + liquid onset (« pr », « bl », « chr », « phl »):
 * before it, i / u / ou + vowel is a hiatus (cli-ent, ou-vri-er), not a glide.
 */
export function endsWithLiquidCluster(cluster: string): boolean {
  const n = cluster.length;
  if (n < 2 || !isLiquid(cluster[n - 1])) return false;
  const before = cluster[n - 2];
  if (isObstruent(before)) return true;
  return before === "h" && n >= 3 && "cpt".includes(cluster[n - 3] ?? "");
}

/** Two-letter spellings of one consonant sound. */
const CONSONANT_DIGRAPHS = new Set(["ch", "ph", "th", "gn", "sh", "ck", "sc"]);

/**
 * How many consonant sounds the letters `cluster` stand for, for the schwa rule: doubled letters and
 * digraphs are one, x is two (ks), h and the boundary marker count for what they are (0 and 1).
 * `skipNasal`: the first letter is the n / m of a nasal vowel and is not a consonant.
 */
export function consonantSounds(cluster: string, skipNasal: boolean): number {
  let count = 0;
  let i = skipNasal ? 1 : 0;
  while (i < cluster.length) {
    const ch = cluster[i]!;
    const next = cluster[i + 1];
    if (ch === "h") {
      i++;
      continue;
    }
    if (ch === "x") {
      count += 2;
      i++;
      continue;
    }
    if (next !== undefined && (next === ch || CONSONANT_DIGRAPHS.has(ch + next))) {
      count += ch === "c" && next === "c" ? 2 : 1;
      i += 2;
      continue;
    }
    count++;
    i++;
  }
  return count;
}

/** Whether `cluster` (the consonants after an e) is one consonant sound: « m », « ch », « gn », « q ». */
export function isSingleConsonant(cluster: string): boolean {
  if (cluster.length === 1) return cluster !== "x";
  return cluster.length === 2 && CONSONANT_DIGRAPHS.has(cluster) && cluster !== "sc";
}

/** Whether `cluster` can open a syllable: one consonant sound or obstruent + liquid. */
export function isOnsetCluster(cluster: string): boolean {
  if (isSingleConsonant(cluster)) return true;
  if (cluster.length === 2) return isObstruent(cluster[0]) && isLiquid(cluster[1]);
  return cluster.length === 3 && CONSONANT_DIGRAPHS.has(cluster.slice(0, 2)) && isLiquid(cluster[2]);
}
