import type { RewriteBlock, RewriteResult } from "../../types.js";

/**
 * Acronyms explained once per document (issue 11). Each section is rewritten on its own, and each
 * explains an acronym at its first use in the section: a document of 20 sections said « CASF veut
 * dire … » 17 times. Once every section is done, in document order:
 * - an explanation of an acronym already explained in an earlier section goes;
 * - so does an explanation in a section where the acronym is no longer used (the original defined it
 *   in brackets, « Code de l'action sociale et des familles (CASF) », and the words stayed): the next
 *   section that uses it explains it there.
 * A section whose blocks did not change is given back as the same object.
 */

const EXPLANATION = /^(\p{Lu}[\p{Lu}\p{N}&]*\p{Lu}[\p{Lu}\p{N}]*) veut dire [^\n]+\.$/u;

function strings(block: RewriteBlock): string[] {
  if (block.type === "paragraph") return block.sentences;
  if (block.type === "list") return [...(block.intro !== undefined ? [block.intro] : []), ...block.items];
  return [...(block.intro !== undefined ? [block.intro] : []), ...(block.header ?? []), ...block.rows.flat()];
}

function uses(text: string, acronym: string): number {
  return text.split(new RegExp(`(?<![\\p{L}\\p{N}])${acronym}(?![\\p{L}\\p{N}])`, "u")).length - 1;
}

export function explainOncePerDocument(results: readonly RewriteResult[]): RewriteResult[] {
  const explained = new Set<string>();
  return results.map((result) => {
    const all = result.blocks.flatMap(strings).join("\n");
    let changed = false;
    const blocks: RewriteBlock[] = [];
    for (const block of result.blocks) {
      if (block.type !== "paragraph") {
        blocks.push(block);
        continue;
      }
      const sentences = block.sentences.filter((sentence) => {
        const acronym = EXPLANATION.exec(sentence)?.[1];
        if (acronym === undefined) return true;
        // Used in the section besides its explanation (which names it once).
        const keep = !explained.has(acronym) && uses(all, acronym) > uses(sentence, acronym);
        if (keep) explained.add(acronym);
        else changed = true;
        return keep;
      });
      if (sentences.length > 0) blocks.push(sentences.length === block.sentences.length ? block : { type: "paragraph", sentences });
    }
    return changed ? { ...result, blocks } : result;
  });
}
