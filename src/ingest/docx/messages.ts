import type { DocumentWarning } from "../../model/types.js";
import { inputError } from "../../errors.js";
import { IngestErrorCode, type ReadContext } from "../types.js";
import { corrupt } from "../zip.js";
import { plural } from "../warnings.js";

/** French wording for what mammoth reports, and for what the DOCX reader notices itself. */

interface MammothMessage {
  type: "warning" | "error";
  message: string;
}

/**
 * mammoth's warnings worth showing. Unknown styles, unknown elements, image formats and break
 * types say nothing useful about the text and are dropped.
 */
export function mammothWarnings(messages: MammothMessage[]): DocumentWarning[] {
  const warnings: DocumentWarning[] = [];
  const symbols = messages.filter((m) => m.message.startsWith("A w:sym element with an unsupported character")).length;
  if (symbols > 0) {
    warnings.push({
      code: "docx-symbols-skipped",
      message: `${plural(symbols, "symbole", "symboles")} (polices Symbol, Wingdings…) ${symbols > 1 ? "n’ont" : "n’a"} pas pu être ${symbols > 1 ? "lus" : "lu"} et ${symbols > 1 ? "sont ignorés" : "est ignoré"}.`,
    });
  }
  const errors = messages.filter((m) => m.type === "error");
  if (errors.length > 0) {
    warnings.push({
      code: "docx-partial-read",
      message: `Une partie du document n’a pas pu être lue (détail technique\u00a0: ${errors[0]!.message.slice(0, 200)}).`,
    });
  }
  return warnings;
}

export function layoutWarning(failures: number): DocumentWarning {
  return {
    code: "docx-layout-partial",
    message:
      `La mise en forme (police, taille, alignement, interligne) de ${plural(failures, "paragraphe", "paragraphes")} n’a pas pu être lue\u00a0: ` +
      "les règles de mise en page ne les vérifient pas.",
  };
}

/**
 * An archive without a main document part: an incomplete Word package when it has the package
 * files ([Content_Types].xml, _rels/.rels), otherwise some other ZIP with a .docx name.
 */
export function missingMainPart(context: ReadContext, kind: "word-package" | "odt" | "zip") {
  if (kind === "word-package") {
    return corrupt(context, "la partie principale du document («\u00a0word/document.xml\u00a0») est absente du paquet");
  }
  return inputError(
    IngestErrorCode.formatMismatch,
    context.path,
    `Le fichier ${context.path} est une archive ZIP, mais pas un document Word\u00a0: il ne contient pas de partie «\u00a0word/document.xml\u00a0».`,
    kind === "odt"
      ? "C’est un document LibreOffice\u00a0: renommez-le avec l’extension .odt."
      : "Vérifiez que c’est le bon fichier, ou ouvrez-le dans Word ou LibreOffice et enregistrez-le au format .docx.",
  );
}

/** mammoth throws plain errors; the ones a bad file causes become French input errors. */
export function mammothError(context: ReadContext, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes("Could not find main document part")) return missingMainPart(context, "word-package");
  if (message.includes("Can't find end of central directory")) {
    return corrupt(context, "ce n’est pas une archive ZIP valide", error);
  }
  return corrupt(context, `sa lecture a échoué (${message.split("\n")[0]!.slice(0, 160)})`, error);
}
