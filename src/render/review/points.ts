import type { Paragraph } from "docx";
import { MEANING_LABEL, type MeaningPoint } from "../../analysis/normalise/index.js";
import { severityRank, type Finding, type Severity } from "../../rules/finding.js";
import { FACT_LABEL } from "../../rewrite/fidelity.js";
import type { ConvertedSection, FactRef } from "../../rewrite/types.js";
import type { Docx } from "../docx/common.js";
import { secondReaderLines } from "../meaning-points.js";
import { COLOR, SIZE, textParagraph, textRuns } from "./layout.js";

/**
 * The « Points à vérifier » column: facts lost or invented first (a lost notice period is a lost
 * right), then values the rewrite made explicit and meanings lost (negation, condition, deadline, obligation), then what the rules still find, grouped and capped so that the column stays readable.
 */

export const MAX_FINDING_GROUPS = 5;
const MAX_EXCERPT = 90;
/** The plain-text rendering puts list items after « - »: not part of what the reader sees. */
const LIST_MARKER = /^[-–•*]\s+/;


const SEVERITY_LABEL: Record<Severity, string> = { error: "À corriger", warning: "À vérifier", info: "Conseil" };

const FACT_KIND_LABEL = { missing: "Information manquante", added: "Information ajoutée", toCheck: "À vérifier" } as const;

export function factLine(kind: keyof typeof FACT_KIND_LABEL, fact: FactRef): string {
  const label = FACT_KIND_LABEL[kind];
  return `${label} : ${factText(fact)}`;
}

/** « À vérifier : condition perdue (« sauf si ») dans « Les repas sont remboursés. » » */
export function meaningLine(point: MeaningPoint): string {
  return `À vérifier : ${MEANING_LABEL[point.kind]} (« ${point.marker} ») dans « ${shortExcerpt({ excerpt: point.rewrite, excerptOffset: 0 })} »`;
}

/** « trente jours (durée) » */
export function factText(fact: FactRef): string {
  return `${fact.text} (${FACT_LABEL[fact.type] ?? fact.type})`;
}

export interface FindingGroup {
  severity: Severity;
  message: string;
  excerpt: string;
  count: number;
}

/**
 * One group per rule and severity (a rule's messages differ only by the words they quote), shown
 * with its first message and excerpt; most serious first, then in reading order.
 */
export function groupFindings(findings: readonly Finding[], limit = MAX_FINDING_GROUPS): { shown: FindingGroup[]; hidden: number } {
  const groups = new Map<string, FindingGroup & { first: number }>();
  findings.forEach((finding, i) => {
    const key = `${finding.severity}\u0000${finding.ruleId}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { severity: finding.severity, message: finding.message, excerpt: shortExcerpt(finding), count: 1, first: i });
  });
  const sorted = [...groups.values()].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.first - b.first);
  const shown = sorted.slice(0, limit).map(({ first: _first, ...group }) => group);
  const hidden = sorted.slice(limit).reduce((sum, group) => sum + group.count, 0);
  return { shown, hidden };
}

/** The excerpt around the finding, cut at word boundaries so that a long sentence does not fill the column. */
export function shortExcerpt(finding: Pick<Finding, "excerpt" | "excerptOffset">): string {
  const excerpt = finding.excerpt.replace(/\s+/g, " ").trim().replace(LIST_MARKER, "");
  if (excerpt.length <= MAX_EXCERPT) return excerpt;
  const at = Math.min(Math.max(0, finding.excerptOffset ?? 0), excerpt.length);
  let start = Math.max(0, at - Math.floor(MAX_EXCERPT / 3));
  let end = Math.min(excerpt.length, start + MAX_EXCERPT);
  start = Math.max(0, end - MAX_EXCERPT);
  if (start > 0) start = wordStart(excerpt, start);
  if (end < excerpt.length) end = wordEnd(excerpt, end);
  return `${start > 0 ? "… " : ""}${excerpt.slice(start, end).trim()}${end < excerpt.length ? " …" : ""}`;
}

function wordStart(text: string, index: number): number {
  const space = text.indexOf(" ", index);
  return space === -1 ? index : space + 1;
}

function wordEnd(text: string, index: number): number {
  const space = text.lastIndexOf(" ", index);
  return space <= 0 ? index : space;
}

export function scoreLine(score: { before: number | null; after: number | null }): string {
  if (score.before === null && score.after === null) return "Lisibilité : non calculée (texte trop court)";
  const show = (n: number | null) => (n === null ? "non calculé" : String(n));
  return `Lisibilité : ${show(score.before)} avant, ${show(score.after)} après (sur 100)`;
}

export function pointsParagraphs(d: Docx, section: ConvertedSection): Paragraph[] {
  const gap = { spacing: { before: 0, after: 80 } };
  const out: Paragraph[] = [textParagraph(d, scoreLine(section.score), { size: SIZE.small, color: COLOR.muted }, gap)];
  const alert = { bold: true, color: COLOR.alert, size: SIZE.table };
  for (const fact of section.facts.missing) out.push(textParagraph(d, `⚠ ${factLine("missing", fact)}`, alert, gap));
  for (const fact of section.facts.added) out.push(textParagraph(d, `⚠ ${factLine("added", fact)}`, alert, gap));
  // Made explicit, not invented (« annuel » → « 1 an »): a person checks it, without the alarm.
  for (const fact of section.facts.toCheck ?? []) out.push(textParagraph(d, factLine("toCheck", fact), { bold: true, size: SIZE.table }, gap));
  for (const point of section.facts.meaning ?? []) out.push(textParagraph(d, meaningLine(point), { bold: true, size: SIZE.table }, gap));
  // The second reader's changes of meaning (--check-model), and its failure to read when it failed.
  for (const line of secondReaderLines(section)) {
    out.push(
      new d.Paragraph({
        ...gap,
        children: [...textRuns(d, `${line.label} `, { bold: true, size: SIZE.table }), ...textRuns(d, line.text, { size: SIZE.table })],
      }),
    );
  }
  const { shown, hidden } = groupFindings(section.findings);
  for (const group of shown) {
    out.push(
      new d.Paragraph({
        spacing: { before: 60, after: 0 },
        children: [
          new d.TextRun({ text: `${SEVERITY_LABEL[group.severity]}\u00a0: `, bold: true, size: SIZE.table }),
          ...textRuns(d, group.message + (group.count > 1 ? ` (${group.count} fois)` : ""), { size: SIZE.table }),
        ],
      }),
      textParagraph(d, `« ${group.excerpt} »`, { size: SIZE.small, color: COLOR.muted }, gap),
    );
  }
  if (hidden > 0) out.push(textParagraph(d, `… et ${hidden} ${hidden > 1 ? "autres remarques" : "autre remarque"}`, { size: SIZE.table, bold: true }, gap));
  if (out.length === 1) out.push(textParagraph(d, "Rien à signaler.", { size: SIZE.table, color: COLOR.ok }, gap));
  return out;
}
