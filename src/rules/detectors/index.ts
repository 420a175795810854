import type { Detector } from "../kinds/types.js";
import { addressReader } from "./address-reader.js";
import { allCaps } from "./all-caps.js";
import { bigNumbers } from "./big-numbers.js";
import { conditional } from "./conditional.js";
import { fullDates } from "./full-dates.js";
import { negation } from "./negation.js";
import { oneIdea } from "./one-idea.js";
import { passiveVoice } from "./passive-voice.js";
import { punctuation } from "./punctuation.js";
import { rareWords } from "./rare-words.js";
import { romanNumerals } from "./roman-numerals.js";
import { spelledNumbers } from "./spelled-numbers.js";
import { subjunctive } from "./subjunctive.js";

/** The detectors a `heuristic` rule can name. */
export const DETECTORS: Readonly<Record<string, Detector>> = {
  "passive-voice": passiveVoice,
  negation,
  conditional,
  subjunctive,
  "one-idea": oneIdea,
  "address-reader": addressReader,
  "all-caps": allCaps,
  "roman-numerals": romanNumerals,
  "spelled-numbers": spelledNumbers,
  "big-numbers": bigNumbers,
  "full-dates": fullDates,
  punctuation,
  "rare-words": rareWords,
};

export const DETECTOR_NAMES = Object.keys(DETECTORS);
