import { readFile, stat } from "node:fs/promises";
import { basename, isAbsolute, join, relative, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import { glob, isDynamicPattern } from "tinyglobby";
import { inputError } from "../errors.js";
import { SUPPORTED_EXTENSIONS } from "./detect.js";

/** An input to process, and where it sits under the folder or glob it was found through. */
export interface DiscoveredInput {
  path: string;
  /** Path relative to the folder (or glob base) it was found in; the output tree mirrors it. */
  relative: string;
}

export const IGNORE_FILE = ".falcignore";

/** Never inputs, in .gitignore form: tooling folders, and falc's own outputs (converting them again would loop). */
const NEVER_INPUTS = ["node_modules/", ".git/", ".falc-cache/", "*.falc.*", "*.relecture.docx", "~$*"];
/** The folders of NEVER_INPUTS as globs, so that the search does not even walk them. */
const NOT_WALKED = ["**/node_modules/**", "**/.git/**", "**/.falc-cache/**"];
const DOCUMENTS = `**/*.{${SUPPORTED_EXTENSIONS.map((e) => e.slice(1)).join(",")}}`;

/**
 * Expands the command line into documents: a file stays itself, a folder is searched recursively
 * for .docx, .pdf, .odt, .md and .txt files (minus its `.falcignore` patterns), and a glob is
 * expanded (quoted globs work where the shell does not expand them, as in CI scripts).
 * The order is stable: inputs in the order given, each folder's files sorted.
 */
export async function discoverInputs(args: readonly string[], extraIgnore: readonly string[] = []): Promise<DiscoveredInput[]> {
  const found: DiscoveredInput[] = [];
  for (const arg of args) {
    if (arg === "-") found.push({ path: arg, relative: "entree-standard" });
    else if (isDynamicPattern(arg)) found.push(...(await expandGlob(arg, extraIgnore)));
    else if (await isDirectory(arg)) found.push(...(await expandFolder(arg, extraIgnore)));
    else found.push({ path: arg, relative: basename(arg) });
  }
  const seen = new Set<string>();
  return found.filter((input) => {
    const key = input.path === "-" ? "-" : resolve(input.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function expandFolder(dir: string, extraIgnore: readonly string[]): Promise<DiscoveredInput[]> {
  const ignored = ignore().add(NEVER_INPUTS).add([...extraIgnore]).add(await readIgnoreFile(dir));
  const files = (await glob(DOCUMENTS, { cwd: dir, ignore: NOT_WALKED, caseSensitiveMatch: false, dot: false })).filter((file) => !ignored.ignores(file)).sort();
  if (files.length === 0) {
    throw inputError("no-documents", dir, `Le dossier ${dir} ne contient aucun document à traiter (.docx, .pdf, .odt, .md ou .txt).`, "Vérifiez le dossier, ou les motifs de son fichier .falcignore.");
  }
  return files.map((file) => ({ path: join(dir, file), relative: file }));
}

async function expandGlob(pattern: string, extraIgnore: readonly string[]): Promise<DiscoveredInput[]> {
  const base = staticBase(pattern);
  const ignored = ignore().add(NEVER_INPUTS).add([...extraIgnore]);
  const files = (await glob(pattern, { ignore: NOT_WALKED, caseSensitiveMatch: false, expandDirectories: false }))
    .filter((file) => hasSupportedExtension(file) && !isIgnored(ignored, file, base))
    .sort();
  if (files.length === 0) {
    throw inputError("no-documents", pattern, `Aucun document ne correspond à ${pattern}.`, "Vérifiez le motif (mettez-le entre guillemets pour que falc le développe lui-même).");
  }
  return files.map((file) => ({ path: file, relative: relative(base, file) || basename(file) }));
}

/** « docs/**\/*.docx » → « docs »: the part of a glob before its first wildcard. */
function staticBase(pattern: string): string {
  const parts = pattern.split("/");
  const fixed: string[] = [];
  for (const part of parts) {
    if (isDynamicPattern(part)) break;
    fixed.push(part);
  }
  return fixed.join("/") || ".";
}

/**
 * The configuration's patterns apply to a glob's matches from the current folder, as they always have; a
 * match outside it (« ../docs/**\/*.md ») is read from the glob's fixed part instead, as if it were a folder.
 */
function isIgnored(ignored: Ignore, file: string, base: string): boolean {
  const fromHere = relative(process.cwd(), resolve(file));
  const path = isOutside(fromHere) ? relative(resolve(base), resolve(file)) : fromHere;
  return path !== "" && !isOutside(path) && ignored.ignores(path.split(sep).join("/"));
}

function isOutside(relativePath: string): boolean {
  return relativePath === ".." || relativePath.startsWith(`..${sep}`) || isAbsolute(relativePath);
}

function hasSupportedExtension(file: string): boolean {
  const lower = file.toLowerCase();
  return SUPPORTED_EXTENSIONS.some((extension) => lower.endsWith(extension)) && !/\.(falc\.[^.]+|relecture\.docx)$/.test(lower);
}

/** `.falcignore` as git reads a `.gitignore`: `brouillons/` is a folder of that name at any depth, `!` keeps a file back. */
async function readIgnoreFile(dir: string): Promise<string> {
  try {
    return await readFile(join(dir, IGNORE_FILE), "utf8");
  } catch {
    return "";
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export interface Shard {
  /** 1-based, as CI matrices count. */
  index: number;
  count: number;
}

/**
 * `--shard i/n`: the inputs of job i among n. Assigned by a hash of the path, not by position, so that
 * adding a document moves no other document to another job (and away from its cache).
 */
export function selectShard<T extends { path: string }>(inputs: readonly T[], shard: Shard | undefined): T[] {
  if (!shard || shard.count <= 1) return [...inputs];
  return inputs.filter((input) => (hashOf(input.path) % shard.count) + 1 === shard.index);
}

function hashOf(text: string): number {
  let hash = 0x811c9dc5; // FNV-1a: tiny, stable across Node versions and platforms
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
