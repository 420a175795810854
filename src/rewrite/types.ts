import type { Fact, MeaningPoint } from "../analysis/normalise/index.js";
import type { Block, SourceInfo } from "../model/types.js";
import type { Finding } from "../rules/finding.js";

/**
 * The structure every provider must return for a section: a short title, blocks of short sentences
 * (one per line), bullet lists or small tables, and the difficult words kept, with their explanation (for the
 * glossary « Les mots difficiles »). Key information may be marked `**en gras**` inside a sentence;
 * no other markup is allowed.
 */
export interface RewriteResult {
  title: string;
  blocks: RewriteBlock[];
  glossary: GlossaryEntry[];
}

export type RewriteBlock =
  | { type: "paragraph"; sentences: string[] }
  | { type: "list"; intro?: string; items: string[] }
  | RewriteTable;

/**
 * A small table kept as a table (2 to 4 columns, short cells). `header` holds the column names when
 * the table has them; every row has as many cells as the widest row or header, empty cells as "".
 */
export interface RewriteTable {
  type: "table";
  intro?: string;
  header?: string[];
  rows: string[][];
}

export interface GlossaryEntry {
  word: string;
  explanation: string;
}

/** Token usage, named as the Anthropic API names it (the JSON report keeps these names). */
export interface Usage {
  requests: number;
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens: number;
  cache_creation_input_tokens: number;
  /**
   * Set when every request counted here went through the Message Batches API, which bills half the
   * standard price (`falc convert --batch`): cost estimates halve it. Absent otherwise.
   */
  batch?: true;
}

export const NO_USAGE: Usage = { requests: 0, input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 };

export function addUsage(a: Usage, b: Usage): Usage {
  const sum: Usage = {
    requests: a.requests + b.requests,
    input_tokens: a.input_tokens + b.input_tokens,
    output_tokens: a.output_tokens + b.output_tokens,
    cache_read_input_tokens: a.cache_read_input_tokens + b.cache_read_input_tokens,
    cache_creation_input_tokens: a.cache_creation_input_tokens + b.cache_creation_input_tokens,
  };
  // Batch-priced only if nothing billed at the standard price is mixed in (an estimate errs high, never low).
  const batch = (a.batch === true || b.batch === true) && (a.batch === true || a.requests === 0) && (b.batch === true || b.requests === 0);
  return batch ? { ...sum, batch: true } : sum;
}

/** The system prompt, generated from `rules/`, and its version (part of the cache key). */
export interface PromptBundle {
  system: string;
  version: string;
  /**
   * Reminders for one section's text, computed with the same rule set: the difficult words,
   * abbreviations and acronyms the checker finds in it, with their replacement or explanation.
   * Added to the user message by `buildUserMessage` (src/rewrite/prompt.ts).
   */
  hints?: (text: string) => string[];
}

export interface RewriteRequest {
  /** Title of the whole document, for context. */
  documentTitle: string;
  sectionIndex: number;
  sectionTitle: string;
  /** The original section, as plain text (one block per paragraph, list items on their own line). */
  text: string;
  /** A repair round: the previous answer and what is wrong with it, in French. */
  repair?: { previous: RewriteResult; problems: string[] };
}

export interface RewriteResponse {
  result: RewriteResult;
  usage: Usage;
  /** The model that answered (as the provider reports it). */
  model: string;
  /** Personal data whose placeholder did not come back in the answer: lost facts. */
  lost?: FactRef[];
}

export interface RewriteCallOptions {
  /** Cancels the request itself (Ctrl-C). */
  signal?: AbortSignal;
  /**
   * Cancels only the wait for a free request slot: once a section of the document has failed, its
   * sections still queued are not sent, while those already sent finish and reach the cache.
   */
  queueSignal?: AbortSignal;
}

export interface RewriteProvider {
  /** "anthropic", "offline", … */
  readonly name: string;
  readonly model: string;
  rewrite(request: RewriteRequest, options?: RewriteCallOptions): Promise<RewriteResponse>;
  /**
   * A pass over the whole document once every section is rewritten, in document order (the offline
   * provider explains an acronym once per document, not once per section). Deterministic and local:
   * the cache keeps each section as the provider first wrote it. Same order, same length.
   */
  finishDocument?(results: readonly RewriteResult[]): RewriteResult[];
}

/** A fact for reports: its kind and how it was written. */
export interface FactRef {
  type: Fact["type"] | "personal-data";
  text: string;
}

export interface SectionFacts {
  checked: number;
  missing: FactRef[];
  added: FactRef[];
  /** Values the rewrite makes explicit (« annuel » → « 1 an »): « à vérifier », never failing --strict. */
  toCheck?: FactRef[];
  /**
   * A negation, condition, deadline or obligation of the original lost or reversed in the sentence of
   * the rewrite that says the same thing (« ne suffit pas » → « suffit »): « à vérifier », never failing
   * --strict (a paraphrase can keep the meaning with other words). Present only when there are some.
   */
  meaning?: MeaningPoint[];
}

/** One section after rewrite, checks, repairs and the fidelity guard. */
export interface ConvertedSection {
  index: number;
  title: string;
  /** The title is falc's label, not a heading of the original (see Section.titleMadeUp): never shown to readers. */
  titleMadeUp?: true;
  /** The original text and blocks, as read. */
  original: string;
  originalBlocks: Block[];
  rewrite: RewriteResult;
  /** The rewrite as plain text: one sentence per line, list items on their own line. */
  falc: string;
  score: { before: number | null; after: number | null };
  /** Findings of the deterministic checks on the rewrite (offsets in `falc`). */
  findings: Finding[];
  facts: SectionFacts;
  repairs: number;
  cached: boolean;
  usage: Usage;
}

export interface ConvertResult {
  source: SourceInfo;
  title: string;
  provider: string;
  model: string;
  /** ISO date-time of the run. */
  date: string;
  score: { before: number | null; after: number | null };
  sections: ConvertedSection[];
  /** All glossary entries, deduplicated, in order of first use. */
  glossary: GlossaryEntry[];
  usage: Usage;
  warnings: string[];
  /** Whether personal data was masked before leaving the machine, and how much of each kind. */
  privacy?: { pseudonymized: boolean; masked: Record<string, number> };
}

/** Where a Message Batch stands, for progress reports (`falc convert --batch`). */
export interface BatchProgress {
  id: string;
  /** submitted = just created; resumed = found from an earlier run; polling = still running; ended = results in. */
  state: "submitted" | "resumed" | "polling" | "ended";
  /** Requests of this batch with an answer (succeeded, errored, expired or canceled). */
  done: number;
  total: number;
}
