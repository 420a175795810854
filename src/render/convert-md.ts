import type { ConvertResult, RewriteBlock, RewriteTable } from "../rewrite/types.js";
import { MEANING_LABEL } from "../analysis/normalise/index.js";
import { FACT_LABEL } from "../rewrite/fidelity.js";
import { DRAFT_NOTICE, PROBLEMS_TITLE } from "../score/draft-notice.js";
import { changeText } from "../rewrite/meaning-check/labels.js";
import { keptLines, sectionPlace, showsHeading } from "./section-heading.js";
import { validationStatement } from "./validated-notice.js";

export { DRAFT_NOTICE };

/** `<name>.falc.md`: the easy-to-read draft in Markdown, one sentence per line, with what to check first. */
export function renderConvertMarkdown(result: ConvertResult): string {
  const validated = validationStatement(result);
  const out: string[] = [`# ${result.title}`, `> ${validated ? validated.join(" ") : DRAFT_NOTICE}`];
  const problems = result.sections.flatMap((section) => [
    ...section.facts.missing.map((f) => `- **Information manquante** ${sectionPlace(section)} : ${f.text} (${FACT_LABEL[f.type]})`),
    ...section.facts.added.map((f) => `- **Information ajoutée** ${sectionPlace(section)} : ${f.text} (${FACT_LABEL[f.type]})`),
    ...(section.facts.toCheck ?? []).map((f) => `- **À vérifier** ${sectionPlace(section)} : ${f.text} (${FACT_LABEL[f.type]})`),
    ...(section.facts.meaning ?? []).map((p) => `- **À vérifier** ${sectionPlace(section)} : ${MEANING_LABEL[p.kind]} (« ${p.marker} ») dans « ${p.rewrite} »`),
    ...(section.meaningCheck?.changes ?? []).map((c) => `- **À vérifier** ${sectionPlace(section)} (deuxième lecture) : ${changeText(c)} ${c.explanation}`),
    ...(section.meaningCheck?.failed ? [`- **Deuxième lecture impossible** ${sectionPlace(section)} : ${section.meaningCheck.failed}. Relisez vous-même le sens de cette section.`] : []),
  ]);
  if (problems.length > 0) out.push(`## ${PROBLEMS_TITLE}`, problems.join("\n"));
  for (const [position, section] of result.sections.entries()) {
    const kept = section.rewrite.blocks.length === 0 ? keptLines(section, result.title) : [];
    if (section.rewrite.blocks.length === 0 && kept.length === 0 && !showsHeading(section, position, result.title)) continue;
    if (showsHeading(section, position, result.title)) out.push(`## ${section.title}`);
    for (const block of section.rewrite.blocks) out.push(renderBlock(block));
    if (kept.length > 0) out.push(kept.join("  \n"));
  }
  if (result.glossary.length > 0) {
    out.push("## Les mots difficiles", result.glossary.map((g) => `- **${g.word}** : ${g.explanation}`).join("\n"));
  }
  return out.join("\n\n") + "\n";
}

function renderBlock(block: RewriteBlock): string {
  if (block.type === "paragraph") return block.sentences.join("  \n");
  const body = block.type === "list" ? block.items.map((item) => `- ${item}`).join("\n") : gfmTable(block);
  return block.intro ? `${block.intro}\n\n${body}` : body;
}

/** A GFM table; one without column names gets an empty first row, which GFM requires. */
function gfmTable(table: RewriteTable): string {
  const width = Math.max(table.header?.length ?? 0, ...table.rows.map((row) => row.length), 1);
  const line = (cells: readonly string[]) => `| ${Array.from({ length: width }, (_, i) => gfmCell(cells[i] ?? "")).join(" | ")} |`;
  return [line(table.header ?? []), `|${" --- |".repeat(width)}`, ...table.rows.map(line)].join("\n");
}

function gfmCell(text: string): string {
  return text.replace(/\s+/g, " ").trim().replace(/\|/g, "\\|");
}
