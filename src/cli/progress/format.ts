import { AFTER_SCORE_NOTE } from "../../rewrite/score-note.js";
import type { FileSummary } from "../../rewrite/run/outcome.js";
import type { FalcError } from "../../errors.js";
import type { BatchProgress, Usage } from "../../rewrite/types.js";

/** French wording of `falc convert`'s progress: shared by the terminal bar and the plain log lines. */

const INTEGER = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });

export function formatInteger(n: number): string {
  return INTEGER.format(n);
}

/** French plural: 0 and 1 take the singular. */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatInteger(n)} ${n > 1 ? pluralForm : singular}`;
}

/** Indicative USD: three decimals below a dollar (a section costs a fraction of a cent), two above. */
export function formatCost(cost: number): string {
  if (cost > 0 && cost < 0.001) return "< 0,001 $";
  return `~${cost.toLocaleString("fr-FR", { minimumFractionDigits: cost < 1 ? 3 : 2, maximumFractionDigits: cost < 1 ? 3 : 2 })} $`;
}

/** « 12 s », « 2 min 05 s », « 1 h 02 min ». */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, "0")} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

/** Every token billed or read: what « jetons » means in the progress display. */
export function tokenCount(usage: Usage): number {
  return usage.input_tokens + usage.output_tokens + usage.cache_read_input_tokens + usage.cache_creation_input_tokens;
}

export function noticeLines(message: string): string[] {
  return [`Attention : ${message}`];
}

/** The same wording as the CLI's own errors; the path is added when the message does not name it. */
export function failureLines(path: string, error: Pick<FalcError, "message" | "hint">): string[] {
  const message = error.message.includes(path) ? error.message : `${path} : ${error.message}`;
  return [`Erreur : ${message}`, ...(error.hint ? [`  → ${error.hint}`] : [])];
}

export function skippedLine(path: string): string {
  return `${path} : inchangé depuis la dernière conversion (falc-manifest.json), ignoré.`;
}

/** Score before → after, fact problems, outputs: what a user needs to know of one finished document. */
export function fileDoneLines(file: FileSummary): string[] {
  const { digest } = file;
  const { missingFacts: missing, addedFacts: added } = digest;
  const score = (value: number | null) => (value === null ? "—" : String(value));
  const lines = [`${file.path} : score ${score(digest.score.before)} → ${score(digest.score.after)} (brouillon à faire valider par ses lecteurs) — après : ${AFTER_SCORE_NOTE}`];
  if (missing + added > 0) {
    lines.push(`  ⚠ ${plural(missing, "information manquante", "informations manquantes")}, ${plural(added, "ajoutée")} : voir le document de relecture.`);
  }
  if (file.outputs.length > 0) lines.push(`  → ${outputsText(file.outputs)}`);
  return lines;
}

/** « sortie/ : a.falc.docx, a.relecture.docx » when every output shares a folder (the usual case). */
function outputsText(outputs: string[]): string {
  const folderOf = (path: string) => path.slice(0, Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
  const folder = folderOf(outputs[0]!);
  if (outputs.length < 2 || !outputs.every((output) => folderOf(output) === folder)) return outputs.join(", ");
  return `${folder || "./"} : ${outputs.map((output) => output.slice(folder.length)).join(", ")}`;
}

export function sectionLine(path: string, done: number, total: number, title: string, cached: boolean, tokens: number, cost: number | null): string {
  const how = cached ? "déjà en cache" : "réécrite";
  const spent = tokens > 0 ? ` · ${formatInteger(tokens)} jetons${cost !== null ? `, ${formatCost(cost)}` : ""} au total` : "";
  return `[${done}/${total}] ${path} — « ${title} » ${how}${spent}`;
}

/** « Lot msgbatch_… : 120/200 réponses, en attente… »; `short` abbreviates the id for a narrow bar. */
export function batchLine(batch: BatchProgress, short = false): string {
  const id = short && batch.id.length > 18 ? `${batch.id.slice(0, 17)}…` : batch.id;
  const answers = `${formatInteger(batch.done)}/${formatInteger(batch.total)} ${batch.total > 1 ? "réponses" : "réponse"}`;
  switch (batch.state) {
    case "submitted":
      if (short) return `Lot ${id} : envoyé, ${answers}, en attente…`;
      return `Lot ${id} : envoyé (${plural(batch.total, "demande")}), en attente… Vous pouvez interrompre falc : la même commande reprendra ce lot.`;
    case "resumed":
      return `Lot ${id} : repris d’une exécution précédente, ${answers}, en attente…`;
    case "polling":
      return `Lot ${id} : ${answers}, en attente…`;
    case "ended":
      return `Lot ${id} : terminé, ${answers}.`;
  }
}
