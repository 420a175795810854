/**
 * The same document as DOCX and as PDF (the DGCS guide, emjpm-dgcs-guide-enquetes) through falc:
 * the DOCX has real styles, tables and paragraphs, so it stands in for the truth of the PDF's
 * structure. Prints the agreement of the heading sequences, of the tables and of the paragraph order.
 *
 *   node --import tsx scripts/eval/docx-pdf-agreement.ts [--json] [stem]
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ingestFile } from "../../src/ingest/index.js";
import type { FalcDocument, ListBlock } from "../../src/model/types.js";
import { CORPUS_DIR } from "./layout-gold.js";
import {
  TextIndex,
  firstWords,
  lcsLength,
  lisLength,
  locate,
  prefixSame,
  ratio,
  scoreTables,
  squash,
  stripMarker,
  wordCount,
  type Grid,
  type TableScore,
} from "./layout-match.js";
import { falcOutput } from "./layout-tools.js";

const DEFAULT_STEM = "emjpm-dgcs-guide-enquetes";
/** Keys are a paragraph's first words; shorter paragraphs (« Sommaire », a lone label) say too little. */
const KEY_WORDS = 8;
const MIN_KEY_WORDS = 3;
/** A table-of-contents line as the DOCX reader gives it: a title then its page number. */
const TOC_LINE = /^\S.{2,150}\s\d{1,3}$/s;

export interface Agreement {
  stem: string;
  headings: {
    docx: number;
    pdf: number;
    lcs: number;
    agreement: number;
    /** The same with a heading cut in two still matching by its first half. */
    lcsPrefix: number;
    agreementPrefix: number;
    onlyDocx: string[];
    onlyPdf: string[];
  };
  tables: TableScore & { docxTables: number; pdfTables: number };
  paragraphs: { keys: number; tocLinesSkipped: number; found: number; pairs: number; pairsInOrder: number; lis: number; sameOrderShare: number; missing: string[] };
}

/** Headings compared without their numbers: Word numbers them outside the text, the PDF prints them. */
function headingSequence(document: FalcDocument): { text: string; norm: string }[] {
  return falcOutput(document)
    .headings!.map((text) => ({ text: text.replace(/\s+/g, " ").trim(), norm: squash(stripMarker(text)) }))
    .filter((heading) => heading.norm !== "");
}

function textBlocks(document: FalcDocument): string[] {
  const list = (block: ListBlock): string[] => block.items.flatMap((item) => [item.text, ...item.children.flatMap(list)]);
  return document.sections.flatMap((section) =>
    section.blocks.flatMap((block) => (block.type === "paragraph" ? [block.text] : block.type === "list" ? list(block) : [])),
  );
}

/** Indexes of the items of `a` left out of one longest common subsequence with `b` (to show what differs). */
function outsideLcs(a: string[], b: string[]): number[] {
  const table = a.map(() => new Array<number>(b.length + 1).fill(0));
  table.push(new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const left: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length) {
    if (j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && table[i]![j + 1]! >= table[i + 1]![j]!) j++;
    else left.push(i++);
  }
  return left;
}

export function compare(stem: string, docx: FalcDocument, pdf: FalcDocument): Agreement {
  const docxHeadings = headingSequence(docx);
  const pdfHeadings = headingSequence(pdf);
  const docxNorms = docxHeadings.map((heading) => heading.norm);
  const pdfNorms = pdfHeadings.map((heading) => heading.norm);
  const lcs = lcsLength(docxNorms, pdfNorms);
  const lcsPrefix = lcsLength(docxNorms, pdfNorms, prefixSame);

  const docxTables: Grid[] = falcOutput(docx).tables!;
  const pdfTables: Grid[] = falcOutput(pdf).tables!;

  const blocks = textBlocks(docx).map((text) => text.replace(/\s+/g, " ").trim());
  const tocLines = blocks.filter((text) => TOC_LINE.test(text) && wordCount(text) <= 20);
  const keys = blocks.filter((text) => wordCount(text) >= MIN_KEY_WORDS && !tocLines.includes(text)).map((text) => firstWords(text, KEY_WORDS));
  const index = new TextIndex(pdf.text);
  let cursor = -1;
  const positions = keys.map((key) => {
    const hit = locate(index, key, cursor);
    if (hit) cursor = hit.pos;
    return hit?.pos;
  });
  let pairsInOrder = 0;
  for (let i = 0; i + 1 < positions.length; i++) {
    const a = positions[i];
    const b = positions[i + 1];
    if (a !== undefined && b !== undefined && a < b) pairsInOrder++;
  }
  const found = positions.filter((pos): pos is number => pos !== undefined);
  const lis = lisLength(found);
  return {
    stem,
    headings: {
      docx: docxHeadings.length,
      pdf: pdfHeadings.length,
      lcs,
      agreement: ratio(lcs, Math.max(docxHeadings.length, pdfHeadings.length)),
      lcsPrefix,
      agreementPrefix: ratio(lcsPrefix, Math.max(docxHeadings.length, pdfHeadings.length)),
      onlyDocx: outsideLcs(docxNorms, pdfNorms).map((i) => docxHeadings[i]!.text),
      onlyPdf: outsideLcs(pdfNorms, docxNorms).map((i) => pdfHeadings[i]!.text),
    },
    tables: { ...scoreTables(docxTables, pdfTables), docxTables: docxTables.length, pdfTables: pdfTables.length },
    paragraphs: {
      keys: keys.length,
      tocLinesSkipped: tocLines.length,
      found: found.length,
      pairs: Math.max(0, keys.length - 1),
      pairsInOrder,
      lis,
      sameOrderShare: ratio(lis, keys.length),
      missing: keys.filter((_, i) => positions[i] === undefined),
    },
  };
}

const pct = (value: number) => `${(100 * value).toFixed(0)} %`;

function quoted(items: string[], max = 8): string {
  const shown = items.slice(0, max).map((item) => `« ${item.length > 60 ? `${item.slice(0, 57)}…` : item} »`);
  return shown.join(" ; ") + (items.length > max ? " ; …" : "");
}

function print(result: Agreement): void {
  const { headings: h, tables: t, paragraphs: p } = result;
  console.log(`Accord DOCX / PDF de falc — ${result.stem} (scripts/eval/docx-pdf-agreement.ts)`);
  console.log("Textes comparés en minuscules, sans accents ni ponctuation ; titres sans leur numéro (Word le met hors du texte).\n");
  console.log(`Titres : DOCX ${h.docx}, PDF ${h.pdf}, plus longue sous-suite commune ${h.lcs} → accord ${pct(h.agreement)} (PSC / max)`);
  console.log(`  en acceptant un titre coupé en deux par sa première moitié : ${h.lcsPrefix} → ${pct(h.agreementPrefix)}`);
  if (h.onlyDocx.length > 0) console.log(`  seulement dans le DOCX (${h.onlyDocx.length}) : ${quoted(h.onlyDocx)}`);
  if (h.onlyPdf.length > 0) console.log(`  seulement dans le PDF (${h.onlyPdf.length}) : ${quoted(h.onlyPdf)}`);
  console.log(
    `Tableaux : DOCX ${t.docxTables}, PDF ${t.pdfTables} ; cellules remplies DOCX ${t.goldCells}, PDF ${t.predictedCells}, ` +
      `identiques à la même place ${t.matchedCells} → F1 ${pct(t.f1)} (P ${pct(t.precision)}, R ${pct(t.recall)})`,
  );
  console.log(
    `Paragraphes : ${p.keys} clés DOCX (${KEY_WORDS} premiers mots, paragraphes et éléments de liste d’au moins ${MIN_KEY_WORDS} mots ; ` +
      `${p.tocLinesSkipped} lignes de sommaire écartées)`,
  );
  console.log(
    `  trouvées dans le PDF ${p.found}/${p.keys} (${pct(ratio(p.found, p.keys))}) ; paires consécutives dans l’ordre ${p.pairsInOrder}/${p.pairs} ` +
      `(${pct(ratio(p.pairsInOrder, p.pairs))}) ; dans le même ordre relatif (plus longue sous-suite croissante) ${p.lis}/${p.keys} (${pct(p.sameOrderShare)})`,
  );
  if (p.missing.length > 0) console.log(`  non trouvées (${p.missing.length}) : ${quoted(p.missing)}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const stem = args.find((arg) => !arg.startsWith("--")) ?? DEFAULT_STEM;
  const docxPath = join(CORPUS_DIR, `${stem}.docx`);
  const pdfPath = join(CORPUS_DIR, `${stem}.pdf`);
  if (!existsSync(docxPath) || !existsSync(pdfPath)) {
    console.log(`Corpus absent (${docxPath}, ${pdfPath}) : comparaison DOCX / PDF ignorée.`);
    return;
  }
  const result = compare(stem, await ingestFile(docxPath), await ingestFile(pdfPath));
  if (args.includes("--json")) console.log(JSON.stringify(result, null, 2));
  else print(result);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await main();
}
