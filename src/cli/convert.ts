import { InvalidArgumentError, Option, type Command } from "commander";
import { setFlagsFromString } from "node:v8";
import { QualityGate } from "../gate/quality-gate.js";
import { addBatchOptions, addIngestOptions, ingestOptionsFrom, oneOf, positiveInt, positiveNumber, type BatchFlags, type IngestFlags } from "./options.js";
import type { CliContext } from "./context.js";
import { ReportOutput } from "./report-output.js";

interface ConvertFlags extends IngestFlags, BatchFlags {
  out?: string;
  /** A filled review document to take into account. */
  review?: string;
  provider?: "anthropic" | "offline" | "openai-compatible";
  baseUrl?: string;
  model?: string;
  /** A model id; false with --no-check-model. */
  checkModel?: string | false;
  /** A folder of pictures; false with --no-pictograms; true (commander's default) when neither is given. */
  pictograms?: string | boolean;
  concurrency: number;
  maxRepairs: number;
  strict?: boolean;
  failUnder?: number;
  outputs?: OutputList;
  /** The report's format; a list of outputs is the old meaning, still accepted for one release. */
  format?: { report: "text" } | { outputs: OutputList };
  /** The JSON summary goes to this file (`--output`; `-o` stays the output folder, `--out`). */
  output?: string;
  cache: boolean;
  pseudonymize: boolean;
  cacheDir?: string;
  dryRun?: boolean;
  config?: string;
  quiet?: boolean;
  batch?: boolean;
  resume?: boolean;
  timeout?: number;
  json?: boolean;
  maxCost?: number;
  maxTokensPerRun?: number;
  maxSections?: number;
}

export function registerConvert(program: Command, context: CliContext): Command {
  const command = program
    .command("convert")
    .description("prépare une version facile à lire et un document de relecture (brouillon à faire valider par ses lecteurs)")
    .argument("<fichiers...>", "documents .docx, .pdf, .odt, .md ou .txt, dossiers (parcourus en entier) ou motifs entre guillemets (« docs/**/*.docx »)")
    .option("-o, --out <dossier>", "dossier de sortie (par défaut : à côté de chaque document)")
    .option(
      "--provider <nom>",
      "anthropic, offline ou openai-compatible (Mistral, Albert, Ollama, vLLM, llama.cpp ; par défaut : anthropic si ANTHROPIC_API_KEY est définie, sinon offline)",
      oneOf(["anthropic", "offline", "openai-compatible"] as const, "--provider"),
    )
    .option("--base-url <url>", "adresse du service avec --provider openai-compatible, par exemple http://localhost:11434/v1 (sinon OPENAI_BASE_URL)")
    .option("--model <modèle>", "modèle à utiliser (sinon FALC_MODEL, sinon le modèle par défaut ; obligatoire avec openai-compatible)")
    .option(
      "--check-model <modèle>",
      "modèle de la deuxième lecture, qui compare chaque section réécrite à l’original et signale les changements de sens (par défaut : claude-haiku-5-5 avec anthropic, le modèle principal avec openai-compatible)",
    )
    .option("--no-check-model", "sans deuxième lecture du sens : seuls les contrôles automatiques de falc restent")
    .option("--timeout <secondes>", "délai d’attente d’une réponse du fournisseur avant un nouvel essai (par défaut : 120 s pour anthropic, 300 s pour openai-compatible)", positiveNumber)
    .option("--concurrency <n>", "demandes en cours chez le fournisseur, pour toute la conversion (baisse seule après une erreur 429)", positiveInt, 4)
    .option("--max-repairs <n>", "demandes de correction par section quand des erreurs ou des informations manquent", nonNegativeInt, 2)
    .option("--strict", "code de sortie 1 si une information de l’original manque ou si une information est ajoutée")
    .option("--fail-under <score>", "code de sortie 1 si le score après réécriture est inférieur", scoreValue)
    .addOption(new Option("--outputs <liste>", "sorties à écrire, parmi docx, md et json (toutes par défaut)").argParser(outputList))
    .addOption(new Option("--format <format>", "format du rapport : text (le bilan sur la sortie d’erreur) ; une liste docx,md,json est l’ancien nom de --outputs, accepté jusqu’à la prochaine version").argParser(reportFormat))
    .option("--output <fichier>", "écrit le résumé JSON de la conversion (celui de --json) dans ce fichier ; -o reste le dossier de sortie")
    .option("--no-pseudonymize", "envoie les données personnelles telles quelles (par défaut, elles sont masquées avant tout envoi)")
    .option("--no-cache", "ne lit ni n’écrit le cache des sections déjà réécrites")
    .option("--cache-dir <dossier>", "dossier du cache (par défaut : .falc-cache, ou FALC_CACHE_DIR)")
    .option("--dry-run", "montre les sections, les jetons et le coût estimés, sans rien envoyer ni écrire")
    .option("-c, --config <fichier>", "fichier de configuration (sinon falc.config.json, cherché à partir du dossier du document)")
    .option("--batch", "envoie les sections par l’API Message Batches d’Anthropic : moitié prix, mais réponses en quelques minutes à 24 h")
    .option("--resume", "reprend les lots (--batch) déjà envoyés et récupère leurs réponses (relancer la même commande suffit aussi)")
    .option("--json", "écrit un résumé JSON de la conversion sur la sortie standard")
    .option("--max-cost <dollars>", "s’arrête avant de dépasser ce coût, en dollars, pour toute la conversion (prix d’autres modèles : « prices » dans falc.config.json)", positiveNumber)
    .option("--max-tokens-per-run <n>", "s’arrête avant de dépasser ce nombre de jetons (envoyés et reçus) pour toute la conversion", positiveInt)
    .option("--max-sections <n>", "refuse, avant tout envoi, un document découpé en plus de n sections", positiveInt)
    .option("--pictograms <dossier>", "images de l’établissement (PNG, JPEG ou SVG nommés par leurs mots-clés, ou décrits dans pictogrammes.json), cherchées avant la banque intégrée OpenMoji")
    .option("--no-pictograms", "sans images à côté des idées")
    .option("--review <relecture.docx>", "reprend un document de relecture rempli : passages compris gardés tels quels, « pas compris » réécrits avec les remarques, corrections adoptées")
    .option("-q, --quiet", "n’affiche que les erreurs");
  addBatchOptions(addIngestOptions(command)).action(async (files: string[], flags: ConvertFlags) => {
    const ingest = ingestOptionsFrom(flags);
    const outputs = outputsOf(flags, (notice) => {
      if (!flags.quiet) context.io.stderr(`Attention : ${notice}\n`);
    });
    // Checked before any request: a report that would overwrite an input stops the run before it costs anything.
    const summary = flags.output === undefined ? undefined : new ReportOutput(context.io, { output: flags.output }, files);
    if (flags.dryRun) {
      const { dryRun } = await import("../commands/convert-dry-run.js");
      context.io.stdout(
        await dryRun(files, {
          ingest,
          ...(flags.provider ? { provider: flags.provider } : {}),
          ...(flags.model ? { model: flags.model } : {}),
          ...(flags.checkModel !== undefined ? { checkModel: flags.checkModel } : {}),
          ...(flags.review ? { review: flags.review } : {}),
          ...(flags.batch || flags.resume ? { batch: true } : {}),
          ...(flags.config ? { configPath: flags.config } : {}),
          ...(flags.maxCost !== undefined ? { maxCost: flags.maxCost } : {}),
          ...(flags.maxSections !== undefined ? { maxSections: flags.maxSections } : {}),
        }),
      );
      return;
    }
    const { convertLibrary } = await import("../commands/convert.js");
    collectGarbageSooner();
    const { progressReporter } = await import("./progress.js");
    const progress = progressReporter(context.io, {
      quiet: flags.quiet === true,
      tty: context.io.stderrTTY === true,
      ...(context.io.columns ? { columns: context.io.columns } : {}),
    });
    const controller = new AbortController();
    // SIGTERM too: CI runners stop a cancelled or timed-out job with it, and the lock must be released.
    let exitOnSignal = 130;
    const onSigint = (signal: NodeJS.Signals) => {
      exitOnSignal = signal === "SIGTERM" ? 143 : 130;
      progress.notice("interruption demandée : les sections terminées sont gardées en cache, aucun fichier à moitié écrit.");
      controller.abort(new Error("interrupted"));
    };
    process.once("SIGINT", onSigint);
    process.once("SIGTERM", onSigint);
    try {
      const outcome = await convertLibrary(files, {
        ingest,
        signal: controller.signal,
        concurrency: flags.concurrency,
        maxRepairs: flags.maxRepairs,
        formats: outputs,
        cache: flags.cache,
        pseudonymize: flags.pseudonymize,
        ...(flags.batch || flags.resume ? { batch: true } : {}),
        ...(flags.timeout ? { timeoutMs: Math.round(flags.timeout * 1000) } : {}),
        ...(flags.shard ? { shard: flags.shard } : {}),
        ...(flags.out ? { out: flags.out } : {}),
        ...(flags.provider ? { provider: flags.provider } : {}),
        ...(flags.model ? { model: flags.model } : {}),
        ...(flags.checkModel !== undefined ? { checkModel: flags.checkModel } : {}),
        ...(flags.review ? { review: flags.review } : {}),
        ...(typeof flags.pictograms === "string" || flags.pictograms === false ? { pictograms: flags.pictograms } : {}),
        ...(flags.baseUrl ? { baseURL: flags.baseUrl } : {}),
        ...(flags.strict ? { strict: true } : {}),
        ...(flags.failUnder !== undefined ? { failUnder: flags.failUnder } : {}),
        ...(flags.cacheDir ? { cacheDir: flags.cacheDir } : {}),
        ...(flags.config ? { configPath: flags.config } : {}),
        ...(flags.maxCost !== undefined ? { maxCost: flags.maxCost } : {}),
        ...(flags.maxTokensPerRun !== undefined ? { maxTokensPerRun: flags.maxTokensPerRun } : {}),
        ...(flags.maxSections !== undefined ? { maxSections: flags.maxSections } : {}),
        onNotice: progress.notice,
        onStart: progress.start,
        onFileStart: progress.fileStarted,
        onSection: progress.section,
        onFileDone: progress.fileDone,
        onFileSkipped: progress.fileSkipped,
        onFileFailed: progress.fileFailed,
        onBatch: progress.batch,
        onSlowDown: (limit, waitMs) => progress.notice(slowDownNotice(limit, waitMs)),
      });
      progress.finish(outcome);
      const gate = new QualityGate({ failUnder: flags.failUnder, strict: flags.strict });
      if (flags.json || summary) {
        const { renderConvertSummary } = await import("../render/convert-summary.js");
        const rendered = renderConvertSummary(outcome, gate);
        if (summary) {
          summary.write(rendered);
          await summary.close();
        } else context.io.stdout(rendered);
      }
      if (flags.report) {
        const { convertJUnit } = await import("../render/convert-junit.js");
        const { writeFileAtomic } = await import("../output/atomic.js");
        await writeFileAtomic(flags.report.path, convertJUnit(outcome, gate));
      }
      context.exitCode = outcome.exitCode;
    } catch (error) {
      if (controller.signal.aborted) {
        context.exitCode = exitOnSignal;
        return;
      }
      throw error;
    } finally {
      process.removeListener("SIGINT", onSigint);
      process.removeListener("SIGTERM", onSigint);
    }
  });
  return command;
}

/**
 * A library run holds little at once (about 60 MB of live objects, however many documents) but makes
 * garbage fast: V8's default lets the heap grow to about four times what survives before a full
 * collection, which is what a run's peak memory measured (400 MB for 300 documents, more with --batch).
 * Growing by half instead keeps a small laptop's memory free for a cost of about 1 % in time (a full
 * collection of that heap takes about 15 ms; one comes every 2 s of a run). Read by V8 at each full
 * collection, so it applies from here on; a value given on node's command line is kept.
 */
function collectGarbageSooner(): void {
  if (process.execArgv.some((arg) => arg.startsWith("--heap-growing-percent"))) return;
  setFlagsFromString("--heap-growing-percent=50");
}

function slowDownNotice(limit: number, waitMs: number): string {
  return `le fournisseur limite le nombre de demandes (erreur 429) : falc ralentit à ${limit} demande${limit > 1 ? "s" : ""} à la fois et reprend dans ${Math.ceil(waitMs / 1000)} s.`;
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`« ${value} » n’est pas un entier positif ou nul.`);
  return n;
}

function scoreValue(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError(`« ${value} » n’est pas un score entre 0 et 100.`);
  return n;
}

type OutputList = ("docx" | "md" | "json")[];

function outputList(value: string, _previous?: unknown, option = "--outputs"): OutputList {
  const parts = value.split(",").map((part) => part.trim()).filter(Boolean);
  const allowed = ["docx", "md", "json"];
  const bad = parts.filter((part) => !allowed.includes(part));
  if (parts.length === 0 || bad.length > 0) throw new InvalidArgumentError(`${option} accepte une liste parmi docx, md, json (reçu « ${value} »).`);
  return parts as OutputList;
}

/** `--format text`, the report format as in every command; or, for one more release, a list of outputs. */
function reportFormat(value: string): NonNullable<ConvertFlags["format"]> {
  if (value.trim() === "text") return { report: "text" };
  try {
    return { outputs: outputList(value) };
  } catch {
    throw new InvalidArgumentError(`--format accepte « text » (le format du rapport), pas « ${value} » ; les sorties à écrire se choisissent avec --outputs docx,md,json.`);
  }
}

/** The outputs to write: --outputs, else the old --format list (with a notice), else all of them. */
function outputsOf(flags: ConvertFlags, notice: (message: string) => void): OutputList {
  const legacy = flags.format && "outputs" in flags.format ? flags.format.outputs : undefined;
  if (legacy) {
    const list = legacy.join(",");
    notice(
      flags.outputs
        ? `--format ${list} est ignoré : --outputs ${flags.outputs.join(",")} choisit les sorties.`
        : `--format ${list} est l’ancien nom de --outputs ${list} : il sera retiré dans la prochaine version, où --format choisira le format du rapport, comme dans les autres commandes.`,
    );
  }
  return flags.outputs ?? legacy ?? ["docx", "md", "json"];
}


