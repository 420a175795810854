import { FalcError } from "../../errors.js";
import { canonicalWords } from "../text/elision.js";
import { parseEntryFix } from "./entry-fix-spec.js";
import { INFLECTIONS, entryExpressions, type AcronymEntry, type DifficultWordEntry, type Inflection } from "./lexicons.js";

function fail(file: string, message: string): never {
  throw new FalcError("lexicon-invalid", `${file} : ${message}`, { file });
}

function asObject(value: unknown, file: string, where: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(file, `${where} doit être un objet.`);
  return value as Record<string, unknown>;
}

function onlyKeys(record: Record<string, unknown>, allowed: readonly string[], file: string, where: string): void {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) fail(file, `clé inconnue « ${key} » dans ${where} (clés possibles : ${allowed.join(", ")}).`);
  }
}

function strings(value: unknown, file: string, where: string): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === "string" && item.trim() !== "")) return value as string[];
  fail(file, `${where} doit être un texte ou une liste de textes non vides.`);
}

/** Checks `difficult-words.yaml` and that no two entries match the same expression. */
export function validateDifficultWords(raw: unknown, file: string): DifficultWordEntry[] {
  const root = asObject(raw, file, "le fichier");
  onlyKeys(root, ["entries"], file, "le fichier");
  if (!Array.isArray(root.entries)) fail(file, "« entries » doit être une liste.");
  const entries = root.entries.map((item, index) => difficultEntry(item, file, `l'entrée n° ${index + 1}`));
  const owners = new Map<string, DifficultWordEntry>();
  for (const entry of entries) {
    let expressions: readonly { expression: string }[];
    try {
      expressions = entryExpressions(entry);
    } catch (error) {
      fail(file, `entrée « ${entry.match[0]} » : ${(error as Error).message}.`);
    }
    for (const { expression } of expressions) {
      const key = canonicalWords(expression).join(" ");
      const owner = owners.get(key);
      if (owner !== undefined && owner !== entry) fail(file, `l'expression « ${expression} » est produite par deux entrées : « ${owner.match[0]} » et « ${entry.match[0]} ».`);
      owners.set(key, entry);
    }
  }
  return entries;
}

function difficultEntry(item: unknown, file: string, where: string): DifficultWordEntry {
  const record = asObject(item, file, where);
  onlyKeys(record, ["match", "replace", "explain", "explainAfter", "inflect", "fix", "note"], file, where);
  const entry: DifficultWordEntry = { match: strings(record.match, file, `${where} (match)`), replace: [] };
  const label = `l'entrée « ${entry.match[0]} »`;
  if (record.replace !== undefined) entry.replace = strings(record.replace, file, `${label} (replace)`);
  if (record.explain !== undefined) {
    if (typeof record.explain !== "string" || record.explain.trim() === "") fail(file, `${label} : « explain » doit être un texte.`);
    entry.explain = record.explain;
  }
  if (entry.replace.length === 0 && entry.explain === undefined) fail(file, `${label} : il faut « replace » ou « explain ».`);
  if (record.explainAfter !== undefined) {
    if (entry.explain === undefined) fail(file, `${label} : « explainAfter » ne va qu’avec « explain ».`);
    entry.explainAfter = strings(record.explainAfter, file, `${label} (explainAfter)`).map((word) => word.toLowerCase());
  }
  if (record.inflect !== undefined) {
    if (!INFLECTIONS.includes(record.inflect as Inflection)) fail(file, `${label} : « inflect » doit valoir ${INFLECTIONS.join(", ")}.`);
    entry.inflect = record.inflect as Inflection;
  }
  if (record.fix !== undefined) {
    const fix = parseEntryFix(record.fix, entry.replace);
    if (typeof fix === "string") fail(file, `${label} : ${fix}`);
    entry.fix = fix;
  }
  if (record.note !== undefined) {
    if (typeof record.note !== "string") fail(file, `${label} : « note » doit être un texte.`);
    entry.note = record.note;
  }
  return entry;
}

/** Checks `acronyms.yaml`: the acronyms with their expansion, and the capitals to ignore. */
export function validateAcronyms(raw: unknown, file: string): { acronyms: AcronymEntry[]; ignore: string[] } {
  const root = asObject(raw, file, "le fichier");
  onlyKeys(root, ["acronyms", "ignore"], file, "le fichier");
  if (!Array.isArray(root.acronyms)) fail(file, "« acronyms » doit être une liste.");
  const seen = new Set<string>();
  const acronyms = root.acronyms.map((item, index) => {
    const where = `l'entrée n° ${index + 1}`;
    const record = asObject(item, file, where);
    onlyKeys(record, ["acronym", "expansion", "read_as_word", "uncertain", "note"], file, where);
    if (typeof record.acronym !== "string" || !/^[\p{Lu}\d&]{2,}$/u.test(record.acronym)) fail(file, `${where} : « acronym » doit être un sigle en capitales.`);
    if (seen.has(record.acronym)) fail(file, `le sigle « ${record.acronym} » est listé deux fois.`);
    seen.add(record.acronym);
    if (typeof record.expansion !== "string" || record.expansion.trim() === "") fail(file, `sigle « ${record.acronym} » : « expansion » manquante.`);
    if (typeof record.read_as_word !== "boolean") fail(file, `sigle « ${record.acronym} » : « read_as_word » doit valoir true ou false.`);
    const entry: AcronymEntry = { acronym: record.acronym, expansion: record.expansion, readAsWord: record.read_as_word };
    if (record.uncertain !== undefined) {
      if (typeof record.uncertain !== "boolean") fail(file, `sigle « ${record.acronym} » : « uncertain » doit valoir true ou false.`);
      entry.uncertain = record.uncertain;
    }
    if (record.note !== undefined) {
      if (typeof record.note !== "string") fail(file, `sigle « ${record.acronym} » : « note » doit être un texte.`);
      entry.note = record.note;
    }
    return entry;
  });
  const ignore = root.ignore === undefined ? [] : strings(root.ignore, file, "« ignore »");
  return { acronyms, ignore };
}

/** Parses `common-words.txt`: one lowercase form per line, `#` starts a comment line. */
export function parseCommonWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const line of text.split("\n")) {
    const word = line.trim();
    if (word.length > 0 && !word.startsWith("#")) words.add(word);
  }
  return words;
}
