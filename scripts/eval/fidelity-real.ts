/**
 * Fidelity on real text, with and without the second reader (issue #17).
 *
 *   node --import tsx scripts/eval/fidelity-real.ts
 *
 * Every case of tests/data/fidelity-real/ is converted by `falc convert` (the real pipeline: ingest,
 * pseudonymisation, the fidelity guard, the second reader, the JSON report) against the local Messages
 * API server of the tests, which answers:
 * - to a rewrite request, with the rewrite the document's title names (« <case>~faithful »,
 *   « <case>~m3 » for the faithful rewrite with mistake 3 planted, « <case>~careless » with all);
 * - to the second reader's request, as a good checker would: from the texts it is sent, the planted
 *   mistakes found in the rewrite, each answered with the point written in the data for it (none for a
 *   faithful rewrite, none for a mistake whose `checker` is null).
 * Figures: false alarms of the guard on the faithful rewrites; planted mistakes caught by the guard
 * alone (a mistake planted alone, and the guard says something it did not say of the faithful
 * rewrite), and by the guard or the second reader; tokens and price of a reading.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { convertFiles } from "../../src/commands/convert.js";
import { DEFAULT_CHECK_MODEL } from "../../src/rewrite/meaning-check/index.js";
import { checkOfUserMessage } from "../../src/rewrite/meaning-check/prompt.js";
import { sectionOfUserMessage } from "../../src/rewrite/prompt.js";
import { ANTHROPIC_PRICES, costOf, DEFAULT_ANTHROPIC_MODEL } from "../../src/rewrite/providers/anthropic-models.js";
import type { ConvertedSection, Usage } from "../../src/rewrite/types.js";
import { isCheckRequest, startMockAnthropic, type MockReply, type RecordedRequest } from "../../tests/helpers/mock-anthropic.js";
import { loadCases, MISTAKE_KINDS, plant, plantedIn, type FidelityCase, type MistakeKind } from "./fidelity-real-data.js";

const KEY = "sk-ant-eval-fidelity";

export interface KindFigures {
  planted: number;
  guard: number;
  combined: number;
}

export interface FidelityFigures {
  cases: number;
  mistakes: number;
  /** What the guard said of faithful rewrites: missing, added and meaning points are false alarms; « à vérifier » values are not. */
  faithful: { falseAlarms: number; sections: { id: string; alarms: string[] }[]; toCheck: number; readerPoints: number };
  guardCaught: number;
  readerCaught: number;
  combinedCaught: number;
  byKind: Record<MistakeKind, KindFigures>;
  /** Mistakes nobody caught, and those only the second reader caught. */
  missed: string[];
  readerOnly: string[];
  /** Every second reader's point of the careless rewrites is in the JSON report's sections[].meaning. */
  pointsInReport: { expected: number; found: number };
  /** Per reading (the careless and faithful rewrites), as the local server counts tokens (3,5 characters each). */
  check: { readings: number; input: number; output: number; cost: number; model: string };
  /** The rewrite request of the same sections, for comparison. */
  rewrite: { requests: number; input: number; cacheRead: number; cacheWrite: number; output: number; cost: number; model: string };
}

interface Variant {
  item: FidelityCase;
  name: string;
  lines: string[];
}

export async function measureFidelity(cases: FidelityCase[] = loadCases()): Promise<FidelityFigures> {
  const byId = new Map(cases.map((item) => [item.id, item]));
  const variants = new Map<string, Variant>();
  for (const item of cases) {
    variants.set(`${item.id}~faithful`, { item, name: "faithful", lines: item.faithful });
    item.mistakes.forEach((_, i) => variants.set(`${item.id}~m${i + 1}`, { item, name: `m${i + 1}`, lines: plant(item, [i]) }));
    variants.set(`${item.id}~careless`, { item, name: "careless", lines: plant(item) });
  }
  const reply = (request: RecordedRequest): MockReply => {
    if (isCheckRequest(request)) {
      const check = checkOfUserMessage(request.userText)!;
      const documentTitle = /^Document : « (.*) »$/m.exec(request.userText)?.[1] ?? "";
      const item = byId.get(documentTitle.split("~")[0]!)!;
      const changes = plantedIn(item, check.rewrite).flatMap((mistake) => (mistake.checker ? [mistake.checker] : []));
      return { json: { changes } };
    }
    const section = sectionOfUserMessage(request.userText)!;
    const variant = variants.get(section.documentTitle)!;
    return { rewrite: { title: section.sectionTitle, blocks: [{ type: "paragraph", sentences: variant.lines }], glossary: [] } };
  };
  const mock = await startMockAnthropic(reply, { apiKey: KEY });
  const dir = mkdtempSync(join(tmpdir(), "falc-fidelity-real-"));
  try {
    const docs = join(dir, "docs");
    mkdirSync(docs);
    for (const [title, variant] of variants) writeFileSync(join(docs, `${title}.md`), `# ${title}\n\n## ${variant.item.section}\n\n${variant.item.original}\n`);
    const out = join(dir, "out");
    const outcome = await convertFiles([docs], { env: { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: mock.url }, out, cache: false, maxRepairs: 0, formats: ["json"] });
    if (outcome.failures.length > 0) throw new Error(`conversion failed: ${outcome.failures.map((f) => `${f.path}: ${f.error.message}`).join("; ")}`);
    const sections = new Map<string, ConvertedSection>();
    const reports = new Map<string, { sections: { meaning: { by: string }[]; usage: Usage }[] }>();
    for (const file of outcome.files) {
      const title = file.path.split("/").pop()!.replace(/\.md$/, "");
      const rewritten = file.result.sections.filter((section) => section.usage.requests > 0);
      if (rewritten.length !== 1) throw new Error(`${title}: ${rewritten.length} sections rewritten, 1 expected`);
      sections.set(title, rewritten[0]!);
      reports.set(title, JSON.parse(readFileSync(join(out, `${title}.falc.json`), "utf8")));
    }
    return figures(cases, variants, sections, reports, mock.requests);
  } finally {
    await mock.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the guard says of a rewrite, as comparable strings (a meaning point by its kind and marker only). */
function guardSignals(section: ConvertedSection): { alarms: string[]; toCheck: string[] } {
  return {
    alarms: [
      ...section.facts.missing.map((fact) => `manquante : ${fact.text} (${fact.type})`),
      ...section.facts.added.map((fact) => `ajoutée : ${fact.text} (${fact.type})`),
      ...(section.facts.meaning ?? []).map((point) => `sens : ${point.kind} « ${point.marker} »`),
    ],
    toCheck: (section.facts.toCheck ?? []).map((fact) => `à vérifier : ${fact.text} (${fact.type})`),
  };
}

/** Signals of `after` that `before` did not have (as multisets). */
function newSignals(before: readonly string[], after: readonly string[]): string[] {
  const left = [...before];
  return after.filter((signal) => {
    const at = left.indexOf(signal);
    if (at === -1) return true;
    left.splice(at, 1);
    return false;
  });
}

function figures(
  cases: FidelityCase[],
  variants: Map<string, Variant>,
  sections: Map<string, ConvertedSection>,
  reports: Map<string, { sections: { meaning: { by: string }[] }[] }>,
  requests: RecordedRequest[],
): FidelityFigures {
  const byKind = Object.fromEntries(MISTAKE_KINDS.map((kind) => [kind, { planted: 0, guard: 0, combined: 0 }])) as Record<MistakeKind, KindFigures>;
  const result: FidelityFigures = {
    cases: cases.length,
    mistakes: 0,
    faithful: { falseAlarms: 0, sections: [], toCheck: 0, readerPoints: 0 },
    guardCaught: 0,
    readerCaught: 0,
    combinedCaught: 0,
    byKind,
    missed: [],
    readerOnly: [],
    pointsInReport: { expected: 0, found: 0 },
    check: { readings: 0, input: 0, output: 0, cost: 0, model: DEFAULT_CHECK_MODEL },
    rewrite: { requests: 0, input: 0, cacheRead: 0, cacheWrite: 0, output: 0, cost: 0, model: DEFAULT_ANTHROPIC_MODEL },
  };
  for (const item of cases) {
    const faithful = sections.get(`${item.id}~faithful`)!;
    const base = guardSignals(faithful);
    result.faithful.falseAlarms += base.alarms.length;
    result.faithful.toCheck += base.toCheck.length;
    result.faithful.readerPoints += faithful.meaningCheck?.changes.length ?? 0;
    if (base.alarms.length > 0) result.faithful.sections.push({ id: item.id, alarms: base.alarms });
    item.mistakes.forEach((mistake, i) => {
      const section = sections.get(`${item.id}~m${i + 1}`)!;
      const signals = guardSignals(section);
      const guard = newSignals([...base.alarms, ...base.toCheck], [...signals.alarms, ...signals.toCheck]).length > 0;
      const reader = (section.meaningCheck?.changes.length ?? 0) > 0;
      const label = `${item.id} m${i + 1} (${mistake.kind})`;
      result.mistakes++;
      byKind[mistake.kind].planted++;
      if (guard) {
        result.guardCaught++;
        byKind[mistake.kind].guard++;
      }
      if (reader) result.readerCaught++;
      if (guard || reader) {
        result.combinedCaught++;
        byKind[mistake.kind].combined++;
      } else result.missed.push(label);
      if (reader && !guard) result.readerOnly.push(label);
    });
    const careless = sections.get(`${item.id}~careless`)!;
    const report = reports.get(`${item.id}~careless`)!;
    result.pointsInReport.expected += careless.meaningCheck?.changes.length ?? 0;
    result.pointsInReport.found += report.sections.flatMap((section) => section.meaning).filter((entry) => entry.by === "second-reader").length;
  }
  // Tokens of the readings and of the rewrites, as the server counted them (faithful and careless variants: one each per case).
  const counted = new Set([...variants.keys()].filter((title) => /~(faithful|careless)$/.test(title)));
  let checkUsage: Usage = { requests: 0, input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 };
  let rewriteUsage: Usage = { ...checkUsage };
  for (const title of counted) {
    const section = sections.get(title)!;
    const check = section.meaningCheck!.usage;
    checkUsage = sum(checkUsage, check);
    rewriteUsage = sum(rewriteUsage, minus(section.usage, check));
  }
  const checkPrice = ANTHROPIC_PRICES[DEFAULT_CHECK_MODEL]!;
  const rewritePrice = ANTHROPIC_PRICES[DEFAULT_ANTHROPIC_MODEL]!;
  result.check = {
    readings: checkUsage.requests,
    input: (checkUsage.input_tokens + checkUsage.cache_read_input_tokens + checkUsage.cache_creation_input_tokens) / checkUsage.requests,
    output: checkUsage.output_tokens / checkUsage.requests,
    cost: costOf(checkUsage, checkPrice) / checkUsage.requests,
    model: DEFAULT_CHECK_MODEL,
  };
  result.rewrite = {
    requests: rewriteUsage.requests,
    input: rewriteUsage.input_tokens / rewriteUsage.requests,
    cacheRead: rewriteUsage.cache_read_input_tokens / rewriteUsage.requests,
    cacheWrite: rewriteUsage.cache_creation_input_tokens / rewriteUsage.requests,
    output: rewriteUsage.output_tokens / rewriteUsage.requests,
    cost: costOf(rewriteUsage, rewritePrice) / rewriteUsage.requests,
    model: DEFAULT_ANTHROPIC_MODEL,
  };
  if (requests.filter(isCheckRequest).length !== sections.size) throw new Error(`${requests.filter(isCheckRequest).length} readings for ${sections.size} sections`);
  return result;
}

function sum(a: Usage, b: Usage): Usage {
  return {
    requests: a.requests + b.requests,
    input_tokens: a.input_tokens + b.input_tokens,
    output_tokens: a.output_tokens + b.output_tokens,
    cache_read_input_tokens: a.cache_read_input_tokens + b.cache_read_input_tokens,
    cache_creation_input_tokens: a.cache_creation_input_tokens + b.cache_creation_input_tokens,
  };
}

function minus(a: Usage, b: Usage): Usage {
  return sum(a, { requests: -b.requests, input_tokens: -b.input_tokens, output_tokens: -b.output_tokens, cache_read_input_tokens: -b.cache_read_input_tokens, cache_creation_input_tokens: -b.cache_creation_input_tokens });
}

const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1).replace(".", ",")} %`;

export function formatFigures(f: FidelityFigures): string {
  const lines = [
    `Jeu : ${f.cases} sections de documents réels, ${f.mistakes} erreurs plantées.`,
    `Réécritures fidèles : ${f.faithful.falseAlarms} fausse(s) alerte(s) du garde-fou ; ${f.faithful.toCheck} valeur(s) « à vérifier » ; ${f.faithful.readerPoints} point(s) de la deuxième lecture (simulée).`,
    ...f.faithful.sections.map((s) => `  ${s.id} : ${s.alarms.join(" ; ")}`),
    `Erreurs vues par le garde-fou seul : ${f.guardCaught}/${f.mistakes} (${pct(f.guardCaught, f.mistakes)}).`,
    `Erreurs vues par la deuxième lecture (simulée) : ${f.readerCaught}/${f.mistakes} (${pct(f.readerCaught, f.mistakes)}).`,
    `Erreurs vues par le garde-fou ou la deuxième lecture : ${f.combinedCaught}/${f.mistakes} (${pct(f.combinedCaught, f.mistakes)}).`,
    "Par sorte (plantées · garde-fou · les deux) :",
    ...MISTAKE_KINDS.filter((kind) => f.byKind[kind].planted > 0).map((kind) => `  ${kind.padEnd(10)} ${String(f.byKind[kind].planted).padStart(3)} · ${String(f.byKind[kind].guard).padStart(3)} · ${String(f.byKind[kind].combined).padStart(3)}`),
    `Vues seulement par la deuxième lecture : ${f.readerOnly.length} (${f.readerOnly.join(", ")}).`,
    `Manquées par les deux : ${f.missed.length}${f.missed.length > 0 ? ` (${f.missed.join(", ")})` : ""}.`,
    `Points de la deuxième lecture dans sections[].meaning du rapport JSON : ${f.pointsInReport.found}/${f.pointsInReport.expected}.`,
    `Une lecture (${f.check.model}) : ~${Math.round(f.check.input)} jetons en entrée, ~${Math.round(f.check.output)} en sortie (${f.check.readings} lectures) ; ~${f.check.cost.toFixed(6)} $.`,
    `Une réécriture (${f.rewrite.model}) : ~${Math.round(f.rewrite.input)} jetons en entrée, ~${Math.round(f.rewrite.cacheRead)} lus du cache, ~${Math.round(f.rewrite.cacheWrite)} écrits au cache, ~${Math.round(f.rewrite.output)} en sortie ; ~${f.rewrite.cost.toFixed(6)} $.`,
  ];
  return lines.join("\n") + "\n";
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const started = performance.now();
  const result = await measureFidelity();
  process.stdout.write(formatFigures(result));
  process.stdout.write(`(${Math.round(performance.now() - started)} ms)\n`);
}
