import { inputError, type FalcError } from "../../../errors.js";
import { IngestErrorCode } from "../../types.js";

export function unmappedTextPdf(path: string): FalcError {
  return inputError(
    IngestErrorCode.pdfUnmappedText,
    path,
    `Le texte du PDF ${path} est illisible (police sans correspondance de caractères) : il faut le reconnaître par OCR.`,
    "Passez le PDF dans un logiciel de reconnaissance de caractères qui remplace le texte existant, par exemple OCRmyPDF avec l’option --force-ocr (ocrmypdf --force-ocr entree.pdf sortie.pdf), puis relancez falc sur le PDF obtenu. Si vous avez le document d’origine (Word, LibreOffice), partez plutôt de celui-ci.",
  );
}

export function xfaFormPdf(path: string): FalcError {
  return inputError(
    IngestErrorCode.pdfXfaForm,
    path,
    `Le PDF ${path} est un formulaire dynamique XFA : son contenu ne s’affiche que dans Adobe Acrobat Reader ou Acrobat, et falc n’y trouve que le message d’attente « Please wait... ».`,
    "Ouvrez-le dans Adobe Acrobat Reader et imprimez-le en PDF (Imprimer > Microsoft Print to PDF, ou Enregistrer au format PDF), ou demandez à l’organisme qui l’a publié sa version Word ou PDF, puis relancez falc sur cette copie.",
  );
}
