import type { Severity } from "../finding.js";
import type { UnitContext } from "../context.js";
import type { CompiledLexicons } from "../lexicon/lexicons.js";
import type { MessageData } from "../message.js";
import type { ParamSpecs } from "../params.js";
import type { BlockLayout, Run, RunStyle } from "../../model/types.js";

/** What a rule reports; offsets are relative to the unit (text rules) or absolute (layout rules). */
export interface ReportInput {
  start: number;
  end: number;
  /** Values for the message placeholders; `match` (the reported text) is always added. */
  data?: MessageData;
  /** Picks `messages.<variant>` instead of `message`. */
  variant?: string;
  /** Overrides the rule severity for this finding (e.g. a sentence above the error threshold). */
  severity?: Severity;
  suggestion?: string;
}

export type Report = (finding: ReportInput) => void;

/** A block as the layout rules see it: its range, its runs with their styles, its paragraph layout. */
export interface LayoutBlock {
  start: number;
  end: number;
  text: string;
  runs: readonly Run[];
  layout?: BlockLayout;
  defaults?: RunStyle & BlockLayout;
}

export interface CompiledRule {
  /** Runs on every text unit (paragraph, heading, list item, table cell). */
  unit?: (ctx: UnitContext, report: Report) => void;
  /** Runs on every block of a formatted document. */
  block?: (block: LayoutBlock, report: Report) => void;
}

export interface RuleRuntime {
  id: string;
  params: Readonly<Record<string, unknown>>;
  lexicons: CompiledLexicons;
}

export interface KindShape {
  params: ParamSpecs;
  /** Placeholders the messages may use, besides `match`. */
  placeholders: readonly string[];
  /** Names of the message variants the kind can report. */
  variants: readonly string[];
}

export interface KindModule {
  /** The parameters, placeholders and variants; for heuristics they depend on the chosen detector. */
  shape(rawParams: Readonly<Record<string, unknown>>): KindShape;
  /** Checks between parameters that types alone cannot express; returns a French message. */
  check?(params: Readonly<Record<string, unknown>>): string | undefined;
  compile(runtime: RuleRuntime): CompiledRule;
  /** Layout rules read formatted blocks and have structured examples. */
  layout?: boolean;
}

/** A named detector behind the `heuristic` kind. */
export interface Detector extends KindShape {
  check?(params: Readonly<Record<string, unknown>>): string | undefined;
  compile(runtime: RuleRuntime): (ctx: UnitContext, report: Report) => void;
}
