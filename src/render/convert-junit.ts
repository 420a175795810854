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
  for (const path of outcome.skipped) cases.push({ name: path, classname: "falc.convert" });
  for (const failure of outcome.failures) cases.push({ name: failure.path, classname: "falc.convert", error: { message: failure.error.code, text: failure.error.message } });
  return renderJUnit("falc convert", cases);
}
