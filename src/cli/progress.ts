import type { ConvertedFile } from "../commands/convert.js";
import type { SectionEvent } from "../rewrite/pipeline.js";
import { estimateCost } from "../rewrite/providers/anthropic-models.js";
import type { CliIO } from "./io.js";

/**
 * Progress for `falc convert`, on standard error so that standard output stays clean for scripts:
 * one line per finished section (with tokens so far), then a summary per document.
 */
export function progressReporter(io: CliIO, quiet: boolean) {
  let tokens = 0;
  let cost = 0;
  const done = new Map<string, number>();
  return {
    notice(message: string): void {
      io.stderr(`Attention : ${message}\n`);
    },
    section(path: string, event: SectionEvent): void {
      done.set(path, (done.get(path) ?? 0) + 1);
      cost += event.usage.requests > 0 ? (estimateCost(event.usage, event.model) ?? 0) : 0;
      tokens += event.usage.input_tokens + event.usage.output_tokens + event.usage.cache_read_input_tokens + event.usage.cache_creation_input_tokens;
      if (quiet) return;
      const how = event.cached ? "déjà en cache" : "réécrite";
      io.stderr(`[${done.get(path)}/${event.total}] ${path} — « ${event.title} » ${how}${tokens > 0 ? ` · ${tokens.toLocaleString("fr-FR")} jetons, ~${cost.toLocaleString("fr-FR", { maximumFractionDigits: 3 })} $ au total` : ""}\n`);
    },
    fileDone(file: ConvertedFile): void {
      if (quiet) return;
      const { result } = file;
      const missing = result.sections.reduce((n, s) => n + s.facts.missing.length, 0);
      const added = result.sections.reduce((n, s) => n + s.facts.added.length, 0);
      const score = (value: number | null) => (value === null ? "—" : String(value));
      io.stderr(`${file.path} : score ${score(result.score.before)} → ${score(result.score.after)} (brouillon à faire valider par ses lecteurs)\n`);
      if (missing + added > 0) io.stderr(`  ⚠ ${missing} information(s) manquante(s), ${added} ajoutée(s) : voir le document de relecture.\n`);
      for (const output of file.outputs) io.stderr(`  → ${output}\n`);
    },
  };
}
