import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { FalcError } from "../../src/errors.js";
import { isPageNumber } from "../../src/ingest/pdf/furniture.js";
import { collectCompounds, joinKind } from "../../src/ingest/pdf/hyphenation.js";
import { readPdf } from "../../src/ingest/pdf/index.js";
import { isAbsorbedPdfjsRejection } from "../../src/ingest/pdf/pdfjs.js";
import { matchMarker } from "../../src/ingest/pdf/markers.js";
import { meaningfulTitle } from "../../src/ingest/pdf/title.js";
import { DEFAULT_LIMITS, IngestErrorCode, type ReadResult } from "../../src/ingest/types.js";
import { buildDocument } from "../../src/model/build.js";
import type { BlockInput, FalcDocument, ListInput } from "../../src/model/types.js";
import {
  CONTRACT,
  CONTRACT_HEADER,
  contractText,
  makeContractPdf,
  makeOwnerOnlyPdf,
  makePartlyScannedPdf,
  makePasswordPdf,
  makeScannedPdf,
  makeTruncatedPdf,
  noise,
  renderPdf,
  type PdfKitDoc,
} from "../helpers/make-pdf.js";
import { expectConsistentOffsets } from "../helpers/offsets.js";

const read = (bytes: Uint8Array, path = "contrat.pdf", maxPages = DEFAULT_LIMITS.maxPages) =>
  readPdf(bytes, { path, limits: { ...DEFAULT_LIMITS, maxPages } });

const textOf = (block: { runs: { text: string }[] }) => block.runs.map((run) => run.text).join("");
const paragraphs = (result: ReadResult) => result.blocks.filter((b) => b.type === "paragraph").map((b) => textOf(b as { runs: { text: string }[] }));
const headings = (result: ReadResult) =>
  result.blocks.flatMap((b) => (b.type === "heading" ? [{ level: b.level, text: textOf(b) }] : []));
const lists = (result: ReadResult) => result.blocks.filter((b): b is ListInput => b.type === "list");

/** Catches the FalcError a promise rejects with, failing the test if it resolves. */
async function failure(promise: Promise<unknown>): Promise<FalcError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FalcError);
  return error as FalcError;
}

/** Draws lines exactly where the test wants them, one text item each. */
function drawLines(doc: PdfKitDoc, lines: string[], options: { x?: number; y?: number; size?: number; gap?: number } = {}): void {
  const size = options.size ?? 11;
  doc.font("Helvetica").fontSize(size);
  lines.forEach((line, index) => doc.text(line, options.x ?? 50, (options.y ?? 60) + index * (options.gap ?? size * 1.2), { lineBreak: false }));
}

describe("readPdf on a three-page contract", () => {
  let bytes: Uint8Array;
  let result: ReadResult;
  let document: FalcDocument;

  beforeAll(async () => {
    bytes = await makeContractPdf();
    result = await read(bytes);
    document = buildDocument({ path: "contrat.pdf", format: "pdf", bytes, ...result });
  });

  it("finds the title and section headings, ranked by font size, and bold lines below them", () => {
    const expected = CONTRACT.flatMap((b) =>
      b.kind === "title" ? [{ level: 1, text: b.text }] : b.kind === "heading" ? [{ level: 2, text: b.text }] : b.kind === "subheading" ? [{ level: 3, text: b.text }] : [],
    );
    expect(headings(result)).toEqual(expected);
    expect(document.title).toBe("Contrat de séjour");
  });

  it("rebuilds every paragraph exactly: wrapped lines joined by one space, cut words glued back", () => {
    const expected = CONTRACT.flatMap((b) => (b.kind === "paragraph" ? [contractText(b.text)] : []));
    expect(paragraphs(result)).toEqual(expected);
    expect(document.text).toContain("entre dans l’établissement. Il est conclu");
    // The paragraph cut by the page break is whole, with no footer or header inside it.
    expect(document.text).toContain("lorsque l’état de santé de la personne le nécessite.");
  });

  it("drops the running header, the footer and the page numbers", () => {
    expect(document.text).not.toContain(CONTRACT_HEADER);
    expect(document.text).not.toMatch(/Page \d/);
    expect(document.text).not.toMatch(/sur 3/);
  });

  it("turns bullets and numbers into lists, wrapped lines joined into their item", () => {
    const expected = CONTRACT.flatMap((b) => (b.kind === "bullets" || b.kind === "numbered" ? [{ ordered: b.kind === "numbered", items: b.items }] : []));
    expect(lists(result).map((list) => ({ ordered: list.ordered, items: list.items.map(textOf) }))).toEqual(expected);
  });

  it("keeps font size, bold and font name on the runs", () => {
    const title = result.blocks[0];
    expect(title?.type === "heading" && title.runs[0]).toMatchObject({ bold: true, fontSizePt: 20, fontFamily: "Helvetica" });
    const body = result.blocks.find((b) => b.type === "paragraph");
    expect(body?.type === "paragraph" && body.runs[0]).toEqual({ text: expect.any(String), fontSizePt: 11, fontFamily: "Helvetica" });
  });

  it("measures alignment and line spacing where the lines show them", () => {
    const layoutOf = (start: string) => result.blocks.find((b) => b.type === "paragraph" && textOf(b).startsWith(start))?.layout;
    expect(layoutOf("Le présent contrat est conclu")).toEqual({ alignment: "justify", lineSpacing: expect.closeTo(1, 1) });
    expect(layoutOf("Le contrat débute")).toEqual({ alignment: "left", lineSpacing: expect.closeTo(1, 1) });
    expect(layoutOf("Fait en deux exemplaires")).toBeUndefined();
    expect(result.defaults).toEqual({ fontSizePt: 11, fontFamily: "Helvetica" });
  });

  it("has offsets that point back into the document text", () => {
    expect(document.sections.flatMap((section) => section.blocks).length).toBeGreaterThan(20);
    expectConsistentOffsets(document);
    expect(document.warnings).toEqual([]);
  });

  it("leaves the caller's bytes intact (pdfjs detaches the buffer it is given)", () => {
    expect(bytes.byteLength).toBeGreaterThan(1000);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
  });

  it("reads a Node Buffer, as readFile returns, which pdfjs itself refuses", async () => {
    const buffer = Buffer.from(bytes);
    expect(paragraphs(await read(buffer))).toEqual(paragraphs(result));
    expect(buffer.byteLength).toBe(bytes.byteLength);
  });
});

describe("readPdf metadata and limits", () => {
  it("prefers a meaningful Title from the PDF info, and ignores a file name", async () => {
    const titled = await read(await makeContractPdf({ title: "Contrat de séjour 2026 – EHPAD Les Tilleuls" }));
    expect(titled.metadataTitle).toBe("Contrat de séjour 2026 – EHPAD Les Tilleuls");
    const named = await read(await makeContractPdf({ title: "Microsoft Word - contrat_sejour_v3.docx" }));
    expect(named.metadataTitle).toBeUndefined();
  });

  it("reads at most maxPages pages and says so", async () => {
    const result = await read(await makeContractPdf(), "contrat.pdf", 1);
    expect(result.warnings).toEqual([
      { code: "pdf-truncated", message: "Le PDF compte 3 pages : seules les 1 premières ont été lues (limite de pages fixée pour les PDF)." },
    ]);
    const text = result.blocks.map((b) => (b.type === "list" ? b.items.map(textOf).join(" ") : b.type === "table" ? "" : textOf(b))).join(" ");
    expect(text).toContain("Article 3 – Prestations");
    expect(text).not.toContain("Article 5");
  });

  it("removes page numbers written « 2/3 » or « - 2 - » and headers carrying the page number", async () => {
    for (const footer of [(n: number, t: number) => `${n}/${t}`, (n: number) => `- ${n} -`]) {
      const result = await read(await makeContractPdf({ header: "", footer }));
      expect(paragraphs(result)).toEqual(CONTRACT.flatMap((b) => (b.kind === "paragraph" ? [contractText(b.text)] : [])));
    }
    const result = await read(await makeContractPdf({ header: "Règlement de fonctionnement", footer: (n) => `Les Tilleuls – page ${n}` }));
    const all = JSON.stringify(result.blocks);
    expect(all).not.toContain("Règlement de fonctionnement");
    expect(all).not.toContain("Les Tilleuls – page");
  });
});

describe("readPdf on bad PDFs", () => {
  it("rejects a password-protected PDF, naming the file and what to do", async () => {
    const error = await failure(read(await makePasswordPdf(), "secret.pdf"));
    expect(error.code).toBe(IngestErrorCode.encrypted);
    expect(error.exitCode).toBe(2);
    expect(error.file).toBe("secret.pdf");
    expect(error.message).toBe("Le PDF secret.pdf est protégé par un mot de passe.");
    expect(error.hint).toMatch(/^Enregistrez une copie sans mot de passe/);
  });

  it("reads a PDF that only has an owner password (restrictions, no password to open)", async () => {
    const result = await read(await makeOwnerOnlyPdf());
    expect(paragraphs(result)).toEqual(CONTRACT.flatMap((b) => (b.kind === "paragraph" ? [contractText(b.text)] : [])));
  });

  it("rejects a truncated PDF, random bytes and a PDF signature followed by noise as corrupt", async () => {
    for (const [bytes, path] of [
      [await makeTruncatedPdf(), "coupe.pdf"],
      [noise(4096), "bruit.pdf"],
      [noise(4096, "%PDF-1.7\n"), "faux.pdf"],
    ] as const) {
      const error = await failure(read(bytes, path));
      expect(error.code).toBe(IngestErrorCode.corrupt);
      expect(error.exitCode).toBe(2);
      expect(error.message).toBe(`Le PDF ${path} est endommagé ou incomplet : il ne peut pas être lu.`);
      expect(error.hint).toMatch(/exportez de nouveau le document en PDF/);
    }
  });

  it("rejects a scanned PDF with no text layer, pointing to OCR", async () => {
    const error = await failure(read(await makeScannedPdf(2), "scan.pdf"));
    expect(error.code).toBe(IngestErrorCode.scannedPdf);
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe("Le PDF scan.pdf ne contient pas de texte : c’est sans doute un document scanné.");
    expect(error.hint).toMatch(/^Passez-le d’abord dans un logiciel de reconnaissance de caractères \(OCR\)/);
    const stamped = await failure(read(await makeScannedPdf(3, true), "scan.pdf"));
    expect(stamped.code).toBe(IngestErrorCode.scannedPdf);
  });

  it("warns about the pages that have no text when others have", async () => {
    const result = await read(await makePartlyScannedPdf());
    expect(result.warnings?.map((w) => w.code)).toEqual(["pdf-pages-without-text"]);
    expect(result.warnings?.[0]?.message).toMatch(/^La page 2 ne contient pas de texte : ce sont peut-être des pages scannées/);
    expect(paragraphs(result)).toHaveLength(2);
  });
});

describe("readPdf line and block reconstruction", () => {
  const readLines = async (draw: (doc: PdfKitDoc) => void): Promise<BlockInput[]> => (await read(await renderPdf(draw))).blocks;

  it("inserts the spaces a PDF leaves out between separately placed words", async () => {
    const blocks = await readLines((doc) => {
      doc.font("Helvetica").fontSize(11);
      let x = 50;
      for (const word of ["Le", "résident", "choisit", "ses", "repas."]) {
        doc.text(word, x, 80, { lineBreak: false });
        x += doc.widthOfString(word) + 3.5;
      }
    });
    expect(blocks.map((b) => b.type === "paragraph" && textOf(b))).toEqual(["Le résident choisit ses repas."]);
  });

  it("keeps the hyphen of a compound cut at the line end, and glues a cut word", async () => {
    const blocks = await readLines((doc) =>
      drawLines(doc, [
        "Il est peut-",
        "être utile de relire ce contrat avec une aide-",
        "soignante ou avec un proche, dans le respect de l’inti-",
        "mité de chacun.",
      ]),
    );
    expect(blocks.map((b) => b.type === "paragraph" && textOf(b))).toEqual([
      "Il est peut-être utile de relire ce contrat avec une aide-soignante ou avec un proche, dans le respect de l’intimité de chacun.",
    ]);
  });

  it("does not take a dash opening a wrapped line for a bullet", async () => {
    const blocks = await readLines((doc) =>
      drawLines(doc, ["La personne accueillie peut, à tout moment et sans avoir à se", "– justifier auprès de quiconque – quitter l’établissement."]),
    );
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.type).toBe("paragraph");
  });

  it("nests indented items and reads « a) » markers as an ordered list", async () => {
    const blocks = await readLines((doc) => {
      drawLines(doc, ["Vous pouvez apporter :"]);
      drawLines(doc, ["• des meubles :", "• des objets personnels."], { x: 60, y: 80, gap: 39 });
      drawLines(doc, ["a) une commode ;", "b) un fauteuil."], { x: 80, y: 93, gap: 13 });
    });
    expect(blocks[0]?.type === "paragraph" && textOf(blocks[0])).toBe("Vous pouvez apporter :");
    const list = blocks[1] as ListInput;
    expect(list).toMatchObject({ type: "list", ordered: false });
    expect(list.items.map(textOf)).toEqual(["des meubles :", "des objets personnels."]);
    expect(list.items[0]?.children?.map((child) => ({ ordered: child.ordered, items: child.items.map(textOf) }))).toEqual([
      { ordered: true, items: ["une commode ;", "un fauteuil."] },
    ]);
  });
});

describe("PDF reader loading", () => {
  it("does not load pdfjs until a PDF is read (it polyfills DOMMatrix when it loads)", () => {
    const script =
      "await import('./src/ingest/pdf/index.ts'); const before = typeof globalThis.DOMMatrix;" +
      "await import('pdfjs-dist/legacy/build/pdf.mjs'); console.log(before, typeof globalThis.DOMMatrix);";
    const output = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
    expect(output.trim()).toBe("undefined function");
  });
});

describe("PDF layout helpers", () => {
  it("recognises page numbers in their usual French forms only", () => {
    for (const text of ["3", "Page 3", "page 3 sur 12", "3/12", "3 / 12", "- 3 -", "– 12 –", "p. 4"]) expect(isPageNumber(text)).toBe(true);
    for (const text of ["Article 3", "3 repas par jour", "Page suivante", "2026-2027 :"]) expect(isPageNumber(text)).toBe(false);
  });

  it("decides how a line ending with a hyphen joins the next one", () => {
    const none = new Set<string>();
    expect(joinKind("l’établisse-", "ment du résident", none)).toBe("join");
    expect(joinKind("il est peut-", "être utile", none)).toBe("keep-hyphen");
    expect(joinKind("à Saint-", "Étienne", none)).toBe("keep-hyphen");
    expect(joinKind("pour 2025-", "2026", none)).toBe("keep-hyphen");
    expect(joinKind("le secteur médico-", "social", none)).toBe("keep-hyphen");
    expect(joinKind("une aide-", "ménagère", none)).toBe("join");
    expect(joinKind("une aide-", "ménagère", collectCompounds(["l’aide-ménagère passe le mardi"]))).toBe("keep-hyphen");
    expect(joinKind("la date", "du contrat", none)).toBe("space");
    expect(joinKind("le séjour –", "sauf avis", none)).toBe("space");
    expect(joinKind("établisse\u00AD", "ment", none)).toBe("join");
  });

  it("recognises bullets and numbered markers", () => {
    expect(matchMarker("• des meubles")).toEqual({ ordered: false, certain: true, rest: "des meubles" });
    expect(matchMarker("\uF0B7 des meubles")).toMatchObject({ certain: true, rest: "des meubles" });
    expect(matchMarker("– des meubles")).toEqual({ ordered: false, certain: false, rest: "des meubles" });
    expect(matchMarker("12. Les repas")).toEqual({ ordered: true, certain: false, rest: "Les repas", number: 12 });
    expect(matchMarker("a) une commode")).toMatchObject({ ordered: true, number: 1 });
    expect(matchMarker("c) une armoire")).toMatchObject({ ordered: true, number: 3 });
    expect(matchMarker("iv) un lit")).toMatchObject({ ordered: true, number: 4 });
    expect(matchMarker("* note de bas de page")).toBeUndefined();
    expect(matchMarker("1,5 % par an")).toBeUndefined();
    expect(matchMarker("•")).toBeUndefined();
  });

  it("keeps only metadata titles that describe the document", () => {
    expect(meaningfulTitle("  Livret d’accueil  ")).toBe("Livret d’accueil");
    for (const junk of ["Microsoft Word - Livret.docx", "contrat.pdf", "Document1", "Untitled", "contrat_v3", "", "AB", 42]) {
      expect(meaningfulTitle(junk)).toBeUndefined();
    }
  });
});

describe("a page tree whose kids cannot be fetched (found by the ingestion fuzz test)", () => {
  /** Catalog and page tree are sound; both kids point into the middle of object 1. */
  function brokenKidsPdf(): Uint8Array {
    const objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>"];
    let out = "%PDF-1.4\n";
    const offsets: number[] = [];
    objects.forEach((body, i) => {
      offsets.push(out.length);
      out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    });
    const entry = (offset: number) => `${String(offset).padStart(10, "0")} 00000 n \n`;
    const bogus = offsets[0]! + 3;
    const xref = out.length;
    out += `xref\n0 5\n0000000000 65535 f \n${entry(offsets[0]!)}${entry(offsets[1]!)}${entry(bogus)}${entry(bogus)}`;
    out += `trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return new TextEncoder().encode(out);
  }

  it("gives a clean error and leaves no rejection for Node to crash on", async () => {
    // pdfjs prefetches both kids, fails on the first and drops the second promise: Node ended the
    // process on that rejection, after falc had reported its clean error. The reader absorbs it.
    const stray: unknown[] = [];
    const listener = (reason: unknown) => stray.push(reason);
    process.on("unhandledRejection", listener);
    try {
      const error = await readPdf(brokenKidsPdf(), { path: "arbre.pdf", limits: DEFAULT_LIMITS }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FalcError);
      expect((error as FalcError).exitCode).toBe(2);
      expect((error as FalcError).message).toContain("arbre.pdf");
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(stray.filter((reason) => !isAbsorbedPdfjsRejection(reason))).toEqual([]);
    } finally {
      process.off("unhandledRejection", listener);
    }
  });
});
