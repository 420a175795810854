import type { Block, FalcDocument, ListBlock, Run, TableBlock } from "../model/types.js";

/**
 * A Markdown view of how falc understood a document: sections, headings, lists, tables and inline
 * emphasis, with a comment before each section giving its number and size. Pure: model in, text out.
 */
export function renderModelMarkdown(document: FalcDocument): string {
  const out: string[] = [];
  out.push(`<!-- ${document.source.path} · ${document.source.format} · ${document.sections.length} section(s) -->`);
  for (const warning of document.warnings) out.push(`> ⚠ ${warning.message}`);
  for (const section of document.sections) {
    out.push(`<!-- section ${section.index + 1} : « ${section.title} » · ${section.wordCount} mots -->`);
    for (const block of section.blocks) out.push(renderBlock(block));
  }
  return out.join("\n\n") + "\n";
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case "heading":
      return `${"#".repeat(Math.min(Math.max(block.level, 1), 6))} ${inline(block.runs.map((run) => ({ ...run, bold: false }))).replace(/\n/g, " ")}`;
    case "paragraph":
      return inline(block.runs).replace(/\n/g, "  \n");
    case "list":
      return renderList(block, 0);
    case "table":
      return renderTable(block);
  }
}

function renderList(list: ListBlock, depth: number): string {
  const lines: string[] = [];
  list.items.forEach((item, index) => {
    const marker = list.ordered ? `${(list.firstNumber ?? 1) + index}.` : "-";
    const indent = "  ".repeat(depth * 2);
    lines.push(`${indent}${marker} ${inline(item.runs).replace(/\n/g, " ")}`);
    for (const child of item.children) lines.push(renderList(child, depth + 1));
  });
  return lines.join("\n");
}

function renderTable(table: TableBlock): string {
  const width = Math.max(...table.rows.map((row) => row.length), 1);
  const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const rows = table.rows.map((row) => `| ${Array.from({ length: width }, (_, i) => cell(row[i]?.text ?? "")).join(" | ")} |`);
  rows.splice(1, 0, `|${" --- |".repeat(width)}`);
  return rows.join("\n");
}

function inline(runs: Run[]): string {
  return runs
    .map((run) => {
      const text = run.text;
      if (text.trim() === "") return text;
      let out = text.replace(/([*_`\\])/g, "\\$1");
      if (run.italic) out = `*${out}*`;
      if (run.bold) out = `**${out}**`;
      if (run.underline) out = `<u>${out}</u>`;
      return out;
    })
    .join("");
}
