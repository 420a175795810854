/**
 * Builds the PDFs the PDF reader is tested on, with pdfkit, the way office software lays them out:
 * a title, bold section headings, wrapped body paragraphs, hanging-indent lists, a running header and a
 * « Page N sur M » footer drawn in the margins once the page count is known.
 */
import PDFDocument from "pdfkit";

/** pdfkit has no bundled types; this is the small part of its API the helpers use. */
export interface PdfKitDoc {
  x: number;
  y: number;
  page: { width: number; height: number; margins: { top: number; bottom: number; left: number; right: number } };
  font(name: string): PdfKitDoc;
  fontSize(size: number): PdfKitDoc;
  text(text: string, x?: number | object, y?: number, options?: object): PdfKitDoc;
  widthOfString(text: string): number;
  currentLineHeight(includeGap?: boolean): number;
  moveDown(lines?: number): PdfKitDoc;
  addPage(options?: object): PdfKitDoc;
  rect(x: number, y: number, w: number, h: number): PdfKitDoc;
  circle(x: number, y: number, r: number): PdfKitDoc;
  fill(color?: string): PdfKitDoc;
  stroke(color?: string): PdfKitDoc;
  moveTo(x: number, y: number): PdfKitDoc;
  lineTo(x: number, y: number): PdfKitDoc;
  lineWidth(width: number): PdfKitDoc;
  fillColor(color: string): PdfKitDoc;
  save(): PdfKitDoc;
  restore(): PdfKitDoc;
  translate(x: number, y: number): PdfKitDoc;
  scale(factor: number): PdfKitDoc;
  image(src: Buffer, x: number, y: number, options?: { width?: number; height?: number }): PdfKitDoc;
  /** Draws a PNG or JPEG (file bytes) with its top-left corner at (x, y); `width` scales it. */
  image(source: Buffer | Uint8Array, x?: number, y?: number, options?: { width?: number; height?: number }): PdfKitDoc;
  bufferedPageRange(): { start: number; count: number };
  switchToPage(index: number): PdfKitDoc;
  end(): void;
  on(event: string, listener: (chunk: Buffer) => void): PdfKitDoc;
}

export interface PdfOptions {
  title?: string;
  userPassword?: string;
  ownerPassword?: string;
  /** Page size name or [width, height] in points. */
  size?: string | [number, number];
  margin?: number;
}

/** Runs `draw` on a fresh pdfkit document and returns the finished file. */
export async function renderPdf(draw: (doc: PdfKitDoc) => void, options: PdfOptions = {}): Promise<Uint8Array> {
  const secured = options.userPassword !== undefined || options.ownerPassword !== undefined;
  const doc = new PDFDocument({
    size: options.size ?? "A5",
    margin: options.margin ?? 50,
    bufferPages: true,
    info: options.title === undefined ? {} : { Title: options.title },
    ...(secured
      ? { pdfVersion: "1.7", userPassword: options.userPassword, ownerPassword: options.ownerPassword, permissions: { printing: "highResolution" } }
      : {}),
  }) as PdfKitDoc;
  const chunks: Buffer[] = [];
  doc.on("data", (chunk) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));
  draw(doc);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

// ---- The contract ----

export type ContractBlock =
  | { kind: "title" | "heading" | "subheading" | "paragraph"; text: string; gapAfter?: number }
  | { kind: "bullets" | "numbered"; items: string[] };

export const CONTRACT_HEADER = "Contrat de séjour – EHPAD Les Tilleuls";
const SHY = "\u00AD";

/**
 * The contract's content. `établisse\u00ADment` carries a soft hyphen that pdfkit turns into a visible
 * « - » when it breaks the line there (the text is tuned so that it does); the second paragraph of
 * article 1 follows the first without extra spacing, so only its short last line separates them.
 */
export const CONTRACT: ContractBlock[] = [
  { kind: "title", text: "Contrat de séjour" },
  {
    kind: "paragraph",
    text:
      "Le présent contrat est conclu entre l’établissement d’hébergement pour personnes âgées dépendantes Les Tilleuls, d’une part, et la personne accueillie, d’autre part. Il précise les droits et les obligations de chacun pendant toute la durée du séjour.",
  },
  { kind: "heading", text: "Article 1 – Objet du contrat" },
  {
    kind: "paragraph",
    gapAfter: 0,
    text:
      "Ce contrat définit les conditions de l’accueil et de l’accompagnement de la personne accueillie. Il est établi en tenant compte de ses besoins, de ses attentes et de son projet de vie, dans le respect de la charte des droits et libertés de la personne accueillie.",
  },
  {
    kind: "paragraph",
    text: "Un exemplaire du règlement de fonctionnement et du livret d’accueil est remis avec ce contrat.",
  },
  { kind: "heading", text: "Article 2 – Durée du séjour" },
  {
    kind: "paragraph",
    text: `Le contrat débute le jour où la personne entre dans l’établisse${SHY}ment. Il est conclu pour une durée indéterminée. Une période d’essai d’un mois permet à chacun de vérifier que l’accueil répond bien aux besoins de la personne.`,
  },
  { kind: "heading", text: "Article 3 – Prestations" },
  { kind: "paragraph", text: "L’établissement assure les prestations suivantes :" },
  {
    kind: "bullets",
    items: [
      "L’hébergement dans une chambre individuelle meublée, avec une salle d’eau privative et un accès au jardin.",
      "La restauration, avec trois repas et une collation par jour.",
      "L’entretien du linge personnel, marqué au nom de la personne accueillie, par la lingerie de l’établissement.",
      "L’animation et la vie sociale, avec des activités proposées chaque jour.",
    ],
  },
  { kind: "subheading", text: "Les repas" },
  {
    kind: "paragraph",
    text:
      "Les repas sont servis en salle à manger à midi et le soir. Ils peuvent être servis en chambre lorsque l’état de santé de la personne le nécessite. Les familles peuvent partager un repas avec leur proche en prévenant l’accueil la veille.",
  },
  { kind: "heading", text: "Article 4 – Conditions financières" },
  {
    kind: "paragraph",
    text:
      "Le prix de journée est de 72,50 € par jour. Il est payé chaque mois, à terme échu, par virement ou par prélèvement automatique. Une facture détaillée est envoyée à la personne accueillie ou à son représentant légal au début de chaque mois. Le prix comprend trois éléments :",
  },
  {
    kind: "numbered",
    items: [
      "Le prix de journée hébergement, fixé chaque année par le conseil départemental.",
      "Le tarif dépendance, qui dépend du degré d’autonomie de la personne accueillie et qui est en partie couvert par l’allocation personnalisée d’autonomie.",
      "Les prestations supplémentaires choisies par la personne, comme la coiffure ou la pédicurie.",
    ],
  },
  { kind: "heading", text: "Article 5 – Résiliation du contrat" },
  {
    kind: "paragraph",
    text:
      "La personne accueillie peut résilier le contrat à tout moment, par lettre recommandée avec avis de réception, en respectant un préavis de trente jours. L’établissement ne peut résilier le contrat que dans les cas prévus par la loi, après un entretien avec la personne accueillie et sa famille.",
  },
  {
    kind: "paragraph",
    text:
      "En cas de décès, le contrat prend fin à la date du décès. Les effets personnels sont tenus à la disposition de la famille pendant un mois.",
  },
  { kind: "heading", text: "Article 6 – Droits de la personne accueillie" },
  {
    kind: "paragraph",
    text:
      "La personne accueillie a droit au respect de sa dignité, de son intégrité, de sa vie privée, de son intimité et de sa sécurité. Elle peut recevoir des visites à toute heure, dans le respect du repos des autres résidents. Elle peut aller et venir librement, sauf avis médical contraire.",
  },
  {
    kind: "paragraph",
    text:
      "Elle peut désigner une personne de confiance, qui l’accompagne dans ses démarches et l’aide dans ses décisions. Cette désignation se fait par écrit et peut être changée à tout moment.",
  },
  { kind: "heading", text: "Article 7 – Assurances" },
  {
    kind: "paragraph",
    text:
      "L’établissement est assuré pour les dommages dont il pourrait être responsable. La personne accueillie est invitée à souscrire une assurance de responsabilité civile pour les dommages qu’elle pourrait causer à d’autres personnes.",
  },
  { kind: "paragraph", text: "Fait en deux exemplaires, à Lyon, le 2 janvier 2026." },
];

/** The texts a perfect reader recovers, soft hyphens gone. */
export function contractText(text: string): string {
  return text.replaceAll(SHY, "");
}

export interface ContractOptions extends PdfOptions {
  header?: string;
  /** Footer for page n of total; the default is « Page n sur total ». */
  footer?: (page: number, total: number) => string;
}

export async function makeContractPdf(options: ContractOptions = {}): Promise<Uint8Array> {
  return renderPdf((doc) => {
    for (const block of CONTRACT) drawBlock(doc, block);
    drawRunningText(doc, options.header ?? CONTRACT_HEADER, options.footer ?? ((n, total) => `Page ${n} sur ${total}`));
  }, options);
}

export function drawBlock(doc: PdfKitDoc, block: ContractBlock): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  switch (block.kind) {
    case "title":
      doc.font("Helvetica-Bold").fontSize(20).text(block.text, { width }).moveDown(0.6);
      return;
    case "heading":
      doc.font("Helvetica-Bold").fontSize(14).text(block.text, { width }).moveDown(0.3);
      return;
    case "subheading":
      doc.font("Helvetica-Bold").fontSize(11).text(block.text, { width }).moveDown(0.2);
      return;
    case "paragraph":
      doc.font("Helvetica").fontSize(11);
      if (block.text.includes(SHY)) drawHyphenated(doc, block.text, left, width);
      else doc.text(block.text, { width, align: "justify" });
      doc.moveDown(block.gapAfter ?? 0.6);
      return;
    case "bullets":
    case "numbered":
      block.items.forEach((item, index) => {
        const marker = block.kind === "bullets" ? "•" : `${index + 1}.`;
        drawListItem(doc, marker, item, left, width);
      });
      doc.moveDown(0.6);
      return;
  }
}

/**
 * pdfkit draws a soft hyphen as « - » even where it does not break the line, so paragraphs with one
 * are laid out here: greedy, left-aligned, breaking inside a word only at its soft hyphen.
 */
function drawHyphenated(doc: PdfKitDoc, text: string, left: number, width: number): void {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const candidate = line ? `${line} ${word.replaceAll(SHY, "")}` : word.replaceAll(SHY, "");
    if (doc.widthOfString(candidate) <= width) {
      line = candidate;
      continue;
    }
    const cut = word.indexOf(SHY);
    const head = line ? `${line} ${word.slice(0, cut)}-` : `${word.slice(0, cut)}-`;
    if (cut > 0 && doc.widthOfString(head) <= width) {
      lines.push(head);
      line = word.slice(cut + 1);
    } else {
      lines.push(line);
      line = word.replaceAll(SHY, "");
    }
  }
  lines.push(line);
  const height = doc.currentLineHeight(true);
  let y = doc.y;
  for (const text of lines) {
    if (y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    doc.text(text, left, y, { lineBreak: false });
    y += height;
  }
  doc.x = left;
  doc.y = y;
}

/** A marker in the margin and the item's text wrapped at a hanging indent, as word processors do. */
function drawListItem(doc: PdfKitDoc, marker: string, text: string, left: number, width: number): void {
  doc.font("Helvetica").fontSize(11);
  if (doc.y + 30 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const y = doc.y;
  doc.text(marker, left + 6, y, { lineBreak: false });
  doc.text(text, left + 22, y, { width: width - 22 });
  doc.x = left;
  doc.moveDown(0.15);
}

/** Headers and footers go in the margins, which pdfkit would otherwise treat as a reason to add a page. */
export function drawRunningText(doc: PdfKitDoc, header: string, footer: (page: number, total: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("Helvetica").fontSize(8);
    if (header) doc.text(header, doc.page.margins.left, 22, { lineBreak: false });
    const text = footer(index + 1, range.count);
    if (text) doc.text(text, doc.page.margins.left, doc.page.height - 32, { lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

// ---- Bad PDFs ----

/** A contract only a password opens. */
export function makePasswordPdf(): Promise<Uint8Array> {
  return makeContractPdf({ userPassword: "secret", ownerPassword: "owner-secret" });
}

/** Restrictions (no copying, no editing) but no password to open: readers must read it. */
export function makeOwnerOnlyPdf(): Promise<Uint8Array> {
  return makeContractPdf({ ownerPassword: "owner-secret" });
}

/**
 * What a scanner without OCR produces: pages of drawings, no text, except optionally the page
 * numbers some tools stamp on afterwards.
 */
export function makeScannedPdf(pages = 2, numbered = false): Promise<Uint8Array> {
  return renderPdf((doc) => {
    for (let page = 0; page < pages; page++) {
      if (page > 0) doc.addPage();
      drawFakeScan(doc);
    }
    if (numbered) drawRunningText(doc, "", (n, total) => `Page ${n} sur ${total}`);
  });
}

/** Grey bars where lines of text would be. */
export function drawFakeScan(doc: PdfKitDoc): void {
  for (let line = 0; line < 30; line++) {
    doc.rect(50, 60 + line * 15, 200 + ((line * 37) % 110), 6).fill("#555555");
  }
  doc.circle(300, 540, 20).stroke();
}

/** A contract whose second page is a scan (no text) between two text pages. */
export async function makePartlyScannedPdf(): Promise<Uint8Array> {
  return renderPdf((doc) => {
    doc.font("Helvetica").fontSize(11).text(contractText(paragraph(1)), { align: "justify" });
    doc.addPage();
    drawFakeScan(doc);
    doc.addPage();
    doc.font("Helvetica").fontSize(11).text(contractText(paragraph(3)), { align: "justify" });
  });
}

function paragraph(index: number): string {
  const block = CONTRACT.filter((b) => b.kind === "paragraph")[index];
  if (!block || !("text" in block)) throw new Error(`no paragraph ${index}`);
  return block.text;
}

/** A download that stopped half way. */
export async function makeTruncatedPdf(): Promise<Uint8Array> {
  const bytes = await makeContractPdf();
  return bytes.slice(0, Math.floor(bytes.byteLength / 2));
}

/** Deterministic noise (a tiny linear congruential generator), optionally behind a PDF signature. */
export function noise(length: number, prefix = ""): Uint8Array {
  const bytes = new Uint8Array(length);
  const head = new TextEncoder().encode(prefix);
  bytes.set(head);
  let state = 0x2545f491;
  for (let i = head.length; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}
