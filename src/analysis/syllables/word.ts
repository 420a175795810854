/**
 * Syllables of one lowercase word of letters (no apostrophe, hyphen or digit): strip the silent ending,
 * rewrite the spellings that hide a syllable boundary or a silent letter, then count the vowel runs
 * with runs.ts.
 */
import { isSilentEnt, type EntHint } from "./ent.js";
import { IRREGULAR_WORDS } from "./lexicon.js";
import { BOUNDARY, hasVowel, isVowelAt, isVowelCode } from "./letters.js";
import { runNuclei } from "./runs.js";

export function countWord(word: string, hint: EntHint): number {
  const irregular = IRREGULAR_WORDS.get(word);
  if (irregular !== undefined) return irregular;
  if (word.length === 1) return hasVowel(word) ? 1 : 0;
  const { stem, silentE } = stripEnding(word, hint);
  const n = countRuns(rewrite(stem));
  // le, les, que, ce: the schwa of a monosyllable is the syllable.
  return n === 0 && silentE ? 1 : n;
}

/** The word without its silent ending: final e / es, and -ent when it is a verb ending. */
function stripEnding(word: string, hint: EntHint): { stem: string; silentE: boolean } {
  let stem = word;
  let silentE = false;
  if (word.endsWith("ent")) {
    if (word.length > 3 && isSilentEnt(word, hint)) stem = word.slice(0, -3);
  } else if (word.endsWith("es")) {
    stem = word.slice(0, -2);
    silentE = true;
  } else if (word.endsWith("e") && !word.endsWith("ee")) {
    stem = word.slice(0, -1);
    silentE = true;
  }
  // langue, marquent: the u of qu / gu was there only for the e.
  if (stem !== word && (stem.endsWith("qu") || stem.endsWith("gu"))) stem = stem.slice(0, -1);
  return { stem, silentE };
}

const SOFT_AFTER_GU = "eéèêiîïy";
/** The letters `rewrite` may change or drop. */
const REWRITTEN = /[uïëüÿyh]/;

/**
 * Rewrites what hides a syllable boundary or a silent letter:
 * - silent u of qu + vowel (qui, quand) and gu + e / i (guerre, guide); « guë » keeps its u (aiguë);
 * - ï, ë, ü open a syllable: a boundary mark goes before them (na-ïf, No-ël);
 * - y between vowels is i + i (pa-ys, mo-yen), elsewhere an i (style, yeux);
 * - h between « ou » and a vowel is silent and does not break the glide (souhait).
 */
function rewrite(stem: string): string {
  // Most stems have none of the letters rewritten below: they are kept as they are, not copied letter by letter.
  if (!REWRITTEN.test(stem)) return stem;
  let out = "";
  for (let i = 0; i < stem.length; i++) {
    const c = stem[i]!;
    const next = stem[i + 1] ?? "";
    switch (c) {
      case "u":
        if (stem[i - 1] === "q" && next !== "û") continue;
        if (stem[i - 1] === "g" && next !== "" && SOFT_AFTER_GU.includes(next) && !(next === "ë")) continue;
        out += c;
        break;
      case "ï":
        // « ouï » is « oui »; a final « oï » is [ɔj] (Hanoï, Tolstoï): no new syllable.
        out += out.endsWith("ou") || (out.endsWith("o") && next === "") ? "i" : BOUNDARY + "i";
        break;
      case "ë":
        if (out.endsWith("gu")) continue; // aiguë: the diaeresis says the u is heard, the ë is silent
        out += BOUNDARY + "è";
        break;
      case "ü":
      case "ÿ":
        out += BOUNDARY + (c === "ü" ? "u" : "i");
        break;
      case "y":
        out += rewriteY(out, next);
        break;
      case "h":
        if (out.endsWith("ou") && next !== "" && isVowelCode(next.charCodeAt(0))) continue;
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

function rewriteY(before: string, next: string): string {
  const afterVowel = before.length > 0 && isVowelCode(before.charCodeAt(before.length - 1));
  if (!afterVowel) return "i";
  const beforeVowel = next !== "" && isVowelCode(next.charCodeAt(0));
  // « pays », « paysage »: a + y + s is [e.i].
  const pays = next === "s" && before.endsWith("a");
  return beforeVowel || pays ? "i" + BOUNDARY + "i" : "i";
}

/** Sum of the nuclei of each vowel run. */
function countRuns(word: string): number {
  let n = 0;
  let previousEnd = 0;
  let afterVowel = false;
  let i = 0;
  while (i < word.length) {
    if (!isVowelAt(word, i)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < word.length && isVowelAt(word, end)) end++;
    let next = end;
    while (next < word.length && !isVowelAt(word, next)) next++;
    n += runNuclei({
      word,
      start: i,
      end,
      onset: word.slice(previousEnd, i),
      coda: word.slice(end, next),
      last: next === word.length,
      afterVowel,
    });
    afterVowel = true;
    previousEnd = end;
    i = next;
  }
  return n;
}
