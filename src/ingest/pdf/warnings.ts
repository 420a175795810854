import type { DocumentWarning } from "../../model/types.js";

const NUMBER = new Intl.NumberFormat("fr-FR");
const LISTED_PAGES = 10;

/** « la page 3 », « les pages 2, 5 et 7 », at most ten numbers. */
export function pageList(pages: number[]): string {
  if (pages.length === 1) return `la page ${pages[0]}`;
  const shown = pages.slice(0, LISTED_PAGES).map(String);
  if (pages.length > LISTED_PAGES) return `les pages ${shown.join(", ")}… (${pages.length} pages en tout)`;
  const last = shown.pop();
  return `les pages ${shown.join(", ")} et ${last}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function truncatedWarning(total: number, read: number): DocumentWarning {
  return {
    code: "pdf-truncated",
    message: `Le PDF compte ${NUMBER.format(total)} pages : seules les ${NUMBER.format(read)} premières ont été lues (limite de pages fixée pour les PDF).`,
  };
}

export function pagesWithoutTextWarning(pages: number[]): DocumentWarning {
  const verb = pages.length === 1 ? "ne contient pas" : "ne contiennent pas";
  return {
    code: "pdf-pages-without-text",
    message: `${capitalise(pageList(pages))} ${verb} de texte : ce sont peut-être des pages scannées ou des images. Leur contenu n’est pas analysé ; passez-les dans un logiciel de reconnaissance de caractères (OCR) si elles contiennent du texte.`,
  };
}

export function unreadablePagesWarning(pages: number[]): DocumentWarning {
  const verb = pages.length === 1 ? "n’a pas pu être lue : elle est ignorée" : "n’ont pas pu être lues : elles sont ignorées";
  return { code: "pdf-pages-unreadable", message: `${capitalise(pageList(pages))} du PDF ${verb}.` };
}
