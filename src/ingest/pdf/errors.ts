import { inputError, type FalcError } from "../../errors.js";
import { IngestErrorCode } from "../types.js";

export function encryptedPdf(path: string, cause?: unknown): FalcError {
  return inputError(
    IngestErrorCode.encrypted,
    path,
    `Le PDF ${path} est protégé par un mot de passe.`,
    "Enregistrez une copie sans mot de passe (dans votre lecteur PDF : Imprimer > Enregistrer au format PDF, ou retirez la protection dans les propriétés du document), puis relancez falc sur cette copie.",
    cause,
  );
}

export function corruptPdf(path: string, cause?: unknown): FalcError {
  return inputError(
    IngestErrorCode.corrupt,
    path,
    `Le PDF ${path} est endommagé ou incomplet : il ne peut pas être lu.`,
    "Vérifiez que le téléchargement ou la copie du fichier s’est bien terminé, ou exportez de nouveau le document en PDF depuis son logiciel d’origine.",
    cause,
  );
}

export function scannedPdf(path: string): FalcError {
  return inputError(
    IngestErrorCode.scannedPdf,
    path,
    `Le PDF ${path} ne contient pas de texte : c’est sans doute un document scanné.`,
    "Passez-le d’abord dans un logiciel de reconnaissance de caractères (OCR), par exemple celui de votre scanner ou OCRmyPDF, puis relancez falc sur le PDF obtenu. Vous pouvez aussi partir du document d’origine (Word, LibreOffice).",
  );
}

export function emptyPdf(path: string): FalcError {
  return inputError(
    IngestErrorCode.noText,
    path,
    `Le PDF ${path} ne contient aucune page.`,
    "Vérifiez que c’est le bon fichier, ou exportez de nouveau le document en PDF.",
  );
}
