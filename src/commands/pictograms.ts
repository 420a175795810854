import { loadRuleSet } from "../config/ruleset.js";
import { resolveConfig } from "../config/config.js";
import { indexBank } from "../pictograms/index.js";
import { candidatesFor, THRESHOLD } from "../pictograms/matcher.js";
import { banksFor, pictogramSettings } from "../pictograms/settings.js";

/**
 * `falc pictograms <mot…>`: which picture each word would get, from which bank and how sure, or why
 * none (nothing of that name, or the nearest below the threshold). Says what `falc convert` would do
 * with the same folder and configuration.
 */

export interface PictogramLookup {
  word: string;
  /** The picture the word gets; null below the threshold. */
  picture: { bank: string; bankLabel: string; file: string; score: number; licence?: string } | null;
  /** The best picture below the threshold, when there is one. */
  nearest?: { bank: string; file: string; score: number };
}

export interface PictogramsReport {
  threshold: number;
  banks: { id: string; label: string; pictures: number; licence?: string; folder?: string }[];
  words: PictogramLookup[];
}

export function lookUpPictograms(words: readonly string[], options: { folder?: string; configPath?: string } = {}): PictogramsReport {
  const config = resolveConfig({ ...(options.configPath !== undefined ? { configPath: options.configPath } : {}) }, loadRuleSet());
  // A folder named here wins over the configuration's, even when the configuration turns pictures off.
  const settings = pictogramSettings(options.folder, options.folder === undefined ? config?.pictograms : undefined);
  const banks = banksFor(settings.enabled ? settings : { enabled: true });
  const indexed = banks.map(indexBank);
  return {
    threshold: THRESHOLD,
    banks: banks.map((bank) => ({
      id: bank.info.id,
      label: bank.info.label,
      pictures: bank.entries.length,
      ...(bank.info.licence ? { licence: bank.info.licence } : {}),
      ...(bank.info.folder ? { folder: bank.info.folder } : {}),
    })),
    words: words.map((word) => {
      const [best] = candidatesFor(word, indexed);
      if (best === undefined) return { word, picture: null };
      const found = { bank: best.bank.info.id, file: best.entry.file, score: best.score };
      if (best.score < THRESHOLD) return { word, picture: null, nearest: found };
      return { word, picture: { ...found, bankLabel: best.bank.info.label, ...(best.entry.licence ? { licence: best.entry.licence } : {}) } };
    }),
  };
}

export function renderPictogramsText(report: PictogramsReport): string {
  const score = (value: number) => value.toFixed(2).replace(".", ",");
  const out = report.words.map((item) => {
    if (item.picture) return `${item.word} → ${item.picture.file} (${item.picture.bankLabel}), score ${score(item.picture.score)}`;
    if (item.nearest) return `${item.word} → aucune image : la plus proche, ${item.nearest.file}, n’a que ${score(item.nearest.score)} (seuil : ${score(report.threshold)})`;
    return `${item.word} → aucune image : aucune image ne porte ce nom ni un mot de même sens`;
  });
  const banks = report.banks.map((bank) => `${bank.label} : ${bank.pictures} images${bank.licence ? ` (${bank.licence})` : ""}`);
  return [...out, "", `Banques, dans l’ordre où elles sont cherchées : ${banks.join(" ; ")}.`, ""].join("\n");
}
