import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join, relative, resolve, sep } from "node:path";
import { pictogramError, type Bank, type BankEntry } from "./banks.js";
import { pictureFromBytes } from "./images.js";
import type { BankInfo } from "./types.js";

/**
 * An establishment's own bank: a folder of PNG, JPEG, GIF or SVG pictures, used as they are (ARASAAC,
 * Sclera, photos of the house…). Each picture is named by its file name (`repas.png`,
 * `medecin-traitant.svg`, `Salle de bain_2349.png`), or described in `pictogrammes.json`:
 *
 *     { "licence": "ARASAAC (arasaac.org), CC BY-NC-SA 4.0",
 *       "pictogrammes": [{ "file": "2349.png", "mots-clés": ["repas", "déjeuner"], "licence": "…" }] }
 *
 * (or the list alone). A picture the index names is known by its keywords only; the others keep their
 * file names. Subfolders are read too (ARASAAC's categories).
 */

export const INDEX_FILE = "pictogrammes.json";
const EXTENSIONS = new Set([".png", ".jpg", ".jpeg", ".gif", ".svg"]);
/** Enough for any real bank; a folder given by mistake (a whole disk) stops here. */
const MAX_FILES = 50_000;
const MAX_DEPTH = 4;

export function folderBank(folder: string): Bank {
  const root = resolve(folder);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw pictogramError(
      "pictograms-folder",
      `Le dossier d’images « ${folder} » n’existe pas.`,
      "Donnez avec --pictograms le dossier des images de l’établissement (PNG, JPEG ou SVG nommés par leurs mots-clés), ou --no-pictograms.",
    );
  }
  const files = listPictures(root);
  const index = readIndex(root, new Set(files));
  const entries: BankEntry[] = files.map((file, order) => {
    const described = index.entries.get(file);
    return {
      file,
      names: described?.keywords ?? fileKeywords(file),
      tags: [],
      rank: order,
      ...(described?.licence ? { licence: described.licence } : {}),
    };
  });
  const info: BankInfo = {
    id: basename(root) || "images",
    label: `banque de l’établissement (dossier « ${basename(root) || root} »)`,
    builtin: false,
    folder,
    ...(index.licence ? { licence: index.licence } : {}),
  };
  return {
    info,
    entries,
    load: async (entry) => {
      const picture = await pictureFromBytes(new Uint8Array(readFileSync(join(root, ...entry.file.split("/")))));
      if (picture === undefined) {
        throw pictogramError("pictograms-image", `L’image « ${entry.file} » du dossier « ${folder} » est illisible.`, "Remplacez-la par un fichier PNG, JPEG ou SVG valide.");
      }
      return picture;
    },
  };
}

/** The pictures of the folder and its subfolders, as relative paths with « / », sorted. */
function listPictures(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith(".") || out.length >= MAX_FILES) continue;
      const path = join(dir, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (stat?.isDirectory()) {
        if (depth < MAX_DEPTH) walk(path, depth + 1);
      } else if (stat?.isFile() && EXTENSIONS.has(extname(name).toLowerCase())) {
        out.push(relative(root, path).split(sep).join("/"));
      }
    }
  };
  walk(root, 0);
  return out;
}

/**
 * The keywords a file name gives: « Salle de bain_2349.png » → « Salle de bain »; « repas, déjeuner.png »
 * → « repas », « déjeuner ». Numbers that tell copies or catalogue ids apart are not words.
 */
export function fileKeywords(file: string): string[] {
  const stem = basename(file, extname(file))
    .replace(/\s*\(\d+\)$/, "")
    .replace(/[\s_-]+\d+$/, "")
    .replace(/^\d+[\s_-]+/, "");
  return stem
    .split(/[,;+]/)
    .map((part) => part.replace(/[_]+/g, " ").trim())
    .filter((part) => part !== "" && !/^\d+$/.test(part));
}

interface FolderIndex {
  licence?: string;
  entries: Map<string, { keywords: string[]; licence?: string }>;
}

function readIndex(root: string, files: ReadonlySet<string>): FolderIndex {
  const path = join(root, INDEX_FILE);
  const index: FolderIndex = { entries: new Map() };
  if (!existsSync(path)) return index;
  const fail = (message: string) =>
    pictogramError("pictograms-index", `${path} : ${message}`, `Chaque image s’écrit { "file": "repas.png", "mots-clés": ["repas", "déjeuner"], "licence": "…" } (licence facultative).`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw pictogramError("pictograms-index", `${path} : JSON invalide (${(error as Error).message}).`, "Vérifiez les virgules, les guillemets droits (\") et les crochets.", error);
  }
  let list: unknown = raw;
  if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) {
    const object = raw as Record<string, unknown>;
    if (object.licence !== undefined && typeof object.licence !== "string") throw fail("« licence » doit être un texte.");
    if (typeof object.licence === "string" && object.licence.trim() !== "") index.licence = object.licence.trim();
    list = object.pictogrammes;
  }
  if (!Array.isArray(list)) throw fail("le fichier doit contenir une liste d’images, ou un objet avec « pictogrammes ».");
  list.forEach((item, i) => {
    const where = `image n° ${i + 1}`;
    if (typeof item !== "object" || item === null || Array.isArray(item)) throw fail(`${where} : un objet est attendu.`);
    const record = item as Record<string, unknown>;
    const file = typeof record.file === "string" ? record.file.trim().replace(/\\/g, "/") : "";
    if (file === "") throw fail(`${where} : « file » (le nom du fichier) manque.`);
    if (!files.has(file)) throw fail(`${where} : le fichier « ${file} » n’est pas dans le dossier (ou n’est pas une image PNG, JPEG, GIF ou SVG).`);
    const raw = record["mots-clés"] ?? record["mots-cles"] ?? record.keywords;
    const keywords = (typeof raw === "string" ? raw.split(/[,;]/) : Array.isArray(raw) ? raw : []).filter((k): k is string => typeof k === "string").map((k) => k.trim()).filter(Boolean);
    if (keywords.length === 0) throw fail(`${where} (« ${file} ») : « mots-clés » doit donner au moins un mot.`);
    if (record.licence !== undefined && typeof record.licence !== "string") throw fail(`${where} : « licence » doit être un texte.`);
    const licence = typeof record.licence === "string" && record.licence.trim() !== "" ? record.licence.trim() : undefined;
    index.entries.set(file, { keywords, ...(licence ? { licence } : {}) });
  });
  return index;
}
