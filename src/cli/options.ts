import { InvalidArgumentError, type Command } from "commander";
import type { IngestOptions } from "../ingest/index.js";

/** Options shared by every command that reads documents. */
export function addIngestOptions(command: Command): Command {
  return command
    .option("--heading-level <n>", "les titres de ce niveau ou au-dessus commencent une section", positiveInt, 2)
    .option("--section-words <n>", "au-delà de ce nombre de mots, une section est coupée entre deux paragraphes", positiveInt, 400)
    .option("--max-size <Mo>", "taille maximale d’un fichier d’entrée, en mégaoctets", positiveNumber, 50)
    .option("--stdin-format <format>", "format de l’entrée standard (« - ») : txt ou md", "txt");
}

export interface IngestFlags {
  headingLevel: number;
  sectionWords: number;
  maxSize: number;
  stdinFormat: string;
}

export function ingestOptionsFrom(flags: IngestFlags): IngestOptions {
  if (flags.stdinFormat !== "txt" && flags.stdinFormat !== "md") {
    throw new InvalidArgumentError(`--stdin-format accepte « txt » ou « md », pas « ${flags.stdinFormat} ».`);
  }
  return {
    limits: { maxBytes: Math.round(flags.maxSize * 1024 * 1024) },
    sectioning: { headingLevel: flags.headingLevel, maxWords: flags.sectionWords },
    stdinFormat: flags.stdinFormat,
  };
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`« ${value} » n’est pas un entier positif.`);
  return n;
}

export function positiveNumber(value: string): number {
  const n = Number(value.replace(",", "."));
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`« ${value} » n’est pas un nombre positif.`);
  return n;
}

export function oneOf<T extends string>(allowed: readonly T[], name: string) {
  return (value: string): T => {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw new InvalidArgumentError(`${name} accepte ${allowed.map((a) => `« ${a} »`).join(", ")}, pas « ${value} ».`);
  };
}

/** Options for running over a document library in CI: `--shard i/n` and `--report junit=PATH` (or sarif=PATH where allowed). */
export function addBatchOptions(command: Command, reports: readonly ReportType[] = ["junit"]): Command {
  const described = reports.includes("sarif") ? "junit=chemin.xml (un cas de test par document) ou sarif=chemin.sarif (pour l’analyse de code de GitHub)" : "junit=chemin.xml (un cas de test par document)";
  return command
    .option("--shard <i/n>", "ne traite que la part i sur n des documents (pour répartir entre plusieurs tâches de CI)", parseShard)
    .option("--report <type=chemin>", `écrit aussi un rapport pour la CI : ${described}`, (value: string) => parseReport(value, reports));
}

export type ReportType = "junit" | "sarif";

export interface BatchFlags {
  shard?: { index: number; count: number };
  report?: { type: ReportType; path: string };
}

function parseShard(value: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new InvalidArgumentError(`--shard attend i/n avec 1 ≤ i ≤ n (par exemple 2/4), pas « ${value} ».`);
  return { index, count };
}

function parseReport(value: string, reports: readonly ReportType[]): { type: ReportType; path: string } {
  const match = /^(\w+)=(.+)$/.exec(value.trim());
  const type = match?.[1] as ReportType | undefined;
  if (!match || !type || !reports.includes(type)) {
    throw new InvalidArgumentError(`--report attend ${reports.map((r) => (r === "junit" ? "junit=chemin.xml" : "sarif=chemin.sarif")).join(" ou ")}, pas « ${value} ».`);
  }
  return { type, path: match[2]! };
}
