import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadPdfjs, openPdf } from "../../src/ingest/pdf/pdfjs.js";
import { CORPUS_DIR, GOLD_DIR, loadGold, type GoldBlock, type GoldFile } from "../../scripts/eval/layout-gold.js";
import { TextIndex, cellMatches, joinedInOneUnit, locate, scoreTables, squash, stripMarker, wordCount } from "../../scripts/eval/layout-match.js";

const BLOCK_TYPES = new Set(["heading", "paragraph", "list-item", "choices", "table", "toc"]);
/** Keys are a block's first 6–8 words: annotations, not copies of the documents. */
const MAX_KEY_WORDS = 8;
const MAX_JOIN_WORDS = 12;
const MAX_CELL_WORDS = 12;

const entries = existsSync(GOLD_DIR) ? loadGold() : [];

/**
 * Every text a gold block carries, with the most words it may have and whether it must be
 * findable on its own (table cells are compared in place, so « VI » is fine there).
 */
function texts(block: GoldBlock): { text: string; max: number; located?: false }[] {
  switch (block.type) {
    case "heading":
    case "paragraph":
    case "list-item":
      return [{ text: block.key, max: MAX_KEY_WORDS }, ...(block.joins ?? []).map((text) => ({ text, max: MAX_JOIN_WORDS }))];
    case "choices":
      return block.options.map((text) => ({ text, max: MAX_KEY_WORDS }));
    case "table":
      return block.rows
        .flat()
        .filter((cell) => cell !== "")
        .map((text) => ({ text, max: /…\s*$/.test(text) ? MAX_KEY_WORDS : MAX_CELL_WORDS, located: false as const }));
    case "toc":
      return [...(block.title ? [block.title] : []), ...block.entries].map((text) => ({ text, max: 12 }));
  }
}

describe("bench/gold/layout", () => {
  it("holds gold files", () => {
    expect(entries.length).toBeGreaterThanOrEqual(7);
  });

  for (const { stem, gold } of entries) {
    describe(stem, () => {
      it("names its PDF after its own file name and lists its pages once, in order", () => {
        expect(gold.file).toBe(`${stem}.pdf`);
        expect(gold.pages.length).toBeGreaterThan(0);
        for (const page of gold.pages) expect(Number.isInteger(page) && page >= 1).toBe(true);
        expect([...gold.pages].sort((a, b) => a - b)).toEqual(gold.pages);
        expect(new Set(gold.pages).size).toBe(gold.pages.length);
      });

      it("annotates every listed page, block by block, on listed pages only", () => {
        for (const block of gold.blocks) {
          expect(BLOCK_TYPES.has(block.type), `type ${block.type}`).toBe(true);
          expect(gold.pages, `${JSON.stringify(block).slice(0, 80)}`).toContain(block.page);
        }
        for (const page of gold.pages) expect(gold.blocks.some((block) => block.page === page), `page ${page}`).toBe(true);
        const pages = gold.blocks.map((block) => block.page);
        expect([...pages].sort((a, b) => a - b)).toEqual(pages);
      });

      it("has keys short enough to be annotations and long enough to be found", () => {
        for (const block of gold.blocks) {
          if (block.type === "heading" && block.level !== undefined) expect(Number.isInteger(block.level) && block.level >= 1).toBe(true);
          if (block.type === "choices") expect(block.options.length).toBeGreaterThan(0);
          if (block.type === "toc") expect(block.entries.length).toBeGreaterThan(0);
          for (const { text, max, located } of texts(block)) {
            expect(text.trim(), `${block.type} on page ${block.page}`).not.toBe("");
            // Three letters or digits at least: « M. » or « le » would match anywhere.
            if (located !== false) expect(squash(text).length, `« ${text} »`).toBeGreaterThanOrEqual(3);
            expect(wordCount(text), `« ${text} »`).toBeLessThanOrEqual(max);
          }
        }
      });

      it("gives rectangular tables, or says why not", () => {
        for (const block of gold.blocks) {
          if (block.type !== "table") continue;
          expect(block.rows.length).toBeGreaterThan(0);
          const widths = new Set(block.rows.map((row) => row.length));
          if (widths.size !== 1) expect(block.note, "a ragged table needs a note").toBeTruthy();
          expect(block.rows[0]!.some((cell) => cell.trim() !== ""), "the first row locates the table").toBe(true);
        }
      });
    });
  }
});

describe.skipIf(!existsSync(CORPUS_DIR))("bench/gold/layout against the corpus", () => {
  const opened: { destroy: () => Promise<void> }[] = [];
  afterAll(async () => {
    for (const task of opened) await task.destroy().catch(() => undefined);
  });

  async function pageCount(gold: GoldFile): Promise<number> {
    const path = join(CORPUS_DIR, gold.file);
    const { document, task } = await openPdf(await loadPdfjs(), new Uint8Array(readFileSync(path)), path);
    opened.push(task);
    return document.numPages;
  }

  for (const { stem, gold } of entries) {
    it(`${stem}: the PDF is in the corpus and has the annotated pages`, async () => {
      expect(existsSync(join(CORPUS_DIR, gold.file))).toBe(true);
      const count = await pageCount(gold);
      expect(Math.max(...gold.pages)).toBeLessThanOrEqual(count);
    });
  }
});

describe("layout matching", () => {
  it("finds a key across a line break, a soft hyphen at a line end and different quotes", () => {
    const index = new TextIndex("Natureparif, l’agence ré\u00ad\ngionale pour la bio-\ndiversité");
    expect(locate(index, "l'agence régionale pour la biodiversité")?.kind).toBe("full");
  });

  it("matches on word boundaries only", () => {
    const index = new TextIndex("Il fait avant tout beau.");
    expect(locate(index, "Fait à")).toBeUndefined();
    expect(locate(new TextIndex("Fait à Paris"), "Fait à")?.pos).toBe(0);
  });

  it("falls back to the first 4 words, then takes the occurrence after the previous block", () => {
    // « Observations » occurs twice: squashed text « observationsxobservations », second one at 13.
    const index = new TextIndex("Observations x Observations");
    expect(locate(index, "Observations :", 0)?.pos).toBe(13);
    const cut = new TextIndex("Nom de naissance Nom d’usage : et la suite");
    expect(locate(cut, "Nom de naissance : Prénom et le reste")?.kind).toBe("prefix");
  });

  it("sets aside a leading number a tool may turn into list numbering", () => {
    expect(stripMarker("3.1 Je suis mandataire individuel")).toBe("Je suis mandataire individuel");
    expect(stripMarker("II. Soins à l’enfant")).toBe("Soins à l’enfant");
    expect(stripMarker("1-1 Le nombre de préposés")).toBe("Le nombre de préposés");
    expect(stripMarker("1 Directrice")).toBe("1 Directrice");
  });

  it("tells a phrase read whole in one block from one cut at its line break", () => {
    expect(joinedInOneUnit("Elle est gérée par l’association", ["LA CRECHE CAPUCINE est une crèche. Elle est\ngérée par l'association loi 1901"])).toBe(true);
    expect(joinedInOneUnit("Elle est gérée par l’association", ["LA CRECHE CAPUCINE est une crèche. Elle est", "gérée par l'association"])).toBe(false);
    expect(joinedInOneUnit("leur utilisation. Mais", ["leur utili- sation. Mais"])).toBe(false);
  });

  it("scores table cells at their row and column, truncated gold cells by their start", () => {
    expect(cellMatches("Personnel occupant des emplois de…", "Personnel occupant des emplois de niveau")).toBe(true);
    expect(cellMatches("Seul", "Seul et accompagné")).toBe(false);
    const gold = [
      ["Alimentation", "Seul"],
      ["Mange", ""],
    ];
    // Header row lost: the body row sits one row up, matched with the -1 shift (1 of 3 gold cells).
    const shifted = scoreTables([gold], [[["Mange", ""]]]);
    expect(shifted.matchedCells).toBe(1);
    expect(shifted.recall).toBeCloseTo(1 / 3);
    expect(shifted.precision).toBe(1);
    expect(scoreTables([gold], []).f1).toBe(0);
  });
});
