import { acronymKey, type CompiledLexicons, type Lexicons } from "../../../rules/lexicon/lexicons.js";
import { keepsFacts } from "./guard.js";

/**
 * Tables of the original, which reach the offline rewrite as Markdown tables (see
 * src/rewrite/section-text.ts). A small table (2 to 4 columns, short cells) stays a table: its reader
 * follows a row with a finger. A larger one becomes one list item per row that names its columns
 * (« Prestation : Soins, prix par jour : forfait global. »): a row of long cells read across six
 * columns is lost, a sentence is not. Never one item per cell, which loses which cell goes with which.
 */

export interface SourceTable {
  /** The column names, when the table has them. */
  header?: string[];
  /** Every row as wide as the widest row (or the header): missing cells are "". */
  rows: string[][];
}

export const TABLE_LIMITS = {
  minColumns: 2,
  maxColumns: 4,
  /** A grid to fill in keeps its columns up to this many: as sentences it would lose its empty boxes. */
  maxFormColumns: 6,
  /** Characters of the longest cell a table kept as a table may have: a few words, an amount, a date. */
  maxCellChars: 50,
} as const;

const SEPARATOR = /^\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+$/u;

/** The table written by `markdownTable`, or null when the lines are not one. */
export function parseMarkdownTable(lines: readonly string[]): SourceTable | null {
  if (lines.length < 2 || !SEPARATOR.test(lines[1]!)) return null;
  if (!lines.every((line) => line.startsWith("|") && line.endsWith("|") && line.length >= 2)) return null;
  const header = splitRow(lines[0]!);
  const rows = lines.slice(2).map(splitRow).filter((row) => row.some((cell) => cell !== ""));
  const width = Math.max(header.length, ...rows.map((row) => row.length));
  const pad = (row: string[]) => [...row, ...Array.from({ length: width - row.length }, () => "")];
  const named = header.some((cell) => cell !== "");
  return named ? { header: pad(header), rows: rows.map(pad) } : { rows: rows.map(pad) };
}

/** « | a | b \| c | » → ["a", "b | c"]. */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let current = "";
  for (let i = 1; i < line.length - 1; i++) {
    const c = line.charAt(i);
    if (c === "\\" && line.charAt(i + 1) === "|") {
      current += "|";
      i++;
    } else if (c === "|") {
      cells.push(current.trim());
      current = "";
    } else {
      current += c;
    }
  }
  cells.push(current.trim());
  return cells;
}

/** Whether the table stays a table in the easy-to-read version. */
export function staysTable(table: SourceTable): boolean {
  const width = table.rows[0]?.length ?? table.header?.length ?? 0;
  if (width < TABLE_LIMITS.minColumns) return false;
  if (isFormGrid(table)) return width <= TABLE_LIMITS.maxFormColumns;
  if (width > TABLE_LIMITS.maxColumns) return false;
  return [...(table.header ?? []), ...table.rows.flat()].every(isShortCell);
}

/** Share of empty cells from which a table is a grid to fill in (boxes to tick, amounts to write). */
const FORM_GRID_EMPTY = 0.4;

/**
 * A form's grid (« Fait sa toilette | Seul | Avec aide ponctuelle | Avec aide constante », boxes to
 * tick): as sentences, its rows would lose the empty boxes that are the whole point.
 */
function isFormGrid(table: SourceTable): boolean {
  const cells = table.rows.flat();
  return cells.length > 0 && cells.filter((cell) => cell === "").length >= FORM_GRID_EMPTY * cells.length;
}

function isShortCell(cell: string): boolean {
  // A cell of several lines (joined by « ; ») or of several sentences is not short, whatever its length.
  return cell.length <= TABLE_LIMITS.maxCellChars && !cell.includes(" ; ") && !/[.!?]\s+\p{Lu}/u.test(cell);
}

/**
 * A column name written in capitals (« NIVEAU », « DEFINITION ») in lower case with a capital first,
 * as FALC wants, its accents put back from the everyday words when only one word folds to it
 * (« définition »); known acronyms and roman numerals keep their capitals.
 */
export function headerCase(text: string, lexicons: Pick<Lexicons, "commonWords">, compiled: CompiledLexicons): string {
  if (/\p{Ll}/u.test(text) || !/\p{Lu}{4,}/u.test(text)) return text;
  const accents = accentMap(lexicons);
  let first = true;
  return text.replace(/\p{L}+/gu, (word) => {
    const keep = compiled.acronyms.has(acronymKey(word)) || /^[IVXLC]+$/u.test(word);
    let out = word;
    if (!keep) {
      const lower = word.toLowerCase();
      out = accents.get(fold(lower)) ?? lower;
      if (first) out = out.charAt(0).toUpperCase() + out.slice(1);
    }
    first = false;
    return out;
  });
}

const accentMaps = new WeakMap<object, Map<string, string>>();

/** Everyday words by their form without accents; a form two words share (« a », « à ») is left out. */
function accentMap(lexicons: Pick<Lexicons, "commonWords">): Map<string, string> {
  const cached = accentMaps.get(lexicons.commonWords);
  if (cached) return cached;
  const map = new Map<string, string>();
  const shared = new Set<string>();
  for (const word of lexicons.commonWords) {
    const key = fold(word);
    if (map.has(key) && map.get(key) !== word) shared.add(key);
    else map.set(key, word);
  }
  for (const key of shared) map.delete(key);
  accentMaps.set(lexicons.commonWords, map);
  return map;
}

function fold(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "");
}

const ENDS_SENTENCE = /[.!?…]["»”)]*$/u;

/** One row as one list item: « Niveau : V, définition : … » with the column names, empty cells left out. */
export function rowItem(header: readonly string[] | undefined, row: readonly string[]): string {
  // In one item, a cell's lines (joined by « ; ») read as a plain enumeration.
  const cells = row.map((cell) => cell.replace(/ ; /g, ", "));
  if (header === undefined && cells.length === 2 && cells[0] !== "" && cells[1] !== "" && !cells[0]!.includes(":")) {
    return finish(`${cells[0]} : ${cells[1]}`);
  }
  let out = "";
  cells.forEach((cell, i) => {
    if (cell === "") return;
    const label = header?.[i]?.trim() ?? "";
    if (out === "") {
      out = label === "" ? cell : `${label} : ${cell}`;
    } else if (ENDS_SENTENCE.test(out)) {
      out += ` ${label === "" ? cell : `${label} : ${cell}`}`;
    } else if (label !== "") {
      out += `, ${lowerFirst(label)} : ${cell}`;
    } else {
      out += /^\p{Lu}\p{Ll}/u.test(cell) && cell.split(/\s+/).length >= 4 ? `. ${cell}` : `, ${cell}`;
    }
  });
  return finish(out);
}

/** « Prix par jour » → « prix par jour » after a comma; « APA », « Département » (a name?) keep theirs. */
function lowerFirst(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) && !/^\p{Lu}\p{Ll}+ \p{Lu}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

function finish(text: string): string {
  const t = text.trim();
  return ENDS_SENTENCE.test(t) ? t : `${t.replace(/[\s,;:]+$/u, "")}.`;
}

/** The table as list items, one per row (the fallback when a kept table would not fit the page). */
export function rowItems(table: SourceTable): string[] {
  return table.rows.map((row) => rowItem(table.header, row)).filter((item) => item !== ".");
}

/** The item must hold every fact of its row, as the row's cells read one per line. */
export function rowKeepsFacts(header: readonly string[] | undefined, row: readonly string[], item: string): boolean {
  return keepsFacts([...(header ?? []), ...row].filter((c) => c !== "").join("\n"), [...(header ?? []), item].join("\n"));
}
