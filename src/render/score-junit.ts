import { belowThresholdLine, reasonText, scoreGateInput, type QualityGate } from "../gate/quality-gate.js";
import type { ScoreReport } from "../score/report.js";
import { renderJUnit, type JUnitCase } from "./junit.js";

/** `falc score --report junit=…`: a document fails when the quality gate says so (a score under --fail-under). */
export function scoreJUnit(report: ScoreReport & { failures?: { path: string; error: { code: string; message: string } }[] }, gate: QualityGate): string {
  const cases: JUnitCase[] = report.files.map((file) => {
    const below = gate.judge(scoreGateInput(file)).failures.find((failure) => failure.kind === "score");
    return {
      name: file.path,
      classname: "falc.score",
      ...(below ? { failure: { message: reasonText(below), text: `${belowThresholdLine(file.path, below)} ${file.findings.length} écarts aux règles.` } } : {}),
    };
  });
  for (const failure of report.failures ?? []) {
    cases.push({ name: failure.path, classname: "falc.score", error: { message: failure.error.code, text: failure.error.message } });
  }
  return renderJUnit("falc score", cases);
}
