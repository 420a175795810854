import { DETECTORS, DETECTOR_NAMES } from "../detectors/index.js";
import type { KindModule } from "./types.js";

/**
 * `heuristic`: a named detector implemented in code (passive voice, negation, conditional…), with its
 * parameters (word lists, thresholds) in the rule file. Heuristics can be wrong; their rules say so.
 */
export const heuristic: KindModule = {
  shape: (raw) => {
    const detector = typeof raw.detector === "string" ? DETECTORS[raw.detector] : undefined;
    const base = { detector: { type: "enum", values: DETECTOR_NAMES, required: true } } as const;
    if (detector === undefined) return { params: base, placeholders: [], variants: [] };
    return { params: { ...base, ...detector.params }, placeholders: detector.placeholders, variants: detector.variants };
  },
  check: (params) => DETECTORS[params.detector as string]?.check?.(params),
  compile: (runtime) => ({ unit: DETECTORS[runtime.params.detector as string]!.compile(runtime) }),
};
