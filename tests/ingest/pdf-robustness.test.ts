/**
 * Misreadings found on PDFs the reader was not tuned on (documents exported by LibreOffice and
 * Word), each rebuilt here with pdfkit at the positions those exporters use.
 */
import { describe, expect, it } from "vitest";
import { readPdf } from "../../src/ingest/pdf/index.js";
import { DEFAULT_LIMITS, type ReadResult } from "../../src/ingest/types.js";
import type { BlockInput } from "../../src/model/types.js";
import { renderPdf, type PdfKitDoc } from "../helpers/make-pdf.js";

const read = (bytes: Uint8Array) => readPdf(bytes, { path: "page.pdf", limits: DEFAULT_LIMITS });
const textOf = (block: { runs: { text: string }[] }) => block.runs.map((run) => run.text).join("");
const headings = (result: ReadResult) => result.blocks.flatMap((b) => (b.type === "heading" ? [textOf(b)] : []));
const texts = (result: ReadResult) => result.blocks.map(blockText);

function blockText(block: BlockInput): string {
  if (block.type === "list") return block.items.map((item) => textOf(item)).join(" / ");
  if (block.type === "table") return block.rows.map((row) => row.map((cell) => textOf(cell)).join(" | ")).join(" // ");
  return textOf(block);
}

const LEFT = 71;
const RIGHT = 524;

/**
 * A line drawn word by word, as LibreOffice exports it: each word placed on its own. `justify`
 * spreads the words over the whole width with equal gaps; otherwise they are a normal space apart.
 */
function words(doc: PdfKitDoc, y: number, text: string, options: { size: number; bold?: boolean; justify?: boolean; x?: number }): number[] {
  doc.font(options.bold ? "Helvetica-Bold" : "Helvetica").fontSize(options.size);
  const list = text.split(" ");
  const widths = list.map((word) => doc.widthOfString(word));
  const space = doc.widthOfString(" ");
  const x0 = options.x ?? LEFT;
  const gap = options.justify ? (RIGHT - x0 - widths.reduce((a, b) => a + b, 0)) / (list.length - 1) : space;
  let x = x0;
  const lefts: number[] = [];
  list.forEach((word, index) => {
    doc.text(word, x, y, { lineBreak: false });
    lefts.push(x);
    x += widths[index]! + gap;
  });
  return lefts;
}

function body(doc: PdfKitDoc, y: number, lines: string[], size = 11): void {
  doc.font("Helvetica").fontSize(size);
  lines.forEach((text, index) => doc.text(text, LEFT, y + index * 14.7, { lineBreak: false }));
}

describe("a justified heading of few long words", () => {
  // emjpm guide, p. 11, through LibreOffice: the first line's stretched word spaces (13 pt) and the
  // short second line leave a white strip under « relatives | aux », read as a gutter between two
  // wrapped labels: « C) Informations relatives protection (ONGLET N°4 : « / aux personnes… ».
  it("is read line by line, not as two columns", async () => {
    const bytes = await renderPdf(
      (doc) => {
        const lefts = words(doc, 50, "C) Informations relatives aux personnes sous mesures de", { size: 12, bold: true, justify: true });
        // The second line's words left of « Populations » end under « relatives » (« : « » has no
        // letter): the strip under the gap before « aux » is empty from top to bottom.
        const start = lefts[3]! - 16 - doc.widthOfString("protection (ONGLET N°4 : «");
        words(doc, 66, "protection (ONGLET N°4 : «", { size: 12, bold: true, x: start });
        words(doc, 66, "Populations »)", { size: 12, bold: true, x: lefts[3]! + 2 });
        body(doc, 110, [
          "Cette partie du questionnaire vise à obtenir des informations sur les personnes",
          "protégées : leur âge et leur sexe selon la nature de leur mesure, l’ancienneté de",
          "leur mesure, le type d’établissement dans lequel elles sont accueillies.",
        ]);
      },
      { size: "A4" },
    );
    const result = await read(bytes);
    expect(texts(result)[0]).toBe("C) Informations relatives aux personnes sous mesures de protection (ONGLET N°4 : « Populations »)");
    expect(texts(result)[1]).toMatch(/^Cette partie du questionnaire .* accueillies\.$/);
  });

  it("still lets two labels set side by side with a wide gap be read each whole", async () => {
    // The word spaces inside each label are ordinary; only the gap between them is wide.
    const bytes = await renderPdf(
      (doc) => {
        words(doc, 50, "N° d’immatriculation de la", { size: 10 });
        words(doc, 62, "sécurité sociale de l’enfant :", { size: 10 });
        words(doc, 50, "Adresse du domicile où", { size: 10, x: 330 });
        words(doc, 62, "vit l’enfant habituellement :", { size: 10, x: 330 });
      },
      { size: "A4" },
    );
    expect(texts(await read(bytes))).toEqual(["N° d’immatriculation de la sécurité sociale de l’enfant :", "Adresse du domicile où vit l’enfant habituellement :"]);
  });
});

describe("a superscript in a justified line", () => {
  // emjpm guide, p. 28: « le nombre de mesures au 1er janvier / 2019 ; », justified, leaves a 15 pt
  // gap after the raised « er »: the superscript made a line of its own above the label, which then
  // looked like a two-line label beside « janvier », and « janvier » was read after « 2019 ; ».
  it("keeps the word after it on its line", async () => {
    const bytes = await renderPdf(
      (doc) => {
        doc.font("Helvetica").fontSize(11);
        const y = 100;
        let x = 257;
        for (const word of ["le", "nombre", "de", "mesures", "au", "1"]) {
          doc.text(word, x, y, { lineBreak: false });
          x += doc.widthOfString(word) + (word === "1" ? 0 : 7.6);
        }
        doc.fontSize(6.4).text("er", x, y - 1, { lineBreak: false });
        x += doc.widthOfString("er") + 15.5;
        doc.fontSize(11).text("janvier", x, y, { lineBreak: false });
        doc.text("2019 ;", 257, y + 12.8, { lineBreak: false });
      },
      { size: "A4" },
    );
    expect(texts(await read(bytes))).toEqual(["le nombre de mesures au 1er janvier 2019 ;"]);
  });
});

describe("a justified line ended by a manual line break", () => {
  // evam letter, from Word through LibreOffice: « …par adulte est / financée            tous /
  // les 5 ans sauf… », the middle line spread by justification, was taken for a table row and cut
  // the paragraph in three.
  const PARAGRAPH = [
    "Par contre, nous vous informons qu’une seule paire de lunettes et par adulte est",
    "les 5 ans sauf modification significative de la vue. Quant aux enfants, les règles",
    "de l’assurance obligatoire des soins s’appliquent.",
  ];

  it("stays in its paragraph", async () => {
    const bytes = await renderPdf(
      (doc) => {
        doc.font("Helvetica").fontSize(9);
        const width = doc.widthOfString(PARAGRAPH[0]!);
        doc.text(PARAGRAPH[0]!, 100, 100, { lineBreak: false });
        doc.text("financée", 100, 110.5, { lineBreak: false });
        doc.font("Helvetica-Bold").text("tous", 100 + width / 2, 110.5, { lineBreak: false });
        doc.font("Helvetica").text(PARAGRAPH[1]!, 100, 121, { lineBreak: false });
        doc.text(PARAGRAPH[2]!, 100, 131.5, { lineBreak: false });
        doc.text("Nous vous rappelons que vous devez conserver la carte d’accès aux soins.", 100, 150, { lineBreak: false });
      },
      { size: "A4" },
    );
    expect(texts(await read(bytes))).toEqual([
      `${PARAGRAPH[0]} financée tous ${PARAGRAPH[1]} ${PARAGRAPH[2]}`,
      "Nous vous rappelons que vous devez conserver la carte d’accès aux soins.",
    ]);
  });

  it("still leaves a row of cells after a finished sentence apart", async () => {
    const bytes = await renderPdf(
      (doc) => {
        doc.font("Helvetica").fontSize(9);
        doc.text("Le prix de journée comprend l’hébergement et la restauration de la personne.", 100, 100, { lineBreak: false });
        doc.text("Hébergement", 100, 110.5, { lineBreak: false });
        doc.text("72,50 €", 300, 110.5, { lineBreak: false });
      },
      { size: "A4" },
    );
    const read1 = texts(await read(bytes));
    expect(read1[0]).toBe("Le prix de journée comprend l’hébergement et la restauration de la personne.");
    expect(read1.slice(1).join(" ")).not.toContain("personne.");
  });

  it("leaves a form's line of fields apart from the field above", async () => {
    // domifa CERFA: « Prénom(s) : _ _ _ … » runs to the margin without a full stop, like a wrapped line.
    const blanks = (count: number) => Array.from({ length: count }, () => "_").join(" ");
    const bytes = await renderPdf(
      (doc) => {
        doc.font("Helvetica").fontSize(11);
        doc.text(`Prénom(s) : ${blanks(45)}`, 57, 100, { lineBreak: false });
        doc.text(`Date de naissance : ${blanks(8)}`, 57, 114, { lineBreak: false });
        doc.text(`Lieu de naissance : ${blanks(6)}`, 330, 114, { lineBreak: false });
      },
      { size: "A4" },
    );
    const blocks = texts(await read(bytes));
    expect(blocks[0]).toBe(`Prénom(s) : ${blanks(45)}`);
    expect(blocks.slice(1).join(" ")).toMatch(/^Date de naissance : .*Lieu de naissance :/);
  });
});
