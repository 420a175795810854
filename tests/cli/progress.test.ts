import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/io.js";
import { progressReporter, type ProgressOptions } from "../../src/cli/progress.js";
import type { ConvertOutcome } from "../../src/commands/convert.js";
import type { SectionEvent } from "../../src/rewrite/pipeline.js";
import { estimateCost } from "../../src/rewrite/providers/anthropic-models.js";
import { addUsage, NO_USAGE, type Usage } from "../../src/rewrite/types.js";
import { runLibraryTwice, type LibraryRun } from "../helpers/library-runs.js";
import type { MockAnthropic } from "../helpers/mock-anthropic.js";
import { tempDir } from "../helpers/temp.js";

const tmp = tempDir("falc-progress-");
const KEY = "sk-ant-progress";
const ANSI = /\x1b\[/;

type Run = LibraryRun;

let mock: MockAnthropic;
let first: Run;
let second: Run;

beforeAll(async () => {
  ({ mock, first, second } = await runLibraryTwice({
    dir: tmp.dir,
    key: KEY,
    documents: { "contrat.md": "fixtures/contrat-de-sejour.md", "livret.md": "fixtures/livret-d-accueil.md" },
    edit: { file: "livret.md", sentence: "Une phrase ajoutée dans ce paragraphe." },
    formats: ["md"],
  }));
});
afterAll(() => mock.close());

function recorder(): { io: CliIO; chunks: string[]; text: () => string } {
  const chunks: string[] = [];
  const io: CliIO = { stdout: () => expect.fail("progress must never write on standard output"), stderr: (t) => void chunks.push(t), isTTY: true };
  return { io, chunks, text: () => chunks.join("") };
}

/** Plays a run as the command would: files concurrently, so their sections interleave. */
function replay(data: Run, options: ProgressOptions, { announceFailures = true } = {}): ReturnType<typeof recorder> {
  const out = recorder();
  const progress = progressReporter(out.io, options);
  const { outcome } = data;
  progress.start({ files: outcome.files.length + outcome.skipped.length + outcome.failures.length });
  for (const notice of data.notices) progress.notice(notice);
  for (const path of outcome.skipped) progress.fileSkipped(path);
  const queues = outcome.files.map((file) => {
    progress.fileStarted(file.path, file.result.sections.length);
    return data.events.filter(([path]) => path === file.path);
  });
  while (queues.some((queue) => queue.length > 0)) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next) progress.section(...next);
    }
  }
  if (announceFailures) for (const { path, error } of outcome.failures) progress.fileFailed(path, error);
  for (const file of outcome.files) progress.fileDone(file);
  progress.finish(outcome);
  return out;
}

const total = (outcome: ConvertOutcome): Usage => outcome.files.reduce((sum, file) => addUsage(sum, file.result.usage), NO_USAGE);
const tokens = (usage: Usage) => usage.input_tokens + usage.output_tokens + usage.cache_read_input_tokens + usage.cache_creation_input_tokens;
/** « 12 345 » (narrow no-break spaces) → 12345. */
const figure = (text: string) => Number(text.replace(/[\s\u202f]/g, "").replace(",", "."));
const lineOf = (text: string, start: string) => text.split("\n").find((line) => line.startsWith(start)) ?? "";

describe("progress in CI logs (not a terminal)", () => {
  it("prints one line per finished section and one per document, and no cursor codes", () => {
    const output = replay(first, { quiet: false, tty: false }).text();
    expect(output).not.toMatch(ANSI);
    const lines = output.split("\n");
    expect(lines.filter((line) => /^\[\d+\/\d+\] /.test(line))).toHaveLength(first.events.length);
    for (const file of first.outcome.files) {
      expect(output).toContain(`${file.path} : score ${file.result.score.before} → ${file.result.score.after} (brouillon à faire valider par ses lecteurs)`);
    }
    expect(first.outcome.failures).toHaveLength(1);
    expect(output).toMatch(/^Erreur : Le fichier \S+vide\.md est vide/m);
  });

  it("shows the tokens and cost spent so far on each section line", () => {
    const lines = replay(first, { quiet: false, tty: false }).text().split("\n").filter((line) => line.startsWith("["));
    const last = /· ([\d\s\u202f]+) jetons, ~([\d,]+) \$ au total$/.exec(lines.at(-1)!);
    expect(last, lines.at(-1)).not.toBeNull();
    const spent = first.events.reduce((sum, [, event]) => addUsage(sum, event.usage), NO_USAGE);
    expect(figure(last![1]!)).toBe(tokens(spent));
    expect(figure(last![2]!)).toBeCloseTo(estimateCost(spent, "claude-sonnet-5-5")!, 3);
  });

  it("ends with a summary whose figures match the run", () => {
    const output = replay(first, { quiet: false, tty: false }).text();
    expect(lineOf(output, "Bilan : ")).toMatch(/^Bilan : 2 documents convertis, 0 inchangé, 1 en échec, en \d+ s\.$/);
    const sections = first.outcome.files.reduce((n, f) => n + f.result.sections.length, 0);
    expect(lineOf(output, "Sections : ")).toBe(`Sections : ${sections} traitées, dont 0 reprise du cache.`);
    const usage = /^([\d\s\u202f]+) requêtes · ([\d\s\u202f]+) jetons .* coût estimé : ~([\d,]+) \$/.exec(output.split("\n").find((line) => line.includes("requêtes")) ?? "");
    expect(usage).not.toBeNull();
    expect(figure(usage![1]!)).toBe(first.requests);
    expect(figure(usage![2]!)).toBe(tokens(total(first.outcome)));
    expect(figure(usage![3]!)).toBeCloseTo(estimateCost(total(first.outcome), "claude-sonnet-5-5")!, 3);
    const failures = output.slice(output.indexOf("Échecs :"));
    expect(failures).toMatch(/\n {2}Erreur : Le fichier \S+vide\.md est vide[^\n]*\n {4}→ \S/);
  });

  it("counts skipped documents and sections read from the cache on a re-run", () => {
    const output = replay(second, { quiet: false, tty: false }).text();
    expect(second.outcome.skipped).toHaveLength(1);
    expect(output).toContain(`${second.outcome.skipped[0]} : inchangé depuis la dernière conversion (falc-manifest.json), ignoré.`);
    expect(lineOf(output, "Bilan : ")).toMatch(/^Bilan : 1 document converti, 1 inchangé, 1 en échec, /);
    const sections = second.outcome.files[0]!.result.sections;
    const cached = sections.filter((s) => s.cached).length;
    expect(cached).toBeGreaterThan(0);
    expect(lineOf(output, "Sections : ")).toBe(`Sections : ${sections.length} traitées, dont ${cached} reprises du cache.`);
    expect(second.requests).toBeLessThan(sections.length - cached + 1);
    expect(output).toMatch(new RegExp(`^${second.requests} requêtes? · `, "m"));
  });

  it("reports a Message Batch once per change, and again only after a long wait", () => {
    let clock = 0;
    const out = recorder();
    const progress = progressReporter(out.io, { quiet: false, tty: false, now: () => clock });
    const batch = { id: "msgbatch_01HKQ5ZP7TW", total: 200 };
    progress.batch({ ...batch, state: "submitted", done: 0 });
    for (let poll = 0; poll < 5; poll++) {
      clock += 30_000;
      progress.batch({ ...batch, state: "polling", done: 120 });
    }
    clock += 5 * 60_000;
    progress.batch({ ...batch, state: "polling", done: 120 });
    progress.batch({ ...batch, state: "ended", done: 200 });
    expect(out.text().split("\n").filter(Boolean)).toEqual([
      "Lot msgbatch_01HKQ5ZP7TW : envoyé (200 demandes), en attente… Vous pouvez interrompre falc : la même commande reprendra ce lot.",
      "Lot msgbatch_01HKQ5ZP7TW : 120/200 réponses, en attente…",
      "Lot msgbatch_01HKQ5ZP7TW : 120/200 réponses, en attente…",
      "Lot msgbatch_01HKQ5ZP7TW : terminé, 200/200 réponses.",
    ]);
  });
});

describe("progress with --quiet", () => {
  for (const tty of [false, true]) {
    it(`prints only failures, each once (${tty ? "terminal" : "CI logs"})`, () => {
      for (const announceFailures of [true, false]) {
        const output = replay(first, { quiet: true, tty }, { announceFailures }).text();
        expect(output).not.toMatch(ANSI);
        const lines = output.split("\n").filter(Boolean);
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) expect(line).toMatch(/^(Erreur : | {2}→ )/);
        expect(lines.filter((line) => line.startsWith("Erreur : "))).toHaveLength(1);
        expect(output).toContain("vide.md");
      }
    });
  }
});

describe("progress on a terminal", () => {
  it("draws a bar with sections, documents, tokens and cost, and the messages above it", () => {
    const { chunks, text } = replay(first, { quiet: false, tty: true, columns: 120 });
    const output = text();
    expect(output).toMatch(ANSI);
    const frames = chunks.filter((chunk) => chunk.includes(" sections · "));
    expect(frames.length).toBeGreaterThan(0);
    const sections = first.outcome.files.reduce((n, f) => n + f.result.sections.length, 0);
    expect(frames.at(-1)).toMatch(new RegExp(`^█+ ${sections}/${sections} sections · 3/3 documents · 1 en échec · [\\d\\s\\u202f]+ jetons · ~[\\d,]+ \\$$`));
    for (const frame of frames) expect(frame.length).toBeLessThan(120);
    // No line per section on a terminal: the bar counts them.
    expect(output).not.toMatch(/\[\d+\/\d+\] /);
    for (const file of first.outcome.files) expect(output).toContain(`${file.path} : score ${file.result.score.before} → ${file.result.score.after}`);
    // The bar is cleared before the summary, which ends the output as plain lines.
    const summary = output.slice(output.lastIndexOf("\x1b[0J") + "\x1b[0J".length);
    expect(summary).toMatch(/^Bilan : 2 documents convertis, 0 inchangé, 1 en échec, en \d+ s\.\n/);
    expect(summary).not.toMatch(ANSI);
  });

  it("fits a narrow terminal by dropping the least useful figures", () => {
    const { chunks } = replay(first, { quiet: false, tty: true, columns: 60 });
    const frames = chunks.filter((chunk) => chunk.includes(" sections"));
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) expect(frame.length).toBeLessThan(60);
    expect(frames.at(-1)).toMatch(/ \d+\/\d+ sections · 3\/3 documents/);
  });

  it("grows the total as documents start and estimates the time left from the pace so far", () => {
    let clock = 0;
    const out = recorder();
    const progress = progressReporter(out.io, { quiet: false, tty: true, columns: 120, now: () => clock });
    const event = (index: number, total: number): SectionEvent => ({ index, total, title: `Partie ${index}`, cached: false, usage: NO_USAGE, model: "offline" });
    progress.start({ files: 2 });
    progress.fileStarted("a.docx", 4);
    clock = 10_000;
    progress.section("a.docx", event(0, 4));
    progress.section("a.docx", event(1, 4));
    progress.notice("premier point");
    // One of two documents known: the other is expected to be as long (4 + 4 sections, 6 left, 2 per 10 s).
    expect(out.chunks.filter((c) => c.includes(" sections · ")).at(-1)).toMatch(/ 2\/4 sections · 0\/2 documents · reste ~30 s$/);
    progress.fileStarted("b.docx", 6);
    progress.notice("second point");
    expect(out.chunks.filter((c) => c.includes(" sections · ")).at(-1)).toMatch(/ 2\/10 sections · 0\/2 documents · reste ~40 s$/);
    progress.finish({ files: [], failures: [], skipped: [], skippedEntries: [], exitCode: 0 });
  });

  it("shows a Message Batch under the bar, then its end above it", () => {
    const out = recorder();
    const progress = progressReporter(out.io, { quiet: false, tty: true, columns: 100 });
    progress.start({ files: 1 });
    progress.batch({ id: "msgbatch_01HKQ5ZP7TWXYZ", state: "polling", done: 120, total: 200 });
    expect(out.text()).toMatch(/ {2}Lot msgbatch_01HKQ5ZP… : 120\/200 réponses, en attente…/);
    progress.batch({ id: "msgbatch_01HKQ5ZP7TWXYZ", state: "ended", done: 200, total: 200 });
    expect(out.text()).toContain("Lot msgbatch_01HKQ5ZP7TWXYZ : terminé, 200/200 réponses.\x1b[K\n");
    progress.finish({ files: [], failures: [], skipped: [], skippedEntries: [], exitCode: 0 });
  });
});
