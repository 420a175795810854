import type { Finding, Severity } from "../rules/finding.js";
import { kandelMoles } from "./readability.js";
import type { TextStats } from "./stats.js";

/**
 * The falc score, 0–100, in one sentence for staff: « le score part de la lisibilité des phrases et
 * des mots (indice de Kandel et Moles) et perd des points pour chaque écart aux règles FALC ».
 *
 * - Three quarters come from Kandel–Moles, clamped to 0–100: shorter sentences and shorter words
 *   raise it.
 * - One quarter comes from the rules: it starts at 100 and decays with the density of findings per
 *   sentence, weighted by severity, so a long text is not punished for being long.
 *
 * Below MIN_WORDS the figures are noise (a one-word text can look "very hard"), so no score is given.
 */
export const SCORE_WEIGHTS = { readability: 0.75, rules: 0.25 } as const;
export const MIN_WORDS_TO_SCORE = 30;
const SEVERITY_WEIGHT: Record<Severity, number> = { error: 1, warning: 0.5, info: 0.1 };
/** Weighted findings per sentence at which the rules part has fallen to half. */
const HALF_SCORE_DENSITY = 0.5;

export interface ScoreResult {
  /** null when the text is too short to be scored reliably. */
  score: number | null;
  /** The same computation without the length guard, for measurement. */
  raw: number;
  readabilityPart: number;
  rulesPart: number;
}

export function computeScore(stats: TextStats, findings: readonly Pick<Finding, "severity">[]): ScoreResult {
  if (stats.words === 0) return { score: null, raw: 0, readabilityPart: 0, rulesPart: 0 };
  const readabilityPart = clamp(kandelMoles(stats), 0, 100);
  const weighted = findings.reduce((sum, finding) => sum + SEVERITY_WEIGHT[finding.severity], 0);
  const density = weighted / Math.max(stats.sentences, 1);
  const rulesPart = 100 * Math.pow(0.5, density / HALF_SCORE_DENSITY);
  const raw = SCORE_WEIGHTS.readability * readabilityPart + SCORE_WEIGHTS.rules * rulesPart;
  return {
    score: stats.words < MIN_WORDS_TO_SCORE ? null : Math.round(raw),
    raw,
    readabilityPart: Math.round(readabilityPart),
    rulesPart: Math.round(rulesPart),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
