import { DETECTORS, DETECTOR_NAMES } from "../detectors/index.js";
import type { Detector, KindModule } from "./types.js";

/**
 * `heuristic`: a named detector implemented in code, kept only where morphology or arithmetic needs
 * code (conditional stems, syllables, calendar, number values, capitals); its parameters are typed
 * and set in the rule file. Everything a word pattern can say is a `sequence` rule instead.
 * Heuristics can be wrong; their rules say so.
 */
const detectorOf = (params: Readonly<Record<string, unknown>>): Detector | undefined =>
  typeof params.detector === "string" ? DETECTORS[params.detector] : undefined;

export const heuristic: KindModule = {
  shape: (raw) => {
    const detector = detectorOf(raw);
    const base = { detector: { type: "enum", values: DETECTOR_NAMES, required: true } } as const;
    if (detector === undefined) return { params: base, placeholders: [], variants: [] };
    return { params: { ...base, ...detector.params }, placeholders: detector.placeholders, variants: detector.variants };
  },
  check: (params) => detectorOf(params)?.check?.(params),
  compile: (runtime) => ({ unit: detectorOf(runtime.params)!.compile(runtime) }),
};
