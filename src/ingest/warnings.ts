import type { DocumentWarning } from "../model/types.js";

/** Document warnings shared by the DOCX and ODT readers, in French. */

export function plural(n: number, one: string, many: string): string {
  return `${n}\u00a0${n > 1 ? many : one}`;
}

export function notesWarning(paragraphs: number): DocumentWarning {
  return {
    code: "notes-moved",
    message:
      `Le document contient des notes de bas de page ou de fin de document (${plural(paragraphs, "paragraphe", "paragraphes")})\u00a0: ` +
      "leur texte est placé à la fin. En FALC, mieux vaut expliquer directement dans le texte.",
  };
}

export function imagesWarning(images: number): DocumentWarning {
  return {
    code: "images-skipped",
    message: `${plural(images, "image", "images")} ${images > 1 ? "ne sont" : "n’est"} pas ${images > 1 ? "analysées" : "analysée"}\u00a0: falc ne lit que le texte. Vérifiez vous-même qu’elles aident à comprendre.`,
  };
}

export function trackedChangesWarning(): DocumentWarning {
  return {
    code: "tracked-changes",
    message: "Le document contient des modifications suivies\u00a0: falc le lit comme si elles étaient toutes acceptées.",
  };
}
export function stylesWarning(part: string): DocumentWarning {
  return {
    code: "styles-unreadable",
    message: `Les styles du document (${part}) sont illisibles\u00a0: la mise en forme lue (polices, tailles, alignements) est incomplète.`,
  };
}
