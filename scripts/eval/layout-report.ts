/** The text report of scripts/eval/layout.ts: a table per document and tool, totals, details. */
import { ratio } from "./layout-match.js";
import type { DocResult, Refusal, ToolResult } from "./layout.js";

const pct = (value: number) => `${(100 * value).toFixed(0)} %`;
const frac = (part: number, whole: number) => `${part}/${whole}`;

interface Totals {
  units: number;
  found: number;
  pairs: number;
  pairsInOrder: number;
  headingGold: number;
  headingPredicted: number;
  headingTp: number;
  goldCells: number;
  predictedCells: number;
  matchedCells: number;
  joins: number;
  joinsOk: number;
  boundaries: number;
  boundariesKept: number;
  tocs: number;
  tocsLeftOut: number;
}

function totalsOf(results: ToolResult[]): Totals {
  const totals: Totals = {
    units: 0, found: 0, pairs: 0, pairsInOrder: 0, headingGold: 0, headingPredicted: 0, headingTp: 0,
    goldCells: 0, predictedCells: 0, matchedCells: 0, joins: 0, joinsOk: 0, boundaries: 0, boundariesKept: 0, tocs: 0, tocsLeftOut: 0,
  };
  for (const result of results) {
    totals.units += result.order.units;
    totals.found += result.order.found;
    totals.pairs += result.order.pairs;
    totals.pairsInOrder += result.order.pairsInOrder;
    if (result.headings) {
      totals.headingGold += result.headings.gold;
      totals.headingPredicted += result.headings.predicted;
      totals.headingTp += result.headings.truePositives;
    }
    if (result.tables) {
      totals.goldCells += result.tables.goldCells;
      totals.predictedCells += result.tables.predictedCells;
      totals.matchedCells += result.tables.matchedCells;
    }
    totals.boundaries += result.boundaries.total;
    totals.boundariesKept += result.boundaries.kept;
    totals.joins += result.joins.total;
    totals.joinsOk += result.joins.ok;
    totals.tocs += result.toc.length;
    totals.tocsLeftOut += result.toc.filter((toc) => toc.leftOut).length;
  }
  return totals;
}

function headingCell(result: ToolResult): string {
  if (!result.headings) return "sans objet";
  const h = result.headings;
  return `P ${pct(h.precision)} R ${pct(h.recall)} (${h.truePositives}/${h.predicted}/${h.gold})`;
}

function tableCell(result: ToolResult, goldHasTables: boolean): string {
  if (!goldHasTables) return "—";
  if (!result.tables) return "0 (aucun tableau)";
  const t = result.tables;
  return `F1 ${pct(t.f1)} (${t.matchedCells}/${t.predictedCells}/${t.goldCells})`;
}

function tocCell(result: ToolResult): string {
  if (result.toc.length === 0) return "—";
  return result.toc.map((toc) => (toc.leftOut ? "omis" : `gardé ${toc.keptEntries}/${toc.entries}${toc.leaders ? " +points" : ""}`)).join(", ");
}

function row(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
}

const WIDTHS = [36, 17, 7, 15, 7, 28, 24, 6, 14];
const HEADER = ["document (pages)", "outil", "trouvés", "ordre (trouvés)", "sépar.", "titres P/R (VP/prédits/or)", "cellules (VP/prédites/or)", "jonct.", "sommaire"];

export function printReport(results: DocResult[], refused: Refusal[]): void {
  console.log("Mise en page des PDF contre l’annotation de référence — scripts/eval/layout.ts");
  console.log("Or : bench/gold/layout/ (README.md). Pages extraites avec pdfseparate/pdfunite, lues par falc (readPdf + buildDocument)");
  console.log("et par pdftotext (mode par défaut ; -layout pour information). « ordre » : paires consécutives de l’or trouvées dans");
  console.log("le bon ordre / toutes les paires ; entre parenthèses, la même part parmi les paires dont les deux blocs sont trouvés.");
  console.log("pdftotext n’a ni titres ni tableaux : « sans objet » et 0.\n");
  console.log(row(HEADER, WIDTHS));
  for (const doc of results) {
    const goldHasTables = doc.tools.some((tool) => (tool.tables?.goldCells ?? 0) > 0);
    const name = `${doc.stem.slice(0, 26)} (${compactPages(doc.pages)})`;
    for (const tool of doc.tools) {
      const o = tool.order;
      console.log(
        row(
          [
            name,
            tool.tool,
            frac(o.found, o.units),
            `${pct(ratio(o.pairsInOrder, o.pairs))} (${pct(ratio(o.foundPairsInOrder, o.foundPairs))})`,
            tool.boundaries.comparable ? frac(tool.boundaries.kept, tool.boundaries.total) : "?",
            headingCell(tool),
            tableCell(tool, goldHasTables),
            frac(tool.joins.ok, tool.joins.total),
            tocCell(tool),
          ],
          WIDTHS,
        ) + (tool.error ? `  ERREUR ${tool.error}` : ""),
      );
    }
  }
  const tools = results[0]?.tools.map((tool) => tool.tool) ?? [];
  console.log("\nTotaux (micro) :");
  for (const tool of tools) {
    const t = totalsOf(results.map((doc) => doc.tools.find((result) => result.tool === tool)!));
    const hp = ratio(t.headingTp, t.headingPredicted);
    const hr = ratio(t.headingTp, t.headingGold);
    const cp = ratio(t.matchedCells, t.predictedCells);
    const cr = ratio(t.matchedCells, t.goldCells);
    const cf = cp + cr === 0 ? 0 : (2 * cp * cr) / (cp + cr);
    const headings = tool === "falc" ? `titres P ${pct(hp)} R ${pct(hr)} (${t.headingTp}/${t.headingPredicted}/${t.headingGold})` : "titres sans objet";
    const cells = tool === "falc" ? `cellules F1 ${pct(cf)} (${t.matchedCells}/${t.predictedCells}/${t.goldCells})` : "cellules 0";
    console.log(
      `  ${tool.padEnd(18)} trouvés ${frac(t.found, t.units)} (${pct(ratio(t.found, t.units))}) ; ordre ${pct(ratio(t.pairsInOrder, t.pairs))} ; ${headings} ; ${cells} ; ` +
        `séparations ${frac(t.boundariesKept, t.boundaries)} ; jonctions ${frac(t.joinsOk, t.joins)} ; sommaires omis ${frac(t.tocsLeftOut, t.tocs)}`,
    );
  }
  console.log("\nDétail (falc et pdftotext par défaut) :");
  for (const doc of results) {
    for (const tool of doc.tools.filter((result) => result.tool !== "pdftotext -layout")) {
      const lines = details(tool);
      if (lines.length === 0) continue;
      console.log(`- ${doc.stem} — ${tool.tool}`);
      for (const line of lines) console.log(`    ${line}`);
    }
  }
  if (refused.length > 0) {
    console.log("\nFichiers que falc doit refuser :");
    for (const row of refused) console.log(`  ${row.file} : ${row.refused ? `refusé (${row.code})` : "LU, pas refusé"}`);
  }
}

const MAX_LISTED = 6;

function listed(label: string, items: string[]): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, MAX_LISTED).map((item) => `« ${item.length > 70 ? `${item.slice(0, 67)}…` : item} »`);
  return [`${label} (${items.length}) : ${shown.join(" ; ")}${items.length > MAX_LISTED ? " ; …" : ""}`];
}

function details(tool: ToolResult): string[] {
  const lines = [
    ...listed("non trouvés", tool.order.missing),
    ...listed("hors d’ordre", tool.order.outOfOrder),
    ...listed("titres manqués", tool.headings?.missed ?? []),
    ...listed("titres en trop", tool.headings?.spurious ?? []),
    ...listed("blocs fusionnés", tool.boundaries.merged),
    ...listed("jonctions cassées", tool.joins.broken),
  ];
  if (tool.tables && tool.tables.shapes.length > 0) {
    lines.push(`tableaux (or → prédit) : ${tool.tables.shapes.map((s) => `${s.gold} → ${s.predicted}`).join(", ")} ; ${tool.tables.predictedCells > 0 ? "" : "aucune cellule prédite"}`);
  }
  for (const toc of tool.toc) {
    lines.push(`sommaire « ${toc.title ?? ""} » : entrées gardées ${toc.keptEntries}/${toc.entries}, titre ${toc.titleKept ? "gardé" : "omis"}, points de conduite ${toc.leaders ? "oui" : "non"}`);
  }
  return lines;
}

function compactPages(pages: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    parts.push(j > i ? `${pages[i]}-${pages[j]}` : String(pages[i]));
    i = j;
  }
  return `p. ${parts.join(",")}`;
}
