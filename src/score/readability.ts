import type { TextStats } from "./stats.js";

/**
 * Classic surface formulas. None was validated on FALC text or on readers with an intellectual
 * disability: they rank texts, they do not judge them. Scolarius, Henry, Mesnager and de Landsheere
 * are deliberately absent (proprietary or coefficients unknown).
 */
export interface Readability {
  /** Kandel & Moles (1958), Flesch adapted to French: higher is easier, roughly 0–100. */
  kandelMoles: number;
  /** Björnsson's LIX (1968): lower is easier. */
  lix: number;
  /** Anderson's RIX (1983): lower is easier. */
  rix: number;
}

export function kandelMoles(stats: TextStats): number {
  return 207 - 1.015 * stats.wordsPerSentence - 73.6 * stats.syllablesPerWord;
}

export function lix(stats: TextStats): number {
  return stats.wordsPerSentence + 100 * stats.longWordShare;
}

export function rix(stats: TextStats): number {
  return stats.sentences === 0 ? 0 : stats.longWords / stats.sentences;
}

export function readability(stats: TextStats): Readability {
  if (stats.words === 0) return { kandelMoles: 0, lix: 0, rix: 0 };
  return { kandelMoles: round(kandelMoles(stats), 1), lix: round(lix(stats), 1), rix: round(rix(stats), 2) };
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
