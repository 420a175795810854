import { insideSpans } from "../analysis/fields.js";
import type { Block, FalcDocument, Run, TextUnit } from "../model/types.js";
import { takeTokens } from "../model/token-tapes.js";
import { blockUnits } from "../model/units.js";
import { UnitContext, type StyledRange } from "./context.js";
import { excerptAround } from "./excerpt.js";
import type { Finding, RawFinding, Severity } from "./finding.js";
import { KINDS } from "./kinds/index.js";
import type { CompiledRule, LayoutBlock, Report, ReportInput } from "./kinds/types.js";
import { compileLexicons } from "./lexicon/lexicons.js";
import { fillTemplate, type ValueSource } from "./message.js";
import { FindingPlacer, placeFindings, type PlacedFinding } from "./place.js";
import type { RuleDefinition, RuleSet } from "./schema.js";

export interface CheckOptions {
  /** Run only these rule ids. */
  only?: readonly string[];
  /** Sees every unit's shared analysis (tokens, words, sentences), so callers need not tokenize again. */
  onUnit?: (ctx: UnitContext) => void;
  /**
   * The text is a draft falc wrote (convert's checks): rules keep their own severity and message.
   * Otherwise (`falc score`, the library) a rule's `score` override applies.
   */
  draft?: boolean;
  /** Blocks left out of the check and of `onUnit` (a draft's notice to the staff: see score/draft.ts). */
  skip?: ReadonlySet<Block>;
}

export interface ActiveRule {
  definition: RuleDefinition;
  order: number;
  compiled: CompiledRule;
  /** Set by a `score` override: wins over a severity the kind reports for one finding. */
  fixedSeverity?: Severity;
}

const compiledSets = new WeakMap<RuleSet, ActiveRule[]>();

/** Compiles every rule of the set once (regular expressions, tries); cached per rule set. */
export function compileRuleSet(ruleSet: RuleSet): readonly ActiveRule[] {
  const cached = compiledSets.get(ruleSet);
  if (cached) return cached;
  const lexicons = compileLexicons(ruleSet.lexicons);
  const rules = ruleSet.rules.map((definition, order) => ({
    definition,
    order,
    compiled: KINDS[definition.kind].compile({ id: definition.id, params: definition.parameters, lexicons }),
  }));
  compiledSets.set(ruleSet, rules);
  return rules;
}

const scoringLists = new WeakMap<readonly ActiveRule[], readonly ActiveRule[]>();

/** The rules as `falc score` reports them: same compiled code, the `score` severity and message. */
function scoringRules(rules: readonly ActiveRule[]): readonly ActiveRule[] {
  let scoring = scoringLists.get(rules);
  if (scoring === undefined) {
    scoring = rules.map((rule) => {
      const score = rule.definition.score;
      return score === undefined ? rule : { ...rule, fixedSeverity: score.severity, definition: { ...rule.definition, severity: score.severity, message: score.message, messages: {} } };
    });
    scoringLists.set(rules, scoring);
  }
  return scoring;
}

function selectRules(ruleSet: RuleSet, options: CheckOptions): readonly ActiveRule[] {
  const compiled = compileRuleSet(ruleSet);
  const rules = options.draft === true ? compiled : scoringRules(compiled);
  if (options.only === undefined) return rules;
  const only = new Set(options.only);
  return rules.filter((rule) => only.has(rule.definition.id));
}

const textRuleLists = new WeakMap<readonly ActiveRule[], readonly ActiveRule[]>();

/** The rules that read text units (cached for a whole rule set: a check of a short text should not rebuild it). */
function textRules(rules: readonly ActiveRule[]): readonly ActiveRule[] {
  let selected = textRuleLists.get(rules);
  if (selected === undefined) {
    selected = rules.filter((rule) => rule.compiled.unit !== undefined);
    textRuleLists.set(rules, selected);
  }
  return selected;
}

/**
 * Checks plain text with every text rule (layout rules need a formatted document). Paragraphs are
 * separated by blank lines. Offsets are in `text`.
 */
export function checkText(text: string, ruleSet: RuleSet, options: CheckOptions = {}): RawFinding[] {
  return checkTextPlaced(text, ruleSet, options).map(toRaw);
}

/** Like checkText, with line, column and excerpt. */
export function findingsForText(text: string, ruleSet: RuleSet, options: CheckOptions = {}): Finding[] {
  return placeFindings(text, checkTextPlaced(text, ruleSet, options));
}

function checkTextPlaced(text: string, ruleSet: RuleSet, options: CheckOptions): PlacedFinding[] {
  const out: PlacedFinding[] = [];
  const rules = textRules(selectRules(ruleSet, options));
  const reporter = new UnitReporter(out);
  const state = new Map<string, unknown>();
  for (const [start, end] of paragraphs(text)) {
    const ctx = new UnitContext(text.slice(start, end), start, 0, state);
    options.onUnit?.(ctx);
    reporter.run(ctx, rules);
  }
  return sortFindings(out);
}

/** Checks a document: text rules on every unit (heading, paragraph, list item, table cell), layout rules on every block. */
export function checkDocument(document: FalcDocument, ruleSet: RuleSet, options: CheckOptions = {}): Finding[] {
  const rules = selectRules(ruleSet, options);
  const out: PlacedFinding[] = [];
  const unitRules = textRules(rules);
  const reporter = new UnitReporter(out);
  const layoutRules = document.source.format === "txt" ? [] : rules.filter((rule) => rule.compiled.block !== undefined);
  const state = new Map<string, unknown>();
  // Findings are placed block by block, in reading order: blocks never overlap, so sorting each block's
  // findings gives the document's order, and a unit's analysis is dropped as soon as its block is done.
  const placer = new FindingPlacer(document.text);
  const findings: Finding[] = [];
  for (const section of document.sections) {
    for (const block of section.blocks) {
      if (options.skip?.has(block)) continue;
      for (const unit of blockUnits(block)) {
        if (unit.text.trim() === "") continue;
        const ctx = new UnitContext(unit.text, unit.start, section.index, state, styledRanges(unit.runs), takeTokens(unit));
        options.onUnit?.(ctx);
        reporter.run(ctx, unitRules);
      }
      if (layoutRules.length > 0) runLayoutRules(layoutBlock(block, document), layoutRules, out);
      if (out.length === 0) continue;
      for (const finding of out) {
        finding.section = section.title;
        finding.sectionIndex = section.index;
      }
      placer.place(sortFindings(out), findings);
      out.length = 0;
    }
  }
  return findings;
}

/**
 * One per check, reused for every unit and every rule: rules report while they run, so the reporter
 * only needs to know which rule runs on which unit, and no closure is created per unit or per rule.
 */
class UnitReporter {
  private ctx: UnitContext | undefined;
  private rule: ActiveRule | undefined;
  readonly report: Report = (input) => {
    const ctx = this.ctx!;
    // A form field or an identifier is copied, never written: nothing inside one is a finding.
    if (ctx.untouchable.length > 0 && insideSpans(ctx.untouchable, input.start, input.end)) return;
    this.out.push(unitFinding(ctx, this.rule!, input));
  };

  constructor(private readonly out: PlacedFinding[]) {}

  run(ctx: UnitContext, rules: readonly ActiveRule[]): void {
    this.ctx = ctx;
    for (const rule of rules) {
      this.rule = rule;
      rule.compiled.unit!(ctx, this.report);
    }
  }
}

function runLayoutRules(block: LayoutBlock, rules: readonly ActiveRule[], out: PlacedFinding[]): void {
  for (const rule of rules) {
    rule.compiled.block!(block, (input) => {
      const finding = buildFinding(rule, input, block.text, block.start, input.start);
      const at = input.start - block.start;
      const { excerpt, excerptOffset } = excerptAround(block.text, 0, block.text.length, at, input.end - block.start);
      finding.excerpt = excerpt;
      finding.excerptOffset = excerptOffset;
      out.push(finding);
    });
  }
}

function unitFinding(ctx: UnitContext, rule: ActiveRule, input: ReportInput): PlacedFinding {
  const finding = buildFinding(rule, input, ctx.text, 0, ctx.base + input.start);
  finding.unit = ctx;
  return finding;
}

/** Placeholder values of one report; one instance is reused for every finding. */
class ReportValues implements ValueSource {
  input!: ReportInput;
  source = "";
  sourceOffset = 0;

  value(name: string): string | number | undefined {
    if (name === "match") return this.source.slice(this.input.start - this.sourceOffset, this.input.end - this.sourceOffset);
    if (name === "suggestion") return this.input.suggestion;
    return this.input.data?.[name];
  }
}

const values = new ReportValues();

/** `source` holds the reported text at `input.start - sourceOffset`; it is sliced only if a message asks for {match}. */
function buildFinding(rule: ActiveRule, input: ReportInput, source: string, sourceOffset: number, offset: number): PlacedFinding {
  const definition = rule.definition;
  const lookup = values;
  lookup.input = input;
  lookup.source = source;
  lookup.sourceOffset = sourceOffset;
  const template = (input.variant === undefined ? undefined : definition.messages[input.variant]) ?? definition.message;
  const message = fillTemplate(template, lookup) ?? template.replace(/\s*«\s*\{[^}]+\}\s*»|\s*\{[^}]+\}/g, "");
  const suggestion = (definition.suggestion === undefined ? undefined : fillTemplate(definition.suggestion, lookup)) ?? input.suggestion;
  // Every field is set here, in one order, so that all findings share one shape.
  return {
    ruleId: definition.id,
    severity: rule.fixedSeverity ?? (definition.severityFixed ? definition.severity : input.severity) ?? definition.severity,
    message,
    offset,
    length: input.end - input.start,
    suggestion,
    order: rule.order,
    unit: undefined,
    excerpt: undefined,
    excerptOffset: undefined,
    section: undefined,
    sectionIndex: undefined,
  };
}

function toRaw(finding: PlacedFinding): RawFinding {
  const raw: RawFinding = { ruleId: finding.ruleId, severity: finding.severity, message: finding.message, offset: finding.offset, length: finding.length };
  if (finding.suggestion !== undefined) raw.suggestion = finding.suggestion;
  return raw;
}

function sortFindings(findings: PlacedFinding[]): PlacedFinding[] {
  return findings.sort((a, b) => a.offset - b.offset || a.order - b.order || a.length - b.length);
}

/** Paragraph ranges of plain text: separated by blank lines, trimmed. */
function paragraphs(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const separator = /\n[ \t\r]*\n/g;
  let start = 0;
  const push = (from: number, to: number): void => {
    while (from < to && /\s/.test(text.charAt(from))) from++;
    while (to > from && /\s/.test(text.charAt(to - 1))) to--;
    if (to > from) ranges.push([from, to]);
  };
  for (let match = separator.exec(text); match !== null; match = separator.exec(text)) {
    push(start, match.index);
    start = match.index + match[0].length;
  }
  push(start, text.length);
  return ranges;
}


function styledRanges(runs: readonly Run[]): StyledRange[] | undefined {
  if (runs.length === 0) return undefined;
  const ranges: StyledRange[] = [];
  let offset = 0;
  for (const run of runs) {
    const { text, ...style } = run;
    // Not `{ ...style, start, end }`: a spread followed by more properties is slow in V8.
    ranges.push(Object.assign(style, { start: offset, end: offset + text.length }));
    offset += text.length;
  }
  return ranges;
}

function layoutBlock(block: Block, document: FalcDocument): LayoutBlock {
  const runs = blockUnits(block).flatMap((unit) => unit.runs);
  const layoutBlock: LayoutBlock = { start: block.start, end: block.end, text: block.text, runs };
  if (block.layout) layoutBlock.layout = block.layout;
  if (document.defaults) layoutBlock.defaults = document.defaults;
  return layoutBlock;
}
