/**
 * Text matching shared by the layout evaluation (scripts/eval/layout.ts) and the DOCX/PDF agreement
 * (scripts/eval/docx-pdf-agreement.ts): normalisation, locating a short key in a tool's output,
 * heading matching, table cell F1. Pure functions, no I/O.
 */

// Soft hyphen, zero-width spaces and joiners, word joiner, BOM: invisible in the rendered page.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/**
 * Undoes what a line break does to words: a soft hyphen or a hyphen at the end of a line before
 * a lower-case letter is a hyphenation, not a compound (« ré­\ngionale », « commen-\ncé »).
 */
export function preprocess(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/\u00AD[ \t]*\r?\n[ \t]*/g, "")
    .replace(INVISIBLE, "")
    .replace(/(\p{L})[-\u2010][ \t]*\r?\n[ \t]*(?=\p{Ll})/gu, "$1");
}

/**
 * Words as letters and digits only, lower-cased and without accents: quotes, apostrophes, dashes,
 * Markdown marks and « … » all become word breaks, so typography never decides a match.
 */
export function tokens(raw: string): string[] {
  return preprocess(raw)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
}

/** Letters and digits with every break removed: the form keys are compared in. */
export function squash(raw: string): string {
  return tokens(raw).join("");
}

/** Words as a reader counts them (split on white space), for « the first N words ». */
export function firstWords(raw: string, count: number): string {
  return raw.trim().split(/\s+/).slice(0, count).join(" ");
}

export function wordCount(raw: string): number {
  const trimmed = raw.trim();
  return trimmed === "" ? 0 : trimmed.split(/\s+/).length;
}

/**
 * A tool's output in the squashed form, with the word boundaries remembered: a key matches only
 * from the start of a word to the end of a word, but the spaces inside it do not count, so a key
 * survives a line break, a dropped space or a dropped soft hyphen, while « fait à » does not match
 * inside « fait avant ».
 */
export class TextIndex {
  readonly squashed: string;
  private readonly starts: Uint8Array;
  private readonly ends: Uint8Array;

  constructor(raw: string) {
    const words = tokens(raw);
    this.squashed = words.join("");
    this.starts = new Uint8Array(this.squashed.length + 1);
    this.ends = new Uint8Array(this.squashed.length + 1);
    let offset = 0;
    for (const word of words) {
      this.starts[offset] = 1;
      offset += word.length;
      this.ends[offset] = 1;
    }
  }

  /** Offsets (in `squashed`) where `needle` starts and ends on word boundaries. */
  occurrences(needle: string): number[] {
    const found: number[] = [];
    if (needle === "") return found;
    for (let at = this.squashed.indexOf(needle); at >= 0; at = this.squashed.indexOf(needle, at + 1)) {
      if (this.starts[at] && this.ends[at + needle.length]) found.push(at);
    }
    return found;
  }
}

export type MatchKind = "full" | "prefix";

export interface Located {
  pos: number;
  kind: MatchKind;
}

// A list or heading number that a tool may turn into list numbering, dropping it from the text:
// « 3.1 », « 3.1. », « 1-1 », « 1. », « 1- », « II. », « a) », or a bullet.
const LEADING_MARKER = /^\s*(?:\d+(?:[.-]\d+)+[.)]?|(?:[IVXLC]+|\d+|[a-zA-Z])[.)\-–])\s+|^\s*[•\-–—*]\s+/;

/** The key without its leading « 1. », « 3.1 », « 1-1 », « II. », « a) » or bullet, when it has one. */
export function stripMarker(key: string): string {
  return key.replace(LEADING_MARKER, "");
}

/**
 * What `locate` tries, in order: the key's full text, the same without its leading number, then
 * its first 4 words (with and without the number) when the key is longer.
 */
export function needlesFor(key: string): { needle: string; kind: MatchKind }[] {
  const bare = stripMarker(key);
  const candidates: { text: string; kind: MatchKind }[] = [
    { text: key, kind: "full" },
    { text: bare, kind: "full" },
    ...(wordCount(key) > 4 ? [{ text: firstWords(key, 4), kind: "prefix" as const }] : []),
    ...(wordCount(bare) > 4 ? [{ text: firstWords(bare, 4), kind: "prefix" as const }] : []),
  ];
  const seen = new Set<string>();
  const needles: { needle: string; kind: MatchKind }[] = [];
  for (const { text, kind } of candidates) {
    const needle = squash(text);
    if (needle === "" || seen.has(needle)) continue;
    seen.add(needle);
    needles.push({ needle, kind });
  }
  return needles;
}

/**
 * Where `key` is in the text. A key can occur several times (« Observations : », « Nom(s) : »):
 * the first occurrence after `cursor` (the place of the previous gold block; -1 before the first)
 * is taken, else the first one. This gives repeated keys the benefit of the doubt and changes
 * nothing for a key that occurs once.
 */
export function locate(index: TextIndex, key: string, cursor = -1): Located | undefined {
  for (const { needle, kind } of needlesFor(key)) {
    const all = index.occurrences(needle);
    if (all.length === 0) continue;
    return { pos: all.find((at) => at > cursor) ?? all[0]!, kind };
  }
  return undefined;
}

/** Whether `phrase` reads word for word, across its line break, inside one of the units. */
export function joinedInOneUnit(phrase: string, units: string[]): boolean {
  const needle = ` ${tokens(phrase).join(" ")} `;
  return units.some((unit) => ` ${tokens(unit).join(" ")} `.includes(needle));
}

// ---- Headings ----

export interface HeadingMatch {
  truePositives: number;
  /** Gold heading keys no predicted heading matched. */
  missed: string[];
  /** Predicted headings that match no gold heading. */
  spurious: string[];
}

/**
 * A predicted heading matches a gold heading when it starts with the gold key (keys are the first
 * words only; leading numbers aside, a tool may move them into list numbering), or when it is the
 * first half or more of the key (a title split over two headings
 * gets credit once; its second half is spurious). Each side is used once, in order.
 */
export function matchHeadings(gold: string[], predicted: string[], neutral: string[] = []): HeadingMatch {
  const used = new Set<number>();
  const missed: string[] = [];
  const neutralKeys = new Set(neutral.map(squash));
  for (const key of gold) {
    const forms = [...new Set([squash(key), squash(stripMarker(key))])].filter((g) => g !== "");
    const at = predicted.findIndex((text, i) => {
      if (used.has(i)) return false;
      const p = squash(stripMarker(text));
      const whole = squash(text);
      return (
        p.length > 0 &&
        forms.some((g) => whole.startsWith(g) || p.startsWith(g) || (g.startsWith(p) && p.length * 2 >= g.length))
      );
    });
    if (at >= 0) used.add(at);
    else missed.push(key);
  }
  const spurious = predicted.filter((text, i) => !used.has(i) && !neutralKeys.has(squash(text)));
  return { truePositives: used.size, missed, spurious };
}

// ---- Tables ----

export type Grid = string[][];

/**
 * A gold cell ending with « … » holds only its first words: it matches a predicted cell that starts
 * with them, or that is their start (3 words at least: a long cell cut at a line break). Any other
 * gold cell must match in full. Empty cells never match: they carry no text to find.
 */
export function cellMatches(gold: string, predicted: string | undefined): boolean {
  if (predicted === undefined) return false;
  const truncated = /…\s*$/.test(gold);
  const g = squash(gold.replace(/…\s*$/, ""));
  const p = squash(predicted);
  if (g === "" || p === "") return false;
  if (g === p) return true;
  if (!truncated) return false;
  return p.startsWith(g) || (g.startsWith(p) && wordCount(predicted) >= 3);
}

export function filledCells(grid: Grid): number {
  return grid.reduce((sum, row) => sum + row.filter((cell) => squash(cell.replace(/…\s*$/, "")) !== "").length, 0);
}

/**
 * Cells matched at the same row and column. The predicted rows may be shifted by one (a header
 * row read as a heading or a paragraph, or an extra title row inside the grid): the best of the
 * shifts -1, 0, +1 is kept.
 */
export function gridScore(gold: Grid, predicted: Grid): { matched: number; rowOffset: number } {
  let best = { matched: 0, rowOffset: 0 };
  for (const rowOffset of [0, -1, 1]) {
    let matched = 0;
    gold.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (cellMatches(cell, predicted[r + rowOffset]?.[c])) matched++;
      });
    });
    if (matched > best.matched) best = { matched, rowOffset };
  }
  return best;
}

export interface TablePairing {
  goldIndex: number;
  /** Index among the predicted tables, or -1 when none shares a cell with this gold table. */
  predictedIndex: number;
  matched: number;
  rowOffset: number;
}

export interface TableScore {
  goldCells: number;
  predictedCells: number;
  matchedCells: number;
  precision: number;
  recall: number;
  f1: number;
  pairings: TablePairing[];
}

/** Each gold table takes, in order, the unused predicted table that shares the most cells with it. */
export function scoreTables(gold: Grid[], predicted: Grid[]): TableScore {
  const used = new Set<number>();
  const pairings: TablePairing[] = gold.map((table, goldIndex) => {
    let best: TablePairing = { goldIndex, predictedIndex: -1, matched: 0, rowOffset: 0 };
    predicted.forEach((candidate, predictedIndex) => {
      if (used.has(predictedIndex)) return;
      const score = gridScore(table, candidate);
      if (score.matched > best.matched) best = { goldIndex, predictedIndex, ...score };
    });
    if (best.predictedIndex >= 0) used.add(best.predictedIndex);
    return best;
  });
  const goldCells = gold.reduce((sum, grid) => sum + filledCells(grid), 0);
  const predictedCells = predicted.reduce((sum, grid) => sum + filledCells(grid), 0);
  const matchedCells = pairings.reduce((sum, pairing) => sum + pairing.matched, 0);
  const precision = predictedCells === 0 ? 0 : matchedCells / predictedCells;
  const recall = goldCells === 0 ? 0 : matchedCells / goldCells;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { goldCells, predictedCells, matchedCells, precision, recall, f1, pairings };
}

export function gridShape(grid: Grid): string {
  return `${grid.length}×${Math.max(0, ...grid.map((row) => row.length))}`;
}

// ---- Sequences ----

/** Length of the longest common subsequence of two sequences, items compared with `same`. */
export function lcsLength(a: string[], b: string[], same: (x: string, y: string) => boolean = (x, y) => x === y): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      current[j] = same(x, b[j - 1]!) ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Whether the shorter of two normalised texts starts the longer and is at least half of it. */
export function prefixSame(x: string, y: string): boolean {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length > 0 && long.startsWith(short) && short.length * 2 >= long.length;
}

/** Length of the longest strictly increasing subsequence (patience sorting). */
export function lisLength(values: number[]): number {
  const tails: number[] = [];
  for (const value of values) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < value) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = value;
  }
  return tails.length;
}

export function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
