/**
 * The gold layout annotations (bench/gold/layout/*.json, conventions in its README.md) and the
 * reading-order units derived from them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { firstWords, wordCount } from "./layout-match.js";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const GOLD_DIR = join(REPO_ROOT, "bench/gold/layout");
export const CORPUS_DIR = resolve(REPO_ROOT, "../shared/corpus/real-docs");

interface BlockBase {
  /** The page the block is on, among the file's gold pages. */
  page: number;
}

export interface HeadingGold extends BlockBase {
  type: "heading";
  level?: number;
  key: string;
  joins?: string[];
}

export interface TextGold extends BlockBase {
  type: "paragraph" | "list-item";
  key: string;
  /** Phrases that cross a line break and must read whole inside one block. */
  joins?: string[];
}

/** A group of checkbox options: located one by one, ordered as one unit (their grid order is ambiguous). */
export interface ChoicesGold extends BlockBase {
  type: "choices";
  options: string[];
}

export interface TableGold extends BlockBase {
  type: "table";
  rows: string[][];
  note?: string;
}

export interface TocGold extends BlockBase {
  type: "toc";
  title?: string;
  /** A few entry titles, to tell whether the table of contents was kept. */
  entries: string[];
}

export type GoldBlock = HeadingGold | TextGold | ChoicesGold | TableGold | TocGold;

export interface GoldFile {
  file: string;
  pages: number[];
  note?: string;
  blocks: GoldBlock[];
}

export interface GoldEntry {
  /** File name without extension, as in bench/gold/layout/<stem>.json. */
  stem: string;
  gold: GoldFile;
}

export function loadGold(dir = GOLD_DIR): GoldEntry[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({ stem: name.replace(/\.json$/, ""), gold: JSON.parse(readFileSync(join(dir, name), "utf8")) as GoldFile }));
}

/** One step of the gold reading order: the keys that stand for it in the tool's output. */
export interface OrderUnit {
  label: string;
  keys: string[];
  /**
   * « key »: the one key; « fallback »: the first key found, in order (a table); « group »: every
   * key is looked for and the unit is where the first of them is (checkbox options).
   */
  mode: "key" | "fallback" | "group";
}

/**
 * The reading order a person follows: headings, paragraphs, list items, checkbox groups, tables.
 * A table of contents is not in it (it should be left out). A table stands for its first row read
 * across (6 words), or failing that for its first filled cell.
 */
export function orderUnits(gold: GoldFile): OrderUnit[] {
  const units: OrderUnit[] = [];
  for (const block of gold.blocks) {
    switch (block.type) {
      case "heading":
      case "paragraph":
      case "list-item":
        units.push({ label: block.key, keys: [block.key], mode: "key" });
        break;
      case "choices":
        units.push({ label: `[choix] ${block.options.join(" / ")}`, keys: block.options, mode: "group" });
        break;
      case "table": {
        const firstRow = (block.rows[0] ?? []).map(stripEllipsis).filter((cell) => cell !== "");
        const firstCell = block.rows.flat().map(stripEllipsis).find((cell) => cell !== "") ?? "";
        const across = firstWords(firstRow.join(" "), 6);
        const keys = wordCount(firstCell) > 0 && firstCell !== across ? [across, firstCell] : [across];
        units.push({ label: `[tableau] ${across}`, keys, mode: "fallback" });
        break;
      }
      case "toc":
        break;
    }
  }
  return units;
}

export function stripEllipsis(cell: string): string {
  return cell.replace(/…\s*$/, "").trim();
}

/** Every key a person reads in the body (not the table of contents), for counting expected repeats. */
export function bodyKeys(gold: GoldFile): string[] {
  return gold.blocks.flatMap((block) => {
    switch (block.type) {
      case "heading":
      case "paragraph":
      case "list-item":
        return [block.key];
      case "choices":
        return block.options;
      case "table":
        return block.rows.flat().map(stripEllipsis).filter((cell) => cell !== "");
      case "toc":
        return [];
    }
  });
}
