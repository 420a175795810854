import { entryGateInput, reasonText, type GateFailure, type QualityGate } from "../gate/quality-gate.js";
import { FACT_LABEL } from "../rewrite/fidelity.js";
import type { RunOutcome } from "../rewrite/run/outcome.js";
import { renderJUnit, type JUnitCase } from "./junit.js";

/**
 * `falc convert --report junit=…`: a document fails when the quality gate says so — a score under
 * --fail-under, or (with --strict only) missing or added facts, each of which is then listed.
 */
export function convertJUnit(outcome: RunOutcome, gate: QualityGate): string {
  const cases: JUnitCase[] = outcome.files.map(({ path, digest }) => {
    const { failures } = gate.judge(entryGateInput(digest));
    const failed = (kind: GateFailure["kind"]) => failures.some((failure) => failure.kind === kind);
    const problems = failures.filter((failure) => failure.kind === "score").map(reasonText);
    for (const section of digest.factSections) {
      if (failed("missing-facts")) for (const fact of section.missing) problems.push(`manquant dans « ${section.title} » : ${fact.text} (${FACT_LABEL[fact.type]})`);
      if (failed("added-facts")) for (const fact of section.added) problems.push(`ajouté dans « ${section.title} » : ${fact.text} (${FACT_LABEL[fact.type]})`);
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
    const failures = entry ? gate.judge(entryGateInput(entry)).failures : [];
    const problems = failures.filter((failure) => failure.kind === "score").map(reasonText);
    if (entry && failures.some((failure) => failure.kind !== "score")) problems.push(`${entry.missingFacts} information(s) manquante(s), ${entry.addedFacts} ajoutée(s) (conversion précédente, inchangée)`);
    cases.push({ name: path, classname: "falc.convert", ...(problems.length > 0 ? { failure: { message: problems[0]!, text: problems.join("\n") } } : {}) });
  }
  for (const failure of outcome.failures) cases.push({ name: failure.path, classname: "falc.convert", error: { message: failure.error.code, text: failure.error.message } });
  return renderJUnit("falc convert", cases);
}
