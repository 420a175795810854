/**
 * PDF layout against gold annotations made by hand from the rendered pages (bench/gold/layout/,
 * conventions in its README.md): reading order, headings, tables, tables of contents, lines that
 * must join. falc's PDF reader is compared with poppler's pdftotext (default mode, and -layout for
 * information) on the same pages, cut out of each PDF first so that both read exactly those pages.
 *
 *   node --import tsx scripts/eval/layout.ts [--json] [document stems…]
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ingestFile } from "../../src/ingest/index.js";
import { CORPUS_DIR, bodyKeys, loadGold, orderUnits, type GoldEntry, type GoldFile, type OrderUnit, type TocGold } from "./layout-gold.js";
import {
  TextIndex,
  gridShape,
  joinedInOneUnit,
  lisLength,
  locate,
  matchHeadings,
  ratio,
  scoreTables,
  squash,
  stripMarker,
  type Grid,
  type TableScore,
} from "./layout-match.js";
import { printReport } from "./layout-report.js";
import { extractPages, requirePoppler, runFalc, runPdftotext, type ToolOutput } from "./layout-tools.js";

/** Files falc must refuse: a garbage text layer, an XFA form. */
const MUST_REFUSE = ["mdph-gevasco-1re-demande.pdf", "ehpad-dossier-admission-unique.pdf"];

export interface OrderResult {
  units: number;
  found: number;
  /** Found only by the key's first 4 words. */
  prefixOnly: number;
  pairs: number;
  pairsInOrder: number;
  /** Consecutive gold units both found, and of those the ones in order. */
  foundPairs: number;
  foundPairsInOrder: number;
  /** Longest run of found units in gold order (not necessarily consecutive), over all units. */
  lisShare: number;
  missing: string[];
  outOfOrder: string[];
}

export interface BoundaryResult {
  total: number;
  kept: number;
  merged: string[];
  /** False when the tool's blocks do not add up to its text, so that no verdict is given. */
  comparable: boolean;
}

export interface HeadingResult {
  gold: number;
  predicted: number;
  truePositives: number;
  precision: number;
  recall: number;
  missed: string[];
  spurious: string[];
}

export interface TocResult {
  title?: string;
  entries: number;
  keptEntries: number;
  titleKept: boolean;
  leaders: boolean;
  leftOut: boolean;
}

export interface ToolResult {
  tool: string;
  error?: string;
  order: OrderResult;
  boundaries: BoundaryResult;
  headings: HeadingResult | null;
  tables: (TableScore & { shapes: { gold: string; predicted: string }[] }) | null;
  joins: { total: number; ok: number; broken: string[] };
  toc: TocResult[];
}

export interface DocResult {
  stem: string;
  file: string;
  pages: number[];
  tools: ToolResult[];
}

/** Where each gold unit is in the tool's text (undefined: not found), in gold order. */
export function locateUnits(units: OrderUnit[], index: TextIndex): { positions: (number | undefined)[]; prefixOnly: number; missing: string[] } {
  let cursor = -1;
  let prefixOnly = 0;
  const missing: string[] = [];
  const positions = units.map((unit): number | undefined => {
    if (unit.mode === "group") {
      const hits = unit.keys.map((key) => ({ key, hit: locate(index, key, cursor) }));
      for (const { key, hit } of hits) if (!hit) missing.push(`[choix] ${key}`);
      const found = hits.flatMap(({ hit }) => (hit ? [hit.pos] : []));
      if (found.length === 0) return undefined;
      cursor = Math.max(...found);
      return Math.min(...found);
    }
    const keys = unit.mode === "fallback" ? unit.keys : unit.keys.slice(0, 1);
    for (const key of keys) {
      const hit = locate(index, key, cursor);
      if (!hit) continue;
      if (hit.kind === "prefix") prefixOnly++;
      cursor = hit.pos;
      return hit.pos;
    }
    missing.push(unit.label);
    return undefined;
  });
  return { positions, prefixOnly, missing };
}

export function evaluateOrder(units: OrderUnit[], located: ReturnType<typeof locateUnits>): OrderResult {
  const { positions, prefixOnly, missing } = located;
  let pairsInOrder = 0;
  let foundPairs = 0;
  const outOfOrder: string[] = [];
  for (let i = 0; i + 1 < units.length; i++) {
    const a = positions[i];
    const b = positions[i + 1];
    if (a === undefined || b === undefined) continue;
    foundPairs++;
    if (a < b) pairsInOrder++;
    else outOfOrder.push(`${units[i]!.label} → ${units[i + 1]!.label}`);
  }
  const found = positions.filter((pos): pos is number => pos !== undefined);
  return {
    units: units.length,
    found: found.length,
    prefixOnly,
    pairs: Math.max(0, units.length - 1),
    pairsInOrder,
    foundPairs,
    foundPairsInOrder: pairsInOrder,
    lisShare: ratio(lisLength(found), units.length),
    missing,
    outOfOrder,
  };
}

/**
 * Block boundaries: of two consecutive gold blocks read as text (headings, paragraphs, list items)
 * and both found, whether the tool kept them in separate blocks. Each tool block is given its range
 * in the squashed text (the blocks, in order, make up the text), and the two located keys must fall
 * in different ranges. Complements `joins`, which catches the opposite fault (a block cut in two).
 */
export function evaluateBoundaries(units: OrderUnit[], positions: (number | undefined)[], output: ToolOutput, index: TextIndex): BoundaryResult {
  const ends: number[] = [];
  let offset = 0;
  for (const unit of output.units) {
    offset += squash(unit).length;
    ends.push(offset);
  }
  // Blocks that do not add up to the text (a tool writing more than its blocks): no verdict.
  if (offset !== index.squashed.length) return { total: 0, kept: 0, merged: [], comparable: false };
  const blockOf = (pos: number) => {
    let lo = 0;
    let hi = ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! > pos) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  let total = 0;
  const merged: string[] = [];
  for (let i = 0; i + 1 < units.length; i++) {
    const a = positions[i];
    const b = positions[i + 1];
    if (units[i]!.mode !== "key" || units[i + 1]!.mode !== "key" || a === undefined || b === undefined) continue;
    total++;
    if (blockOf(a) === blockOf(b)) merged.push(`${units[i]!.label} + ${units[i + 1]!.label}`);
  }
  return { total, kept: total - merged.length, merged, comparable: true };
}

function evaluateHeadings(gold: GoldFile, output: ToolOutput): HeadingResult | null {
  if (output.headings === null) return null;
  const keys = gold.blocks.flatMap((block) => (block.type === "heading" ? [block.key] : []));
  const tocTitles = gold.blocks.flatMap((block) => (block.type === "toc" && block.title ? [block.title] : []));
  const match = matchHeadings(keys, output.headings, tocTitles);
  const predicted = match.truePositives + match.spurious.length;
  return {
    gold: keys.length,
    predicted,
    truePositives: match.truePositives,
    precision: ratio(match.truePositives, predicted),
    recall: ratio(match.truePositives, keys.length),
    missed: match.missed,
    spurious: match.spurious,
  };
}

function evaluateTables(gold: GoldFile, output: ToolOutput): ToolResult["tables"] {
  if (output.tables === null) return null;
  const goldTables: Grid[] = gold.blocks.flatMap((block) => (block.type === "table" ? [block.rows] : []));
  const score = scoreTables(goldTables, output.tables);
  const shapes = score.pairings.map((pairing) => ({
    gold: gridShape(goldTables[pairing.goldIndex]!),
    predicted: pairing.predictedIndex >= 0 ? gridShape(output.tables![pairing.predictedIndex]!) : "—",
  }));
  return { ...score, shapes };
}

/**
 * How often an entry should appear in an output that left the table of contents out: as often as
 * the body's gold blocks start with it (« 1. Accueil collectif… » is both an entry and a heading).
 */
function expectedCount(entry: string, body: string[]): number {
  const needle = squash(entry);
  return body.filter((key) => key === needle || key.startsWith(needle) || (needle.startsWith(key) && key.length * 2 >= needle.length)).length;
}

// A leader line: at least five dots (or three ellipses) then a page number at the end of the line.
const LEADER_LINE = /(?:(?:\.[ \t]*){5,}|(?:…[ \t]*){3,})[ \t]*\d{1,3}[ \t]*$/m;

/**
 * An entry is kept when its full text occurs more often than the body accounts for, or when more
 * lines than expected start with it once numbers are set aside (a tool may turn « 2. » into list
 * numbering; only line starts are counted then, since a short entry without its number, « Accueil
 * des enfants », also occurs inside sentences).
 */
export function evaluateToc(gold: GoldFile, toc: TocGold, output: ToolOutput, index: TextIndex): TocResult {
  const keys = bodyKeys(gold);
  const body = keys.map(squash);
  const bareBody = keys.map((key) => squash(stripMarker(key)));
  const lines = output.text.split(/\n/).map((line) => squash(stripMarker(line))).filter((line) => line !== "");
  const kept = (text: string) => {
    if (index.occurrences(squash(text)).length > expectedCount(text, body)) return true;
    const bare = squash(stripMarker(text));
    return lines.filter((line) => line.startsWith(bare)).length > expectedCount(stripMarker(text), bareBody);
  };
  const keptEntries = toc.entries.filter(kept).length;
  const leaders = LEADER_LINE.test(output.text);
  return {
    ...(toc.title ? { title: toc.title } : {}),
    entries: toc.entries.length,
    keptEntries,
    titleKept: toc.title ? kept(toc.title) : false,
    leaders,
    leftOut: keptEntries === 0 && !leaders,
  };
}

export function evaluateTool(gold: GoldFile, output: ToolOutput): ToolResult {
  const index = new TextIndex(output.text);
  const joins = gold.blocks.flatMap((block) => ("joins" in block && block.joins ? block.joins : []));
  const broken = joins.filter((phrase) => !joinedInOneUnit(phrase, output.units));
  const units = orderUnits(gold);
  const located = locateUnits(units, index);
  return {
    tool: output.tool,
    ...(output.error ? { error: output.error } : {}),
    order: evaluateOrder(units, located),
    boundaries: evaluateBoundaries(units, located.positions, output, index),
    headings: evaluateHeadings(gold, output),
    tables: evaluateTables(gold, output),
    joins: { total: joins.length, ok: joins.length - broken.length, broken },
    toc: gold.blocks.flatMap((block) => (block.type === "toc" ? [evaluateToc(gold, block, output, index)] : [])),
  };
}

async function evaluateDocument({ stem, gold }: GoldEntry): Promise<DocResult | undefined> {
  const source = join(CORPUS_DIR, gold.file);
  if (!existsSync(source)) return undefined;
  const extracted = extractPages(source, gold.pages);
  try {
    const outputs = [await runFalc(extracted.path), runPdftotext(extracted.path, false), runPdftotext(extracted.path, true)];
    return { stem, file: gold.file, pages: gold.pages, tools: outputs.map((output) => evaluateTool(gold, output)) };
  } finally {
    extracted.cleanup();
  }
}

export interface Refusal {
  file: string;
  refused: boolean;
  code?: string;
}

async function refusals(): Promise<Refusal[]> {
  const rows: Refusal[] = [];
  for (const file of MUST_REFUSE) {
    const path = join(CORPUS_DIR, file);
    if (!existsSync(path)) continue;
    try {
      await ingestFile(path);
      rows.push({ file, refused: false });
    } catch (error) {
      rows.push({ file, refused: true, code: (error as { code?: string }).code ?? String(error) });
    }
  }
  return rows;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const only = args.filter((arg) => !arg.startsWith("--"));
  if (!existsSync(CORPUS_DIR)) {
    console.log(`Corpus absent (${CORPUS_DIR}) : évaluation de la mise en page ignorée.`);
    return;
  }
  requirePoppler();
  const entries = loadGold().filter((entry) => only.length === 0 || only.some((stem) => entry.stem.includes(stem)));
  const results: DocResult[] = [];
  for (const entry of entries) {
    const result = await evaluateDocument(entry);
    if (result) results.push(result);
  }
  const refused = only.length === 0 ? await refusals() : [];
  if (json) console.log(JSON.stringify({ documents: results, refusals: refused }, null, 2));
  else printReport(results, refused);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await main();
}
