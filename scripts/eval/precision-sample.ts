/**
 * Draws the precision sample: warning- and error-level findings of the text rules on the real documents,
 * up to PER_RULE per rule, spread over documents, with a fixed seed so that the sample can be redrawn.
 * Each finding is kept with its sentence only, and only if checking that sentence alone raises it again
 * (the labelled set is replayed sentence by sentence in tests/rules/precision-set.test.ts).
 *
 *   node --import tsx scripts/eval/precision-sample.ts [docsDir] [seed] [perRule] > /tmp/sample.jsonl
 *
 * Labels are added by hand afterwards (see tests/data/precision/README.md).
 */
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { loadRuleSet } from "../../src/config/ruleset.js";
import { ingestFile } from "../../src/ingest/index.js";
import { checkDocument, checkText } from "../../src/rules/engine.js";
import type { RuleSet } from "../../src/rules/schema.js";

export const DEFAULT_DOCS = "/work/shared/corpus/real-docs";
/** Refused by ingest (XFA form, scanned form): nothing to sample. */
const SKIPPED = /gevasco|ehpad-dossier/;
const PER_RULE = 25;
const SEED = 20261205;
/**
 * Rules the sample leaves out: layout rules and paragraph metrics need the formatted document, not a
 * sentence; no-validation-claim is a reminder in `falc score`, not a finding on a published text.
 */
const EXCLUDED = new Set(["short-paragraphs", "no-validation-claim"]);

export interface SampledFinding {
  rule: string;
  severity: string;
  sentence: string;
  flagged: string;
  source: string;
}

/** mulberry32: small, seeded, the same sequence on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], next: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** Every warning/error finding of one document that its sentence alone reproduces. */
export async function documentFindings(path: string, ruleSet: RuleSet, seen = new Set<string>()): Promise<SampledFinding[]> {
  const document = await ingestFile(path);
  const sentences: Sentence[] = [];
  const findings = checkDocument(document, ruleSet, {
    onUnit: (ctx) => {
      for (const s of ctx.sentences) sentences.push({ start: ctx.base + s.start, end: ctx.base + s.end, text: s.text });
    },
  });
  sentences.sort((a, b) => a.start - b.start);
  const out: SampledFinding[] = [];
  for (const finding of findings) {
    if (finding.severity === "info" || EXCLUDED.has(finding.ruleId)) continue;
    const sentence = sentences.find((s) => s.start <= finding.offset && finding.offset + finding.length <= s.end);
    if (!sentence) continue;
    const text = sentence.text.trim();
    const flagged = document.text.slice(finding.offset, finding.offset + finding.length);
    const key = `${finding.ruleId}\u0000${text}\u0000${flagged}`;
    if (seen.has(key) || text.length > 600) continue;
    seen.add(key);
    out.push({ rule: finding.ruleId, severity: finding.severity, sentence: text, flagged, source: basename(path) });
  }
  return out;
}

/** What checking the sentence alone flags for one rule. */
export function flaggedInSentence(ruleSet: RuleSet, rule: string, sentence: string): string[] {
  return checkText(sentence, ruleSet, { only: [rule] }).map((f) => sentence.slice(f.offset, f.offset + f.length));
}

export async function drawSample(docsDir: string, ruleSet: RuleSet, seed = SEED, perRule = PER_RULE): Promise<SampledFinding[]> {
  const files = readdirSync(docsDir).filter((name) => !SKIPPED.test(name)).sort();
  const byRule = new Map<string, Map<string, SampledFinding[]>>();
  // Shared by all documents: the DOCX and the PDF of one guide must not put one sentence in twice.
  const seen = new Set<string>();
  for (const name of files) {
    let findings: SampledFinding[];
    try {
      findings = await documentFindings(join(docsDir, name), ruleSet, seen);
    } catch {
      continue;
    }
    for (const finding of findings) {
      if (!flaggedInSentence(ruleSet, finding.rule, finding.sentence).includes(finding.flagged)) continue;
      const docs = byRule.get(finding.rule) ?? new Map<string, SampledFinding[]>();
      byRule.set(finding.rule, docs);
      const list = docs.get(name) ?? [];
      docs.set(name, list);
      list.push(finding);
    }
  }
  const next = random(seed);
  const sample: SampledFinding[] = [];
  for (const rule of [...byRule.keys()].sort()) {
    const docs = [...byRule.get(rule)!.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, list]) => shuffle(list, next));
    // Round robin over documents, so that one long document does not fill a rule's quota.
    const picked: SampledFinding[] = [];
    for (let round = 0; picked.length < perRule && docs.some((list) => list.length > round); round++) {
      for (const list of docs) if (list[round] && picked.length < perRule) picked.push(list[round]!);
    }
    sample.push(...picked);
  }
  return sample;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [docs, seed, perRule] = process.argv.slice(2);
  const sample = await drawSample(docs ?? DEFAULT_DOCS, loadRuleSet(), seed === undefined ? SEED : Number(seed), perRule === undefined ? PER_RULE : Number(perRule));
  for (const finding of sample) process.stdout.write(`${JSON.stringify(finding)}\n`);
}
