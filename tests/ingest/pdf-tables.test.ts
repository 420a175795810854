import { describe, expect, it } from "vitest";
import { findTables } from "../../src/ingest/pdf/tables/index.js";
import type { Box, PageGraphics, TextPiece } from "../../src/ingest/pdf/types.js";
import type { PdfKitDoc } from "../helpers/make-pdf.js";
import { readFirstPage, texts, visibleText } from "../helpers/pdf-pages.js";

function expectBox(actual: Box | undefined, expected: Box, tolerance = 1): void {
  expect(actual).toBeDefined();
  for (const key of ["left", "top", "right", "bottom"] as const) {
    expect(Math.abs((actual?.[key] ?? NaN) - expected[key]), `${key}: ${actual?.[key]} vs ${expected[key]}`).toBeLessThanOrEqual(tolerance);
  }
}

function line(doc: PdfKitDoc, x1: number, y1: number, x2: number, y2: number): void {
  doc.moveTo(x1, y1).lineTo(x2, y2).stroke();
}

/** A 1×1 PNG. */
const PIXEL = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

describe("readPageGraphics", () => {
  it("reads strokes, thin and large rectangles, transforms and images in display space", async () => {
    const { graphics } = await readFirstPage((doc) => {
      doc.lineWidth(1);
      line(doc, 50, 100, 200, 100);
      line(doc, 300, 80, 300, 180);
      line(doc, 50, 500, 150, 560); // diagonal: no ruling
      doc.rect(50, 150, 200, 1).fill("#000000"); // a ruling drawn as a filled hairline rectangle
      doc.rect(50, 200, 100, 50).fill("#ffffff"); // white: nothing to see
      doc.rect(50, 300, 100, 50).fill("#cccccc"); // a shaded background
      doc.save().translate(200, 300).scale(2);
      doc.rect(0, 0, 50, 20).stroke(); // a frame drawn at twice its size: 200..300 × 300..340
      doc.restore();
      doc.image(PIXEL, 250, 400, { width: 40, height: 30 });
    });
    expect(graphics.width).toBeCloseTo(419.53, 1); // A5
    expect(graphics.height).toBeCloseTo(595.28, 1);
    const has = (orientation: "horizontal" | "vertical", at: number, from: number, to: number) =>
      graphics.rulings.some(
        (r) => r.orientation === orientation && Math.abs(r.at - at) <= 0.6 && Math.abs(r.from - from) <= 0.6 && Math.abs(r.to - to) <= 0.6,
      );
    expect(has("horizontal", 100, 50, 200)).toBe(true);
    expect(has("vertical", 300, 80, 180)).toBe(true);
    expect(has("horizontal", 150.5, 50, 250)).toBe(true);
    // The frame gives its four sides.
    expect(has("horizontal", 300, 200, 300)).toBe(true);
    expect(has("horizontal", 340, 200, 300)).toBe(true);
    expect(has("vertical", 200, 300, 340)).toBe(true);
    expect(has("vertical", 300, 300, 340)).toBe(true);
    expect(graphics.rulings).toHaveLength(7);
    expect(graphics.rects).toHaveLength(2);
    expectBox(graphics.rects.find((r) => r.top > 290 && r.left < 100), { left: 50, top: 300, right: 150, bottom: 350 });
    expectBox(graphics.rects.find((r) => r.left > 190), { left: 200, top: 300, right: 300, bottom: 340 });
    expect(graphics.images).toHaveLength(1);
    expectBox(graphics.images[0], { left: 250, top: 400, right: 290, bottom: 430 });
  });

  it("gives an empty page nothing", async () => {
    const { graphics } = await readFirstPage((doc) => {
      doc.font("Helvetica").fontSize(10).text("Seulement du texte.", 50, 60);
    });
    expect(graphics.rulings).toEqual([]);
    expect(graphics.rects).toEqual([]);
    expect(graphics.images).toEqual([]);
  });
});

describe("findTables: ruled tables", () => {
  /**
   * | Jour  | Horaires (2 columns)           |
   * |       | Matin      | Après-midi        |   « Jour » spans two rows
   * | Lundi | 9 h – 12 h | 14 h – 17 h       |
   * | Mardi | Fermé      | Accueil … (3 lines) |
   */
  const drawTimetable = (doc: PdfKitDoc) => {
    doc.font("Helvetica").fontSize(10);
    doc.text("Les horaires d’ouverture sont les suivants.", 50, 60, { lineBreak: false });
    doc.lineWidth(0.75);
    for (const y of [100, 140, 160, 210]) line(doc, 50, y, 370, y);
    line(doc, 150, 120, 370, 120); // no border under « Jour »
    for (const x of [50, 150, 370]) line(doc, x, 100, x, 210);
    line(doc, 260, 120, 260, 210); // no border inside « Horaires »
    doc.text("Jour", 56, 114, { lineBreak: false });
    doc.text("Horaires", 156, 104, { lineBreak: false });
    doc.text("Matin", 156, 124, { lineBreak: false });
    doc.text("Après-midi", 266, 124, { lineBreak: false });
    doc.text("Lundi", 56, 144, { lineBreak: false });
    doc.text("9 h – 12 h", 156, 144, { lineBreak: false });
    doc.text("14 h – 17 h", 266, 144, { lineBreak: false });
    doc.text("Mardi", 56, 164, { lineBreak: false });
    doc.text("Fermé", 156, 164, { lineBreak: false });
    doc.text("Accueil des familles sur rendez-vous uniquement", 266, 164, { width: 98 });
    doc.text("Le secrétariat est fermé le week-end.", 50, 230, { lineBreak: false });
  };

  it("finds the grid, its merged cells and its multi-line cell", async () => {
    const { tables, rest } = await readFirstPage(drawTimetable);
    expect(tables).toHaveLength(1);
    const table = tables[0]!;
    expect(table.kind).toBe("ruled");
    expect(table.page).toBe(1);
    expectBox(table.box, { left: 50, top: 100, right: 370, bottom: 210 });
    expect(texts(table)).toEqual([
      ["Jour", "Horaires"],
      ["Matin", "Après-midi"],
      ["Lundi", "9 h – 12 h", "14 h – 17 h"],
      ["Mardi", "Fermé", "Accueil des familles sur rendez-vous uniquement"],
    ]);
    expect(table.rows.map((row) => row.map((cell) => [cell.colSpan, cell.rowSpan]))).toEqual([
      [
        [1, 2],
        [2, 1],
      ],
      [
        [1, 1],
        [1, 1],
      ],
      [
        [1, 1],
        [1, 1],
        [1, 1],
      ],
      [
        [1, 1],
        [1, 1],
        [1, 1],
      ],
    ]);
    // The wrapped cell keeps all its lines' pieces, for the reader to build lines from.
    const wrapped = table.rows[3]![2]!.pieces.filter((piece) => piece.text.trim() !== "");
    expect(new Set(wrapped.map((piece) => Math.round(piece.y))).size).toBeGreaterThanOrEqual(2);
    expect(visibleText(rest)).toEqual(["Les horaires d’ouverture sont les suivants.", "Le secrétariat est fermé le week-end."]);
  });

  it("cuts a text run drawn across a column border", async () => {
    const { tables } = await readFirstPage((doc) => {
      doc.font("Helvetica").fontSize(10).lineWidth(0.75);
      for (const y of [100, 120, 140, 160]) line(doc, 50, y, 250, y);
      for (const x of [50, 150, 250]) line(doc, x, 100, x, 160);
      doc.text("Nom", 56, 104, { lineBreak: false });
      doc.text("Âge", 156, 104, { lineBreak: false });
      // One run for both cells, the way some generators write a row.
      const gap = " ".repeat(Math.round((156 - 56 - doc.widthOfString("Alice")) / doc.widthOfString(" ")));
      doc.text(`Alice${gap}34 ans`, 56, 124, { lineBreak: false });
      doc.text("Bruno", 56, 144, { lineBreak: false });
      doc.text("41 ans", 156, 144, { lineBreak: false });
    });
    expect(tables).toHaveLength(1);
    expect(texts(tables[0]!)).toEqual([
      ["Nom", "Âge"],
      ["Alice", "34 ans"],
      ["Bruno", "41 ans"],
    ]);
  });

  it("does not take frames around text for tables", async () => {
    const page = await readFirstPage((doc) => {
      doc.font("Helvetica").fontSize(10).lineWidth(1);
      // A framed paragraph.
      doc.rect(45, 55, 330, 70).stroke();
      doc.text(
        "Les visites sont possibles tous les jours de 11 h à 19 h. Merci de prévenir l’accueil si vous venez avec un animal de compagnie.",
        55,
        65,
        { width: 310 },
      );
      // A sidebar with a title band: two cells, one column.
      doc.rect(45, 150, 330, 90).stroke();
      line(doc, 45, 170, 375, 170);
      doc.text("À savoir", 55, 155, { lineBreak: false });
      doc.text("Le linge est lavé par l’établissement. Il doit être marqué au nom de la personne accueillie.", 55, 180, { width: 310 });
      // A row of two boxes side by side: one row, no table.
      doc.rect(45, 270, 160, 40).stroke();
      doc.rect(205, 270, 170, 40).stroke();
      doc.text("Nom de l’enfant", 55, 285, { lineBreak: false });
      doc.text("Date de naissance", 215, 285, { lineBreak: false });
      // A frame around the whole page.
      doc.rect(20, 20, 380, 555).stroke();
    });
    expect(page.graphics.rects.length).toBeGreaterThanOrEqual(5);
    expect(page.tables).toEqual([]);
    expect(page.rest).toEqual(page.pieces);
  });
});

describe("findTables: aligned tables", () => {
  it("finds columns of short cells aligned over several lines", async () => {
    const rows = [
      ["Repas", "Prix", "Jours"],
      ["Déjeuner", "3,50 €", "Lundi au vendredi"],
      ["Goûter", "1,20 €", "Mercredi"],
      ["Dîner", "4,00 €", "Samedi"],
    ];
    const { tables, rest } = await readFirstPage((doc) => {
      doc.font("Helvetica").fontSize(10);
      doc.text("Voici les tarifs de la cantine pour l’année.", 50, 60, { lineBreak: false });
      rows.forEach((row, r) => row.forEach((cell, c) => doc.text(cell, [50, 160, 240][c], 100 + 16 * r, { lineBreak: false })));
      doc.text(
        "Les repas sont préparés sur place par le cuisinier de l’établissement, avec des produits frais et de saison achetés chez les producteurs de la région.",
        50,
        180,
        { width: 320 },
      );
    });
    expect(tables).toHaveLength(1);
    const table = tables[0]!;
    expect(table.kind).toBe("aligned");
    expect(texts(table)).toEqual(rows);
    expect(table.rows.flat().every((cell) => cell.colSpan === 1 && cell.rowSpan === 1)).toBe(true);
    expect(visibleText(rest)[0]).toBe("Voici les tarifs de la cantine pour l’année.");
    expect(visibleText(rest).join(" ")).toContain("Les repas sont préparés sur place");
    expect(visibleText(rest).join(" ")).not.toContain("Déjeuner");
  });

  it("finds a table whose cells are padded by less than 1.5 em, from its columns' left edges", async () => {
    // The way a borderless HTML or office table comes out: each column starts 8 pt (⅔ em) after
    // the widest cell of the column before it, rows far apart.
    const rows = [
      ["Activité", "Jour", "Heure", "Lieu"],
      ["Gymnastique douce", "Lundi", "10 h", "Salle polyvalente"],
      ["Atelier mémoire", "Mardi", "14 h 30", "Bibliothèque"],
      ["Chorale", "Jeudi", "15 h", "Salon"],
      ["Loto", "Vendredi", "14 h", "Salle à manger"],
    ];
    const { tables, rest } = await readFirstPage((doc) => {
      doc.font("Helvetica").fontSize(12);
      const xs = [40];
      for (let c = 0; c < 3; c++) xs.push(xs[c]! + Math.max(...rows.map((row) => doc.widthOfString(row[c]!))) + 8);
      doc.text("Voici les activités de la semaine.", 40, 40, { lineBreak: false });
      rows.forEach((row, r) => row.forEach((cell, c) => doc.text(cell, xs[c], 80 + 34 * r, { lineBreak: false })));
    });
    expect(tables.map(texts)).toEqual([rows]);
    expect(visibleText(rest)).toEqual(["Voici les activités de la semaine."]);
  });

  const prose =
    "Le conseil de la vie sociale donne son avis sur le fonctionnement de l’établissement. Il se réunit au moins trois fois par an. Ses membres sont élus pour trois ans par les personnes accueillies et leurs familles. Il peut faire des propositions sur les activités, les repas, les travaux et l’organisation de la vie quotidienne.";

  it("leaves two columns of text alone", async () => {
    const page = await readFirstPage((doc) => {
      doc.font("Helvetica").fontSize(10);
      doc.text(prose, 40, 60, { width: 160, align: "justify" });
      doc.text(prose.split(". ").reverse().join(". "), 220, 60, { width: 160, align: "justify" });
    });
    expect(page.tables).toEqual([]);
    expect(page.rest).toEqual(page.pieces);
  });

  it("leaves two columns of ragged text alone", async () => {
    const page = await readFirstPage((doc) => {
      doc.font("Helvetica").fontSize(10);
      doc.text(prose, 40, 60, { width: 160 });
      doc.text(prose.split(". ").reverse().join(". "), 220, 60, { width: 160 });
    });
    expect(page.tables).toEqual([]);
    expect(page.rest).toEqual(page.pieces);
  });

  const legal =
    "La commission départementale des droits et de l’autonomie des personnes handicapées prend les décisions relatives à l’orientation professionnelle, à l’attribution de l’allocation adulte handicapé, à la prestation de compensation du handicap et aux cartes mobilité inclusion, conformément au règlement intérieur approuvé.";

  it("leaves a narrow justified paragraph alone, its word spaces stretched", async () => {
    // Lines of few long words: pdfkit stretches the spaces far past 1.5 em, and the last words of
    // the lines all end at the right margin.
    const page = await readFirstPage((doc) => {
      doc.font("Helvetica").fontSize(11).text(legal, 50, 60, { width: 130, align: "justify" });
    });
    expect(page.tables).toEqual([]);
    expect(page.rest).toEqual(page.pieces);
  });

  it("leaves a narrow justified paragraph alone, its words placed one by one", async () => {
    // The way word processors justify: each word at its position, no space drawn between them.
    const page = await readFirstPage((doc) => {
      doc.font("Helvetica").fontSize(11);
      const width = 130;
      const lines: string[][] = [[]];
      for (const word of legal.split(" ")) {
        const current = lines[lines.length - 1]!;
        if (current.length > 0 && doc.widthOfString([...current, word].join(" ")) > width) lines.push([word]);
        else current.push(word);
      }
      lines.forEach((words, k) => {
        const last = k === lines.length - 1;
        const spare = width - words.reduce((sum, word) => sum + doc.widthOfString(word), 0);
        const space = last || words.length < 2 ? doc.widthOfString(" ") : spare / (words.length - 1);
        let x = 50;
        for (const word of words) {
          doc.text(word, x, 60 + 13 * k, { lineBreak: false });
          x += doc.widthOfString(word) + space;
        }
      });
    });
    expect(page.tables).toEqual([]);
    expect(page.rest).toEqual(page.pieces);
  });

  it("leaves a list with markers tabbed from their items alone", async () => {
    const page = await readFirstPage((doc) => {
      doc.font("Helvetica").fontSize(10);
      ["La chambre", "Les repas", "Le linge", "Les animations"].forEach((item, k) => {
        doc.text("•", 50, 60 + 14 * k, { lineBreak: false });
        doc.text(item, 80, 60 + 14 * k, { lineBreak: false });
      });
    });
    expect(page.tables).toEqual([]);
    expect(page.rest).toEqual(page.pieces);
  });

  it("leaves a form of labels and blanks alone", async () => {
    const page = await readFirstPage((doc) => {
      doc.font("Helvetica").fontSize(10);
      [
        ["Nom :", 22, "Prénom :", 14],
        ["Téléphone :", 12, "Courriel :", 18],
        ["Adresse :", 20, "Ville :", 9],
      ].forEach(([label, blank, label2, blank2], k) => {
        const y = 60 + 18 * k;
        doc.text(String(label), 50, y, { lineBreak: false });
        doc.text("_".repeat(Number(blank)), 120, y, { lineBreak: false });
        doc.text(String(label2), 240, y, { lineBreak: false });
        doc.text("_".repeat(Number(blank2)), 300, y, { lineBreak: false });
      });
    });
    expect(page.tables).toEqual([]);
    expect(page.rest).toEqual(page.pieces);
  });

  it("leaves options with checkboxes laid out in columns alone", async () => {
    const page = await readFirstPage((doc) => {
      doc.font("Helvetica").fontSize(10).lineWidth(0.75);
      [
        ["Congénitale", "Maladie", "Accident de la vie privée"],
        ["Accident du travail", "Maladie professionnelle", "Autre"],
        ["À la naissance", "Avant un an", "Après cinq ans"],
      ].forEach((row, r) =>
        row.forEach((option, c) => {
          const x = [50, 170, 290][c]!;
          const y = 60 + 18 * r;
          doc.rect(x, y - 1, 9, 9).stroke();
          doc.text(option, x + 14, y, { lineBreak: false });
        }),
      );
    });
    expect(page.tables).toEqual([]);
    expect(page.rest).toEqual(page.pieces);
  });
});

describe("findTables on odd input", () => {
  it("never throws, and gives back every piece when it finds nothing", () => {
    const piece: TextPiece = { text: "Texte", x: 10, y: 20, right: 40, size: 10, bold: false, italic: false, font: undefined };
    const odd: TextPiece = { ...piece, x: NaN, right: Infinity };
    const graphics: PageGraphics = {
      rulings: [
        { orientation: "horizontal", at: NaN, from: 0, to: 10 },
        { orientation: "vertical", at: 5, from: 10, to: 0 },
        { orientation: "horizontal", at: 1, from: -Infinity, to: Infinity },
      ],
      rects: [],
      images: [],
      width: 0,
      height: 0,
    };
    expect(findTables([], graphics, 1)).toEqual({ tables: [], rest: [] });
    expect(findTables([piece, odd], graphics, 1)).toEqual({ tables: [], rest: [piece, odd] });
  });
});
