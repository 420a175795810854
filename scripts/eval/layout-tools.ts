/**
 * The tools under comparison, each reduced to the same shape: falc's PDF reader (through the
 * document model) and poppler's pdftotext (default and -layout). Also cuts the gold pages out of a
 * PDF with poppler's pdfseparate/pdfunite, so that both tools read exactly those pages.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readPdf } from "../../src/ingest/pdf/index.js";
import { DEFAULT_LIMITS } from "../../src/ingest/types.js";
import { buildDocument } from "../../src/model/build.js";
import type { Block, FalcDocument, ListBlock } from "../../src/model/types.js";
import type { Grid } from "./layout-match.js";

export interface ToolOutput {
  tool: string;
  /** The whole output, in the tool's reading order. */
  text: string;
  /** The blocks as the tool delimits them (falc: headings, paragraphs, list items, cells; pdftotext: text between blank lines). */
  units: string[];
  /** Null when the tool has no notion of headings. */
  headings: string[] | null;
  /** Null when the tool has no notion of tables. */
  tables: Grid[] | null;
  /** Set when the tool failed on the file; the other fields are then empty. */
  error?: string;
}

export function failedOutput(tool: string, error: unknown): ToolOutput {
  const message = error instanceof Error ? `${(error as { code?: string }).code ?? error.name}: ${error.message}` : String(error);
  return { tool, text: "", units: [], headings: [], tables: [], error: message };
}

export function requirePoppler(): void {
  for (const command of ["pdftotext", "pdfseparate", "pdfunite"]) {
    try {
      execFileSync(command, ["-v"], { stdio: "ignore" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        throw new Error(`${command} is missing: install poppler-utils (apt-get install poppler-utils).`);
      }
      // -v exits non-zero on some poppler versions: being found is enough.
    }
  }
}

/** A temporary PDF holding `pages` of `source` in that order; `cleanup` removes it. */
export function extractPages(source: string, pages: number[]): { path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "falc-layout-eval-"));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    const singles = pages.map((page) => {
      const out = join(dir, `page-${page}.pdf`);
      execFileSync("pdfseparate", ["-f", String(page), "-l", String(page), source, out], { stdio: ["ignore", "ignore", "ignore"] });
      return out;
    });
    if (singles.length === 1) return { path: singles[0]!, cleanup };
    const united = join(dir, "pages.pdf");
    execFileSync("pdfunite", [...singles, united], { stdio: ["ignore", "ignore", "ignore"] });
    return { path: united, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}

export async function readWithFalc(path: string): Promise<FalcDocument> {
  const bytes = new Uint8Array(readFileSync(path));
  const result = await readPdf(bytes, { path, limits: DEFAULT_LIMITS });
  return buildDocument({ path, format: "pdf", bytes, ...result });
}

/** Any falc document (PDF or DOCX) in the common shape. */
export function falcOutput(document: FalcDocument, tool = "falc"): ToolOutput {
  const units: string[] = [];
  const headings: string[] = [];
  const tables: Grid[] = [];
  const seen = new Set<Block>();
  for (const section of document.sections) {
    for (const block of section.blocks) {
      if (seen.has(block)) continue;
      seen.add(block);
      switch (block.type) {
        case "heading":
          headings.push(block.text);
          units.push(block.text);
          break;
        case "paragraph":
          units.push(block.text);
          break;
        case "list":
          units.push(...listItemTexts(block));
          break;
        case "table":
          tables.push(block.rows.map((row) => row.map((cell) => cell.text)));
          units.push(...block.rows.flat().map((cell) => cell.text).filter((text) => text !== ""));
          break;
      }
    }
  }
  return { tool, text: document.text, units, headings, tables };
}

function listItemTexts(list: ListBlock): string[] {
  return list.items.flatMap((item) => [item.text, ...item.children.flatMap(listItemTexts)]);
}

export async function runFalc(path: string): Promise<ToolOutput> {
  try {
    return falcOutput(await readWithFalc(path));
  } catch (error) {
    return failedOutput("falc", error);
  }
}

export function runPdftotext(path: string, layout: boolean): ToolOutput {
  const tool = layout ? "pdftotext -layout" : "pdftotext";
  try {
    const args = ["-enc", "UTF-8", ...(layout ? ["-layout"] : []), path, "-"];
    // poppler's syntax warnings on stderr say nothing about the text.
    const text = execFileSync("pdftotext", args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
    const units = text.split(/\n[ \t]*\n|\f/).map((unit) => unit.trim()).filter((unit) => unit !== "");
    return { tool, text, units, headings: null, tables: null };
  } catch (error) {
    return failedOutput(tool, error);
  }
}
