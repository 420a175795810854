import type { RuleListing } from "../rules/listing.js";
import type { Finding, Severity } from "../rules/finding.js";
import type { FileScore, ScoreReport } from "../score/report.js";
import { describeWhere } from "../source/describe.js";
import { VERSION } from "../version.js";

/**
 * `falc score --format sarif`: SARIF 2.1.0, the format code-scanning tools read. One rule entry per FALC
 * rule, with its French description and its sources; one result per finding, located in the file the
 * user opened: a region (line and column, in code points) for Markdown and text, a logical location
 * (heading path and paragraph, or page) for Word, LibreOffice and PDF.
 */

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

export function renderScoreSarif(report: ScoreReport & { failures?: { path: string; error: { code: string; message: string } }[] }, listing: RuleListing): string {
  const index = new Map(listing.rules.map((rule, i) => [rule.id, i]));
  const results = report.files.flatMap((file) => file.findings.map((finding) => result(file, finding, index.get(finding.ruleId))));
  const failures = report.failures ?? [];
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "falc",
            version: VERSION,
            language: "fr",
            rules: listing.rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: firstSentence(rule.description) },
              fullDescription: { text: rule.description },
              help: { text: rule.source.length > 0 ? `Sources : ${rule.source.join(" ; ")}` : rule.description },
              defaultConfiguration: { level: LEVEL[rule.severity as Severity] ?? "warning", enabled: rule.enabled },
              properties: { tags: [rule.family], kind: rule.kind, sources: rule.source },
            })),
          },
        },
        columnKind: "unicodeCodePoints",
        invocations: [
          {
            executionSuccessful: failures.length === 0,
            toolExecutionNotifications: failures.map((failure) => ({
              level: "error",
              message: { text: failure.error.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(failure.path) } } }],
              descriptor: { id: failure.error.code },
            })),
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function result(file: FileScore, finding: Finding, ruleIndex: number | undefined) {
  const text = finding.suggestion ? `${finding.message} → ${finding.suggestion}` : finding.message;
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[finding.severity],
    message: { text },
    ...(file.path === "-" ? {} : { locations: [location(file, finding)] }),
    properties: {
      where: describeWhere(file.path, finding),
      excerpt: finding.excerpt,
      ...(finding.section !== undefined ? { section: finding.section } : {}),
    },
  };
}

function location(file: FileScore, finding: Finding) {
  const artifactLocation = { uri: uriOf(file.path) };
  const source = finding.source;
  const flagged = finding.excerpt.slice(finding.excerptOffset ?? 0, (finding.excerptOffset ?? 0) + finding.length);
  if (source && "column" in source) {
    const region = { startLine: source.line, startColumn: source.column, endLine: source.endLine, endColumn: source.endColumn, snippet: { text: flagged } };
    return { physicalLocation: { artifactLocation, region } };
  }
  if (source && "page" in source) {
    const name = source.line === undefined ? `p. ${source.page}` : `p. ${source.page}, ligne ${source.line}`;
    return { physicalLocation: { artifactLocation }, logicalLocations: [{ name, kind: "page" }] };
  }
  if (source) {
    const place = source.note ? `notes › paragraphe ${source.paragraph}` : [...source.headings, source.paragraph === 0 ? "titre" : `paragraphe ${source.paragraph}`].join(" › ");
    return { physicalLocation: { artifactLocation }, logicalLocations: [{ name: place.split(" › ").pop()!, fullyQualifiedName: place, kind: "paragraph" }] };
  }
  return { physicalLocation: { artifactLocation } };
}

/** A relative path as a relative URI (« docs/mon contrat.md » → « docs/mon%20contrat.md »); an absolute one as a file URI. */
export function uriOf(path: string): string {
  const slashed = path.replace(/\\/g, "/");
  const encoded = slashed.split("/").map((segment) => encodeURIComponent(segment).replace(/%3A/gi, ":")).join("/");
  if (/^[A-Za-z]:\//.test(slashed)) return `file:///${encoded}`;
  return slashed.startsWith("/") ? `file://${encoded}` : encoded.replace(/^([^/]*):/, "$1%3A");
}

function firstSentence(text: string): string {
  const match = /^.*?[.!?](?=\s|$)/s.exec(text);
  return (match ? match[0] : text).trim();
}
