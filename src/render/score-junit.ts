import { gateFailureLine, reasonText, scoreGateInput, type QualityGate } from "../gate/quality-gate.js";
import type { ScoreReport } from "../score/report.js";
import { renderJUnit, type JUnitCase } from "./junit.js";

/** `falc score --report junit=…`: a document fails when the quality gate says so (a score under --fail-under, an error-level finding). */
export function scoreJUnit(report: ScoreReport & { failures?: { path: string; error: { code: string; message: string } }[] }, gate: QualityGate): string {
  const cases: JUnitCase[] = report.files.map((file) => {
    const { failures } = gate.judge(scoreGateInput(file));
    const first = failures[0];
    return {
      name: file.path,
      classname: "falc.score",
      ...(first ? { failure: { message: reasonText(first), text: `${failures.map((failure) => gateFailureLine(file.path, failure)).join(" ")} ${file.findings.length} écarts aux règles.` } } : {}),
    };
  });
  for (const failure of report.failures ?? []) {
    cases.push({ name: failure.path, classname: "falc.score", error: { message: failure.error.code, text: failure.error.message } });
  }
  return renderJUnit("falc score", cases);
}
