import { acronym } from "./acronym.js";
import { existence } from "./existence.js";
import { heuristic } from "./heuristic.js";
import { layout } from "./layout.js";
import { metric } from "./metric.js";
import { sequence } from "./sequence/index.js";
import { substitution } from "./substitution.js";
import type { KindModule } from "./types.js";

/** The closed set of rule kinds; a rule file picks one with `kind`. */
export const KINDS = { existence, substitution, metric, sequence, acronym, layout, heuristic } satisfies Record<string, KindModule>;
export type RuleKind = keyof typeof KINDS;
export const KIND_NAMES = Object.keys(KINDS) as RuleKind[];
