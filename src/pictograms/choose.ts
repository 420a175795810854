import type { Bank } from "./banks.js";
import { indexBank } from "./index.js";
import { chooseInOrder, type Shown } from "./matcher.js";
import { mainNouns } from "./nouns.js";
import { imageKey, type BankInfo, type PictogramChoice, type PictogramPlan, type PictureImage } from "./types.js";

/**
 * The pictures of a whole conversion: each paragraph or list block gets the best picture for its
 * keywords (the model's, or its main nouns when none were proposed), in reading order across
 * sections, with the rule that a picture just shown for another idea is not shown again at once.
 */

/** A block as the rewrite has it (src/rewrite/types.ts), seen from here without depending on it. */
export interface BlockLike {
  type: string;
  sentences?: readonly string[];
  intro?: string;
  items?: readonly string[];
  /** The model's keywords for a picture; [] when it proposed none. */
  pictogram?: readonly string[];
}

export interface SectionLike {
  index: number;
  rewrite: { blocks: readonly BlockLike[] };
}

export const MAX_KEYWORDS = 3;

/** The keywords a block's picture is looked for with; none for a table (its rows are the idea). */
export function blockKeywords(block: BlockLike): string[] {
  if (block.type !== "paragraph" && block.type !== "list") return [];
  if (block.pictogram !== undefined) return block.pictogram.slice(0, MAX_KEYWORDS).filter((keyword) => keyword.trim() !== "");
  if (block.type === "paragraph") return mainNouns((block.sentences ?? []).join(" "), MAX_KEYWORDS);
  // A list's idea is in its intro, then in what each item is about (its first noun), not in every word of it.
  const nouns = [...mainNouns(block.intro ?? "", MAX_KEYWORDS), ...(block.items ?? []).flatMap((item) => mainNouns(item, 1))];
  return [...new Set(nouns)].slice(0, MAX_KEYWORDS);
}

export async function choosePictograms(sections: readonly SectionLike[], banks: readonly Bank[]): Promise<PictogramPlan & { warnings: string[] }> {
  const indexed = banks.map(indexBank);
  const plan: PictogramPlan & { warnings: string[] } = { sections: new Map(), images: new Map(), banks: [], warnings: [] };
  const used = new Set<BankInfo>();
  let last: Shown | undefined;
  for (const section of sections) {
    const blocks = section.rewrite.blocks.map(blockKeywords);
    const chosen = chooseInOrder(blocks, indexed, last);
    const choices: PictogramChoice[] = [];
    for (const [block, candidate] of chosen.entries()) {
      if (candidate === undefined) continue;
      const choice: PictogramChoice = { block, bank: candidate.bank.info.id, file: candidate.entry.file, keyword: candidate.keyword.trim(), score: candidate.score, ...(candidate.entry.licence ? { licence: candidate.entry.licence } : {}) };
      const key = imageKey(choice);
      if (!plan.images.has(key)) {
        const image = await loadImage(candidate.bank, candidate.entry, plan.warnings);
        if (image === undefined) continue;
        plan.images.set(key, image);
      }
      choices.push(choice);
      used.add(candidate.bank.info);
      last = { bank: candidate.bank, entry: candidate.entry, idea: candidate.idea };
    }
    if (choices.length > 0) plan.sections.set(section.index, choices);
  }
  // In the banks' order (the establishment's first), as the credits list them.
  plan.banks = banks.map((bank) => bank.info).filter((info) => used.has(info));
  return plan;
}

async function loadImage(bank: Bank, entry: Bank["entries"][number], warnings: string[]): Promise<PictureImage | undefined> {
  try {
    return await bank.load(entry);
  } catch (error) {
    warnings.push(`image « ${entry.file} » (${bank.info.label}) illisible, laissée de côté : ${(error as Error).message}`);
    return undefined;
  }
}
