import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { ingestFile } from "../../src/ingest/index.js";
import { readPageGraphics } from "../../src/ingest/pdf/graphics.js";
import { readPdf } from "../../src/ingest/pdf/index.js";
import { FontBook, readPageText, toPieces } from "../../src/ingest/pdf/items.js";
import { loadPdfjs, openPdf } from "../../src/ingest/pdf/pdfjs.js";
import { imageTextCheck, type PageForImages } from "../../src/ingest/pdf/trust/index.js";
import { imageTextPages, measureImageText } from "../../src/ingest/pdf/trust/images.js";
import { frenchWords } from "../../src/ingest/pdf/trust/lexicon.js";
import { judgePages } from "../../src/ingest/pdf/trust/unmapped.js";
import { isPlausibleWord, judgeText } from "../../src/ingest/pdf/trust/words.js";
import { isXfaPlaceholder } from "../../src/ingest/pdf/trust/xfa.js";
import { DEFAULT_LIMITS, IngestErrorCode, type ReadResult } from "../../src/ingest/types.js";
import { runCli } from "../helpers/cli.js";
import { renderPdf } from "../helpers/make-pdf.js";
import { rawPdf, textStream, type RawObject } from "../helpers/raw-pdf.js";
import { expectInputError, tempDir, thrown } from "../helpers/temp.js";

const tmp = tempDir();
const lexicon = frenchWords();

const read = (bytes: Uint8Array, path = "formulaire.pdf") => readPdf(bytes, { path, limits: DEFAULT_LIMITS });
const allText = (result: ReadResult) => JSON.stringify(result.blocks);

// ---- PDFs written by hand ----

const PARAGRAPH = [
  "Le present dossier permet de demander une place en etablissement.",
  "Remplissez toutes les pages et joignez les pieces demandees.",
  "Nom et prenom de la personne : ..........................................",
  "Date de naissance : ...... / ...... / ............",
  "Adresse du domicile actuel : ..........................................",
  "Personne a prevenir en cas d'urgence : ..................................",
];

const LAST_PAGE = [
  "Les pieces a joindre sont la carte d'identite et l'avis d'imposition.",
  "Envoyez le dossier complet par la poste, ou deposez-le a l'accueil.",
  "Vous recevrez une reponse dans un delai de deux mois.",
];

/**
 * What a subset font without ToUnicode gives: each character of the real text gets the next code
 * in order of first use, from `first` on, and the reader sees the characters of those codes.
 */
function soup(lines: string[], first: number): string[] {
  const codes = new Map<string, number>();
  return lines.map((line) =>
    [...line]
      .map((char) => {
        if (!codes.has(char)) codes.set(char, first + codes.size);
        return String.fromCharCode(codes.get(char)!);
      })
      .join(""),
  );
}

const MAPPED_FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
/** Glyph names that mean nothing: pdfjs falls back to the codes themselves. */
const UNMAPPED_FONT = `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /Differences [1 ${Array.from({ length: 60 }, (_, i) => `/glyph${i + 1}`).join(" ")}] >> >>`;

interface RawPage {
  font: "F1" | "F2";
  lines: string[];
}

/** A PDF whose pages draw their lines with F1 (mapped Helvetica) or F2 (no character mapping). */
function pagesPdf(pages: RawPage[], catalogExtra = "", extraObjects: RawObject[] = []): Uint8Array {
  const first = 5;
  const objects: RawObject[] = [
    `<< /Type /Catalog /Pages 2 0 R ${catalogExtra} >>`,
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${first + 2 * i} 0 R`).join(" ")}] /Count ${pages.length} >>`,
    MAPPED_FONT,
    UNMAPPED_FONT,
  ];
  pages.forEach((page, i) => {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${first + 2 * i + 1} 0 R >>`,
      { dictionary: "<< >>", stream: textStream(page.font, page.lines) },
    );
  });
  return rawPdf([...objects, ...extraObjects]);
}

/** The XFA entry of a LiveCycle form; objects are numbered after the pages. */
function xfaCatalog(pageCount: number): { catalog: string; objects: RawObject[] } {
  const id = 5 + 2 * pageCount;
  return {
    catalog: `/AcroForm << /Fields [] /XFA [(template) ${id} 0 R] >>`,
    objects: [{ dictionary: "<< >>", stream: '<template xmlns="http://www.xfa.org/schema/xfa-template/2.8/"><subform name="form1"/></template>' }],
  };
}

const PLACEHOLDER = [
  "Please wait...",
  "If this message is not eventually replaced by the proper contents of the document, your PDF",
  "viewer may not be able to display this type of document.",
  "You can upgrade to the latest version of Adobe Reader for Windows, Mac, or Linux by",
  "visiting http://www.adobe.com/go/reader_download.",
  "For more assistance with Adobe Reader visit http://www.adobe.com/go/acrreader.",
  "Windows is either a registered trademark or a trademark of Microsoft Corporation in the United States and/or other countries.",
  "Mac is a trademark of Apple Inc., registered in the United States and other countries. Linux is the registered trademark of",
  "Linus Torvalds in the U.S. and other countries.",
];

// ---- A PNG, for pdfkit to draw ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** A grey-scale PNG with dark stripes where lines of text would be. */
function stripedPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // grey
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width + 1)] = 0; // no filter
    for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = y % 4 === 1 ? 40 : 250;
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", new Uint8Array()),
  ]);
}

/** Each page's text pieces and drawings, as the reader sees them. */
async function pagesForImages(bytes: Uint8Array): Promise<PageForImages[]> {
  const pdfjs = await loadPdfjs();
  const { document, task } = await openPdf(pdfjs, bytes, "test.pdf");
  try {
    const fonts = new FontBook();
    const pages: PageForImages[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const text = await readPageText(page, fonts);
      pages.push({ page: number, lines: toPieces(text, fonts), graphics: await readPageGraphics(page, text.view) });
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

// ---- Tests ----

describe("judgeText", () => {
  it("counts the letters of words, known or plausible, and nothing else", () => {
    // Nom 3 + et 2 + prénom 6 + de 2 + l 1 + élève 5 = 19 letters; the blanks and « : » weigh nothing.
    const judgement = judgeText("Nom et prénom de l’élève : ______ ……………", lexicon);
    expect(judgement.garbage).toBe(0);
    expect(judgement.known + judgement.plausible).toBe(19);
  });

  it("weighs a token of symbol soup by its characters, a run of one symbol counting once", () => {
    // 32 characters, of which a repeated « $ » and three repeated « % » count once: 28.
    expect(judgeText("&'($)*$+,-.'($/)$01-023)$4$$%%%%", lexicon)).toEqual({ known: 0, plausible: 0, garbage: 28 });
  });

  it("takes forms, references, numbers, check boxes and links for what they are", () => {
    const lines = [
      "Nom(s) : _ _ _ _ _ _ _ _ Prénom(s) : _ _ _ _",
      "Date : ……/……/…… N° 16030*01 · Décret n° 2016-641 du 19 mai 2016",
      "Asthmatique-----------□ oui---□ non--- Baignade □oui ■ non",
      "Prix : 1 234,50 € (TTC) ; 12 % ; 12h30 ; 3°du code ; et/ou ; salarié·e·s ; le(s) préposé(s)",
      "http://www.adobe.com/go/reader_download. contact@mdph.fr « Les pesticides sont un poison. »",
    ];
    for (const line of lines) expect(judgeText(line, lexicon).garbage, line).toBe(0);
  });

  it("judges unknown words by their letters", () => {
    expect(isPlausibleWord("Torvalds")).toBe(true);
    expect(isPlausibleWord("MDPH")).toBe(true);
    expect(isPlausibleWord("PowerPoint")).toBe(true);
    expect(isPlausibleWord("xzqwrtp")).toBe(false);
    expect(isPlausibleWord("aBcDeFgH")).toBe(false);
  });
});

describe("judgePages", () => {
  const page = (page: number, ...lines: string[]) => ({ page, lines: lines.map((text) => ({ text })) });
  const french = "Le présent dossier permet de demander une place en établissement pour une personne âgée.";
  const garbage = soup([french], 33)[0]!;

  it("leaves out the pages of soup when the rest reads fine", () => {
    const verdict = judgePages([page(1, french, french), page(2, garbage), page(3, french, french)], lexicon);
    expect(verdict.unreadable).toBe(false);
    expect(verdict.pages).toEqual([2]);
  });

  it("judges the whole document unreadable when soup is most of it", () => {
    const verdict = judgePages([page(1, garbage, garbage), page(2, "Identification", garbage)], lexicon);
    expect(verdict.unreadable).toBe(true);
  });

  it("does not judge a page on a stray symbol", () => {
    expect(judgePages([page(1, "!\"#$ %&'("), page(2, french)], lexicon).pages).toEqual([]);
  });

  it("reads the cells of the tables a page's flow carries", () => {
    const table = { kind: "table" as const, table: { rows: [[{ pieces: [{ text: garbage }] }, { pieces: [{ text: garbage }] }]] } };
    const verdict = judgePages([{ page: 1, lines: [{ text: "Identification" }], flow: [{ text: "Identification" }, table] }], lexicon);
    expect(verdict.unreadable).toBe(true);
  });
});

describe("PDFs whose fonts have no character mapping", () => {
  it("refuses a PDF whose whole text is symbol soup (codes from 33: « !\"#$% »)", async () => {
    const bytes = pagesPdf([{ font: "F1", lines: soup(PARAGRAPH, 33) }, { font: "F1", lines: soup(PARAGRAPH.slice(2), 33) }]);
    await expectInputError(read(bytes, "gevasco.pdf"), IngestErrorCode.pdfUnmappedText, "gevasco.pdf");
    const error = await thrown(() => read(bytes, "gevasco.pdf"));
    expect(error.message).toBe(
      "Le texte du PDF gevasco.pdf est illisible (police sans correspondance de caractères) : il faut le reconnaître par OCR.",
    );
    expect(error.hint).toContain("--force-ocr");
    expect(error.hint).toContain("Word, LibreOffice");
    expect(error.exitCode).toBe(2);
  });

  it("refuses a font whose glyph names mean nothing (pdfjs reads control characters)", async () => {
    const bytes = pagesPdf([{ font: "F2", lines: soup(PARAGRAPH, 1) }]);
    await expectInputError(read(bytes), IngestErrorCode.pdfUnmappedText, "formulaire.pdf");
  });

  it("leaves out a page of soup between readable pages, and says so", async () => {
    const bytes = pagesPdf([
      { font: "F1", lines: PARAGRAPH },
      { font: "F1", lines: soup(PARAGRAPH.slice(0, 2), 33) },
      { font: "F1", lines: LAST_PAGE },
    ]);
    const result = await read(bytes);
    expect(result.warnings).toContainEqual({
      code: "pdf-unmapped-pages",
      message:
        "Le texte de la page 2 est illisible (police sans correspondance de caractères) : elle est ignorée. Passez le PDF dans un logiciel de reconnaissance de caractères (OCR), par exemple OCRmyPDF avec l’option --force-ocr.",
    });
    const text = allText(result);
    expect(text).toContain("Le present dossier permet");
    expect(text).toContain("Envoyez le dossier complet");
    expect(text).not.toContain(JSON.stringify(soup(PARAGRAPH, 33)[0]!.slice(0, 12)).slice(1, -1));
  });

  it("falc extract shows the warning in Markdown, in JSON and on stderr", async () => {
    const path = tmp.write(
      "mixte.pdf",
      pagesPdf([
        { font: "F1", lines: PARAGRAPH },
        { font: "F1", lines: soup(PARAGRAPH.slice(0, 2), 33) },
        { font: "F1", lines: LAST_PAGE },
      ]),
    );
    const md = await runCli("extract", path);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("> ⚠ Le texte de la page 2 est illisible");
    expect(md.stderr).toContain("Attention : Le texte de la page 2 est illisible");
    const json = await runCli("extract", path, "--format", "json");
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).warnings.map((w: { code: string }) => w.code)).toContain("pdf-unmapped-pages");
    expect(json.stderr).toContain("Attention : Le texte de la page 2 est illisible");
  });
});

describe("XFA forms", () => {
  it("refuses a form that only shows Adobe's placeholder", async () => {
    const xfa = xfaCatalog(1);
    const bytes = pagesPdf([{ font: "F1", lines: PLACEHOLDER }], xfa.catalog, xfa.objects);
    await expectInputError(read(bytes, "dossier.pdf"), IngestErrorCode.pdfXfaForm, "dossier.pdf");
    const error = await thrown(() => read(bytes, "dossier.pdf"));
    expect(error.message).toContain("Le PDF dossier.pdf est un formulaire dynamique XFA");
    expect(error.hint).toContain("Adobe Acrobat Reader");
    expect(error.hint).toContain("Microsoft Print to PDF");
  });

  it("refuses the placeholder even when the XFA entry is gone", async () => {
    await expectInputError(read(pagesPdf([{ font: "F1", lines: PLACEHOLDER }])), IngestErrorCode.pdfXfaForm, "formulaire.pdf");
  });

  it("reads an XFA form that also has real static pages", async () => {
    const xfa = xfaCatalog(2);
    const bytes = pagesPdf([{ font: "F1", lines: PARAGRAPH }, { font: "F1", lines: LAST_PAGE }], xfa.catalog, xfa.objects);
    const result = await read(bytes);
    expect(allText(result)).toContain("Le present dossier permet");
    expect(result.warnings?.map((w) => w.code) ?? []).not.toContain("pdf-xfa-form");
  });

  it("takes an XFA form with almost no text as the placeholder, whatever its language", () => {
    const page = { page: 1, lines: [{ text: "Chargement…" }] };
    expect(isXfaPlaceholder([page], true)).toBe(true);
    expect(isXfaPlaceholder([page], false)).toBe(false);
  });
});

describe("pages that are images of text", () => {
  const graphics = (images: { left: number; top: number; right: number; bottom: number }[]) => ({ images, width: 100, height: 100 });
  // Two 60×60 images overlapping on 30×30: 3,600 + 3,600 − 900 = 6,300 of the page's 10,000.
  const overlapping = graphics([
    { left: 0, top: 0, right: 60, bottom: 60 },
    { left: 30, top: 30, right: 90, bottom: 90 },
  ]);
  const line = (text: string) => ({ text, x: 40, right: 50, y: 48, size: 6 });

  it("measures the area under images once where they overlap", () => {
    expect(measureImageText({ page: 1, lines: [], graphics: overlapping })).toEqual({ coverage: 0.63, imageArea: 6300, lettersOver: 0 });
  });

  it("allows one letter over the image per 2,000 pt² of it: 3 letters over 6,300 pt², not 4", () => {
    expect(imageTextPages([{ page: 1, lines: [line("abc")], graphics: overlapping }])).toEqual([1]);
    expect(imageTextPages([{ page: 1, lines: [line("abcd")], graphics: overlapping }])).toEqual([]);
  });

  it("ignores images covering less than half the page", () => {
    expect(imageTextPages([{ page: 1, lines: [], graphics: graphics([{ left: 0, top: 0, right: 70, bottom: 70 }]) }])).toEqual([]);
  });

  it("finds the scanned pages of a pdfkit PDF, not the text page nor the OCR'd one", async () => {
    const png = stripedPng(60, 80);
    const bytes = await renderPdf((doc) => {
      doc.font("Helvetica").fontSize(11).text(PARAGRAPH.slice(0, 2).join(" "));
      doc.addPage();
      doc.font("Helvetica").fontSize(9).text("Annexe 1", 50, 30, { lineBreak: false });
      doc.image(png, 40, 50, { width: 340 });
      doc.addPage();
      doc.image(png, 40, 50, { width: 340 });
      doc.addPage();
      // What OCR software produces: the image, and the text it read laid over it.
      doc.image(png, 40, 50, { width: 340 });
      doc.font("Helvetica").fontSize(11).text([...PARAGRAPH, ...PARAGRAPH, ...PARAGRAPH].join(" "), 50, 60, { width: 320 });
    });
    const pages = await pagesForImages(bytes);
    // A5 is 420×595; the image, 340 wide and 340 × 80 / 60 ≈ 453 high, covers 62 % of it.
    expect(measureImageText(pages[1]!).coverage).toBeCloseTo((340 * (340 * 80) / 60) / (419.53 * 595.28), 2);
    const check = imageTextCheck(pages);
    expect(check.pages).toEqual([2, 3]);
    expect(check.warnings).toEqual([
      {
        code: "pdf-image-text",
        message:
          "Les pages 2 et 3 semblent être des images de texte (scan) : leur texte n’est pas lu ; passez le PDF dans un logiciel de reconnaissance de caractères (OCR).",
      },
    ]);
  });

  it("says « la page » for one page", () => {
    expect(imageTextCheck([{ page: 4, lines: [], graphics: graphics([{ left: 0, top: 0, right: 100, bottom: 100 }]) }]).warnings[0]?.message).toMatch(
      /^La page 4 semble être une image de texte \(scan\) : son texte n’est pas lu ;/,
    );
  });
});

const REAL = "/work/shared/corpus/real-docs";
const FIXTURES = join(import.meta.dirname, "../../fixtures");
const TRUST_CODES = ["pdf-unmapped-pages", "pdf-image-text", IngestErrorCode.pdfUnmappedText, IngestErrorCode.pdfXfaForm];

describe.skipIf(!existsSync(REAL))("the real documents", () => {
  it("refuses the GEVA-Sco form, whose fonts have no character mapping", async () => {
    const path = join(REAL, "mdph-gevasco-1re-demande.pdf");
    await expectInputError(ingestFile(path), IngestErrorCode.pdfUnmappedText, path);
  });

  it("refuses the EHPAD admission file, an XFA form", async () => {
    const path = join(REAL, "ehpad-dossier-admission-unique.pdf");
    await expectInputError(ingestFile(path), IngestErrorCode.pdfXfaForm, path);
  });

  const others = existsSync(REAL)
    ? readdirSync(REAL).filter((name) => !/gevasco|ehpad-dossier/.test(name)).sort()
    : [];

  it.each(others)("reads %s without a trust warning", async (name) => {
    const document = await ingestFile(join(REAL, name));
    expect(document.warnings.map((w) => w.code).filter((code) => TRUST_CODES.includes(code))).toEqual([]);
  }, 60_000);

  it.each(others.filter((name) => name.endsWith(".pdf")))("finds no image of text in %s", async (name) => {
    const { readFile } = await import("node:fs/promises");
    expect(imageTextPages(await pagesForImages(await readFile(join(REAL, name))))).toEqual([]);
  }, 60_000);
});

describe("the project's fixtures", () => {
  const pdfs = readdirSync(FIXTURES).filter((name) => name.endsWith(".pdf"));

  beforeAll(() => expect(pdfs.length).toBeGreaterThan(0));

  it.each(pdfs)("%s reads without a trust warning, and has no image of text", async (name) => {
    const path = join(FIXTURES, name);
    const document = await ingestFile(path);
    expect(document.warnings.map((w) => w.code).filter((code) => TRUST_CODES.includes(code))).toEqual([]);
    const { readFile } = await import("node:fs/promises");
    expect(imageTextPages(await pagesForImages(await readFile(path)))).toEqual([]);
  });
});
