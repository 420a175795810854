import { InvalidArgumentError, type Command } from "commander";
import { gateFailureLine, QualityGate, scoreGateInput } from "../gate/quality-gate.js";
import { SEVERITIES, type Severity } from "../rules/finding.js";
import { addBatchOptions, addIngestOptions, ingestOptionsFrom, oneOf, type BatchFlags, type IngestFlags } from "./options.js";
import { addReportOptions, ReportOutput, type ReportFlags } from "./report-output.js";
import type { CliContext } from "./context.js";

const FORMATS = ["text", "json", "junit", "sarif", "github"] as const;
type ScoreFormat = (typeof FORMATS)[number];

interface ScoreFlags extends IngestFlags, BatchFlags, ReportFlags {
  format: ScoreFormat;
  failUnder?: number;
  maxWarnings?: number;
  minSeverity?: Severity;
  config?: string;
  annotate?: boolean;
}

export function registerScore(program: Command, context: CliContext): Command {
  const command = program
    .command("score")
    .description("score de lisibilité (0 à 100) et écarts aux règles FALC de documents existants ; code de sortie 1 s’il reste une erreur")
    .argument("<fichiers...>", "documents .docx, .pdf, .odt, .md ou .txt, dossiers ou motifs (« - » pour l’entrée standard)")
    .option("-f, --format <format>", "text (pour les équipes), json (pour les scripts), junit, sarif ou github (pour la CI)", oneOf(FORMATS, "--format"), "text")
    .option("--fail-under <score>", "code de sortie 1 si un document obtient un score inférieur", scoreValue)
    .option("--max-warnings <n>", "code de sortie 1 si les documents ont en tout plus de n avertissements (une erreur donne toujours le code 1)", warningCount)
    .option("--min-severity <gravité>", "n’affiche que les écarts de cette gravité ou plus : info, warning, error", oneOf(SEVERITIES, "--min-severity"))
    .option("--annotate", "écrit à côté de chaque document Word ou LibreOffice une copie commentée (<nom>.annote.docx ou .odt) : un commentaire « falc » sur les mots de chaque écart")
    .option("-c, --config <fichier>", "fichier de configuration (sinon falc.config.json, cherché à partir du dossier du document)");
  addReportOptions(command);
  addBatchOptions(addIngestOptions(command), ["junit", "sarif"]).action(async (files: string[], flags: ScoreFlags) => {
    const out = new ReportOutput(context.io, flags, files);
    const { scoreFiles } = await import("../commands/score.js");
    const outcome = await scoreFiles(files, {
      ingest: ingestOptionsFrom(flags),
      ...(flags.config ? { configPath: flags.config } : {}),
      ...(flags.minSeverity ? { minSeverity: flags.minSeverity } : {}),
      ...(flags.failUnder !== undefined ? { failUnder: flags.failUnder } : {}),
      ...(flags.maxWarnings !== undefined ? { maxWarnings: flags.maxWarnings } : {}),
      ...(flags.shard ? { shard: flags.shard } : {}),
      ...(flags.annotate ? { annotate: true } : {}),
    });
    const { report } = outcome;
    const gate = new QualityGate({ failUnder: flags.failUnder, maxWarnings: flags.maxWarnings });
    await writeReport(flags.format, report, gate, out, flags.config);
    await out.close();
    if (flags.format === "text") {
      for (const failure of report.failures) {
        context.io.stderr(`Erreur : ${failure.error.message}\n${failure.error.hint ? `  → ${failure.error.hint}\n` : ""}`);
      }
    }
    for (const copy of outcome.annotated) {
      if (out.verbose) context.io.stderr(`Copie commentée : ${copy.output} (${copy.comments} commentaire${copy.comments > 1 ? "s" : ""}${copy.unplaced > 0 ? `, ${copy.unplaced} écart${copy.unplaced > 1 ? "s" : ""} sans place dans le fichier, dans les notes par exemple` : ""}).\n`);
    }
    for (const path of outcome.notAnnotated) {
      if (out.verbose) context.io.stderr(`Attention : ${path} n’est ni un document Word (.docx) ni un document LibreOffice (.odt) : --annotate n’en fait pas de copie commentée.\n`);
    }
    // The gate's reasons, on standard error whatever the format: the CI log says why the job failed.
    // Counted once: a long document has tens of thousands of findings.
    const gateInputs = report.files.map(scoreGateInput);
    const verdict = gate.judgeRun(gateInputs);
    const perFile = report.files.flatMap((file, i) => gate.judge(gateInputs[i]!).failures.map((failure) => gateFailureLine(file.path, failure)));
    for (const line of perFile) context.io.stderr(`${line}\n`);
    for (const failure of verdict.failures.filter((f) => f.kind === "warnings")) context.io.stderr(`${gateFailureLine(undefined, failure)}\n`);
    if (flags.report) {
      const sink = new ReportOutput(context.io, { output: flags.report.path }, files);
      await writeReport(flags.report.type, report, gate, sink, flags.config);
      await sink.close();
    }
    context.exitCode = outcome.exitCode;
  });
  return command;
}

type Report = Awaited<ReturnType<typeof import("../commands/score.js").scoreFiles>>["report"];

async function writeReport(format: ScoreFormat, report: Report, gate: QualityGate, out: ReportOutput, config: string | undefined): Promise<void> {
  switch (format) {
    case "json": {
      // Streamed: the report of a long document is tens of megabytes as one string.
      const { writeJson } = await import("../output/json-stream.js");
      writeJson(report, out.write);
      out.write("\n");
      return;
    }
    case "junit":
      out.write((await import("../render/score-junit.js")).scoreJUnit(report, gate));
      return;
    case "sarif": {
      const { listRules } = await import("../commands/rules.js");
      out.write((await import("../render/score-sarif.js")).renderScoreSarif(report, listRules(config ? { configPath: config } : {})));
      return;
    }
    case "github":
      out.write((await import("../render/score-github.js")).renderScoreGithub(report, gate));
      return;
    case "text": {
      // Loaded here, not with the command: chalk and the number formats are for text output only.
      const [{ writeScoreText }, { terminalStyle }] = await Promise.all([import("../render/score-text.js"), import("./style.js")]);
      writeScoreText(report, await terminalStyle(out.toTerminal), out.write);
      return;
    }
  }
}

function warningCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`« ${value} » n’est pas un nombre d’avertissements (un entier positif ou nul).`);
  return n;
}

function scoreValue(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError(`« ${value} » n’est pas un score entre 0 et 100.`);
  return n;
}
