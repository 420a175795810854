/**
 * Generates `pictograms/openmoji-fr.json`, the French index of falc's built-in picture bank: every
 * OpenMoji picture of `@iconify-json/openmoji` that is a Unicode emoji, with its French name and
 * keywords from Unicode's CLDR annotations as `emojibase-data` ships them (labels and tags, including
 * the sequences such as « professionnel de la santé » that CLDR's base annotations leave out).
 *
 * Only the index is generated: the pictures themselves are read from `@iconify-json/openmoji` at run
 * time, so `emojibase-data` (49 MB, every language) stays a development dependency.
 *
 * Usage: `node --import tsx scripts/build-pictogram-index.ts` (rewrites the file; deterministic).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

interface EmojibaseEntry {
  label: string;
  hexcode: string;
  emoji: string;
  tags?: string[];
  group?: number;
  order?: number;
}

/** emojibase's groups: 2 = skin tones and hair components, 9 = flags (no help beside a sentence); letters have none. */
const SKIPPED_GROUPS = new Set([2, 9]);

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "pictograms", "openmoji-fr.json");

const emojibase = JSON.parse(readFileSync(require.resolve("emojibase-data/fr/data.json"), "utf8")) as EmojibaseEntry[];
const emojibaseVersion = (JSON.parse(readFileSync(require.resolve("emojibase-data/package.json"), "utf8")) as { version: string }).version;
const chars = JSON.parse(readFileSync(require.resolve("@iconify-json/openmoji/chars.json"), "utf8")) as Record<string, string>;
const icons = JSON.parse(readFileSync(require.resolve("@iconify-json/openmoji/icons.json"), "utf8")) as { icons: Record<string, unknown>; lastModified?: number };
const openmojiVersion = (JSON.parse(readFileSync(require.resolve("@iconify-json/openmoji/package.json"), "utf8")) as { version: string }).version;

/** The iconify name of an emoji: iconify keys drop the variation selector FE0F. */
function iconName(hexcode: string): string | undefined {
  const key = hexcode.toLowerCase();
  const name = chars[key] ?? chars[key.replace(/-fe0f/g, "")];
  return name !== undefined && name in icons.icons ? name : undefined;
}

const entries = emojibase
  .filter((entry) => entry.group !== undefined && !SKIPPED_GROUPS.has(entry.group))
  .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
  .flatMap((entry) => {
    const icon = iconName(entry.hexcode);
    if (icon === undefined) return [];
    const tags = [...new Set((entry.tags ?? []).map((tag) => tag.trim()).filter((tag) => tag !== "" && tag !== entry.label))];
    return [{ icon, hex: entry.hexcode, name: entry.label, tags, group: entry.group }];
  });

const index = {
  about:
    "Index français de la banque d’images intégrée de falc. Images : OpenMoji (https://openmoji.org), licence CC BY-SA 4.0. " +
    "Noms et mots-clés : CLDR d’Unicode (licence Unicode), par emojibase-data (MIT). Fichier généré par scripts/build-pictogram-index.ts.",
  openmoji: openmojiVersion,
  emojibase: emojibaseVersion,
  entries,
};
writeFileSync(out, JSON.stringify(index, null, 0).replace(/\},\{/g, "},\n{") + "\n");
console.log(`${entries.length} images indexées → ${out}`);
