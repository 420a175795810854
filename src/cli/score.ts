import { InvalidArgumentError, type Command } from "commander";
import { belowThresholdLine, QualityGate, scoreGateInput } from "../gate/quality-gate.js";
import { SEVERITIES, type Severity } from "../rules/finding.js";
import { addBatchOptions, addIngestOptions, ingestOptionsFrom, oneOf, type BatchFlags, type IngestFlags } from "./options.js";
import { terminalStyle } from "./style.js";
import type { CliContext } from "./context.js";

interface ScoreFlags extends IngestFlags, BatchFlags {
  format: "text" | "json";
  failUnder?: number;
  minSeverity?: Severity;
  config?: string;
}

export function registerScore(program: Command, context: CliContext): Command {
  const command = program
    .command("score")
    .description("score de lisibilité (0 à 100) et écarts aux règles FALC de documents existants")
    .argument("<fichiers...>", "documents .docx, .pdf, .odt, .md ou .txt, dossiers ou motifs (« - » pour l’entrée standard)")
    .option("-f, --format <format>", "text (pour les équipes) ou json (pour les scripts)", oneOf(["text", "json"] as const, "--format"), "text")
    .option("--fail-under <score>", "code de sortie 1 si un document obtient un score inférieur", scoreValue)
    .option("--min-severity <gravité>", "n’affiche que les écarts de cette gravité ou plus : info, warning, error", oneOf(SEVERITIES, "--min-severity"))
    .option("-c, --config <fichier>", "fichier de configuration (sinon falc.config.json, cherché à partir du dossier du document)");
  addBatchOptions(addIngestOptions(command)).action(async (files: string[], flags: ScoreFlags) => {
    const { scoreFiles } = await import("../commands/score.js");
    const outcome = await scoreFiles(files, {
      ingest: ingestOptionsFrom(flags),
      ...(flags.config ? { configPath: flags.config } : {}),
      ...(flags.minSeverity ? { minSeverity: flags.minSeverity } : {}),
      ...(flags.failUnder !== undefined ? { failUnder: flags.failUnder } : {}),
      ...(flags.shard ? { shard: flags.shard } : {}),
    });
    const { report } = outcome;
    const gate = new QualityGate({ failUnder: flags.failUnder });
    if (flags.format === "json") {
      // Streamed: the report of a long document is tens of megabytes as one string.
      const { writeJson } = await import("../output/json-stream.js");
      writeJson(report, context.io.stdout);
      context.io.stdout("\n");
    } else {
      const { writeScoreText } = await import("../render/score-text.js");
      writeScoreText(report, await terminalStyle(context.io.isTTY), context.io.stdout);
      for (const failure of report.failures) {
        context.io.stderr(`Erreur : ${failure.error.message}\n${failure.error.hint ? `  → ${failure.error.hint}\n` : ""}`);
      }
    }
    for (const file of report.files) {
      const below = gate.judge(scoreGateInput(file)).failures.find((failure) => failure.kind === "score");
      if (below) context.io.stderr(`${belowThresholdLine(file.path, below)}\n`);
    }
    if (flags.report) {
      const { scoreJUnit } = await import("../render/score-junit.js");
      const { writeFileAtomic } = await import("../output/atomic.js");
      await writeFileAtomic(flags.report.path, scoreJUnit(report, gate));
    }
    context.exitCode = outcome.exitCode;
  });
  return command;
}

function scoreValue(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError(`« ${value} » n’est pas un score entre 0 et 100.`);
  return n;
}
