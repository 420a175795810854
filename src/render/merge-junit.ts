import { DOMParser, type Element } from "@xmldom/xmldom";
import { inputError } from "../errors.js";
import { plural } from "../french-numbers.js";
import { elements } from "../ingest/xml.js";
import { renderJUnitSuites, type JUnitCase, type JUnitSuite } from "./junit.js";
import { MergeErrorCode, type MergeInput } from "./merge-input.js";

/**
 * `falc merge-reports` of JUnit XML: the reports of the jobs of a CI matrix (`--shard i/n`) become one,
 * as if one job had converted the whole library. Read with the same parser as DOCX and ODT parts (no
 * external entities, no entity expansion), and written by the same renderer as `--report junit=…`.
 */

export interface JUnitReport {
  path: string;
  suites: JUnitSuite[];
}

export interface JUnitCounts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

export interface MergedJUnit {
  text: string;
  counts: JUnitCounts;
  warnings: string[];
}

/** Whether a text looks like XML at all; the rest of the checks, with their messages, are in parseJUnitReport. */
export function looksLikeXml(text: string): boolean {
  return text.trimStart().startsWith("<");
}

export function parseJUnitReport({ path, text }: MergeInput): JUnitReport {
  const root = parseRoot(path, text);
  if (root.localName !== "testsuites" && root.localName !== "testsuite") {
    throw inputError(
      MergeErrorCode.notAReport,
      path,
      `Le fichier ${path} est du XML, mais pas un rapport JUnit : son élément racine est <${root.localName ?? root.nodeName}>, pas <testsuites> ni <testsuite>.`,
      "Donnez les rapports écrits par « --report junit=… » de falc convert ou falc score.",
    );
  }
  const suites: JUnitSuite[] = [];
  // Iterative: some tools nest suites, and a forged file must not overflow the stack.
  const pending: { element: Element; name: string }[] = [{ element: root, name: root.getAttribute("name") ?? "" }];
  while (pending.length > 0) {
    const { element, name } = pending.pop()!;
    const cases: JUnitCase[] = [];
    const nested: { element: Element; name: string }[] = [];
    for (const child of elements(element)) {
      if (child.localName === "testcase") cases.push(testCase(child));
      else if (child.localName === "testsuite") nested.push({ element: child, name: child.getAttribute("name") || name });
    }
    if (cases.length > 0) suites.push({ name, cases });
    pending.push(...nested.reverse());
  }
  return { path, suites };
}

function parseRoot(path: string, text: string): Element {
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level === "fatalError") throw new Error(message);
    },
  });
  try {
    const root = parser.parseFromString(text, "text/xml").documentElement;
    if (root) return root;
  } catch (error) {
    throw inputError(
      MergeErrorCode.unreadable,
      path,
      `Le fichier ${path} n’est pas un rapport JUnit lisible : son XML est invalide (${xmlDetail(error)}).`,
      "Vérifiez que la tâche qui l’a écrit est allée au bout, et que c’est bien le rapport de « --report junit=… ».",
      error,
    );
  }
  throw inputError(MergeErrorCode.unreadable, path, `Le fichier ${path} n’est pas un rapport JUnit lisible : il ne contient aucun élément XML.`, "Donnez les rapports écrits par « --report junit=… ».");
}

function xmlDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^.*caused Error: /s, "").replace(/^fatalError: /, "").split("\n")[0]!.slice(0, 160);
}

function testCase(element: Element): JUnitCase {
  const time = Number(element.getAttribute("time"));
  const base: JUnitCase = {
    name: element.getAttribute("name") ?? "",
    classname: element.getAttribute("classname") ?? "",
    ...(element.hasAttribute("time") && Number.isFinite(time) ? { time } : {}),
  };
  const children = [...elements(element)];
  // One verdict per case, the gravest: an error (the document could not be read) before a failure.
  const error = children.find((child) => child.localName === "error");
  if (error) return { ...base, error: problem(error) };
  const failure = children.find((child) => child.localName === "failure");
  if (failure) return { ...base, failure: problem(failure) };
  const skipped = children.find((child) => child.localName === "skipped");
  if (skipped) return { ...base, skipped: { message: skipped.getAttribute("message") ?? "" } };
  return base;
}

function problem(element: Element): { message: string; text: string } {
  const text = element.textContent ?? "";
  return { message: element.getAttribute("message") ?? text.split("\n")[0] ?? "", text };
}

/** How grave a verdict is: a document in two reports keeps the gravest, so that merging never hides a failure. */
function gravity(c: JUnitCase): number {
  return c.error ? 3 : c.failure ? 2 : c.skipped ? 0 : 1;
}

export function mergeJUnitReports(reports: readonly JUnitReport[]): MergedJUnit {
  const suites = new Map<string, Map<string, { case: JUnitCase; from: string }>>();
  const duplicates: { name: string; first: string; second: string }[] = [];
  for (const report of reports) {
    for (const suite of report.suites) {
      let cases = suites.get(suite.name);
      if (!cases) suites.set(suite.name, (cases = new Map()));
      for (const c of suite.cases) {
        const key = `${c.classname}\u0000${c.name}`;
        const seen = cases.get(key);
        if (seen) {
          duplicates.push({ name: c.name, first: seen.from, second: report.path });
          if (gravity(c) > gravity(seen.case)) cases.set(key, { case: c, from: report.path });
        } else cases.set(key, { case: c, from: report.path });
      }
    }
  }
  const merged: JUnitSuite[] = [...suites].map(([name, cases]) => ({ name, cases: [...cases.values()].map((entry) => entry.case) }));
  const names = [...suites.keys()];
  const text = renderJUnitSuites(names.length === 1 ? names[0]! : "falc", merged);
  const all = merged.flatMap((suite) => suite.cases);
  const counts: JUnitCounts = {
    tests: all.length,
    failures: all.filter((c) => c.failure).length,
    errors: all.filter((c) => !c.failure && c.error).length,
    skipped: all.filter((c) => !c.failure && !c.error && c.skipped).length,
  };
  const warnings: string[] = [];
  const first = duplicates[0];
  if (first) {
    warnings.push(
      `${plural(duplicates.length, "cas de test figure", "cas de test figurent")} dans plusieurs rapports (par exemple « ${first.name} » dans ${first.first} et ${first.second}) : ` +
        "le verdict le plus grave est gardé. Chaque part d’une matrice (--shard i/n) doit écrire son propre rapport.",
    );
  }
  return { text, counts, warnings };
}
