import { factCounts, meaningCount, toCheckCount } from "../gate/quality-gate.js";
import { AFTER_SCORE_NOTE, BEFORE_SCORE_NOTE } from "../rewrite/score-note.js";
import type { ConvertResult } from "../rewrite/types.js";
import { meaningCheckSummary, meaningCheckTotals, meaningEntries } from "./meaning-points.js";
import { validationStatement } from "./validated-notice.js";

/** `<name>.falc.json`: the conversion report (version 1 contract; fields may be added, never removed). */
export function renderConvertJson(result: ConvertResult): string {
  const facts = factCounts(result);
  const toCheck = toCheckCount(result);
  const meaning = meaningCount(result);
  const report = {
    version: 1,
    source: { path: result.source.path, sha256: result.source.sha256, format: result.source.format },
    title: result.title,
    provider: result.provider,
    model: result.model,
    date: result.date,
    // « validé » only when every section was validated and the review document names the readers and the date.
    status: validationStatement(result) ? "validé par ses lecteurs" : "brouillon à valider par ses lecteurs",
    score: result.score,
    // Which numbers these are: the same as `falc score` gives the original and the written draft.
    scoreNote: { before: BEFORE_SCORE_NOTE, after: AFTER_SCORE_NOTE },
    facts: {
      checked: result.sections.reduce((n, s) => n + s.facts.checked, 0),
      missing: facts.missingFacts,
      added: facts.addedFacts,
      // Values made explicit (« annuel » → « 1 an »): present only when there are some, so that a
      // report without any keeps the exact shape version 1 readers compare against.
      ...(toCheck > 0 ? { toCheck } : {}),
      // Negations, conditions, deadlines, obligations lost (listed in sections[].facts.meaning): same rule.
      ...(meaning > 0 ? { meaning } : {}),
    },
    sections: result.sections.map((section) => ({
      index: section.index,
      title: section.title,
      original: section.original,
      falc: section.falc,
      // The rewrite's structure (paragraphs, lists, tables with their rows and cells), as the DOCX shows it.
      blocks: section.rewrite.blocks,
      score: section.score,
      findings: section.findings,
      facts: section.facts,
      // Every change of meaning found, by the guard and by the second reader (`by`); [] when none.
      meaning: meaningEntries(section),
      ...withDefined("meaningCheck", meaningCheckSummary(section)),
      repairs: section.repairs,
      cached: section.cached,
      usage: section.usage,
      ...(section.review ? { review: { status: section.review.status, remarks: section.review.remarks, round: section.review.round } } : {}),
      // The picture beside each block that has one (bank, file, keyword, score); absent with --no-pictograms.
      ...(result.pictograms ? { pictograms: result.pictograms.sections.get(section.index) ?? [] } : {}),
    })),
    // The banks the pictures came from, with their licence, as the draft's last line credits them.
    ...(result.pictograms ? { pictograms: { banks: result.pictograms.banks } } : {}),
    ...(result.review ? { review: result.review } : {}),
    glossary: result.glossary,
    privacy: result.privacy ?? { pseudonymized: false, masked: {} },
    usage: result.usage,
    // The second reader of the run (--check-model): its model, sections read, changes found; its usage is in `usage`.
    ...withDefined("meaningCheck", meaningCheckTotals(result)),
    warnings: result.warnings,
  };
  return JSON.stringify(report, null, 2) + "\n";
}

function withDefined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
