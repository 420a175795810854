import { plural } from "../french-numbers.js";
import type { Manifest, ManifestEntry } from "../output/manifest.js";
import type { FileScore } from "../score/report.js";
import { totalsOf, type ConvertSummary, type SummaryFile } from "./convert-summary.js";

/**
 * `falc merge-reports` of JSON: the `falc-manifest.json` of each job of a CI matrix, the summaries of
 * `falc convert --json`/`--output`, or the reports of `falc score --format json`, each merged into one
 * of the same shape, as if one job had handled the whole library. Pure: parsed values in, text out.
 */

export type JsonKind = "manifest" | "convert-summary" | "score-report";

export interface JsonReport<T> {
  path: string;
  value: T;
}

export interface MergedJson {
  text: string;
  /** Documents in the merged report, and how many of them failed (unreadable, provider down). */
  documents: number;
  failed: number;
  /** Converted documents (manifests and summaries), documents analysed (score reports). */
  done: number;
  /** Documents a summary lists as unchanged since the previous run. */
  skipped: number;
  warnings: string[];
}

type ScoreJson = { version: 1; files: FileScore[]; failures?: { path: string; error: { code: string; message: string; hint?: string } }[] };

/** Which report a parsed JSON file is, from its shape alone; undefined for anything else. */
export function jsonKindOf(value: unknown): JsonKind | undefined {
  if (!isRecord(value) || value.version !== 1) return undefined;
  if (isRecord(value.inputs) && Object.values(value.inputs).every((entry) => isRecord(entry) && typeof entry.status === "string")) return "manifest";
  if (!Array.isArray(value.files) || !value.files.every((file) => isRecord(file) && typeof file.path === "string")) return undefined;
  if (isRecord(value.totals) && isRecord(value.scoreNote)) {
    return value.files.every((file) => isRecord(file.usage) && ["converted", "skipped", "failed"].includes(String(file.status))) ? "convert-summary" : undefined;
  }
  if (value.failures !== undefined && !(Array.isArray(value.failures) && value.failures.every((f) => isRecord(f) && typeof f.path === "string"))) return undefined;
  return "score-report";
}

/** Same input in two manifests (a job re-run after the matrix changed): the most recent entry wins. */
export function mergeManifests(reports: readonly JsonReport<Manifest>[]): MergedJson {
  const inputs = new Map<string, { entry: ManifestEntry; from: string }>();
  const duplicates: { input: string; first: string; second: string }[] = [];
  for (const { path, value } of reports) {
    for (const [input, entry] of Object.entries(value.inputs)) {
      const seen = inputs.get(input);
      if (seen) duplicates.push({ input, first: seen.from, second: path });
      if (!seen || timeOf(entry) > timeOf(seen.entry)) inputs.set(input, { entry, from: path });
    }
  }
  const keys = [...inputs.keys()].sort(byText);
  const manifest: Manifest = { version: 1, inputs: Object.fromEntries(keys.map((key) => [key, inputs.get(key)!.entry])) };
  const entries = [...inputs.values()].map(({ entry }) => entry);
  const first = duplicates[0];
  return {
    text: JSON.stringify(manifest, null, 2) + "\n",
    documents: entries.length,
    done: entries.filter((entry) => entry.status === "converted").length,
    failed: entries.filter((entry) => entry.status === "failed").length,
    skipped: 0,
    warnings: first
      ? [`${plural(duplicates.length, "document figure", "documents figurent")} dans plusieurs manifestes (par exemple « ${first.input} » dans ${first.first} et ${first.second}) : l’entrée la plus récente (updatedAt) est gardée.`]
      : [],
  };
}

/** An entry without a readable date loses to any dated one. */
function timeOf(entry: ManifestEntry): number {
  const time = Date.parse(entry.updatedAt);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/**
 * The files of every summary, sorted by path as `falc convert --json` sorts them, with totals computed
 * again and the gravest exit code. A file in two summaries keeps its gravest verdict.
 */
export function mergeConvertSummaries(reports: readonly JsonReport<ConvertSummary>[]): MergedJson {
  const files = new Map<string, { file: SummaryFile; from: string }>();
  const duplicates: { input: string; first: string; second: string }[] = [];
  for (const { path, value } of reports) {
    for (const file of value.files) {
      const seen = files.get(file.path);
      if (seen) duplicates.push({ input: file.path, first: seen.from, second: path });
      if (!seen || summaryGravity(file) > summaryGravity(seen.file)) files.set(file.path, { file, from: path });
    }
  }
  const merged = [...files.values()].map(({ file }) => file).sort((a, b) => byText(a.path, b.path));
  const first = reports[0]!.value;
  const summary: ConvertSummary = {
    ...first,
    files: merged,
    totals: totalsOf(merged),
    exitCode: Math.max(...reports.map(({ value }) => (Number.isInteger(value.exitCode) ? value.exitCode : 0))),
  };
  const warnings = duplicateWarning(duplicates, "résumés");
  const other = reports.find(({ value }) => JSON.stringify(value.thresholds) !== JSON.stringify(first.thresholds));
  if (other) {
    warnings.push(`les seuils diffèrent entre ${reports[0]!.path} (${thresholdsText(first.thresholds)}) et ${other.path} (${thresholdsText(other.value.thresholds)}) : le résumé fusionné garde ceux du premier.`);
  }
  const totals = summary.totals;
  return { text: JSON.stringify(summary, null, 2) + "\n", documents: totals.files, done: totals.converted, skipped: totals.skipped, failed: totals.failed, warnings };
}

function summaryGravity(file: SummaryFile): number {
  return file.status === "failed" ? 3 : file.qualityGate && !file.qualityGate.passed ? 2 : 1;
}

function thresholdsText(thresholds: ConvertSummary["thresholds"] | undefined): string {
  const parts = [`--fail-under ${thresholds?.failUnder ?? "aucun"}`, thresholds?.strict ? "--strict" : "sans --strict"];
  return parts.join(", ");
}

/** The files and the failures of every report, sorted by path; a document in two reports is kept once. */
export function mergeScoreReports(reports: readonly JsonReport<ScoreJson>[]): MergedJson {
  const files = new Map<string, { file: FileScore; from: string }>();
  const failures = new Map<string, { failure: NonNullable<ScoreJson["failures"]>[number]; from: string }>();
  const duplicates: { input: string; first: string; second: string }[] = [];
  for (const { path, value } of reports) {
    for (const file of value.files) {
      const seen = files.get(file.path) ?? failures.get(file.path);
      if (seen) duplicates.push({ input: file.path, first: seen.from, second: path });
      else files.set(file.path, { file, from: path });
    }
    for (const failure of value.failures ?? []) {
      const seen = files.get(failure.path) ?? failures.get(failure.path);
      if (seen) duplicates.push({ input: failure.path, first: seen.from, second: path });
      // A document unreadable in one report is unreadable, whatever another report says.
      files.delete(failure.path);
      if (!failures.has(failure.path)) failures.set(failure.path, { failure, from: path });
    }
  }
  const merged: ScoreJson = {
    ...reports[0]!.value,
    files: [...files.values()].map(({ file }) => file).sort((a, b) => byText(a.path, b.path)),
    failures: [...failures.values()].map(({ failure }) => failure).sort((a, b) => byText(a.path, b.path)),
  };
  return {
    text: JSON.stringify(merged, null, 2) + "\n",
    documents: merged.files.length + failures.size,
    done: merged.files.length,
    failed: failures.size,
    skipped: 0,
    warnings: duplicateWarning(duplicates, "rapports"),
  };
}

function duplicateWarning(duplicates: readonly { input: string; first: string; second: string }[], reports: string): string[] {
  const first = duplicates[0];
  if (!first) return [];
  return [
    `${plural(duplicates.length, "document figure", "documents figurent")} dans plusieurs ${reports} (par exemple « ${first.input} » dans ${first.first} et ${first.second}) : ` +
      "il n’est compté qu’une fois, avec son verdict le plus grave. Chaque part d’une matrice (--shard i/n) doit écrire son propre rapport.",
  ];
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
