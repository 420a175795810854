import {
  AlignmentType,
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

/** Real .docx files built with the docx package, for the DOCX reader's tests. */

export async function pack(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(doc));
}

const cell = (text: string) => new TableCell({ children: [new Paragraph(text)], width: { size: 4500, type: WidthType.DXA } });

/** Structure: Title, Subtitle, headings, emphasis, nested bullet and numbered lists, a table, a footnote. */
export function structureDocx(): Promise<Uint8Array> {
  return pack(
    new Document({
      title: "Contrat de séjour – Résidence Les Tilleuls",
      styles: { paragraphStyles: [{ id: "Subtitle", name: "Subtitle", basedOn: "Normal", run: { size: 30 } }] },
      numbering: {
        config: [
          {
            reference: "etapes",
            levels: [
              { level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START },
              { level: 1, format: LevelFormat.LOWER_LETTER, text: "%2)", alignment: AlignmentType.START },
            ],
          },
        ],
      },
      footnotes: { 1: { children: [new Paragraph("Voir l’annexe des tarifs.")] } },
      sections: [
        {
          children: [
            new Paragraph({ text: "Contrat de séjour", heading: HeadingLevel.TITLE }),
            new Paragraph({ text: "Résidence Les Tilleuls", style: "Subtitle" }),
            new Paragraph({ text: "Article 1 – Objet du contrat", heading: HeadingLevel.HEADING_1 }),
            new Paragraph({
              children: [
                new TextRun("Le résident "),
                new TextRun({ text: "doit", bold: true }),
                new TextRun(" lire "),
                new TextRun({ text: "ce contrat", italics: true }),
                new TextRun(" avec "),
                new TextRun({ text: "attention", underline: {} }),
                new TextRun("."),
              ],
            }),
            new Paragraph({ text: "Les documents à fournir", heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: "La carte d’identité", bullet: { level: 0 } }),
            new Paragraph({ text: "L’original", bullet: { level: 1 } }),
            new Paragraph({ text: "Une copie", bullet: { level: 1 } }),
            new Paragraph({ text: "L’attestation de la CAF", bullet: { level: 0 } }),
            new Paragraph({ text: "Les étapes", heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: "Lire le contrat", numbering: { reference: "etapes", level: 0 } }),
            new Paragraph({ text: "Signer le contrat", numbering: { reference: "etapes", level: 0 } }),
            new Paragraph({ text: "Signer chaque page", numbering: { reference: "etapes", level: 1 } }),
            new Paragraph({ text: "Les prix", heading: HeadingLevel.HEADING_3 }),
            new Table({
              columnWidths: [4500, 4500],
              rows: [
                new TableRow({ tableHeader: true, children: [cell("Prestation"), cell("Prix")] }),
                new TableRow({ children: [cell("Repas"), cell("12 € par jour")] }),
                new TableRow({ children: [cell("Blanchisserie"), cell("Comprise")] }),
              ],
            }),
            new Paragraph({ children: [new TextRun("Le prix peut changer chaque année."), new FootnoteReferenceRun(1)] }),
            new Paragraph({ children: [new TextRun({ text: "Article 2", bold: true })] }),
          ],
        },
      ],
    }),
  );
}

/**
 * Layout: Times New Roman 11 pt justified by default; « FALC texte » (Arial 14, left, 1.5 lines)
 * based on Normal; « FALC important » based on it and bold; a character style; direct formatting.
 */
export function layoutDocx(): Promise<Uint8Array> {
  return pack(
    new Document({
      styles: {
        default: { document: { run: { font: "Times New Roman", size: 22 }, paragraph: { alignment: AlignmentType.JUSTIFIED } } },
        paragraphStyles: [
          {
            id: "FalcTexte",
            name: "FALC texte",
            basedOn: "Normal",
            run: { font: "Arial", size: 28 },
            paragraph: { alignment: AlignmentType.LEFT, spacing: { line: 360, lineRule: LineRuleType.AUTO } },
          },
          { id: "FalcImportant", name: "FALC important", basedOn: "FalcTexte", run: { bold: true } },
          { id: "TitreMaison", name: "Titre maison", basedOn: "Normal", run: { bold: true, size: 32 }, paragraph: { outlineLevel: 1 } },
          { id: "Centre", name: "Centré", basedOn: "Normal", paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 276, lineRule: LineRuleType.EXACT } } },
        ],
        characterStyles: [
          { id: "Accent", name: "Accent", run: { italics: true, allCaps: true } },
          { id: "Fort", name: "Fort", run: { bold: true } },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph("Le règlement s’applique à tous les résidents."),
            new Paragraph({ text: "Les horaires de visite", style: "TitreMaison" }),
            new Paragraph({ text: "Vous pouvez venir avec votre animal.", style: "FalcTexte" }),
            new Paragraph({ text: "C’est important.", style: "FalcImportant" }),
            new Paragraph({
              style: "FalcTexte",
              children: [
                new TextRun("Un mot "),
                new TextRun({ text: "accentué", style: "Accent" }),
                new TextRun(" puis un mot "),
                new TextRun({ text: "plus grand", size: 36, font: "Verdana" }),
                new TextRun("."),
              ],
            }),
            new Paragraph({ text: "Un texte centré.", style: "Centre" }),
            new Paragraph({ text: "Un texte à droite.", alignment: AlignmentType.RIGHT }),
            new Paragraph({ text: "Un texte réparti.", alignment: AlignmentType.DISTRIBUTE }),
            new Paragraph({
              style: "FalcImportant",
              children: [new TextRun("Tout est en gras "), new TextRun({ text: "sauf ces mots", style: "Fort" }), new TextRun({ text: " et pas ceux-ci", bold: true })],
            }),
          ],
        },
      ],
    }),
  );
}

/** Tracked changes: a deletion and an insertion in one paragraph. */
export function trackedChangesDocx(): Promise<Uint8Array> {
  const change = { author: "Direction", date: "2026-01-15T10:00:00Z" };
  return pack(
    new Document({
      sections: [
        {
          children: [
            new Paragraph({
              children: [
                new TextRun("Le repas coûte "),
                new DeletedTextRun({ text: "10 euros", id: 1, ...change }),
                new InsertedTextRun({ text: "12 euros", id: 2, ...change }),
                new TextRun("."),
              ],
            }),
          ],
        },
      ],
    }),
  );
}

/** Rewrites some entries of an archive (string edits on the XML), keeping the others. */
export function patchZip(bytes: Uint8Array, edits: Record<string, (xml: string) => string>): Uint8Array {
  const files = unzipSync(bytes);
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    const edit = edits[name];
    out[name] = edit ? strToU8(edit(strFromU8(data))) : data;
  }
  return zipSync(out);
}

/** Body text in theme fonts (minor: Luciole, major: Atkinson Hyperlegible), as Word writes it. */
export async function themeFontDocx(): Promise<Uint8Array> {
  const bytes = await pack(
    new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: "Le livret d’accueil", heading: HeadingLevel.HEADING_1 }),
            new Paragraph("Bienvenue dans la résidence."),
          ],
        },
      ],
    }),
  );
  const theme = '<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" w:cstheme="minorBidi"/>';
  return patchZip(bytes, {
    "word/styles.xml": (xml) =>
      xml
        .replace("<w:rPrDefault/>", `<w:rPrDefault><w:rPr>${theme}<w:sz w:val="24"/></w:rPr></w:rPrDefault>`)
        .replace(/(<w:style w:type="paragraph" w:styleId="Heading1">[\s\S]*?<w:rPr>)/, '$1<w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi"/>'),
    "word/theme/theme1.xml": (xml) =>
      xml
        .replace(/(<a:majorFont><a:latin typeface=")[^"]*/, "$1Atkinson Hyperlegible")
        .replace(/(<a:minorFont><a:latin typeface=")[^"]*/, "$1Luciole"),
  });
}

const SENTENCES = [
  "Le résident a le droit de recevoir sa famille tous les jours.",
  "Les repas sont servis dans la salle à manger à midi et à dix-neuf heures.",
  "Vous pouvez demander de l’aide au personnel à tout moment.",
  "Le contrat de séjour précise les prestations comprises dans le prix de journée.",
  "En cas de problème, vous pouvez parler au directeur de l’établissement.",
];

/** A long document (about `pages` pages of text, lists and tables), for measurements. */
export function longDocx(pages: number): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  for (let page = 0; page < pages; page++) {
    children.push(new Paragraph({ text: `Article ${page + 1} – Les règles de la vie collective`, heading: HeadingLevel.HEADING_1 }));
    for (let p = 0; p < 5; p++) {
      children.push(new Paragraph({ children: SENTENCES.map((s, i) => new TextRun({ text: `${s} `, bold: i === p })) }));
    }
    for (const s of SENTENCES.slice(0, 3)) children.push(new Paragraph({ text: s, bullet: { level: 0 } }));
    if (page % 5 === 0) children.push(new Table({ rows: SENTENCES.map((s) => new TableRow({ children: [cell(s), cell("Oui")] })) }));
  }
  return pack(new Document({ sections: [{ children }] }));
}

/**
 * A short document with one table: a heading, an intro paragraph, the table (first row in bold, as
 * Word's « header row »), and a closing paragraph. Cells are plain strings, one row per array.
 */
export function tableDocx(heading: string, intro: string, rows: readonly (readonly string[])[], outro = "Le prix peut changer chaque année."): Promise<Uint8Array> {
  const width = Math.floor(9000 / Math.max(1, rows[0]?.length ?? 1));
  return pack(
    new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: heading, heading: HeadingLevel.HEADING_1 }),
            new Paragraph(intro),
            new Table({
              columnWidths: rows[0]!.map(() => width),
              rows: rows.map(
                (row, r) =>
                  new TableRow({
                    tableHeader: r === 0,
                    children: row.map(
                      (text) =>
                        new TableCell({
                          width: { size: width, type: WidthType.DXA },
                          children: [new Paragraph({ children: text === "" ? [] : [new TextRun({ text, bold: r === 0 })] })],
                        }),
                    ),
                  }),
              ),
            }),
            new Paragraph(outro),
          ],
        },
      ],
    }),
  );
}
