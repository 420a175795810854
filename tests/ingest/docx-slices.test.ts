import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readDocxInSlices } from "../../src/ingest/docx/index.js";
import { joinable } from "../../src/ingest/docx/html.js";
import { numberedStyles, sliceBody } from "../../src/ingest/docx/slices.js";
import { DEFAULT_LIMITS } from "../../src/ingest/types.js";
import { layoutDocx, longDocx, patchZip, structureDocx, themeFontDocx } from "../helpers/make-docx.js";

/** Issue #16: a large document.xml is read in slices, by our walker and by mammoth, with the same result. */

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const part = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${body}</w:body></w:document>`;
const p = (text: string, pPr = "", extra = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}<w:r>${extra}<w:t>${text}</w:t></w:r></w:p>`;
const firstText = (piece: string) => /<w:t>([^<]*)<\/w:t>/.exec(piece)?.[1];

describe("cutting the body of document.xml into slices", () => {
  it("cuts only before a paragraph where neither reader carries anything over", () => {
    const body = [
      p("A"),
      p("B", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'), // a list item: it joins the list before it
      p("C"), // right after a list item: a list item of a numbered style could come before
      '<w:tbl><w:tr><w:tc>' + p("Cellule") + "</w:tc></w:tr></w:tbl>",
      p("D", "", '<w:fldChar w:fldCharType="begin"/>'),
      p("E", "", '<w:fldChar w:fldCharType="end"/>'), // inside a field that began in D
      p("F"),
      p("G", '<w:rPr><w:del w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z"/></w:rPr>'), // its mark is deleted: G joins H
      p("H"),
      '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>',
    ].join("");
    const xml = part(body);
    const slices = sliceBody(xml, 1)!;
    expect(slices.head + slices.pieces.join("") + slices.tail).toBe(xml);
    expect(slices.head.endsWith("<w:body>")).toBe(true);
    expect(slices.tail).toBe("</w:body></w:document>");
    expect(slices.pieces.map(firstText)).toEqual(["A", "D", "F", "G"]);
  });

  it("makes pieces of at least the size asked for", () => {
    const xml = part(Array.from({ length: 40 }, (_, i) => p(`Paragraphe ${String(i).padStart(2, "0")}`)).join(""));
    const one = p("Paragraphe 10").length;
    const slices = sliceBody(xml, 3 * one)!;
    // 13 pieces of three paragraphs, then the fortieth alone.
    expect(slices.pieces).toHaveLength(14);
    expect(slices.pieces.slice(0, -1).every((piece) => piece.length >= 3 * one)).toBe(true);
    expect(sliceBody(xml, xml.length)).toBeUndefined();
  });

  it("treats paragraphs of a style numbering.xml numbers as list items", () => {
    const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:pStyle w:val="Puce"/></w:lvl></w:abstractNum></w:numbering>`;
    expect(numberedStyles(numbering)).toEqual(new Set(["Puce"]));
    const xml = part(p("A") + p("B", '<w:pStyle w:val="Puce"/>') + p("C") + p("D"));
    expect(sliceBody(xml, 1, numberedStyles(numbering))!.pieces.map(firstText)).toEqual(["A", "D"]);
    expect(sliceBody(xml, 1)!.pieces.map(firstText)).toEqual(["A", "B", "C", "D"]);
  });

  it("skips attribute values, text, comments and CDATA that look like tags", () => {
    const xml = part(
      p("A") +
        "<!-- <w:p> -->" +
        '<w:p w:rsidR="a>b"><w:r><w:t xml:space="preserve">x &gt; y</w:t></w:r></w:p>' +
        "<w:p><w:r><w:t><![CDATA[</w:p><w:p>]]></w:t></w:r></w:p>" +
        p("D"),
    );
    const slices = sliceBody(xml, 1)!;
    expect(slices.pieces).toHaveLength(4);
    expect(slices.pieces[0]).toBe(`${p("A")}<!-- <w:p> -->`);
    expect(slices.pieces[1]).toBe('<w:p w:rsidR="a>b"><w:r><w:t xml:space="preserve">x &gt; y</w:t></w:r></w:p>');
    expect(slices.pieces[2]).toBe("<w:p><w:r><w:t><![CDATA[</w:p><w:p>]]></w:t></w:r></w:p>");
  });

  it("leaves whole what it does not fully understand: the parser will say what is wrong", () => {
    const body = p("A") + p("B") + p("C");
    expect(sliceBody(part(body.replace("</w:r></w:p><w:p>", "</w:r></w:q><w:p>")), 1)).toBeUndefined();
    expect(sliceBody(part(body).replace("<w:document", '<!DOCTYPE w:document [<!ENTITY e "x">]><w:document'), 1)).toBeUndefined();
    expect(sliceBody(part(body).replace("</w:body>", ""), 1)).toBeUndefined();
    expect(sliceBody(part(body).replace("<w:body>", "<w:body/>"), 1)).toBeUndefined();
    // Nesting the parser refuses: the whole part must meet it, to fail as it always has.
    const deep = `<w:tbl><w:tr><w:tc>`.repeat(400) + p("Cellule") + `</w:tc></w:tr></w:tbl>`.repeat(400);
    expect(sliceBody(part(body + deep + body), 1)).toBeUndefined();
    expect(sliceBody(part(body + deep.replaceAll("<w:tbl><w:tr><w:tc>", "<w:tbl><w:tr>").replaceAll("</w:tc></w:tr></w:tbl>", "</w:tr></w:tbl>") + body), 1)?.pieces).toHaveLength(6);
  });

  it("keeps what comes before the body (a page background) in every slice's head", () => {
    const xml = part(p("A") + p("B")).replace("<w:body>", '<w:background w:color="FFFFFF"/><w:body>');
    expect(sliceBody(xml, 1)!.head.endsWith('<w:background w:color="FFFFFF"/><w:body>')).toBe(true);
  });
});

describe("joining two slices' HTML", () => {
  it("refuses a slice starting with a list after one ending with a list (mammoth would merge them)", () => {
    expect(joinable("ul", "ul")).toBe(false);
    expect(joinable("ol", "ul")).toBe(false);
    expect(joinable("p", "ul")).toBe(true);
    expect(joinable("ul", "p")).toBe(true);
    expect(joinable("table", "table")).toBe(true);
    expect(joinable("h1", "h1")).toBe(true);
    expect(joinable(undefined, "ul")).toBe(true);
    expect(joinable("ul", undefined)).toBe(true);
  });
});

describe("a DOCX read in slices reads exactly as read whole", () => {
  const context = { path: "tranches.docx", limits: DEFAULT_LIMITS };
  const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes, { filter: (file) => file.name === "word/document.xml" })["word/document.xml"]!);
  /** Plain paragraphs of longDocx, in order: the ones without properties. */
  const PLAIN = "<w:p><w:r>";
  const nth = (xml: string, n: number) => xml.split(PLAIN, n + 1).join(PLAIN).length;
  /**
   * State that crosses paragraphs: a deleted paragraph mark (its text joins the next paragraph)
   * and a hyperlink field running over three paragraphs.
   */
  const carryOver = async () =>
    patchZip(await longDocx(3), {
      "word/document.xml": (xml) => {
        let out = xml;
        const insert = (at: number, text: string) => (out = out.slice(0, at) + text + out.slice(at));
        insert(nth(out, 16) + "<w:p>".length, '<w:r><w:fldChar w:fldCharType="end"/></w:r>');
        insert(nth(out, 3) + "<w:p>".length, '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>');
        insert(nth(out, 1) + "<w:p>".length, '<w:pPr><w:rPr><w:del w:id="90" w:author="Direction" w:date="2026-01-15T10:00:00Z"/></w:rPr></w:pPr>');
        return out;
      },
    });
  /**
   * Two paragraphs that numbering.xml makes list items through their style, named there with a
   * character reference our hint of where to cut does not decode: a cut falls between them, and
   * the slices' HTML (two lists) would not join as mammoth joins them (one list).
   */
  const listAcrossCut = async () =>
    patchZip(await longDocx(2), {
      "word/numbering.xml": (xml) => xml.replace(/(<w:lvl w:ilvl="0"[^>]*>)/, '$1<w:pStyle w:val="Puce&#45;A"/>'),
      "word/document.xml": (xml) => {
        let out = xml;
        for (const n of [3, 2]) out = out.slice(0, nth(out, n)) + '<w:p><w:pPr><w:pStyle w:val="Puce-A"/></w:pPr>' + out.slice(nth(out, n) + "<w:p>".length);
        return out;
      },
    });
  const cases: [string, () => Promise<Uint8Array>, number][] = [
    ["a list whose items a cut would separate", listAcrossCut, 1],
    ["structure (lists, table, footnote, Title)", structureDocx, 1],
    ["layout (fonts, alignment, spacing)", layoutDocx, 1],
    ["theme fonts", themeFontDocx, 1],
    ["a deleted paragraph mark and a field across paragraphs", carryOver, 1],
    ["six pages of longDocx", () => longDocx(6), 2_000],
    ...["contrat-de-sejour", "livret-d-accueil", "livret-falc", "reglement-de-fonctionnement"].map(
      (name): [string, () => Promise<Uint8Array>, number] => [`fixtures/${name}.docx`, async () => new Uint8Array(readFileSync(join("fixtures", `${name}.docx`))), 5_000],
    ),
  ];

  it.each(cases)("%s", async (_name, make, sliceChars) => {
    const bytes = await make();
    // The test means something only when the body is really cut.
    expect(sliceBody(documentXml(bytes), sliceChars)?.pieces.length ?? 1).toBeGreaterThan(1);
    const whole = await readDocxInSlices(bytes, context, Number.POSITIVE_INFINITY);
    const sliced = await readDocxInSlices(bytes, context, sliceChars);
    expect(sliced).toEqual(whole);
  });

  it("the deleted paragraph mark and the field were read as such", async () => {
    const result = await readDocxInSlices(await carryOver(), context, 1);
    expect(result.warnings?.map((warning) => warning.code)).toContain("tracked-changes");
    // Page 1: heading, then five paragraphs, the first of which joins the second.
    expect(result.blocks.slice(0, 6).map((block) => block.type)).toEqual(["heading", "paragraph", "paragraph", "paragraph", "paragraph", "list"]);
  });
});
