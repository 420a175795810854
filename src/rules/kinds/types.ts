import type { Severity } from "../finding.js";
import type { UnitContext } from "../context.js";
import type { CompiledLexicons } from "../lexicon/lexicons.js";
import type { MessageData } from "../message.js";
import type { ParamSpecs, ParamsOf } from "../params.js";
import type { BlockLayout, Run, RunStyle } from "../../model/types.js";

/** What a rule reports; offsets are relative to the unit (text rules) or absolute (layout rules). */
export interface ReportInput {
  start: number;
  end: number;
  /** Values for the message placeholders; `match` (the reported text) is always added. */
  data?: MessageData;
  /** Values only a fix asks for (a replacement put in the grammar of the sentence), worked out on that demand. */
  fixData?: () => MessageData;
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

export interface RuleRuntime<P = Readonly<Record<string, unknown>>> {
  id: string;
  params: P;
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

/** A kind or a detector written against its own parameter specs: it reads typed parameters. */
interface Typed<S extends ParamSpecs> {
  params: S;
  placeholders: readonly string[];
  variants: readonly string[];
  check?(params: ParamsOf<S>): string | undefined;
}

/** A kind whose message variants are named by its rule files (a `sequence` rule names its own). */
type KindVariants = readonly string[] | ((raw: Readonly<Record<string, unknown>>) => readonly string[]);

export interface TypedKind<S extends ParamSpecs> extends Omit<Typed<S>, "variants"> {
  variants: KindVariants;
  compile(runtime: RuleRuntime<ParamsOf<S>>): CompiledRule;
  layout?: boolean;
}

export interface TypedDetector<S extends ParamSpecs> extends Typed<S> {
  compile(runtime: RuleRuntime<ParamsOf<S>>): (ctx: UnitContext, report: Report) => void;
}

/*
 * The one place where parameters become typed: the schema has validated them against `params`
 * (validateParams, with defaults applied) before any `check` or `compile` is called.
 */
const typed = <S extends ParamSpecs>(params: Readonly<Record<string, unknown>>): ParamsOf<S> => params as ParamsOf<S>;

export function defineKind<S extends ParamSpecs>(kind: TypedKind<S>): KindModule {
  const { params, placeholders, variants } = kind;
  let shape: KindModule["shape"];
  if (typeof variants === "function") shape = (raw) => ({ params, placeholders, variants: variants(raw) });
  else {
    const fixed: KindShape = { params, placeholders, variants };
    shape = () => fixed;
  }
  const module: KindModule = {
    shape,
    compile: (runtime) => kind.compile({ ...runtime, params: typed<S>(runtime.params) }),
  };
  if (kind.check) module.check = (params) => kind.check!(typed<S>(params));
  if (kind.layout) module.layout = true;
  return module;
}

export function defineDetector<S extends ParamSpecs>(detector: TypedDetector<S>): Detector {
  const out: Detector = {
    params: detector.params,
    placeholders: detector.placeholders,
    variants: detector.variants,
    compile: (runtime) => detector.compile({ ...runtime, params: typed<S>(runtime.params) }),
  };
  if (detector.check) out.check = (params) => detector.check!(typed<S>(params));
  return out;
}
