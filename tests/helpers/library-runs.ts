import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { convertFiles, type ConvertOutcome, type OutputFormat } from "../../src/commands/convert.js";
import type { SectionEvent } from "../../src/rewrite/pipeline.js";
import { startMockAnthropic, type MockAnthropic } from "./mock-anthropic.js";

/** What one `convertFiles` run over the library did, as the command saw it. */
export interface LibraryRun {
  outcome: ConvertOutcome;
  events: [string, SectionEvent][];
  notices: string[];
  /** Requests the local Anthropic server received during this run. */
  requests: number;
}

export interface LibrarySetup {
  /** Where the library, its outputs (`sortie/`) and its cache go. */
  dir: string;
  key: string;
  /** Name in the library → fixture copied there; an empty `vide.md` is added (a failure). */
  documents: Record<string, string>;
  /** Before the second run, this sentence is added at the start of the first paragraph of `edit.file`. */
  edit: { file: string; sentence: string };
  formats: OutputFormat[];
}

/**
 * Two real runs over a small library through the real SDK and a local Anthropic server: the
 * documents and an empty file, then the same after one paragraph changed (one document skipped,
 * the other mostly from the cache).
 */
export async function runLibraryTwice(setup: LibrarySetup): Promise<{ mock: MockAnthropic; first: LibraryRun; second: LibraryRun; out: string }> {
  const mock = await startMockAnthropic([], { apiKey: setup.key });
  const docs = join(setup.dir, "docs");
  const out = join(setup.dir, "sortie");
  mkdirSync(docs);
  for (const [name, fixture] of Object.entries(setup.documents)) copyFileSync(fixture, join(docs, name));
  writeFileSync(join(docs, "vide.md"), "");
  const run = async (): Promise<LibraryRun> => {
    const before = mock.requests.length;
    const events: [string, SectionEvent][] = [];
    const notices: string[] = [];
    const outcome = await convertFiles([docs], {
      env: { ANTHROPIC_API_KEY: setup.key, ANTHROPIC_BASE_URL: mock.url },
      out,
      cacheDir: join(setup.dir, "cache"),
      formats: setup.formats,
      maxRepairs: 0,
      // Figures of the rewrite alone: the second reader's are priced apart (tests/rewrite/meaning-check-cost.test.ts).
      checkModel: false,
      onSection: (path, event) => events.push([path, event]),
      onNotice: (notice) => notices.push(notice),
    });
    return { outcome, events, notices, requests: mock.requests.length - before };
  };
  const first = await run();
  const edited = join(docs, setup.edit.file);
  const text = readFileSync(edited, "utf8");
  const changed = text.replace(/(\n## [^\n]+\n\n)([^\n#])/, `$1${setup.edit.sentence} $2`);
  if (changed === text) throw new Error(`${setup.edit.file}: no paragraph to edit`);
  writeFileSync(edited, changed);
  const second = await run();
  return { mock, first, second, out };
}
