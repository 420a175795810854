/**
 * The Title of a PDF's info dictionary is often left to the software that made it: a file name
 * (« Microsoft Word - contrat 2024.docx »), a template's placeholder (« Document1 », « Untitled »).
 * Those say nothing about the document and must not replace its first heading.
 */

const SOFTWARE_PREFIX = /^(?:microsoft\s+(?:word|powerpoint|excel)|word|libreoffice|openoffice)\s*[-–—:]\s*/i;
const FILE_NAME = /\.(?:docx?|odt|pdf|rtf|txt|pages|indd|pptx?|xlsx?)$/i;
/** « contrat_sejour_v3 »: one token with underscores is a file name, not a title. */
const FILE_STEM = /^\S*_\S*$/;
const PLACEHOLDER = /^(?:untitled|sans titre|sans nom|document\s*\d*|doc\d+|titre|title|new document|nouveau document|diapositive\s*\d*|présentation\s*\d*)$/i;

export function meaningfulTitle(raw: unknown): string | undefined {
  if (typeof raw !== "string") return undefined;
  const title = raw.replace(/\s+/g, " ").trim();
  if (SOFTWARE_PREFIX.test(title) || FILE_NAME.test(title) || PLACEHOLDER.test(title) || FILE_STEM.test(title)) return undefined;
  // Fewer than three letters: initials, a code, an id.
  if ((title.match(/\p{L}/gu)?.length ?? 0) < 3) return undefined;
  return title;
}
