/**
 * The pictures falc puts beside FALC sentences, against the labelled set of tests/data/pictograms/
 * (see its README): precision (a chosen picture is right when what it shows is one of the concepts
 * listed for its sentence) and coverage (sentences that should have a picture and got one), with the
 * built-in bank, with the 30-file establishment bank before it, and with that bank alone.
 *
 *   node --import tsx scripts/eval/pictograms.ts [--show]
 *
 * Each sentence is a block of the offline rewrite: its keywords are its main nouns (no model here).
 * What a picture shows: for OpenMoji, Unicode's CLDR name and keywords, plus, for the pictures the
 * project picked, what they show written while looking at them (pictures.tsv); for the establishment's
 * bank, its keywords.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Bank } from "../../src/pictograms/banks.js";
import { builtinBank } from "../../src/pictograms/builtin.js";
import { blockKeywords } from "../../src/pictograms/choose.js";
import { folderBank } from "../../src/pictograms/folder.js";
import { indexBank } from "../../src/pictograms/index.js";
import { chooseInOrder } from "../../src/pictograms/matcher.js";
import { keyOf, words } from "../../src/pictograms/normalise.js";

const DATA = join(dirname(fileURLToPath(import.meta.url)), "../../tests/data/pictograms");
export const USER_BANK = join(DATA, "user-bank");

export interface LabelledSentence {
  id: number;
  sentence: string;
  /** What a good picture would show; empty for « none ». */
  concepts: string[];
  /** Odd ids tuned the synonym table and the project's pictures; even ids were held out. */
  half: "dev" | "held-out";
}

export interface Judged {
  sentence: LabelledSentence;
  keywords: string[];
  picture?: { bank: string; file: string; keyword: string; score: number; shows: string[] };
  right?: boolean;
}

export interface PictogramScores {
  sentences: number;
  shouldHave: number;
  chosen: number;
  right: number;
  /** right / chosen */
  precision: number;
  /** sentences that should have a picture and got one / those that should */
  coverage: number;
  judged: Judged[];
}

export function labelledSentences(): LabelledSentence[] {
  return readFileSync(join(DATA, "sentences.tsv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [id, sentence, concepts] = line.split("\t");
      return { id: Number(id), sentence: sentence!, concepts: concepts === "none" ? [] : concepts!.split("|").filter((c) => c !== "none"), half: Number(id) % 2 === 1 ? "dev" : "held-out" };
    });
}

/** What each picture of the built-in bank shows: CLDR's name and keywords, and pictures.tsv. */
function builtinShows(): Map<string, string[]> {
  const index = JSON.parse(readFileSync(join(DATA, "../../../pictograms/openmoji-fr.json"), "utf8")) as { entries: { icon: string; name: string; tags: string[] }[] };
  const shows = new Map(index.entries.map((entry) => [`${entry.icon}.svg`, [entry.name, ...entry.tags]]));
  for (const line of readFileSync(join(DATA, "pictures.tsv"), "utf8").trim().split("\n").slice(1)) {
    const [file, seen] = line.split("\t");
    shows.set(file!, [...(shows.get(file!) ?? []), ...seen!.split("|")]);
  }
  return shows;
}

export function scorePictograms(banks: readonly Bank[], sentences = labelledSentences()): PictogramScores {
  const indexed = banks.map(indexBank);
  const shows = builtinShows();
  const judged: Judged[] = sentences.map((sentence) => {
    const keywords = blockKeywords({ type: "paragraph", sentences: [sentence.sentence] });
    // Each sentence stands alone: the rule on neighbouring blocks is tested elsewhere.
    const [candidate] = chooseInOrder([keywords], indexed);
    if (!candidate) return { sentence, keywords };
    const seen = candidate.bank.info.builtin ? (shows.get(candidate.entry.file) ?? []) : candidate.entry.names;
    const keys = new Set(seen.map(keyOf));
    const nameWords = new Set(seen.flatMap(words));
    const right = sentence.concepts.some((concept) => {
      const key = keyOf(concept);
      return keys.has(key) || (!key.includes(" ") && nameWords.has(key));
    });
    return { sentence, keywords, picture: { bank: candidate.bank.info.id, file: candidate.entry.file, keyword: candidate.keyword, score: candidate.score, shows: seen }, right };
  });
  const chosen = judged.filter((item) => item.picture);
  const right = chosen.filter((item) => item.right).length;
  const should = judged.filter((item) => item.sentence.concepts.length > 0);
  const covered = should.filter((item) => item.picture).length;
  return {
    sentences: judged.length,
    shouldHave: should.length,
    chosen: chosen.length,
    right,
    precision: chosen.length === 0 ? 0 : right / chosen.length,
    coverage: should.length === 0 ? 0 : covered / should.length,
    judged,
  };
}

export function pictogramBanks(kind: "builtin" | "user+builtin" | "user"): Bank[] {
  if (kind === "builtin") return [builtinBank()];
  return kind === "user" ? [folderBank(USER_BANK)] : [folderBank(USER_BANK), builtinBank()];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const show = process.argv.includes("--show");
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  for (const kind of ["builtin", "user+builtin", "user"] as const) {
    for (const half of ["all", "dev", "held-out"] as const) {
      const sentences = labelledSentences().filter((s) => half === "all" || s.half === half);
      const started = performance.now();
      const scores = scorePictograms(pictogramBanks(kind), sentences);
      const ms = performance.now() - started;
      console.log(
        `${kind.padEnd(13)} ${half.padEnd(9)} ${String(scores.sentences).padStart(3)} phrases : précision ${pct(scores.precision)} (${scores.right}/${scores.chosen}), couverture ${pct(scores.coverage)} (${scores.shouldHave} à illustrer), ${ms.toFixed(0)} ms`,
      );
      if (show && half === "all") {
        for (const item of scores.judged.filter((j) => j.picture && !j.right)) {
          console.log(`   faux : ${item.sentence.id} « ${item.sentence.sentence} » → ${item.picture!.file} (${item.picture!.keyword}) ; attendu : ${item.sentence.concepts.join(", ") || "aucune"}`);
        }
      }
    }
  }
}
