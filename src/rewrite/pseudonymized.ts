import { emptyMapping, pseudonymize, restore, PII_KINDS, type PiiKind, type PseudonymMap } from "../privacy/index.js";
import { blockLines } from "./text.js";
import type { FactRef, RewriteBlock, RewriteProvider, RewriteRequest, RewriteResponse, RewriteResult } from "./types.js";

/**
 * Personal data never leaves the machine: before a section goes to a remote model, names, phone
 * numbers, e-mails, NIR, IBAN, addresses and birth dates become placeholders ([PERSONNE_1]…), one
 * mapping per document so that a person keeps the same placeholder in every section; the answer gets
 * the real values back. A placeholder the model dropped is a lost fact, reported as missing.
 */
export interface PrivacyReport {
  pseudonymized: boolean;
  /** How many values of each kind were masked: never the values themselves. */
  masked: Record<PiiKind, number>;
}

export interface PseudonymizingProvider extends RewriteProvider {
  privacy(): PrivacyReport;
  /**
   * Masks a text with the document's mapping, for another request about the same document (the
   * second reader's): a value keeps its placeholder, and a value already masked elsewhere is masked
   * wherever it appears, even where detection would miss it. Not counted in `privacy()`.
   */
  mask(text: string): string;
  /** Puts the real values back in a text masked by `mask` or by a section's request. */
  unmask(text: string): string;
}

export function withPseudonyms(inner: RewriteProvider): PseudonymizingProvider {
  const mapping: PseudonymMap = emptyMapping();
  const masked = Object.fromEntries(PII_KINDS.map((kind) => [kind, 0])) as Record<PiiKind, number>;
  const counted = new Set<number>();

  return {
    name: inner.name,
    model: inner.model,
    privacy: () => ({ pseudonymized: true, masked: { ...masked } }),
    mask: (text) => maskKnown(pseudonymize(text, undefined, mapping).text, mapping),
    unmask: (text) => restore(text, mapping, []).text,
    async rewrite(request, options) {
      const expected: string[] = [];
      const mask = (text: string): string => {
        const result = pseudonymize(text, undefined, mapping);
        expected.push(...result.placeholders);
        if (!counted.has(request.sectionIndex) && request.repair === undefined) {
          for (const kind of PII_KINDS) masked[kind] += result.counts[kind];
        }
        return result.text;
      };
      const sent: RewriteRequest = {
        documentTitle: mask(request.documentTitle),
        sectionIndex: request.sectionIndex,
        sectionTitle: mask(request.sectionTitle),
        text: mask(request.text),
        ...(request.repair ? { repair: { previous: mapResult(request.repair.previous, mask), problems: request.repair.problems.map(mask), ...(request.repair.from ? { from: request.repair.from } : {}) } } : {}),
      };
      counted.add(request.sectionIndex);
      const response = await inner.rewrite(sent, options);
      return restoreResponse(response, mapping, [...new Set(expected)]);
    },
  };
}

function restoreResponse(response: RewriteResponse, mapping: PseudonymMap, expected: string[]): RewriteResponse {
  const answerText = resultStrings(response.result).join("\n");
  const { missing } = restore(answerText, mapping, expected);
  const back = (text: string) => restore(text, mapping, []).text;
  const lost: FactRef[] = missing.map((placeholder) => ({ type: "personal-data", text: valueOf(mapping, placeholder) }));
  return { ...response, result: mapResult(response.result, back), ...(lost.length > 0 ? { lost } : {}) };
}

/** Known values left in clear (a surname written in a form detection does not catch), longest first. */
function maskKnown(text: string, mapping: PseudonymMap): string {
  let out = text;
  const entries = [...mapping.entries].sort((a, b) => b.value.length - a.value.length);
  for (const entry of entries) if (entry.value.length >= 3) out = out.split(entry.value).join(entry.placeholder);
  return out;
}

function valueOf(mapping: PseudonymMap, placeholder: string): string {
  return mapping.entries.find((entry) => entry.placeholder === placeholder)?.value ?? placeholder;
}

function mapResult(result: RewriteResult, map: (text: string) => string): RewriteResult {
  return {
    title: map(result.title),
    blocks: result.blocks.map((block): RewriteBlock => {
      const intro = block.type !== "paragraph" && block.intro !== undefined ? { intro: map(block.intro) } : {};
      if (block.type === "paragraph") return { type: "paragraph", sentences: block.sentences.map(map) };
      if (block.type === "list") return { type: "list", ...intro, items: block.items.map(map) };
      return { type: "table", ...intro, ...(block.header ? { header: block.header.map(map) } : {}), rows: block.rows.map((row) => row.map(map)) };
    }),
    glossary: result.glossary.map((entry) => ({ word: map(entry.word), explanation: map(entry.explanation) })),
  };
}

function resultStrings(result: RewriteResult): string[] {
  const strings = [result.title];
  for (const block of result.blocks) strings.push(...blockLines(block));
  for (const entry of result.glossary) strings.push(entry.word, entry.explanation);
  return strings;
}
