import type { Fact, MeaningPoint } from "../analysis/normalise/index.js";
import type { Block, SourceInfo } from "../model/types.js";
import type { Finding } from "../rules/finding.js";
import type { PictogramPlan } from "../pictograms/types.js";

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
  | { type: "paragraph"; sentences: string[]; pictogram?: string[] }
  | { type: "list"; intro?: string; items: string[]; pictogram?: string[] }
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
  /**
   * A repair round: the previous answer and what is wrong with it, in French. `from: "readers"` when
   * the problems are the remarks of the people who read it in the review session (« pas compris »).
   */
  repair?: { previous: RewriteResult; problems: string[]; from?: "readers" };
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

/**
 * Where a section stands in its readers' validation (issue 12):
 * - validated: its readers understood it; the text is frozen while its original is unchanged;
 * - not-understood: its readers did not understand it, and it was not revised yet;
 * - revised: rewritten after a « pas compris », with the readers' remarks;
 * - edited: its text was corrected by hand in the review document, and adopted as it is;
 * - changed: its original changed since it was reviewed, so the earlier verdict no longer holds;
 * - pending: not reviewed yet.
 */
export type ReviewStatus = "validated" | "not-understood" | "revised" | "edited" | "changed" | "pending";

/** What one round of review said of a section. */
export interface RoundNote {
  round: number;
  status: ReviewStatus;
  remarks: string[];
}

/**
 * What a filled review document means for one section at the next conversion (planned by
 * src/review/plan.ts, carried out by the pipeline):
 * - keep: the text stays as it is, word for word, and no request is sent (validated by its readers,
 *   or not reviewed yet — a draft nobody has read is not thrown away);
 * - adopt: the text corrected by hand is taken as it is (human text wins), checked, never sent;
 * - revise: « pas compris »: one request to the model with the readers' remarks as the revision request;
 * - changed: the original changed since the review, so the verdict no longer holds: rewritten.
 */
export type SectionPlan =
  | { kind: "keep"; rewrite: RewriteResult; status: ReviewStatus; statusRound: number; remarks: string[]; history: RoundNote[] }
  | { kind: "adopt"; rewrite: RewriteResult; status: "validated" | "edited"; statusRound: number; remarks: string[]; history: RoundNote[] }
  | { kind: "revise"; previous: RewriteResult; remarks: string[]; statusRound: number; history: RoundNote[] }
  | { kind: "changed"; history: RoundNote[] };

/** The closing table of the review document: who validated the text, when, for which organisation. */
export interface ValidationRecord {
  reviewers: string[];
  date: string | null;
  organisation: string | null;
}

/** A section's place in the validation: its status, the round that gave it, the readers' last remarks. */
export interface SectionReview {
  status: ReviewStatus;
  round: number;
  remarks: string[];
  /** Every earlier round that said something of it, oldest first. */
  history: RoundNote[];
}

/** The validation record of a conversion (`review` in the JSON report). */
export interface ReviewSummary extends ValidationRecord {
  /** The round of the review document this run wrote: 1, then one more for each review read back. */
  round: number;
  validated: number;
  notUnderstood: number;
  edited: number;
  pending: number;
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
  /** Where it stands in its readers' validation; absent only from results made before the review loop existed. */
  review?: SectionReview;
  /** What the second reader (`--check-model`) said of the final rewrite; absent when none read it. */
  meaningCheck?: MeaningCheckRecord;
}

/** What the second reader looks for: a right, an obligation, a condition… changed by the rewrite. */
export const MEANING_CHANGE_KINDS = ["right", "obligation", "condition", "negation", "deadline", "amount", "person", "other"] as const;
export type MeaningChangeKind = (typeof MEANING_CHANGE_KINDS)[number];

/** One change of meaning the second reader found between the original and the rewrite. */
export interface MeaningChange {
  kind: MeaningChangeKind;
  /** What the original says, quoted from it. */
  original: string;
  /** What the rewrite says instead, quoted from it; "" when the rewrite dropped it. */
  rewrite: string;
  /** The change, in one French sentence. */
  explanation: string;
}

/** The second reader's verdict on a section's final rewrite (in the report, the review document and the cache). */
export interface MeaningCheckRecord {
  /** The check model that read it. */
  model: string;
  changes: MeaningChange[];
  /** Readings made (1, or 2 when the repair it asked for was read again). */
  checks: number;
  /** Why the second reader gave no usable answer (a refusal, an answer cut or invalid twice), in French. */
  failed?: string;
  /** Its requests' usage (part of the section's usage), kept apart to price it at the check model's price. */
  usage: Usage;
}

/** The request the second reader gets: both texts, as the main model saw the original (masked alike). */
export interface MeaningCheckRequest {
  documentTitle: string;
  sectionIndex: number;
  sectionTitle: string;
  original: string;
  rewrite: string;
}

export interface MeaningCheckResponse {
  changes: MeaningChange[];
  usage: Usage;
  model: string;
}

/** A small model comparing a section and its rewrite (src/rewrite/meaning-check/). */
export interface MeaningChecker {
  readonly name: string;
  readonly model: string;
  check(request: MeaningCheckRequest, options?: RewriteCallOptions): Promise<MeaningCheckResponse>;
}

/**
 * The pipeline's hook for the second reader: after a section's repair loop, `review` reads the rewrite,
 * may ask the main model for one repair through `repair`, and returns the section with its record.
 */
export interface SecondReader {
  readonly model: string;
  /** The model and the check prompt's version: part of the section cache key. */
  readonly id: string;
  review(section: ConvertedSection, context: SecondReaderContext): Promise<ConvertedSection>;
}

export interface SecondReaderContext {
  request: RewriteRequest;
  callOptions: RewriteCallOptions;
  /** One repair request to the main model with these problems; the candidate's usage is that request's only. Absent with --max-repairs 0. */
  repair?: (problems: string[]) => Promise<ConvertedSection>;
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
  /** The validation record: how many sections its readers validated, and who (from the review document). */
  review?: ReviewSummary;
  /** Whether personal data was masked before leaving the machine, and how much of each kind. */
  privacy?: { pseudonymized: boolean; masked: Record<string, number> };
  /** The picture beside each block (issue 13); absent with --no-pictograms. */
  pictograms?: PictogramPlan;
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
