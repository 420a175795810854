import type { UnitContext } from "../context.js";
import type { Detector, Report } from "../kinds/types.js";
import { quotedList } from "../message.js";
import { formSet, phraseMatcher } from "./shared.js";

/**
 * One idea per sentence, approximated by the words that link clauses: relative pronouns (qui, dont,
 * où…), subordinating conjunctions (lorsque, parce que, si…), clause coordinators (mais, car, donc),
 * « et » / « ou » / « que » followed by a subject, and semicolons. A sentence with more links than
 * `maxLinks` probably carries several ideas. A proxy: it counts links, it does not parse.
 */
export const oneIdea: Detector = {
  params: {
    maxLinks: { type: "integer", min: 1, default: 2 },
    links: { type: "string[]", required: true },
    linksBeforeSubject: { type: "string[]", default: [] },
    subjects: { type: "string[]", default: [] },
  },
  placeholders: ["count", "links"],
  variants: [],
  compile: ({ params }) => {
    const links = phraseMatcher(params.links as string[]);
    const beforeSubject = formSet(params.linksBeforeSubject as string[]);
    const subjects = formSet(params.subjects as string[]);
    const maxLinks = params.maxLinks as number;
    return (ctx: UnitContext, report: Report) => {
      for (let s = 0; s < ctx.sentences.length; s++) {
        const first = ctx.sentenceWordStart[s]!;
        const last = ctx.sentenceWordStart[s + 1]!;
        const sentenceText = ctx.sentences[s]!.text;
        // Count first; the list of links is only built for the sentences that are reported.
        let count = 0;
        for (let k = sentenceText.indexOf(";"); k >= 0; k = sentenceText.indexOf(";", k + 1)) count++;
        count += scan(ctx, first, last, undefined);
        if (count <= maxLinks) continue;
        const found: string[] = [];
        scan(ctx, first, last, found);
        if (sentenceText.includes(";")) found.push(";");
        const { start, end } = ctx.sentenceRange(s);
        report({ start, end, data: { count, links: quotedList([...new Set(found)]) } });
      }
    };

    /** Links in words [first, last): counted, and listed into `found` when given. */
    function scan(ctx: UnitContext, first: number, last: number, found: string[] | undefined): number {
      let count = 0;
      for (let i = first; i < last; i++) {
        const match = links.mayStartAt(ctx, i) ? links.matchAt(ctx, i) : undefined;
        if (match !== undefined && match.end <= last) {
          count++;
          found?.push(ctx.lower.slice(ctx.wordStart[i]!, ctx.wordEnd[match.end - 1]!));
          i = match.end - 1;
        } else if (i + 1 < last && beforeSubject.hasWord(ctx, i) && subjects.hasWord(ctx, i + 1)) {
          count++;
          found?.push(ctx.wordLower[i]!);
        }
      }
      return count;
    }
  },
};
