import type { Detector } from "../kinds/types.js";
import { allCaps } from "./all-caps.js";
import { conditional } from "./conditional.js";
import { fullDates } from "./full-dates.js";
import { rareWords } from "./rare-words.js";
import { spelledNumbers } from "./spelled-numbers.js";

/**
 * The detectors a `heuristic` rule can name: only what needs code — verb stems (conditional),
 * syllables (rare words), the calendar (dates), number values (spelled numbers) and the sorting of
 * capitals into acronyms, numerals, names and shouting. Word patterns are `sequence` rules.
 */
export const DETECTORS: Readonly<Record<string, Detector>> = {
  conditional,
  "all-caps": allCaps,
  "spelled-numbers": spelledNumbers,
  "full-dates": fullDates,
  "rare-words": rareWords,
};

export const DETECTOR_NAMES = Object.keys(DETECTORS);
