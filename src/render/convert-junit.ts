import type { ConvertOutcome } from "../commands/convert.js";
import { FACT_LABEL } from "../rewrite/fidelity.js";
import { renderJUnit, type JUnitCase } from "./junit.js";

/** `falc convert --report junit=…`: a document fails for a score under --fail-under or for missing or added facts. */
export function convertJUnit(outcome: ConvertOutcome, failUnder?: number): string {
  const cases: JUnitCase[] = outcome.files.map(({ path, result }) => {
    const problems: string[] = [];
    if (failUnder !== undefined && result.score.after !== null && result.score.after < failUnder) problems.push(`score ${result.score.after} < ${failUnder}`);
    for (const section of result.sections) {
      for (const fact of section.facts.missing) problems.push(`manquant dans « ${section.title} » : ${fact.text} (${FACT_LABEL[fact.type]})`);
      for (const fact of section.facts.added) problems.push(`ajouté dans « ${section.title} » : ${fact.text} (${FACT_LABEL[fact.type]})`);
    }
    return {
      name: path,
      classname: "falc.convert",
      ...(problems.length > 0 ? { failure: { message: problems[0]!, text: problems.join("\n") } } : {}),
    };
  });
  // An unchanged document keeps the verdict of the run that converted it, from falc-manifest.json.
  const recorded = new Map(outcome.skippedEntries.map(({ path, entry }) => [path, entry]));
  for (const path of outcome.skipped) {
    const entry = recorded.get(path);
    const problems: string[] = [];
    if (entry && failUnder !== undefined && entry.score.after !== null && entry.score.after < failUnder) problems.push(`score ${entry.score.after} < ${failUnder}`);
    if (entry && entry.missingFacts + entry.addedFacts > 0) problems.push(`${entry.missingFacts} information(s) manquante(s), ${entry.addedFacts} ajoutée(s) (conversion précédente, inchangée)`);
    cases.push({ name: path, classname: "falc.convert", ...(problems.length > 0 ? { failure: { message: problems[0]!, text: problems.join("\n") } } : {}) });
  }
  for (const failure of outcome.failures) cases.push({ name: failure.path, classname: "falc.convert", error: { message: failure.error.code, text: failure.error.message } });
  return renderJUnit("falc convert", cases);
}
