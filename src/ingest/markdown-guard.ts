import { inputError } from "../errors.js";
import { IngestErrorCode, type ReadContext } from "./types.js";

/**
 * The Markdown parser (micromark) is far from linear on some pathological inputs: it re-checks
 * every open container on every line (a list nested 1 000 levels deep takes 25 s) and pairs
 * emphasis delimiters in quadratic time (100 000 of them take minutes). Both are synchronous, so
 * no timer can stop them: such input is refused before parsing. The limits are far above any
 * real document.
 */

/** Columns of container markers (indentation, `>`, list bullets) before a line's text. */
export const MAX_MARKDOWN_PREFIX = 256;
/** Runs of `*` or `_` in one paragraph (text between blank lines). */
export const MAX_EMPHASIS_RUNS = 5_000;

const CONTAINER_PREFIX = /^(?:[ \t>]|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/;
const DELIMITER_RUN = /\*+|_+/g;
const BLANK = /^[ \t]*$/;

export function checkMarkdownComplexity(text: string, context: ReadContext): void {
  let runs = 0;
  for (const line of text.split("\n")) {
    if (BLANK.test(line)) {
      runs = 0;
      continue;
    }
    const prefix = CONTAINER_PREFIX.exec(line)![0];
    if (prefix.length > MAX_MARKDOWN_PREFIX) {
      throw tooComplex(context, `des listes ou des citations imbriquées sur plus de ${MAX_MARKDOWN_PREFIX} colonnes`);
    }
    runs += countRuns(line);
    if (runs > MAX_EMPHASIS_RUNS) {
      throw tooComplex(context, `un paragraphe avec plus de ${french(MAX_EMPHASIS_RUNS)} marques d’emphase («\u00a0*\u00a0» ou «\u00a0_\u00a0»)`);
    }
  }
}

function french(n: number): string {
  return n.toLocaleString("fr-FR");
}

function countRuns(line: string): number {
  // Fast path: most lines have no delimiter at all.
  if (!line.includes("*") && !line.includes("_")) return 0;
  let count = 0;
  DELIMITER_RUN.lastIndex = 0;
  while (DELIMITER_RUN.exec(line)) count++;
  return count;
}

function tooComplex(context: ReadContext, what: string) {
  return inputError(
    IngestErrorCode.tooComplex,
    context.path,
    `Le fichier ${context.path} est refusé\u00a0: il contient ${what}. Aucun document réel n’en a autant.`,
    "Vérifiez que c’est le bon fichier, ou simplifiez sa mise en forme.",
  );
}
