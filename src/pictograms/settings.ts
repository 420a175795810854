import { resolve } from "node:path";
import type { Bank, PictogramSettings } from "./banks.js";
import { builtinBank } from "./builtin.js";
import { folderBank } from "./folder.js";

/**
 * Which banks a document's pictures come from: `--no-pictograms` turns them off; `--pictograms
 * <dossier>` names the establishment's folder, over `pictograms` of falc.config.json; the built-in
 * bank is always there after it.
 */
export function pictogramSettings(flag: string | boolean | undefined, config: string | false | undefined): PictogramSettings {
  if (flag === false) return { enabled: false };
  if (typeof flag === "string") return { enabled: true, folder: flag };
  if (config === false) return { enabled: false };
  return config === undefined ? { enabled: true } : { enabled: true, folder: config };
}

/** The banks, the establishment's first; with `folders`, a folder is read once per run (it may hold thousands of pictures). */
export function banksFor(settings: PictogramSettings, folders: Map<string, Bank> = new Map()): Bank[] {
  if (!settings.enabled) return [];
  const banks: Bank[] = [];
  if (settings.folder !== undefined) {
    const key = resolve(settings.folder);
    let bank = folders.get(key);
    if (bank === undefined) {
      bank = folderBank(settings.folder);
      folders.set(key, bank);
    }
    banks.push(bank);
  }
  banks.push(builtinBank());
  return banks;
}

/** A key for the settings, part of what makes an output up to date. */
export function settingsKey(settings: PictogramSettings): string {
  if (!settings.enabled) return "pictograms:off";
  return settings.folder === undefined ? "pictograms:builtin" : `pictograms:${resolve(settings.folder)}`;
}
