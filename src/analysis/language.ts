/**
 * A cheap guess at whether a text is French, from its most frequent function words. falc's rules and
 * scores are made for French; on another language they mislead, so the user is warned (not stopped).
 */
const FRENCH = new Set(
  "le la les l de des du d un une et est sont à au aux en dans pour par sur avec que qui ne pas vous nous il elle ils elles ce cette ces son sa ses leur votre vos être a ont".split(" "),
);
const ENGLISH = new Set(
  "the and of to is are in that for you with on this be it as was were have has by not or from at your their will can".split(" "),
);
const OTHER_ROMANCE = new Set("el los las del y una por con para es son il lo gli della che per di non".split(" "));

export interface LanguageGuess {
  french: boolean;
  /** Share of the counted function words that are French ones. */
  confidence: number;
  wordsSeen: number;
}

const MIN_WORDS = 20;

export function guessFrench(text: string, sampleChars = 20_000): LanguageGuess {
  let french = 0;
  let other = 0;
  let words = 0;
  for (const match of text.slice(0, sampleChars).toLowerCase().matchAll(/\p{L}+/gu)) {
    words++;
    const word = match[0];
    if (FRENCH.has(word)) french++;
    else if (ENGLISH.has(word) || OTHER_ROMANCE.has(word)) other++;
  }
  const counted = french + other;
  const confidence = counted === 0 ? 0 : french / counted;
  // Too short to judge: do not warn.
  if (words < MIN_WORDS) return { french: true, confidence, wordsSeen: words };
  return { french: counted >= 3 && confidence >= 0.6, confidence, wordsSeen: words };
}
