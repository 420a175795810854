import type { ScoreReport } from "../score/report.js";
import { renderJUnit, type JUnitCase } from "./junit.js";

/** `falc score --report junit=…`: a document fails when it scores under --fail-under. */
export function scoreJUnit(report: ScoreReport & { failures?: { path: string; error: { code: string; message: string } }[] }, failUnder?: number): string {
  const cases: JUnitCase[] = report.files.map((file) => {
    const below = failUnder !== undefined && file.score !== null && file.score < failUnder;
    return {
      name: file.path,
      classname: "falc.score",
      ...(below ? { failure: { message: `score ${file.score} < ${failUnder}`, text: `${file.path} : score ${file.score}, sous le seuil de ${failUnder}. ${file.findings.length} écarts aux règles.` } } : {}),
    };
  });
  for (const failure of report.failures ?? []) {
    cases.push({ name: failure.path, classname: "falc.score", error: { message: failure.error.code, text: failure.error.message } });
  }
  return renderJUnit("falc score", cases);
}
