import type { GlossaryEntry, RewriteBlock, RewriteResult, RewriteTable } from "./types.js";

/**
 * The answer every provider must give for a section, as a JSON schema, and its validator.
 *
 * The limits are safety bounds against runaway or garbage output, not style rules: a long sentence is
 * the checker's business (it triggers a repair), whereas a failed validation costs a retry and then
 * fails the document. They are generous for that reason.
 */
export const ANSWER_LIMITS = {
  title: 200,
  sentence: 600,
  intro: 600,
  word: 100,
  explanation: 600,
  blocks: 300,
  sentences: 40,
  items: 80,
  rows: 80,
  columns: 8,
  glossary: 80,
  pictogram: 3,
  keyword: 60,
} as const;

const L = ANSWER_LIMITS;

const sentence = (description: string, maxLength: number) => ({ type: "string", description, minLength: 1, maxLength });
/** Keywords for the picture beside a block (issue 13): optional, the most telling first. */
const pictogram = {
  type: "array",
  description:
    "Facultatif : jusqu'à 3 mots-clés en français pour l'image à côté du bloc, le plus important d'abord : des noms concrets de ce que l'image montre (« repas », « médecin », « bus »). Liste vide si aucune image simple ne montre l'idée du bloc.",
  maxItems: L.pictogram,
  items: { type: "string", minLength: 1, maxLength: L.keyword },
} as const;

/** A table cell may be empty: an empty box of the original stays an empty box. */
const tableCell = (description: string) => ({ type: "string", description, maxLength: L.sentence });

/** Strict JSON schema of `RewriteResult` (descriptions in French: the model reads them). */
export const REWRITE_SCHEMA = {
  type: "object",
  description: "La section réécrite en FALC : un titre court, des blocs de phrases courtes, de listes ou de petits tableaux, et les mots difficiles gardés avec leur explication.",
  properties: {
    title: sentence("Titre court de la section, en langage facile, sans point final.", L.title),
    blocks: {
      type: "array",
      description: "Les blocs de la section, dans l'ordre du texte original.",
      minItems: 1,
      maxItems: L.blocks,
      items: {
        anyOf: [
          {
            type: "object",
            description: "Un paragraphe : quelques phrases courtes, une phrase par élément.",
            properties: {
              type: { type: "string", const: "paragraph" },
              sentences: { type: "array", minItems: 1, maxItems: L.sentences, items: sentence("Une seule phrase courte, avec son point final.", L.sentence) },
              pictogram,
            },
            required: ["type", "sentences"],
            additionalProperties: false,
          },
          {
            type: "object",
            description: "Une liste à puces, avec une phrase d'introduction facultative.",
            properties: {
              type: { type: "string", const: "list" },
              intro: sentence("Phrase qui introduit la liste, par exemple « Vous devez apporter : ».", L.intro),
              items: { type: "array", minItems: 1, maxItems: L.items, items: sentence("Un élément de la liste, sans puce ni tiret au début.", L.sentence) },
              pictogram,
            },
            required: ["type", "items"],
            additionalProperties: false,
          },
          {
            type: "object",
            description:
              "Un petit tableau gardé en tableau : 2 à 4 colonnes, des cellules courtes. Chaque ligne a autant de cellules que l'en-tête, dans le même ordre.",
            properties: {
              type: { type: "string", const: "table" },
              intro: sentence("Phrase qui introduit le tableau, par exemple « Voici les prix : ».", L.intro),
              header: { type: "array", minItems: 1, maxItems: L.columns, items: tableCell("Le nom d'une colonne, en quelques mots.") },
              rows: {
                type: "array",
                minItems: 1,
                maxItems: L.rows,
                items: {
                  type: "array",
                  minItems: 1,
                  maxItems: L.columns,
                  items: tableCell("Une cellule : quelques mots, un montant ou une date. Texte vide si la case est vide."),
                },
              },
            },
            required: ["type", "rows"],
            additionalProperties: false,
          },
        ],
      },
    },
    glossary: {
      type: "array",
      description: "Les mots difficiles gardés dans le texte, chacun avec l'explication donnée dans le texte. Liste vide s'il n'y en a pas.",
      maxItems: L.glossary,
      items: {
        type: "object",
        properties: {
          word: sentence("Le mot difficile, tel qu'il est écrit dans le texte.", L.word),
          explanation: sentence("Son explication en une phrase simple.", L.explanation),
        },
        required: ["word", "explanation"],
        additionalProperties: false,
      },
    },
  },
  required: ["title", "blocks", "glossary"],
  additionalProperties: false,
} as const;

export type ParseAnswerResult = { ok: true; result: RewriteResult } | { ok: false; problems: string[] };

/** At most this many problems are reported: the list goes back to the model, and ten say enough. */
const MAX_PROBLEMS = 10;

/**
 * Validates and normalises an answer: strings trimmed, blanks collapsed, a string holding several lines
 * split into one sentence per line, empty sentences, items and blocks dropped, list bullets typed by
 * the model removed. Rejects anything the schema forbids, markup other than `**gras**`, and an answer
 * with no sentence. Accepts the JSON text of an answer as well as the parsed value.
 */
export function parseAnswer(value: unknown): ParseAnswerResult {
  const problems: string[] = [];
  const parsed = answerValue(value);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const root = asObject(input, "la réponse", problems);
  if (root === undefined) return { ok: false, problems };
  unknownKeys(root, ["title", "blocks", "glossary"], "la réponse", problems);
  const title = oneLine(root.title, "title", L.title, problems);
  if (title === "") problems.push("« title » est vide : donnez un titre court.");
  const blocks = parseBlocks(root.blocks, problems);
  const glossary = parseGlossary(root.glossary, problems);
  if (problems.length === 0 && blocks.length === 0) problems.push("La réponse ne contient aucune phrase : réécrivez toute la section.");
  if (problems.length > 0) return { ok: false, problems: cap(problems) };
  return { ok: true, result: { title: title ?? "", blocks, glossary } };
}

function parseBlocks(value: unknown, problems: string[]): RewriteBlock[] {
  const list = asArray(value, "blocks", L.blocks, problems);
  const blocks: RewriteBlock[] = [];
  list?.forEach((raw, index) => {
    const path = `blocks[${index}]`;
    const block = asObject(raw, path, problems);
    if (block === undefined) return;
    if (block.type === "paragraph") {
      unknownKeys(block, ["type", "sentences", "pictogram"], path, problems);
      const sentences = lines(block.sentences, `${path}.sentences`, L.sentences, problems);
      if (sentences.length > 0) blocks.push({ type: "paragraph", sentences, ...keywords(block.pictogram) });
    } else if (block.type === "list") {
      unknownKeys(block, ["type", "intro", "items", "pictogram"], path, problems);
      const intro = block.intro === undefined || block.intro === null ? "" : oneLine(block.intro, `${path}.intro`, L.intro, problems) ?? "";
      const items = lines(block.items, `${path}.items`, L.items, problems).map(stripBullet).filter((item) => item !== "");
      if (items.length > 0) blocks.push({ ...(intro === "" ? { type: "list", items } : { type: "list", intro, items }), ...keywords(block.pictogram) });
      else if (intro !== "") blocks.push({ type: "paragraph", sentences: [intro] });
    } else if (block.type === "table") {
      unknownKeys(block, ["type", "intro", "header", "rows"], path, problems);
      blocks.push(...parseTable(block, path, problems));
    } else {
      problems.push(`« ${path}.type » doit valoir "paragraph", "list" ou "table" (reçu : ${JSON.stringify(block.type) ?? "rien"}).`);
    }
  });
  return blocks;
}

/**
 * A table block: cells on one line each, rows of empty cells dropped, no header when every column
 * name is empty. Every row must have the header's number of cells (or, without a header, the same
 * number as the others): a row one cell short would put a price under the wrong service.
 */
function parseTable(block: Record<string, unknown>, path: string, problems: string[]): RewriteBlock[] {
  const intro = block.intro === undefined || block.intro === null ? "" : oneLine(block.intro, `${path}.intro`, L.intro, problems) ?? "";
  const rawHeader = block.header === undefined || block.header === null ? [] : cells(block.header, `${path}.header`, problems);
  const header = rawHeader.some((cell) => cell !== "") ? rawHeader : [];
  const rows: string[][] = [];
  asArray(block.rows, `${path}.rows`, L.rows, problems)?.forEach((raw, index) => {
    const row = cells(raw, `${path}.rows[${index}]`, problems);
    if (row.some((cell) => cell !== "")) rows.push(row);
  });
  const width = header.length > 0 ? header.length : rows[0]?.length ?? 0;
  rows.forEach((row, index) => {
    if (row.length === width) return;
    const expected = header.length > 0 ? `l'en-tête (« header ») en a ${width}` : `la première ligne en a ${width}`;
    problems.push(`« ${path}.rows[${index}] » a ${row.length} cellules, mais ${expected} : donnez le même nombre de cellules à chaque ligne, "" pour une case vide.`);
  });
  if (rows.length > 0) {
    const table: RewriteTable = { type: "table", ...(intro !== "" ? { intro } : {}), ...(header.length > 0 ? { header } : {}), rows };
    return [table];
  }
  // Only column names: they are kept, as a list.
  if (header.length > 0) {
    const items = header.filter((cell) => cell !== "");
    return [intro === "" ? { type: "list", items } : { type: "list", intro, items }];
  }
  return intro === "" ? [] : [{ type: "paragraph", sentences: [intro] }];
}

/**
 * The picture keywords of a block, when given: trimmed, the first 3, none too long. Never a problem to
 * send back: a picture is a help, and a wrong keyword list is not worth a new request.
 */
function keywords(value: unknown): { pictogram?: string[] } {
  if (!Array.isArray(value)) return {};
  const words = value
    .filter((item): item is string => typeof item === "string")
    .map(clean)
    .filter((item) => item !== "" && item.length <= L.keyword && markupIn(item) === undefined);
  return { pictogram: [...new Set(words)].slice(0, L.pictogram) };
}

/** The cells of one row or of the header: each on one line, blanks collapsed; empty cells kept. */
function cells(value: unknown, path: string, problems: string[]): string[] {
  const list = asArray(value, path, L.columns, problems);
  const out: string[] = [];
  list?.forEach((raw, index) => {
    const where = `${path}[${index}]`;
    if (raw === null) return void out.push("");
    out.push(oneLine(raw, where, L.sentence, problems) ?? "");
  });
  return out;
}

function parseGlossary(value: unknown, problems: string[]): GlossaryEntry[] {
  const list = asArray(value, "glossary", L.glossary, problems);
  const entries: GlossaryEntry[] = [];
  const seen = new Set<string>();
  list?.forEach((raw, index) => {
    const path = `glossary[${index}]`;
    const entry = asObject(raw, path, problems);
    if (entry === undefined) return;
    unknownKeys(entry, ["word", "explanation"], path, problems);
    const word = oneLine(entry.word, `${path}.word`, L.word, problems);
    const explanation = oneLine(entry.explanation, `${path}.explanation`, L.explanation, problems);
    if (word === undefined || explanation === undefined) return;
    if (word === "" && explanation === "") return;
    if (word === "") return void problems.push(`« ${path}.word » est vide alors que l'explication est donnée.`);
    if (explanation === "") return void problems.push(`« ${path}.explanation » est vide : expliquez « ${word} » en une phrase simple.`);
    const key = word.toLocaleLowerCase("fr");
    if (seen.has(key)) return;
    seen.add(key);
    entries.push({ word, explanation });
  });
  return entries;
}

/** A list of strings, each split into its lines (one sentence per line), blanks collapsed, empties dropped. */
function lines(value: unknown, path: string, maxItems: number, problems: string[]): string[] {
  const list = asArray(value, path, maxItems, problems);
  const out: string[] = [];
  list?.forEach((raw, index) => {
    const where = `${path}[${index}]`;
    if (typeof raw !== "string") return void problems.push(`« ${where} » doit être un texte (reçu : ${kindOf(raw)}).`);
    for (const line of raw.split(LINE_BREAKS)) {
      const text = clean(line);
      if (text === "") continue;
      if (checkText(text, where, L.sentence, problems)) out.push(text);
    }
  });
  return out;
}

/** One string on one line (a title, an intro, a glossary entry); undefined when it is not a string. */
function oneLine(value: unknown, path: string, maxLength: number, problems: string[]): string | undefined {
  if (typeof value !== "string") {
    problems.push(`« ${path} » doit être un texte (reçu : ${kindOf(value)}).`);
    return undefined;
  }
  const text = clean(value.replace(LINE_BREAKS, " "));
  if (text !== "") checkText(text, path, maxLength, problems);
  return text;
}

function checkText(text: string, path: string, maxLength: number, problems: string[]): boolean {
  if (text.length > maxLength) {
    problems.push(`« ${path} » est trop long (${text.length} caractères, ${maxLength} au plus) : coupez-le en phrases courtes.`);
    return false;
  }
  const markup = markupIn(text);
  if (markup !== undefined) {
    problems.push(`« ${path} » contient ${markup} : n'utilisez aucune mise en forme, sauf **gras** pour une information importante.`);
    return false;
  }
  return true;
}

const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g;
const BLANKS = /[ \t\f\v]+/g;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/;
const MARKDOWN_LINK = /\[[^\]\n]+\]\([^)\s]+\)/;
const HEADING = /^#{1,6}\s/;
const BOLD = /\*\*(?=\S)[^*]*?\S\*\*/g;
const UNDERSCORE_EMPHASIS = /(?:^|[\s(])_{1,2}[^_\s][^_]*_{1,2}(?=$|[\s.,;:!?)])/;
const BULLET = /^(?:[-–—•▪●*+]\s+)+/;

/** What markup the text holds, in French, or undefined. Only `**bold**` is allowed. */
function markupIn(text: string): string | undefined {
  if (HTML_TAG.test(text)) return "une balise HTML";
  if (MARKDOWN_LINK.test(text)) return "un lien Markdown";
  if (HEADING.test(text)) return "un titre Markdown (#)";
  if (text.includes("`")) return "un accent grave de code (`)";
  if (text.includes("~~")) return "du texte barré (~~)";
  if (UNDERSCORE_EMPHASIS.test(text)) return "de l'italique ou du soulignement (_)";
  if (text.replace(BOLD, "").includes("*")) return "un astérisque hors d'un **gras** bien fermé";
  return undefined;
}

function clean(text: string): string {
  return text.replace(BLANKS, " ").trim();
}

function stripBullet(item: string): string {
  return item.replace(BULLET, "").trim();
}

/**
 * A model's answer as a value: the parsed tool input, or its JSON text (in a code fence or not). The
 * problem reaches the user too (after a second failure): no English parser message here; the retry
 * note already tells the model what to send.
 */
export function answerValue(value: unknown): { ok: true; value: unknown } | { ok: false; problems: string[] } {
  if (typeof value !== "string") return { ok: true, value };
  try {
    return { ok: true, value: JSON.parse(stripCodeFence(value)) };
  } catch {
    return { ok: false, problems: ["La réponse n'est pas du JSON valide."] };
  }
}

function stripCodeFence(text: string): string {
  const match = /^\s*```[a-z]*\s*\n([\s\S]*?)\n\s*```\s*$/i.exec(text);
  return match ? match[1]! : text;
}

function asObject(value: unknown, path: string, problems: string[]): Record<string, unknown> | undefined {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  problems.push(`${path === "la réponse" ? "La réponse" : `« ${path} »`} doit être un objet JSON (reçu : ${kindOf(value)}).`);
  return undefined;
}

function asArray(value: unknown, path: string, maxItems: number, problems: string[]): unknown[] | undefined {
  if (!Array.isArray(value)) {
    problems.push(`« ${path} » doit être une liste (reçu : ${kindOf(value)}).`);
    return undefined;
  }
  if (value.length > maxItems) {
    problems.push(`« ${path} » a trop d'éléments (${value.length}, ${maxItems} au plus).`);
    return undefined;
  }
  return value;
}

function unknownKeys(object: Record<string, unknown>, allowed: readonly string[], path: string, problems: string[]): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) problems.push(`${path === "la réponse" ? "La réponse" : `« ${path} »`} contient une clé inconnue « ${key} » (clés permises : ${allowed.join(", ")}).`);
  }
}

function kindOf(value: unknown): string {
  if (value === undefined) return "rien";
  if (value === null) return "null";
  if (Array.isArray(value)) return "une liste";
  if (typeof value === "string") return "un texte";
  if (typeof value === "number") return "un nombre";
  if (typeof value === "boolean") return "un booléen";
  return "un objet";
}

function cap(problems: string[]): string[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), `… et ${problems.length - MAX_PROBLEMS} autres problèmes du même genre.`];
}
