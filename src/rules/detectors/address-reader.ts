import type { UnitContext } from "../context.js";
import type { Detector, Report } from "../kinds/types.js";
import { phraseMatcher } from "./shared.js";

/**
 * Talk to the reader: a sentence whose subject is the reader in the third person (« Le résident
 * doit… », « Les usagers peuvent… ») or an impersonal turn (« Il est demandé de… ») should say
 * « vous ». Only sentence-initial subjects are reported, where the rewrite is obvious.
 */
export const addressReader: Detector = {
  params: {
    readers: { type: "string[]", required: true },
    impersonal: { type: "string[]", default: [] },
  },
  placeholders: [],
  variants: ["impersonal"],
  compile: ({ params }) => {
    const readers = phraseMatcher(params.readers as string[]);
    const impersonal = phraseMatcher(params.impersonal as string[]);
    return (ctx: UnitContext, report: Report) => {
      for (let s = 0; s < ctx.sentences.length; s++) {
        const first = ctx.sentenceWordStart[s]!;
        if (first >= ctx.sentenceWordStart[s + 1]!) continue;
        const subject = readers.matchAt(ctx, first);
        // A sentence that is only the phrase (a heading, a table header, a list item) has no verb: it
        // names a group of people, it does not speak about the reader in the third person.
        if (subject !== undefined && subject.end < ctx.sentenceWordStart[s + 1]!) report({ start: ctx.wordStart[first]!, end: ctx.wordEnd[subject.end - 1]!, suggestion: "vous" });
      }
      if (impersonal.size === 0) return;
      for (const match of impersonal.findAll(ctx)) {
        report({ start: ctx.wordStart[match.first]!, end: ctx.wordEnd[match.end - 1]!, variant: "impersonal" });
      }
    };
  },
};
