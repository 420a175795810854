/**
 * The large text file of issue #16's `falc score` benchmark, built from the UD French-GSD gold sentences
 * of ../shared/corpus (ud-fr-gsd-dev/sentences.txt, 1,476 sentences, one per line): the file is read,
 * repeated 10 times end to end (a line break between copies), and cut into paragraphs of 10 lines
 * separated by a blank line, as bench/child-throughput.mjs cuts it. That makes 14,760 lines in 1,476
 * paragraphs, 1.83 million characters, 293,800 words as falc counts them (`wc -w`: 296,200). It is
 * written once to bench/.out/ (gitignored) and rebuilt when missing; `node --import tsx
 * bench/big-text.ts` prints its path. Returns undefined where the corpus is absent.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const SOURCE = join(ROOT, "..", "shared", "corpus", "ud-fr-gsd-dev", "sentences.txt");
const COPIES = 10;
const LINES_PER_PARAGRAPH = 10;

export function bigTextFile(dir = join(ROOT, "bench", ".out")): string | undefined {
  if (!existsSync(SOURCE)) return undefined;
  const path = join(dir, "ud-fr-x10.txt");
  if (existsSync(path)) return path;
  const sentences = readFileSync(SOURCE, "utf8").replace(/\n+$/, "").split("\n");
  const lines = Array.from({ length: COPIES }, () => sentences).flat();
  const paragraphs: string[] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_PARAGRAPH) paragraphs.push(lines.slice(i, i + LINES_PER_PARAGRAPH).join("\n"));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, paragraphs.join("\n\n") + "\n");
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = bigTextFile();
  console.log(path ?? "Corpus absent : ../shared/corpus/ud-fr-gsd-dev/sentences.txt");
}
