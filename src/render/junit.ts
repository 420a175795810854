/**
 * JUnit XML for CI servers (GitHub Actions, GitLab, Jenkins): one test case per document. Written
 * for GitLab's and Jenkins' parsers: a testsuite with counts, each failure with a message attribute
 * and a plain-text body. Pure: cases in, XML out.
 */
export interface JUnitCase {
  name: string;
  classname: string;
  /** Seconds. */
  time?: number;
  failure?: { message: string; text: string };
  error?: { message: string; text: string };
  /** Only in reports of other tools that `falc merge-reports` carries over. */
  skipped?: { message: string };
}

export interface JUnitSuite {
  name: string;
  cases: readonly JUnitCase[];
}

export function renderJUnit(suite: string, cases: readonly JUnitCase[]): string {
  return renderJUnitSuites(suite, [{ name: suite, cases }]);
}

/** Several suites under one `<testsuites>`: `falc merge-reports` of convert and score reports together. */
export function renderJUnitSuites(name: string, suites: readonly JUnitSuite[]): string {
  const all = suites.flatMap((suite) => suite.cases);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="${escape(name)}"${countsOf(all)}>`];
  for (const suite of suites) {
    lines.push(`  <testsuite name="${escape(suite.name)}"${countsOf(suite.cases)}>`);
    for (const c of suite.cases) {
      const open = `    <testcase name="${escape(c.name)}" classname="${escape(c.classname)}"${c.time === undefined ? "" : ` time="${c.time.toFixed(3)}"`}`;
      const problem = c.failure ? ["failure", c.failure] as const : c.error ? ["error", c.error] as const : undefined;
      if (problem) lines.push(`${open}>`, `      <${problem[0]} message="${escape(problem[1].message)}">${escape(problem[1].text)}</${problem[0]}>`, "    </testcase>");
      else if (c.skipped) lines.push(`${open}>`, `      <skipped message="${escape(c.skipped.message)}"/>`, "    </testcase>");
      else lines.push(`${open}/>`);
    }
    lines.push("  </testsuite>");
  }
  lines.push("</testsuites>");
  return lines.join("\n") + "\n";
}

/** ` tests="…" failures="…" errors="…"`, and `skipped` only when there are some (falc itself skips none). */
function countsOf(cases: readonly JUnitCase[]): string {
  const failures = cases.filter((c) => c.failure).length;
  const errors = cases.filter((c) => !c.failure && c.error).length;
  const skipped = cases.filter((c) => !c.failure && !c.error && c.skipped).length;
  return ` tests="${cases.length}" failures="${failures}" errors="${errors}"${skipped > 0 ? ` skipped="${skipped}"` : ""}`;
}

function escape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
