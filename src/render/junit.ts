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
}

export function renderJUnit(suite: string, cases: readonly JUnitCase[]): string {
  const failures = cases.filter((c) => c.failure).length;
  const errors = cases.filter((c) => c.error).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escape(suite)}" tests="${cases.length}" failures="${failures}" errors="${errors}">`,
    `  <testsuite name="${escape(suite)}" tests="${cases.length}" failures="${failures}" errors="${errors}">`,
  ];
  for (const c of cases) {
    const open = `    <testcase name="${escape(c.name)}" classname="${escape(c.classname)}"${c.time === undefined ? "" : ` time="${c.time.toFixed(3)}"`}`;
    const problem = c.failure ? ["failure", c.failure] as const : c.error ? ["error", c.error] as const : undefined;
    if (!problem) {
      lines.push(`${open}/>`);
      continue;
    }
    lines.push(`${open}>`, `      <${problem[0]} message="${escape(problem[1].message)}">${escape(problem[1].text)}</${problem[0]}>`, "    </testcase>");
  }
  lines.push("  </testsuite>", "</testsuites>");
  return lines.join("\n") + "\n";
}

function escape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
