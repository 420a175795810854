import { FalcError, ExitCode } from "../errors.js";
import { locateParts } from "../ingest/docx/package.js";
import { DEFAULT_LIMITS, type ReadContext } from "../ingest/types.js";
import { parseXml, type Element } from "../ingest/xml.js";
import { openArchive, type Archive } from "../ingest/zip.js";
import { cellText, child, children, is, readCell, type CellContent, type CellItem } from "./cell.js";
import { parseEditedCell } from "./edited.js";
import { textHash } from "./hash.js";
import { readOpinion } from "./marks.js";
import { parseStateXml } from "./state-part.js";
import type { ReadReview, ReviewState, ReviewedSection, StoredSection, ValidationRecord } from "./types.js";
import { normaliseTitle } from "./state.js";
import { readValidation } from "./validation.js";

/** Bookmarks of the review table's rows are named `falc_<section id>`, and `falc_<section id>__p2`… for the parts of a long passage. */
export const ROW_BOOKMARK_PREFIX = "falc_";
export const PART_SUFFIX = "__p";
/** The first line of a row that continues a long passage (render/review/table.ts). */
export const CONTINUED_LABEL = "(suite)";

/** The rows of one passage: one, or several when a long passage was laid out in parts. */
export interface PassageRows {
  /** The section id its bookmark gives, when it still has one. */
  id?: string;
  rows: CellContent[][];
}

export const ReviewErrorCode = {
  notReview: "review-not-falc",
  damaged: "review-damaged",
  otherSource: "review-other-source",
} as const;

/**
 * Reads a filled review document: the state falc hid in it, then each row of the review table —
 * matched to its section by the row's bookmark, else by its title — with the readers' verdict,
 * their remarks and Word comments, and the easy-to-read text if it was corrected by hand.
 */
export function readReviewDocx(bytes: Uint8Array, path: string): ReadReview {
  const context: ReadContext = { path, limits: DEFAULT_LIMITS };
  // Not even a zip package (a Markdown or PDF file given by mistake): not a review document.
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw notReview(path);
  const archive = openArchive(bytes, context);
  const state = readState(archive);
  if (!state) throw notReview(path);
  const parts = locateParts(archive, context);
  const main = parts.main ? archive.readText(parts.main) : undefined;
  if (!main) throw damaged(path, "le texte du document est introuvable");
  const body = child(parseXml(main, parts.main!, context).documentElement!, "body");
  const tables = body ? children(body).filter((node) => is(node, "tbl")) : [];
  const comments = parts.comments ? readComments(archive.readText(parts.comments), parts.comments, context) : new Map<string, string>();

  const passages = reviewPassages(tables, state);
  if (!passages) throw damaged(path, "le tableau de relecture (Original, Version facile à lire…) est introuvable");
  const sections = readRows(passages, state, comments);
  const found = new Set(sections.map((section) => section.stored.id));
  return {
    path,
    state,
    sections,
    missingRows: state.sections.filter((section) => !found.has(section.id)),
    validation: mergeValidation(readValidation(tables), state.validation),
  };
}

function readState(archive: Archive): ReviewState | undefined {
  for (const name of archive.entries.keys()) {
    if (!/^customXml\/item\d*\.xml$/.test(name)) continue;
    const state = parseStateXml(archive.readText(name) ?? "");
    if (state) return state;
  }
  return undefined;
}

/** The passages of the table with the most of falc's row bookmarks, each table's cells read once. */
function reviewPassages(tables: Element[], state: ReviewState): PassageRows[] | undefined {
  const ids = new Set(state.sections.map((section) => section.id));
  let best: { passages: PassageRows[]; known: number } | undefined;
  let headed: PassageRows[] | undefined;
  for (const table of tables) {
    const passages = passageRows(table);
    const known = passages.filter((passage) => passage.id !== undefined && ids.has(passage.id)).length;
    if (known > 0 && (!best || known > best.known)) best = { passages, known };
    // Every bookmark lost (a copy pasted into a new file): the table whose header falc wrote.
    headed ??= passages[0] && /^Original\b/.test(firstLine(passages[0].rows[0]![0]!)) ? passages : undefined;
  }
  return best?.passages ?? headed;
}

/**
 * The table's rows grouped by passage: a row named by a section's bookmark starts one, a part
 * « (suite) » joins the passage it continues (by its own bookmark, or by its label when bookmarks were lost).
 */
export function passageRows(table: Element): PassageRows[] {
  const passages: PassageRows[] = [];
  for (const tr of children(table).filter((node) => is(node, "tr"))) {
    const cells = children(tr).filter((node) => is(node, "tc")).map(readCell);
    if (cells.length < 2) continue;
    const names = cells.flatMap((cell) => cell.bookmarks).filter((name) => name.startsWith(ROW_BOOKMARK_PREFIX));
    const main = names.find((name) => !name.includes(PART_SUFFIX));
    const part = names.find((name) => name.includes(PART_SUFFIX));
    if (main) {
      passages.push({ id: main.slice(ROW_BOOKMARK_PREFIX.length), rows: [cells] });
      continue;
    }
    const partOf = part?.slice(ROW_BOOKMARK_PREFIX.length, part.indexOf(PART_SUFFIX));
    const owner = partOf !== undefined ? [...passages].reverse().find((passage) => passage.id === partOf) : firstLine(cells[1]!).startsWith(CONTINUED_LABEL) ? passages[passages.length - 1] : undefined;
    if (owner) owner.rows.push(cells);
    else passages.push({ ...(partOf !== undefined ? { id: partOf } : {}), rows: [cells] });
  }
  return passages;
}

/** A passage's easy-to-read text across its parts, the « (suite) » labels left out. */
export function passageEasyItems(passage: PassageRows): CellItem[] {
  return passage.rows.flatMap((cells, i) => (i === 0 ? cells[1]!.items : cells[1]!.items.slice(1)));
}

function readRows(passages: readonly PassageRows[], state: ReviewState, comments: Map<string, string>): ReviewedSection[] {
  const byId = new Map(state.sections.map((section) => [section.id, section]));
  const used = new Set<string>();
  const out: ReviewedSection[] = [];
  for (const passage of passages) {
    let stored = passage.id !== undefined ? byId.get(passage.id) : undefined;
    if (stored && used.has(stored.id)) continue;
    // A row whose bookmark was lost: matched by the title it shows, in order.
    stored ??= state.sections.find((section) => !used.has(section.id) && normaliseTitle(firstLine(passage.rows[0]![1]!)) === normaliseTitle(section.rewrite.title || section.title));
    if (!stored) continue;
    used.add(stored.id);
    out.push(reviewedRow(stored, passage, comments));
  }
  return out;
}

function reviewedRow(stored: StoredSection, passage: PassageRows, comments: Map<string, string>): ReviewedSection {
  const cells = passage.rows.flat();
  const easyItems = passageEasyItems(passage);
  // The form sits in the last column (a part before the last leaves it empty).
  // Every paragraph of the column, those of the small table that keeps the boxes together included, line by line.
  const opinionParagraphs = passage.rows
    .flatMap((row) => (row.length >= 3 ? row[row.length - 1]!.paragraphs : []))
    .flatMap((paragraph) => paragraph.text.split("\n").map((text) => ({ text })));
  const opinion = readOpinion(opinionParagraphs);
  const commented = [...new Set(cells.flatMap((cell) => cell.comments))].map((id) => comments.get(id)).filter((text): text is string => text !== undefined && text !== "");
  const edited = textHash(cellText(easyItems)) !== stored.falcHash;
  return {
    stored,
    verdict: opinion.verdict,
    remarks: [...opinion.remarks, ...commented],
    edited,
    ...(edited ? { editedRewrite: parseEditedCell(easyItems, stored.rewrite) } : {}),
  };
}

function readComments(xml: string | undefined, part: string, context: ReadContext): Map<string, string> {
  const map = new Map<string, string>();
  if (!xml) return map;
  const root = parseXml(xml, part, context).documentElement;
  for (const comment of root ? children(root).filter((node) => is(node, "comment")) : []) {
    const id = comment.getAttributeNS("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "id");
    const text = cellText(readCell(comment).items).replace(/\n/g, " ");
    if (id) map.set(id, text);
  }
  return map;
}

function firstLine(cell: CellContent): string {
  const first = cell.items.find((item) => item.kind === "paragraph" && item.text.trim() !== "");
  return first?.kind === "paragraph" ? first.text.trim() : "";
}

/** What the table says wins; what it leaves empty keeps what an earlier round recorded. */
function mergeValidation(read: ValidationRecord, earlier: ValidationRecord): ValidationRecord {
  return {
    reviewers: read.reviewers.length > 0 ? read.reviewers : earlier.reviewers,
    date: read.date ?? earlier.date,
    organisation: read.organisation ?? earlier.organisation,
  };
}

function notReview(path: string): FalcError {
  return new FalcError(ReviewErrorCode.notReview, `${path} n’est pas un document de relecture écrit par falc.`, {
    file: path,
    exitCode: ExitCode.usage,
    hint: "Donnez le fichier « <nom>.relecture.docx » que « falc convert » a écrit à côté du brouillon, rempli par les relecteurs.",
  });
}

function damaged(path: string, detail: string): FalcError {
  return new FalcError(ReviewErrorCode.damaged, `${path} : document de relecture abîmé, ${detail}.`, {
    file: path,
    exitCode: ExitCode.usage,
    hint: "Ouvrez-le dans Word ou LibreOffice pour vérifier le tableau, ou reprenez la copie gardée par falc (<nom>.relecture.<n>.docx).",
  });
}
