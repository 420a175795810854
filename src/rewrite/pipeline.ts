import { setMaxListeners } from "node:events";
import type { FalcDocument, Section } from "../model/types.js";
import { excerptAround } from "../rules/excerpt.js";
import type { Finding } from "../rules/finding.js";
import type { RuleSet } from "../rules/schema.js";
import { analyzeDocument, analyzeText } from "../score/analyze.js";
import { cacheKey, type SectionCache } from "./cache.js";
import { draftScore } from "./draft-score.js";
import { checkFacts, FACT_LABEL } from "./fidelity.js";
import { requestText } from "./section-text.js";
import { rewriteToText } from "./text.js";
import {
  addUsage,
  NO_USAGE,
  type ConvertedSection,
  type FactRef,
  type ConvertResult,
  type GlossaryEntry,
  type PromptBundle,
  type RewriteProvider,
  type RewriteResult,
  type SecondReader,
  type SectionPlan,
  type Usage,
} from "./types.js";

export interface ConvertOptions {
  provider: RewriteProvider;
  ruleSet: RuleSet;
  prompt: PromptBundle;
  cache?: SectionCache;
  /** Sections rewritten at once. */
  concurrency?: number;
  /** Targeted repair requests per section when errors or fact problems remain. */
  maxRepairs?: number;
  signal?: AbortSignal;
  onSection?: (event: SectionEvent) => void;
  now?: () => Date;
  /**
   * What the readers' review says of each section (by index): kept or adopted sections are never sent
   * to a model; a « pas compris » one is revised once with their remarks (src/review/plan.ts).
   */
  reviewPlans?: ReadonlyMap<number, SectionPlan>;
  /** Reads each rewritten section for changes of meaning (`--check-model`); remote providers only. */
  secondReader?: SecondReader;
}

export interface SectionEvent {
  index: number;
  total: number;
  title: string;
  cached: boolean;
  usage: Usage;
  model: string;
  /** The second reader's share of `usage` and its model, to price it at its own price. */
  check?: { usage: Usage; model: string };
}

/** Sections with this many words or fewer (a lone heading) are kept as they are. */
const TRIVIAL_SECTION_WORDS = 3;

/**
 * ingest → sections → rewrite each section → check → repair → fidelity guard. Sections run
 * concurrently and are assembled in order. Each finished section goes to the cache at once, so a
 * run that fails later resumes where it stopped.
 */
function scoresOf(analysis: ReturnType<typeof analyzeDocument>): { score: number | null; sections: (number | null)[] } {
  return { score: analysis.score, sections: analysis.sections.map((section) => section.score) };
}

export async function convertDocument(document: FalcDocument, options: ConvertOptions): Promise<ConvertResult> {
  // Only the scores are kept: the whole analysis would stay alive while the sections wait for their
  // answers (with --batch, hundreds of documents wait at once).
  const before = scoresOf(analyzeDocument(document, options.ruleSet));
  const total = document.sections.length;
  // Stops the sections still waiting for a request slot once one has failed (see RewriteCallOptions).
  const queue = new AbortController();
  const linked = options.signal ? AbortSignal.any([options.signal, queue.signal]) : queue.signal;
  // Each section waiting for a request slot listens to it: many listeners are expected.
  setMaxListeners(0, linked);
  const sectionOptions = { ...options, queueSignal: linked };
  const rewritten = await mapPool(document.sections, options.concurrency ?? 4, options.signal, async (section) => {
    const result = await convertSection(document, section, before.sections[section.index] ?? null, sectionOptions).catch((error: unknown) => {
      queue.abort(error);
      throw error;
    });
    const check = result.meaningCheck ? { check: { usage: result.meaningCheck.usage, model: result.meaningCheck.model } } : {};
    options.onSection?.({ index: section.index, total, title: section.title, cached: result.cached, usage: result.usage, model: options.provider.model, ...check });
    return result;
  });
  const converted = finishDocument(document, rewritten, options);
  const glossary = mergeGlossaries(converted.map((section) => section.rewrite));
  const after = await draftScore({ source: document.source, title: document.title, sections: converted, glossary }, options.ruleSet);
  return {
    source: document.source,
    title: document.title,
    provider: options.provider.name,
    model: options.provider.model,
    date: (options.now?.() ?? new Date()).toISOString(),
    score: { before: before.score, after },
    sections: converted,
    glossary,
    usage: converted.reduce((sum, section) => addUsage(sum, section.usage), NO_USAGE),
    warnings: document.warnings.map((warning) => warning.message),
  };
}

async function convertSection(
  document: FalcDocument,
  section: Section,
  scoreBefore: number | null,
  options: ConvertOptions & { queueSignal: AbortSignal },
): Promise<ConvertedSection> {
  const { provider, ruleSet, prompt, cache } = options;
  // Tables go as Markdown tables (rows and columns kept); the guard still compares with section.text.
  const text = requestText(section);
  const reader = options.secondReader;
  const parts = { sectionTitle: section.title, text, rulesVersion: ruleSet.effectiveVersion, promptVersion: prompt.version, provider: provider.name, model: provider.model };
  // The rewrite is stored as a run without a second reader makes it (`plainKey`), the read one apart (`key`).
  const plainKey = cacheKey(parts);
  const key = reader ? cacheKey({ ...parts, checkModel: reader.id }) : plainKey;
  const plan = options.reviewPlans?.get(section.index);
  if (plan?.kind === "keep" || plan?.kind === "adopt") {
    // Validated, corrected by hand or not yet read: human work stays word for word, never sent again.
    return assess(section, plan.rewrite, scoreBefore, { repairs: 0, cached: false, usage: NO_USAGE, lost: [] }, ruleSet);
  }
  const revision = plan?.kind === "revise" ? plan : undefined;
  // A revision answers the readers' remarks: neither read from nor written to the plain rewrite's cache entry.
  const request = { documentTitle: document.title, sectionIndex: section.index, sectionTitle: section.title, text };
  const callOptions = { ...signalOption(options.signal), queueSignal: options.queueSignal };
  const cached = revision ? undefined : ((await cache?.get(key)) ?? (key !== plainKey ? await cache?.get(plainKey) : undefined));
  if (cached) {
    const hit = assess(section, cached.result, scoreBefore, { repairs: cached.repairs, cached: true, usage: NO_USAGE, lost: cached.lost ?? [] }, ruleSet);
    if (cached.meaningCheck) return { ...hit, meaningCheck: { ...cached.meaningCheck, usage: NO_USAGE } };
    // Rewritten without a second reader, or by a run stopped before its reading: only the reading is left to pay.
    return reader && hit.rewrite.blocks.length > 0 ? readAndStore(hit, cached.model, cached.usage) : hit;
  }

  if (section.wordCount <= TRIVIAL_SECTION_WORDS) {
    const kept: RewriteResult = { title: section.title, blocks: [], glossary: [] };
    return assess(section, kept, scoreBefore, { repairs: 0, cached: false, usage: NO_USAGE, lost: [] }, ruleSet);
  }

  let usage: Usage = NO_USAGE;
  let response = await provider.rewrite(revision ? { ...request, repair: { previous: revision.previous, problems: readersRequest(revision.remarks), from: "readers" } } : request, callOptions);
  usage = addUsage(usage, response.usage);
  let best = assess(section, response.result, scoreBefore, { repairs: 0, cached: false, usage, lost: response.lost ?? [] }, ruleSet);
  for (let repair = 1; repair <= (options.maxRepairs ?? 2); repair++) {
    const problems = problemsOf(best);
    if (problems.length === 0 || provider.name === "offline") break;
    response = await provider.rewrite({ ...request, repair: { previous: best.rewrite, problems } }, callOptions);
    usage = addUsage(usage, response.usage);
    const candidate = assess(section, response.result, scoreBefore, { repairs: repair, cached: false, usage, lost: response.lost ?? [] }, ruleSet);
    best = isBetter(candidate, best) ? candidate : { ...best, repairs: repair, usage };
  }
  const lost = best.facts.missing.filter((fact) => fact.type === "personal-data");
  // Stored before the second reading too: a run stopped while the reading waits for its turn keeps the rewrite.
  if (!revision) await cache?.set(plainKey, { result: best.rewrite, repairs: best.repairs, usage: best.usage, model: response.model, ...(lost.length > 0 ? { lost } : {}) });
  return reader && best.rewrite.blocks.length > 0 ? readAndStore(best, response.model) : best;

  /** The second reader's step (see SecondReader), its verdict stored with the section. `earlier`: what the rewrite cost, when it came from the cache. */
  async function readAndStore(rewritten: ConvertedSection, model: string, earlier: Usage = NO_USAGE): Promise<ConvertedSection> {
    const repair = async (problems: string[]) => {
      const answer = await provider.rewrite({ ...request, repair: { previous: rewritten.rewrite, problems } }, callOptions);
      return assess(section, answer.result, scoreBefore, { repairs: rewritten.repairs + 1, cached: false, usage: answer.usage, lost: answer.lost ?? [] }, ruleSet);
    };
    const read = await reader!.review(rewritten, { request, callOptions, ...((options.maxRepairs ?? 2) > 0 ? { repair } : {}) });
    const missing = read.facts.missing.filter((fact) => fact.type === "personal-data");
    const stored = { result: read.rewrite, repairs: read.repairs, usage: addUsage(earlier, read.usage), model, ...(missing.length > 0 ? { lost: missing } : {}) };
    if (!revision) await cache?.set(key, { ...stored, ...(read.meaningCheck ? { meaningCheck: read.meaningCheck } : {}) });
    return read;
  }
}

function signalOption(signal: AbortSignal | undefined): { signal?: AbortSignal } {
  return signal ? { signal } : {};
}

function assess(
  section: Section,
  rewrite: RewriteResult,
  scoreBefore: number | null,
  run: { repairs: number; cached: boolean; usage: Usage; lost: FactRef[] },
  ruleSet: RuleSet,
): ConvertedSection {
  // A title falc made up is not in the original: in the compared and scored text it would be a fact
  // the rewrite « added » (the « (suite) » parts repeating a date). A section kept as it is (no
  // blocks) is its original text, not its title alone.
  const madeUp = section.titleMadeUp === true;
  // Unless the text does start with it (a document without headings whose first line is its title).
  const titleInText = !madeUp || section.text.split("\n", 1)[0]!.trim() === section.title.trim();
  const body = rewrite.blocks.length === 0 ? "" : rewriteToText(rewrite, { title: titleInText });
  const falc = body.trim() === "" ? section.text : body;
  // Convert checks its own draft: a rule is as strict as for a draft (no-validation-claim is an error).
  const analysis = analyzeText(falc, ruleSet, { draft: true });
  const facts = checkFacts(section.text, falc);
  return {
    index: section.index,
    title: madeUp ? section.title : rewrite.title.trim() || section.title,
    ...(madeUp ? { titleMadeUp: true as const } : {}),
    original: section.text,
    originalBlocks: section.blocks,
    rewrite,
    falc,
    score: { before: scoreBefore, after: analysis.score },
    findings: analysis.findings,
    facts: {
      checked: facts.checked,
      missing: [...run.lost, ...facts.missing],
      added: facts.added,
      toCheck: facts.toCheck,
      ...(facts.meaning.length > 0 ? { meaning: facts.meaning } : {}),
    },
    repairs: run.repairs,
    cached: run.cached,
    usage: run.usage,
  };
}

/** What a repair request asks the model to fix, in French: facts first, then error-level findings. */
export function problemsOf(section: ConvertedSection): string[] {
  const problems: string[] = [];
  for (const fact of section.facts.missing) {
    problems.push(`Information manquante : « ${fact.text} » (${FACT_LABEL[fact.type]}). Elle est dans l'original : elle doit être dans la version facile à lire.`);
  }
  for (const fact of section.facts.added) {
    problems.push(`Information ajoutée : « ${fact.text} » (${FACT_LABEL[fact.type]}) n'est pas dans l'original. Retirez-la ou corrigez-la.`);
  }
  for (const finding of section.findings.filter((f: Finding) => f.severity === "error")) {
    problems.push(`${finding.message} Phrase : « ${problemExcerpt(finding)} »`);
  }
  return problems;
}

/** The readers' remarks as the revision request (a « pas compris » without a remark still asks for a simpler text). */
function readersRequest(remarks: readonly string[]): string[] {
  return remarks.length > 0 ? remarks.map((remark) => `« ${remark} »`) : ["(pas de remarque écrite) Le texte est trop difficile : fais plus simple, avec des phrases plus courtes et des mots plus courants."];
}

/** At most 200 characters of the sentence, around the flagged words (the model must see them). */
function problemExcerpt(finding: Finding): string {
  const excerpt = finding.excerpt;
  const at = Math.min(Math.max(0, finding.excerptOffset ?? 0), excerpt.length);
  return excerptAround(excerpt, 0, excerpt.length, at, Math.min(excerpt.length, at + finding.length), 200).excerpt.replace(/\s+/g, " ");
}

/** Fewer missing facts first, then fewer added facts, fewer errors, then a better score. */
function isBetter(a: ConvertedSection, b: ConvertedSection): boolean {
  const rank = (s: ConvertedSection) => [s.facts.missing.length, s.facts.added.length, s.findings.filter((f) => f.severity === "error").length, -(s.score.after ?? 0)];
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! < rb[i]!;
  return false;
}

/** The provider's pass over the whole document (see RewriteProvider.finishDocument); a changed section is assessed again. */
function finishDocument(document: FalcDocument, converted: ConvertedSection[], options: ConvertOptions): ConvertedSection[] {
  if (options.provider.finishDocument === undefined) return converted;
  const results = options.provider.finishDocument(converted.map((section) => section.rewrite));
  return converted.map((section, i) => {
    const result = results[i];
    const plan = options.reviewPlans?.get(section.index);
    // Kept or adopted text is the readers' or the staff's: no pass of the provider changes it.
    if (result === undefined || result === section.rewrite || plan?.kind === "keep" || plan?.kind === "adopt") return section;
    const lost = section.facts.missing.filter((fact) => fact.type === "personal-data");
    const run = { repairs: section.repairs, cached: section.cached, usage: section.usage, lost };
    return assess(document.sections[i]!, result, section.score.before, run, options.ruleSet);
  });
}

function mergeGlossaries(results: RewriteResult[]): GlossaryEntry[] {
  const seen = new Map<string, GlossaryEntry>();
  for (const result of results) {
    for (const entry of result.glossary) {
      const key = entry.word.trim().toLowerCase();
      if (key && !seen.has(key)) seen.set(key, { word: entry.word.trim(), explanation: entry.explanation.trim() });
    }
  }
  return [...seen.values()];
}

/**
 * Runs `work` over `items` with at most `limit` at once and returns results in input order. After a
 * failure, no new item starts, items already running finish (so their results reach the cache), and
 * the first error is thrown.
 */
export async function mapPool<T, R>(items: readonly T[], limit: number, signal: AbortSignal | undefined, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (failure === undefined && next < items.length) {
      if (signal?.aborted) {
        failure = { error: signal.reason };
        break;
      }
      const index = next++;
      try {
        results[index] = await work(items[index]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure) throw failure.error;
  return results;
}
