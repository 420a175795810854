import { estimateTokens } from "../providers/anthropic-models.js";
import { buildCheckMessage, CHECK_SCHEMA, CHECK_SYSTEM } from "./prompt.js";

/** The rewrite runs about 1.6 times the original (the dry run's own ratio): it is in the reading's message too. */
const REWRITE_RATIO = 1.6;

/**
 * Output of one reading: `{"changes":[]}` for a faithful rewrite, a few quoted lines otherwise: about
 * 100 tokens on average over the faithful and careless rewrites of tests/data/fidelity-real
 * (scripts/eval/fidelity-real.ts), rounded up for the thinking a model may add at low effort.
 */
export const CHECK_OUTPUT_TOKENS = 120;

/** Sections of this many words or fewer are kept as they are (the pipeline's rule): nobody reads them. */
const TRIVIAL_SECTION_WORDS = 3;

/**
 * What the second reader adds to a run, for `--dry-run`: one reading per rewritten section, the
 * original and a rewrite of about 1.6 times its length in the message. The check prompt is short,
 * so it is counted as plain input (a prompt cache would only make it cheaper). Repairs are not
 * counted, as for the rewrite's estimate.
 */
export function checkEstimate(documentTitle: string, sections: readonly { index: number; title: string; text: string; wordCount: number }[]): { requests: number; input_tokens: number; output_tokens: number } {
  const prefix = estimateTokens(CHECK_SYSTEM + JSON.stringify(CHECK_SCHEMA));
  let requests = 0;
  let input = 0;
  for (const section of sections) {
    if (section.wordCount <= TRIVIAL_SECTION_WORDS) continue;
    const rewrite = "x".repeat(Math.ceil(section.text.length * REWRITE_RATIO));
    const message = buildCheckMessage({ documentTitle, sectionIndex: section.index, sectionTitle: section.title, original: section.text, rewrite });
    requests++;
    input += prefix + estimateTokens(message);
  }
  return { requests, input_tokens: input, output_tokens: requests * CHECK_OUTPUT_TOKENS };
}
