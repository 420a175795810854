import type { UnitContext } from "../context.js";
import type { Detector, Report } from "../kinds/types.js";
import type { InlineEntry } from "../params.js";
import { PhraseMatcher } from "../lexicon/matcher.js";
import { expandPattern } from "../lexicon/patterns.js";
import { formSet, sharedBy } from "./shared.js";

/**
 * Subjunctive: the conjunctions that always call for it (« pour que », « bien que », « il faut
 * que »…), with a plainer turn when there is one, and the forms that can only be subjunctive
 * (« puisse », « fasse », « aient »…) when no such conjunction came before in the sentence.
 */
export const subjunctive: Detector = {
  params: {
    triggers: { type: "entries", required: true },
    forms: { type: "string[]", default: [] },
  },
  placeholders: ["replacement"],
  variants: ["trigger", "replace"],
  compile: ({ params }) => {
    const entries = params.triggers as InlineEntry[];
    const triggers = sharedBy(`subjunctive:${JSON.stringify(entries)}`, () => {
      const matcher = new PhraseMatcher<InlineEntry>();
      for (const entry of entries) for (const pattern of entry.match) for (const form of expandPattern(pattern)) matcher.add(form, entry);
      return matcher;
    });
    const forms = formSet(params.forms as string[]);
    return (ctx: UnitContext, report: Report) => {
      let triggered: Set<number> | undefined;
      for (const match of triggers.findAll(ctx)) {
        (triggered ??= new Set()).add(ctx.wordSentence[match.first]!);
        const replacement = match.value.replace[0];
        const start = ctx.wordStart[match.first]!;
        const end = ctx.wordEnd[match.end - 1]!;
        report(replacement === undefined ? { start, end, variant: "trigger" } : { start, end, variant: "replace", data: { replacement }, suggestion: replacement });
      }
      // A subjunctive form after a reported conjunction is the same finding; alone, it is reported.
      for (let i = 0; i < ctx.wordCount; i++) {
        if (forms.hasWord(ctx, i) && !triggered?.has(ctx.wordSentence[i]!)) report({ start: ctx.wordStart[i]!, end: ctx.wordEnd[i]! });
      }
    };
  },
};
