import type { Finding } from "../rules/finding.js";
import type { Readability } from "./readability.js";
import type { TextStats } from "./stats.js";

/** The `falc score --format json` contract (version 1). More fields may be added, none removed. */
export interface ScoreReport {
  version: 1;
  files: FileScore[];
}

export interface ReportStats {
  sentences: number;
  words: number;
  syllables: number;
  wordsPerSentence: number;
  syllablesPerWord: number;
  longWords: number;
  longSentences: number;
}

export interface SectionScore {
  index: number;
  title: string;
  score: number | null;
  stats: ReportStats;
  readability: Readability;
  findings: number;
}

export interface FileScore {
  path: string;
  format: string;
  title: string;
  /** null when the text is too short to score reliably (see `scoreNote`). */
  score: number | null;
  scoreNote?: string;
  stats: ReportStats;
  readability: Readability;
  sections: SectionScore[];
  findings: Finding[];
  warnings: string[];
}

export function reportStats(stats: TextStats): ReportStats {
  return {
    sentences: stats.sentences,
    words: stats.words,
    syllables: stats.syllables,
    wordsPerSentence: round2(stats.wordsPerSentence),
    syllablesPerWord: round2(stats.syllablesPerWord),
    longWords: stats.longWords,
    longSentences: stats.longSentences,
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
