import type { Finding, SourcePosition } from "../rules/finding.js";

/**
 * Where a finding is, said for a person who has the file open: `contrat.md:9:12` (what editors and
 * terminals open at the right line), `contrat.docx § Article 4 › 4.1, paragraphe 3`, `guide.pdf p. 12`.
 */
export function describeWhere(path: string, finding: Pick<Finding, "line" | "column" | "source">): string {
  const source = finding.source;
  if (!source) return `${path} (${finding.line}:${finding.column} du texte lu)`;
  if ("column" in source) return `${path}:${source.line}:${source.column}`;
  if ("page" in source) return source.line === undefined ? `${path} p. ${source.page}` : `${path} p. ${source.page}, ligne ${source.line}`;
  return `${path}${paragraphPlace(source)}`;
}

/** « § Article 4 › 4.1, paragraphe 3 », « , note 2 », « , paragraphe 1 » (before any heading). */
function paragraphPlace(source: Extract<SourcePosition, { paragraph: number }>): string {
  if (source.note) return `, notes, paragraphe ${source.paragraph}`;
  const path = source.headings.map(headingLabel).join(" › ");
  if (path === "") return `, paragraphe ${source.paragraph}`;
  return source.paragraph === 0 ? ` § ${path} (titre)` : ` § ${path}, paragraphe ${source.paragraph}`;
}

const NUMBERED = /^((?:article|chapitre|titre|section|partie|annexe)\s+(?:\d+(?:\.\d+)*|[IVXLC]+|premier|première|unique)|\d+(?:\.\d+)*\.?)(?=[\s.:–—-]|$)/i;
const MAX_LABEL = 40;

/** A heading as a person looks for it: its number when it has one (« Article 4 », « 4.1 »), else its words, shortened. */
export function headingLabel(heading: string): string {
  const numbered = NUMBERED.exec(heading);
  if (numbered) return numbered[1]!.replace(/\.$/, "");
  return heading.length <= MAX_LABEL ? heading : `${heading.slice(0, MAX_LABEL - 1).trimEnd()}…`;
}
