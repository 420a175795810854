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
        let found: string[] | undefined;
        const first = ctx.sentenceWordStart[s]!;
        const last = ctx.sentenceWordStart[s + 1]!;
        const matches = links.findAll(ctx, first, last);
        for (const match of matches) (found ??= []).push(ctx.lower.slice(ctx.wordStart[match.first]!, ctx.wordEnd[match.end - 1]!));
        for (let i = first; i + 1 < last; i++) {
          if (beforeSubject.hasWord(ctx, i) && subjects.hasWord(ctx, i + 1) && !matches.some((m) => m.first <= i && i < m.end)) {
            (found ??= []).push(ctx.wordLower[i]!);
          }
        }
        const sentence = ctx.sentences[s]!;
        for (let k = sentence.text.indexOf(";"); k >= 0; k = sentence.text.indexOf(";", k + 1)) (found ??= []).push(";");
        if (found !== undefined && found.length > maxLinks) {
          const range = ctx.sentenceRange(s);
          report({ ...range, data: { count: found.length, links: quotedList([...new Set(found)]) } });
        }
      }
    };
  },
};
