/**
 * Generates the shipped fixtures from `fixtures/src/*.md`: for each source a Markdown copy, a DOCX, an ODT and
 * a PDF, then the bad inputs in `bad/`. Output is deterministic (fixed dates and zip times), except
 * `bad/bombe.docx`, whose compressed bytes depend on the zlib bundled with Node.
 *
 * Usage: `npm run fixtures` (writes into fixtures/).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { badInputs } from "./fixtures/bad.js";
import { writeDocx } from "./fixtures/docx.js";
import { parseMarkdown } from "./fixtures/markdown.js";
import type { Profile } from "./fixtures/model.js";
import { writeOdt } from "./fixtures/odt.js";
import { writePdf } from "./fixtures/pdf.js";

export const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..", "fixtures");

export interface FixtureSource {
  name: string;
  profile: Profile;
  description: string;
}

export const FIXTURE_SOURCES: readonly FixtureSource[] = [
  { name: "contrat-de-sejour", profile: "administrative", description: "Contrat de séjour fictif d'un EHPAD." },
  {
    name: "reglement-de-fonctionnement",
    profile: "administrative",
    description: "Règlement de fonctionnement fictif d'un foyer d'hébergement.",
  },
  { name: "livret-d-accueil", profile: "administrative", description: "Livret d'accueil fictif d'un SESSAD." },
  { name: "livret-falc", profile: "easy-read", description: "Livret d'accueil fictif écrit en français facile." },
];

export interface WrittenFixture {
  /** Path relative to the output folder, with `/` separators. */
  path: string;
  bytes: number;
}

/** Writes every fixture into `outDir` and returns what was written, in a fixed order. */
export async function makeFixtures(outDir: string, sourceDir = join(FIXTURES_DIR, "src")): Promise<WrittenFixture[]> {
  const written: WrittenFixture[] = [];
  const put = async (path: string, data: Uint8Array | string) => {
    const target = join(outDir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, data);
    written.push({ path, bytes: typeof data === "string" ? Buffer.byteLength(data) : data.length });
  };
  const formats = new Map<string, { docx: Uint8Array; odt: Uint8Array; pdf: Uint8Array }>();
  for (const fixture of FIXTURE_SOURCES) {
    const markdown = await readFile(join(sourceDir, `${fixture.name}.md`), "utf8");
    const source = parseMarkdown(markdown);
    const docx = await writeDocx(source, fixture.profile);
    const odt = writeOdt(source, fixture.profile, fixture.description);
    const pdf = await writePdf(source, fixture.profile, fixture.description);
    await put(`${fixture.name}.md`, markdown);
    await put(`${fixture.name}.docx`, docx);
    await put(`${fixture.name}.odt`, odt);
    await put(`${fixture.name}.pdf`, pdf);
    formats.set(fixture.name, { docx, odt, pdf });
  }
  const contract = formats.get("contrat-de-sejour");
  const easyRead = formats.get("livret-falc");
  if (!contract || !easyRead) throw new Error("Sources de fixtures manquantes.");
  const bad = await badInputs({ ...contract, renamedPdf: easyRead.pdf });
  for (const [name, data] of bad) await put(`bad/${name}`, data);
  return written;
}

async function main(): Promise<void> {
  const written = await makeFixtures(FIXTURES_DIR);
  const width = Math.max(...written.map((w) => w.path.length));
  for (const w of written) console.log(`${w.path.padEnd(width)}  ${String(w.bytes).padStart(9)} octets`);
  console.log(`${written.length} fichiers écrits dans ${relative(process.cwd(), FIXTURES_DIR) || "."}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
