/**
 * The traps of real page layouts, each in a PDF drawn here with pdfkit at known positions: two
 * columns, a framed sidebar, a wrapped line that starts with a few large bold words, bold numbered
 * items with no text between them, a table of contents with dotted leaders, a cover date.
 */
import { describe, expect, it } from "vitest";
import { readPdf } from "../../src/ingest/pdf/index.js";
import { DEFAULT_LIMITS, type ReadResult } from "../../src/ingest/types.js";
import { buildDocument } from "../../src/model/build.js";
import type { BlockInput, ListInput } from "../../src/model/types.js";
import { renderPdf, type PdfKitDoc } from "../helpers/make-pdf.js";

const read = (bytes: Uint8Array) => readPdf(bytes, { path: "page.pdf", limits: DEFAULT_LIMITS });
const textOf = (block: { runs: { text: string }[] }) => block.runs.map((run) => run.text).join("");
const texts = (result: ReadResult) => result.blocks.map(blockText);
const headings = (result: ReadResult) => result.blocks.flatMap((b) => (b.type === "heading" ? [textOf(b)] : []));

function blockText(block: BlockInput): string {
  if (block.type === "list") return block.items.map((item) => textOf(item)).join(" / ");
  if (block.type === "table") return block.rows.map((row) => row.map((cell) => textOf(cell)).join(" | ")).join(" // ");
  return textOf(block);
}

interface Styled {
  text: string;
  size?: number;
  bold?: boolean;
}

/** One line at an exact place, made of pieces of different fonts set one after the other. */
function line(doc: PdfKitDoc, x: number, y: number, pieces: Styled[]): void {
  let left = x;
  for (const piece of pieces) {
    doc.font(piece.bold ? "Helvetica-Bold" : "Helvetica").fontSize(piece.size ?? 10);
    doc.text(piece.text, left, y, { lineBreak: false });
    left += doc.widthOfString(piece.text);
  }
}

function lines(doc: PdfKitDoc, x: number, y: number, texts: string[], size = 10, gap = 12): void {
  texts.forEach((text, index) => line(doc, x, y + index * gap, [{ text, size }]));
}

// Two columns of 40 % of an A4 page; the text of the first paragraph goes on at the top of the right column.
const LEFT_COLUMN = [
  "Le conseil de la vie sociale se réunit trois fois",
  "par an dans la salle commune de la résidence.",
  "Il donne son avis sur le fonctionnement et sur",
  "les projets de travaux, les animations et les",
];
const RIGHT_COLUMN = [
  "sorties prévues pour toute l’année à venir.",
  "",
  "Les comptes rendus sont affichés dans le hall",
  "et envoyés aux familles qui les demandent.",
];

describe("reading order of a page set in two columns", () => {
  it("reads the left column, then the right one, and joins the paragraph that crosses the gutter", async () => {
    const bytes = await renderPdf(
      (doc) => {
        line(doc, 50, 50, [{ text: "La vie sociale de la résidence", size: 20, bold: true }]);
        lines(doc, 50, 100, LEFT_COLUMN);
        lines(doc, 300, 100, RIGHT_COLUMN.slice(0, 1));
        lines(doc, 300, 124, RIGHT_COLUMN.slice(2));
      },
      { size: "A4" },
    );
    const result = await read(bytes);
    expect(texts(result)).toEqual([
      "La vie sociale de la résidence",
      "Le conseil de la vie sociale se réunit trois fois par an dans la salle commune de la résidence. Il donne son avis sur le fonctionnement et sur les projets de travaux, les animations et les sorties prévues pour toute l’année à venir.",
      "Les comptes rendus sont affichés dans le hall et envoyés aux familles qui les demandent.",
    ]);
  });

  it("reads a framed sidebar after the text it sits beside, and before the heading below both", async () => {
    const bytes = await renderPdf(
      (doc) => {
        lines(doc, 50, 60, [
          "Ce certificat médical est à remettre à votre patient,",
          "pour qu’il le joigne, sous pli confidentiel, à son dossier.",
          "Nous vous recommandons d’en garder une copie.",
        ]);
        doc.rect(380, 50, 170, 60).stroke();
        lines(doc, 390, 60, ["« Constitue un handicap toute", "limitation d’activité subie dans", "son environnement. »"], 9, 11);
        line(doc, 50, 150, [{ text: "À l’attention du patient", size: 18, bold: true }]);
        lines(doc, 50, 180, ["Merci d’aider votre médecin en remplissant ce qui suit."]);
      },
      { size: "A4" },
    );
    const result = await read(bytes);
    expect(texts(result)).toEqual([
      "Ce certificat médical est à remettre à votre patient, pour qu’il le joigne, sous pli confidentiel, à son dossier. Nous vous recommandons d’en garder une copie.",
      "« Constitue un handicap toute limitation d’activité subie dans son environnement. »",
      "À l’attention du patient",
      "Merci d’aider votre médecin en remplissant ce qui suit.",
    ]);
    expect(headings(result)).toEqual(["À l’attention du patient"]);
  });
});

describe("forms set in boxes", () => {
  it("keeps a small legend beside a title out of the title", async () => {
    const bytes = await renderPdf(
      (doc) => {
        line(doc, 40, 50, [{ text: "1. Pathologie motivant la demande", size: 18 }]);
        line(doc, 430, 48, [{ text: "Questions", size: 8 }]);
        line(doc, 430, 56, [{ text: "obligatoires", size: 8 }]);
        lines(doc, 40, 100, ["Décrivez la pathologie qui motive la demande, avec sa date de début."]);
      },
      { size: "A4" },
    );
    const result = await read(bytes);
    expect(headings(result)).toEqual(["1. Pathologie motivant la demande"]);
    expect(texts(result)).toContain("Questions obligatoires");
  });

  it("reads the two sides of a drawn vertical line one after the other, even with short labels", async () => {
    const bytes = await renderPdf(
      (doc) => {
        lines(doc, 40, 60, ["Origine de la maladie :", "Congénitale", "Accident de la vie", "Maladie professionnelle"], 10, 16);
        doc.moveTo(280, 50).lineTo(280, 130).stroke();
        lines(doc, 300, 54, ["Antécédents médicaux en", "rapport avec le handicap :"], 10, 12);
      },
      { size: "A4" },
    );
    const result = await read(bytes);
    const text = texts(result).join(" / ");
    expect(text).toContain("Antécédents médicaux en rapport avec le handicap :");
    expect(text.indexOf("Maladie professionnelle")).toBeLessThan(text.indexOf("Antécédents médicaux"));
  });
});

describe("labels wrapped on two lines", () => {
  it("reads two labels set side by side whole, one after the other", async () => {
    const bytes = await renderPdf(
      (doc) => {
        lines(doc, 40, 60, ["N° d’immatriculation", "sécurité sociale :"], 10, 12);
        lines(doc, 300, 60, ["N° de dossier", "auprès de la MDPH :"], 10, 12);
      },
      { size: "A4" },
    );
    expect(texts(await read(bytes))).toEqual(["N° d’immatriculation sécurité sociale :", "N° de dossier auprès de la MDPH :"]);
  });

  it("joins the two lines of a right-aligned label", async () => {
    const bytes = await renderPdf(
      (doc) => {
        const rightAligned = (text: string, y: number) => line(doc, 200 - doc.font("Helvetica").fontSize(12).widthOfString(text), y, [{ text, size: 12 }]);
        rightAligned("N° d’immatriculation", 60);
        rightAligned("sécurité sociale :", 75);
        lines(doc, 40, 110, ["Écrivez les 13 chiffres du numéro et sa clé, tels qu’ils sont sur la carte Vitale."], 12);
      },
      { size: "A4" },
    );
    expect(texts(await read(bytes))[0]).toBe("N° d’immatriculation sécurité sociale :");
  });

  it("does not part a line from its own end wrapped back under its start", async () => {
    const bytes = await renderPdf(
      (doc) => {
        line(doc, 50, 60, [{ text: "ANNEXE 5", bold: true }]);
        line(doc, 130, 60, [{ text: "- Modèle du questionnaire mentionné à l’article R. 412-11 du code du", bold: true }]);
        line(doc, 50, 72, [{ text: "tourisme", bold: true }]);
        lines(doc, 50, 100, [
          "Ce questionnaire est rempli par la famille avant le départ en séjour. Il aide",
          "l’équipe à connaître les habitudes du vacancier et à préparer son accueil dans",
          "les meilleures conditions.",
        ]);
      },
      { size: "A4" },
    );
    expect(texts(await read(bytes))[0]).toBe("ANNEXE 5 - Modèle du questionnaire mentionné à l’article R. 412-11 du code du tourisme");
  });
});

describe("superscripts", () => {
  it("keeps « 1er » and « 2ème » in their sentence when the superscript is the highest text on the line", async () => {
    const bytes = await renderPdf(
      (doc) => {
        line(doc, 50, 50, [{ text: "Article 6", size: 12, bold: true }]);
        // pdfkit places text by its top: drawn 2.5 pt lower, the 6 pt superscript is raised 4.7 pt above the
        // 9 pt baseline, as in the crèche rules (more than the same-baseline tolerance, less than the line height).
        line(doc, 50, 80, [{ text: "Le lait infantile (1", size: 9 }]);
        const after1 = 50 + doc.font("Helvetica").fontSize(9).widthOfString("Le lait infantile (1");
        line(doc, after1, 77.5, [{ text: "er", size: 6 }]);
        const afterEr = after1 + doc.fontSize(6).widthOfString("er ");
        line(doc, afterEr, 80, [{ text: "ou 2", size: 9 }]);
        const after2 = afterEr + doc.fontSize(9).widthOfString("ou 2");
        line(doc, after2, 77.5, [{ text: "ème", size: 6 }]);
        const afterEme = after2 + doc.fontSize(6).widthOfString("ème ");
        line(doc, afterEme, 80, [{ text: "âge) est fourni par la crèche.", size: 9 }]);
      },
      { size: "A4" },
    );
    const result = await read(bytes);
    expect(texts(result)).toEqual(["Article 6", "Le lait infantile (1er ou 2ème âge) est fourni par la crèche."]);
  });
});

describe("lines broken on purpose", () => {
  it("keeps each entry of an unbulleted list apart, and joins a wrapped sentence", async () => {
    const bytes = await renderPdf(
      (doc) => {
        lines(doc, 50, 60, [
          "L’équipe de la crèche est composée de professionnelles diplômées, qui accueillent les",
          "enfants et leurs familles toute l’année :",
        ]);
        lines(doc, 50, 90, ["1 Directrice", "1 Educatrice de Jeunes Enfants", "2 Auxiliaires de puériculture"]);
      },
      { size: "A4" },
    );
    expect(texts(await read(bytes))).toEqual([
      "L’équipe de la crèche est composée de professionnelles diplômées, qui accueillent les enfants et leurs familles toute l’année :",
      "1 Directrice",
      "1 Educatrice de Jeunes Enfants",
      "2 Auxiliaires de puériculture",
    ]);
  });
});

describe("headings only from lines that stand apart", () => {
  it("keeps a wrapped line that starts with large bold words inside its paragraph", async () => {
    const bytes = await renderPdf(
      (doc) => {
        line(doc, 50, 50, [{ text: "Présentation", size: 14, bold: true }]);
        line(doc, 50, 80, [{ text: "La crèche Capucine est une crèche associative à participation parentale. Elle est" }]);
        line(doc, 50, 92, [{ text: "gérée par l’association " }, { text: "CAPUCINE ET PAPILLONS", size: 12, bold: true }, { text: ", fondée en 2002. Elle offre 18 places" }]);
        line(doc, 50, 104, [{ text: "par jour pour des enfants de 3 mois à 4 ans, du lundi au vendredi." }]);
      },
      { size: "A4" },
    );
    const result = await read(bytes);
    expect(headings(result)).toEqual(["Présentation"]);
    expect(texts(result)).toEqual([
      "Présentation",
      "La crèche Capucine est une crèche associative à participation parentale. Elle est gérée par l’association CAPUCINE ET PAPILLONS, fondée en 2002. Elle offre 18 places par jour pour des enfants de 3 mois à 4 ans, du lundi au vendredi.",
    ]);
  });

  it("takes « ARTICLE 3 », a tab, then the title's words, for one title", async () => {
    const bytes = await renderPdf(
      (doc) => {
        line(doc, 50, 50, [{ text: "ARTICLE 3", size: 14, bold: true }]);
        line(doc, 160, 50, [{ text: "Tarifs et facturation", size: 14, bold: true }]);
        lines(doc, 50, 80, ["Le prix de journée est fixé chaque année par le conseil départemental."]);
      },
      { size: "A4" },
    );
    expect(headings(await read(bytes))).toEqual(["ARTICLE 3 Tarifs et facturation"]);
  });

  it("reads bold numbered lines with no text between them as a list that keeps its numbers", async () => {
    const bytes = await renderPdf(
      (doc) => {
        line(doc, 50, 50, [{ text: "Documents à lire", size: 14, bold: true }]);
        lines(doc, 50, 80, ["Avant de signer, lisez aussi les documents suivants :"]);
        line(doc, 50, 100, [{ text: "3. CGU", bold: true }]);
        line(doc, 50, 114, [{ text: "4. Règlement de fonctionnement", bold: true }]);
        line(doc, 50, 128, [{ text: "5. Livret d’accueil", bold: true }]);
        line(doc, 50, 160, [{ text: "Signature", size: 14, bold: true }]);
        lines(doc, 50, 190, ["Le contrat est signé en deux exemplaires."]);
      },
      { size: "A4" },
    );
    const result = await read(bytes);
    expect(headings(result)).toEqual(["Documents à lire", "Signature"]);
    const list = result.blocks.find((block): block is ListInput => block.type === "list");
    expect(list?.ordered).toBe(true);
    expect(list?.firstNumber).toBe(3);
    expect(list?.items.map((item) => textOf(item))).toEqual(["CGU", "Règlement de fonctionnement", "Livret d’accueil"]);
  });

  it("does not take a link or an e-mail address set apart in bold for a title", async () => {
    const bytes = await renderPdf(
      (doc) => {
        line(doc, 50, 50, [{ text: "Nous contacter", size: 14, bold: true }]);
        lines(doc, 50, 80, ["Le portail de l’enquête se trouve à cette adresse :"]);
        line(doc, 50, 100, [{ text: "https://emjpm.num.social.gouv.fr", size: 14, bold: true }]);
        line(doc, 50, 125, [{ text: "support.emjpm@fabrique.social.gouv.fr", size: 14, bold: true }]);
      },
      { size: "A4" },
    );
    expect(headings(await read(bytes))).toEqual(["Nous contacter"]);
  });

  it("does not take a cover date for a title, so that sections are named after real headings", async () => {
    const bytes = await renderPdf(
      (doc) => {
        line(doc, 150, 200, [{ text: "PROJET PÉDAGOGIQUE", size: 24, bold: true }]);
        line(doc, 200, 240, [{ text: "Novembre 2017", size: 18, bold: true }]);
        doc.addPage();
        line(doc, 50, 50, [{ text: "1. Accueil de l’enfant", size: 14, bold: true }]);
        lines(doc, 50, 80, ["Chaque famille est accueillie par une professionnelle référente."]);
      },
      { size: "A4" },
    );
    const result = await read(bytes);
    expect(headings(result)).toEqual(["PROJET PÉDAGOGIQUE", "1. Accueil de l’enfant"]);
    const document = buildDocument({ path: "projet.pdf", format: "pdf", bytes, ...result });
    expect(document.sections.map((section) => section.title)).not.toContain("Novembre 2017");
  });
});

describe("tables", () => {
  it("reads a ruled table as a table block with its rows and cells, in its place between the paragraphs", async () => {
    const rows = [
      ["Prestation", "Prix", "Qui paie"],
      ["Hébergement", "74,50 € par jour", "La personne ou l’aide sociale"],
      ["Dépendance", "5,80 € par jour", "Le département"],
    ];
    const columns = [50, 200, 330, 520];
    const top = 100;
    const height = 24;
    const bytes = await renderPdf(
      (doc) => {
        lines(doc, 50, 70, ["Les prix de la résidence sont les suivants."]);
        for (let row = 0; row <= rows.length; row++) doc.moveTo(columns[0]!, top + row * height).lineTo(columns[3]!, top + row * height).stroke();
        for (const x of columns) doc.moveTo(x, top).lineTo(x, top + rows.length * height).stroke();
        rows.forEach((cells, row) => cells.forEach((cell, column) => line(doc, columns[column]! + 4, top + row * height + 7, [{ text: cell, bold: row === 0 }])));
        lines(doc, 50, 190, ["Les prix changent chaque année au 1er janvier."]);
      },
      { size: "A4" },
    );
    const result = await read(bytes);
    expect(result.blocks.map((block) => block.type)).toEqual(["paragraph", "table", "paragraph"]);
    const table = result.blocks[1];
    expect(table?.type === "table" ? table.rows.map((row) => row.map((cell) => textOf(cell))) : []).toEqual(rows);
  });

  it("joins a table cut by a page break into one table", async () => {
    const columns = [50, 250, 350, 450];
    const grid = (doc: PdfKitDoc, top: number, rows: string[][]) => {
      for (let row = 0; row <= rows.length; row++) doc.moveTo(50, top + row * 24).lineTo(450, top + row * 24).stroke();
      for (const x of columns) doc.moveTo(x, top).lineTo(x, top + rows.length * 24).stroke();
      rows.forEach((cells, row) => cells.forEach((cell, column) => line(doc, columns[column]! + 4, top + row * 24 + 7, [{ text: cell }])));
    };
    const bytes = await renderPdf(
      (doc) => {
        lines(doc, 50, 60, ["Prise des médicaments :"]);
        grid(doc, 700, [
          ["Prescription", "Matin", "Midi"],
          ["Médicament 1", "", ""],
        ]);
        doc.addPage();
        grid(doc, 50, [
          ["Médicament 2", "", ""],
          ["Médicament 3", "", ""],
        ]);
      },
      { size: "A4" },
    );
    const result = await read(bytes);
    expect(result.blocks.map((block) => block.type)).toEqual(["paragraph", "table"]);
    const table = result.blocks[1];
    expect(table?.type === "table" ? table.rows.map((row) => textOf(row[0]!)) : []).toEqual(["Prescription", "Médicament 1", "Médicament 2", "Médicament 3"]);
  });

  it("does not call a page that is one table a page without text", async () => {
    const bytes = await renderPdf(
      (doc) => {
        lines(doc, 50, 70, ["Voici les horaires de la résidence, page suivante."]);
        doc.addPage();
        const columns = [50, 250, 450];
        for (let row = 0; row <= 3; row++) doc.moveTo(50, 60 + row * 24).lineTo(450, 60 + row * 24).stroke();
        for (const x of columns) doc.moveTo(x, 60).lineTo(x, 132).stroke();
        [["Jour", "Horaires"], ["Lundi", "9 h à 18 h"], ["Mardi", "9 h à 12 h"]].forEach((cells, row) =>
          cells.forEach((cell, column) => line(doc, columns[column]! + 4, 67 + row * 24, [{ text: cell }])),
        );
      },
      { size: "A4" },
    );
    const result = await read(bytes);
    expect(result.warnings?.map((warning) => warning.code) ?? []).not.toContain("pdf-pages-without-text");
    expect(result.blocks.map((block) => block.type)).toEqual(["paragraph", "table"]);
  });
});

describe("form fields", () => {
  it("reads each label with its blank as a field of its own, never as a title", async () => {
    const dots = "…".repeat(16);
    const bytes = await renderPdf(
      (doc) => {
        line(doc, 50, 50, [{ text: "Questionnaire du vacancier", size: 16, bold: true }]);
        line(doc, 50, 80, [{ text: `Nom, prénom et date de naissance du vacancier :${dots}`, size: 12, bold: true }]);
        line(doc, 50, 95, [{ text: `Lieu de résidence habituelle :${dots}…..`, size: 12, bold: true }]);
        lines(doc, 50, 125, ["Les informations de ce document restent confidentielles."]);
      },
      { size: "A4" },
    );
    const result = await read(bytes);
    expect(headings(result)).toEqual(["Questionnaire du vacancier"]);
    expect(texts(result)).toEqual([
      "Questionnaire du vacancier",
      `Nom, prénom et date de naissance du vacancier :${dots}`,
      `Lieu de résidence habituelle :${dots}…..`,
      "Les informations de ce document restent confidentielles.",
    ]);
  });
});

describe("tables of contents", () => {
  it("leaves out a table of contents with dotted leaders and page numbers, and says so", async () => {
    const leaders = ".".repeat(60);
    const bytes = await renderPdf(
      (doc) => {
        line(doc, 50, 50, [{ text: "Sommaire", size: 16, bold: true }]);
        lines(doc, 50, 80, [`Article 1 Objet du contrat ${leaders} 2`, `Article 2 Durée du séjour ${leaders} 2`, `Article 3 Tarifs ${leaders} 3`], 10, 14);
        doc.addPage();
        line(doc, 50, 50, [{ text: "Article 1 Objet du contrat", size: 14, bold: true }]);
        lines(doc, 50, 80, ["Le contrat fixe les droits et les devoirs de chacun."]);
        line(doc, 50, 110, [{ text: "Article 2 Durée du séjour", size: 14, bold: true }]);
        lines(doc, 50, 140, ["Le séjour commence le jour de l’entrée."]);
        line(doc, 50, 170, [{ text: "Article 3 Tarifs", size: 14, bold: true }]);
        lines(doc, 50, 200, ["Le prix de journée est de 74,50 euros."]);
      },
      { size: "A4" },
    );
    const result = await read(bytes);
    expect(texts(result)).toEqual([
      "Article 1 Objet du contrat",
      "Le contrat fixe les droits et les devoirs de chacun.",
      "Article 2 Durée du séjour",
      "Le séjour commence le jour de l’entrée.",
      "Article 3 Tarifs",
      "Le prix de journée est de 74,50 euros.",
    ]);
    expect(result.warnings?.map((warning) => warning.code)).toContain("pdf-table-of-contents");
    expect(result.warnings?.find((warning) => warning.code === "pdf-table-of-contents")?.message).toContain("page 1");
  });

  it("leaves out a titled table of contents without page numbers whose entries name later headings", async () => {
    const bytes = await renderPdf(
      (doc) => {
        line(doc, 50, 50, [{ text: "Table des matières", size: 16, bold: true }]);
        lines(doc, 50, 80, ["1. Accueil de l’enfant", "2. Les repas", "3. Le sommeil"], 10, 14);
        doc.addPage();
        for (const [index, title] of ["1. Accueil de l’enfant", "2. Les repas", "3. Le sommeil"].entries()) {
          line(doc, 50, 50 + index * 60, [{ text: title, size: 14, bold: true }]);
          lines(doc, 50, 80 + index * 60, [`Texte de la partie ${index + 1}, qui décrit ce que fait la crèche.`]);
        }
      },
      { size: "A4" },
    );
    const result = await read(bytes);
    expect(headings(result)).toEqual(["1. Accueil de l’enfant", "2. Les repas", "3. Le sommeil"]);
    expect(result.blocks.some((block) => block.type === "list")).toBe(false);
    expect(texts(result)).not.toContain("Table des matières");
  });
});
