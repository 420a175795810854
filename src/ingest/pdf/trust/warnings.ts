import type { DocumentWarning } from "../../../model/types.js";
import { capitalise, pageList } from "../warnings.js";

export function unmappedPagesWarning(pages: number[]): DocumentWarning {
  const one = pages.length === 1;
  return {
    code: "pdf-unmapped-pages",
    message:
      `Le texte ${pageList(pages).replace(/^la /, "de la ").replace(/^les /, "des ")} est illisible (police sans correspondance de caractères) : ` +
      `${one ? "elle est ignorée" : "elles sont ignorées"}. Passez le PDF dans un logiciel de reconnaissance de caractères (OCR), par exemple OCRmyPDF avec l’option --force-ocr.`,
  };
}

export function imageTextWarning(pages: number[]): DocumentWarning {
  const one = pages.length === 1;
  return {
    code: "pdf-image-text",
    message:
      `${capitalise(pageList(pages))} ${one ? "semble être une image" : "semblent être des images"} de texte (scan) : ` +
      `${one ? "son" : "leur"} texte n’est pas lu ; passez le PDF dans un logiciel de reconnaissance de caractères (OCR).`,
  };
}
