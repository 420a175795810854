import { beforeAll, describe, expect, it } from "vitest";
import { readOdt } from "../../src/ingest/odt/index.js";
import { DEFAULT_LIMITS, type ReadResult } from "../../src/ingest/types.js";
import { buildDocument } from "../../src/model/build.js";
import type { BlockInput, ListInput, Run, TableInput } from "../../src/model/types.js";
import { isFalcError } from "../../src/errors.js";
import { contentXml, makeOdt, type OdtParts } from "../helpers/make-odt.js";
import { structureDocx } from "../helpers/make-docx.js";
import { expectConsistentOffsets } from "../helpers/offsets.js";
import { expectInputError } from "../helpers/temp.js";

const read = (bytes: Uint8Array, path = "tests/reglement.odt") => readOdt(bytes, { path, limits: DEFAULT_LIMITS });
const textOf = (runs: Run[]) => runs.map((run) => run.text).join("");
const blockText = (block: BlockInput) => (block.type === "heading" || block.type === "paragraph" ? textOf(block.runs) : "");

const FONT_FACES =
  '<style:font-face style:name="Liberation Serif" svg:font-family="&apos;Liberation Serif&apos;"/>' +
  '<style:font-face style:name="Liberation Sans" svg:font-family="&apos;Liberation Sans&apos;"/>' +
  '<style:font-face style:name="Arial1" svg:font-family="Arial"/>';

const STYLES =
  '<style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt"/></style:default-style>' +
  '<style:style style:name="Standard" style:family="paragraph"><style:paragraph-properties fo:text-align="justify"/></style:style>' +
  '<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard">' +
  '<style:paragraph-properties fo:text-align="start" fo:line-height="150%"/><style:text-properties style:font-name="Arial1" fo:font-size="14pt"/></style:style>' +
  '<style:style style:name="FALC_20_important" style:display-name="FALC important" style:family="paragraph" style:parent-style-name="Text_20_body">' +
  '<style:text-properties fo:font-weight="bold"/></style:style>' +
  '<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties style:font-name="Liberation Sans"/></style:style>' +
  '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading">' +
  '<style:paragraph-properties fo:text-align="start"/><style:text-properties fo:font-size="130%" fo:font-weight="bold"/></style:style>' +
  '<style:style style:name="Emphasis" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>' +
  '<text:list-style style:name="Puces"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/><text:list-level-style-bullet text:level="2" text:bullet-char="◦"/></text:list-style>' +
  '<text:list-style style:name="Numbering_20_123" style:display-name="Numbering 123"><text:list-level-style-number text:level="1" style:num-format="1"/></text:list-style>';

const AUTOMATIC =
  '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:text-align="center"/></style:style>' +
  '<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:line-height="0.6cm" fo:text-align="end"/></style:style>' +
  '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>' +
  '<style:style style:name="T2" style:family="text"><style:text-properties style:text-underline-style="solid"/></style:style>' +
  '<style:style style:name="T3" style:family="text"><style:text-properties fo:text-transform="uppercase" fo:font-size="18pt" style:font-name="Liberation Sans"/></style:style>';

const BODY =
  '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><office:change-info><dc:creator>Direction</dc:creator></office:change-info><text:p>ancien texte</text:p></text:deletion></text:changed-region></text:tracked-changes>' +
  '<text:h text:style-name="Heading_20_1" text:outline-level="1">Le règlement de fonctionnement</text:h>' +
  '<text:p text:style-name="Text_20_body">Vous avez <text:span text:style-name="T1">des droits</text:span><text:s text:c="3"/>et<text:tab/>' +
  '<text:span text:style-name="T2">des devoirs</text:span> <text:span text:style-name="Emphasis">ici<text:note text:id="n1" text:note-class="footnote">' +
  '<text:note-citation>1</text:note-citation><text:note-body><text:p text:style-name="Standard">Une note en bas de page.</text:p></text:note-body></text:note></text:span>.' +
  '<text:line-break/>Deuxième <text:span text:style-name="T3">ligne</text:span><text:soft-page-break/> ici.<text:change text:change-id="c1"/>' +
  '<office:annotation><dc:creator>Relecteur</dc:creator><text:p>Un commentaire.</text:p></office:annotation></text:p>\n' +
  '<text:h text:style-name="Heading_20_1" text:outline-level="2">Les horaires</text:h>' +
  '<text:list text:style-name="Puces"><text:list-item><text:p text:style-name="Text_20_body">Le matin</text:p>' +
  '<text:list><text:list-item><text:p text:style-name="Text_20_body">À 7 h</text:p></text:list-item></text:list></text:list-item>' +
  '<text:list-item><text:list><text:list-item><text:p text:style-name="Text_20_body">À 8 h</text:p></text:list-item></text:list></text:list-item>' +
  '<text:list-item><text:p text:style-name="Text_20_body">Le soir</text:p></text:list-item></text:list>' +
  '<text:list text:style-name="Numbering_20_123"><text:list-item><text:p>Lire</text:p></text:list-item><text:list-item><text:p>Signer</text:p></text:list-item></text:list>' +
  '<table:table table:name="Horaires"><table:table-column table:number-columns-repeated="2"/>' +
  '<table:table-header-rows><table:table-row><table:table-cell><text:p>Jour</text:p></table:table-cell><table:table-cell><text:p>Heure</text:p></table:table-cell></table:table-row></table:table-header-rows>' +
  '<table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Fermé le dimanche</text:p></table:table-cell><table:covered-table-cell/></table:table-row>' +
  '<table:table-row><table:table-cell><text:p>Lundi</text:p></table:table-cell><table:table-cell><text:p>9 h</text:p><text:p>17 h</text:p></table:table-cell></table:table-row>' +
  "</table:table>" +
  '<text:p text:style-name="P1">Un texte centré.<draw:frame draw:name="Image1"><draw:image xlink:href="Pictures/logo.png"/></draw:frame></text:p>' +
  '<text:p text:style-name="FALC_20_important">C’est important.<draw:frame draw:name="Cadre1"><draw:text-box><text:p text:style-name="Standard">Dans un cadre.</text:p></draw:text-box></draw:frame></text:p>' +
  '<text:p text:style-name="P2">Un interligne fixe.</text:p>' +
  '<text:section text:name="Annexe"><text:p>Dans une section.</text:p></text:section>';

const PARTS: OdtParts = { body: BODY, automaticStyles: AUTOMATIC, fontFaces: FONT_FACES, styles: STYLES, title: "Règlement de fonctionnement" };

describe("ODT structure", () => {
  let bytes: Uint8Array;
  let result: ReadResult;
  beforeAll(async () => {
    bytes = makeOdt(PARTS);
    result = await read(bytes);
  });

  it("keeps blocks in order: headings with their outline level, paragraphs, lists, tables, notes last", () => {
    const summary = result.blocks.map((block) => (block.type === "heading" ? `h${block.level}` : block.type));
    expect(summary).toEqual(["h1", "paragraph", "h2", "list", "list", "table", "paragraph", "paragraph", "paragraph", "paragraph", "paragraph", "paragraph"]);
    expect(result.blocks.slice(6).map(blockText)).toEqual([
      "Un texte centré.",
      "C’est important.",
      "Dans un cadre.",
      "Un interligne fixe.",
      "Dans une section.",
      "Une note en bas de page.",
    ]);
  });

  it("reads spans, spaces, tabs and line breaks; skips note marks, comments and page breaks", () => {
    const paragraph = result.blocks[1]!;
    expect(blockText(paragraph)).toBe("Vous avez des droits   et\tdes devoirs ici.\nDeuxième ligne ici.");
    if (paragraph.type !== "paragraph") throw new Error("expected a paragraph");
    const run = (text: string) => paragraph.runs.find((r) => r.text === text);
    expect(run("des droits")).toMatchObject({ bold: true, fontFamily: "Arial", fontSizePt: 14 });
    expect(run("des devoirs")).toMatchObject({ underline: true });
    expect(run("ici")).toMatchObject({ italic: true });
    expect(run("ligne")).toEqual({ text: "ligne", allCaps: true, fontFamily: "Liberation Sans", fontSizePt: 18 });
    expect(run("Vous avez ")).toEqual({ text: "Vous avez ", fontFamily: "Arial", fontSizePt: 14 });
  });

  it("nests lists, folds an item that only holds a nested list, and reads bullet vs number from the list style", () => {
    const bullets = result.blocks[3] as ListInput;
    expect(bullets.ordered).toBe(false);
    expect(bullets.items.map((item) => textOf(item.runs))).toEqual(["Le matin", "Le soir"]);
    expect(bullets.items[0]!.children!.map((list) => list.items.map((item) => textOf(item.runs)))).toEqual([["À 7 h"], ["À 8 h"]]);
    expect(bullets.layout).toEqual({ alignment: "left", lineSpacing: 1.5, styleName: "Text body" });
    const numbers = result.blocks[4] as ListInput;
    expect(numbers.ordered).toBe(true);
    expect(numbers.items.map((item) => textOf(item.runs))).toEqual(["Lire", "Signer"]);
    expect(numbers.firstNumber).toBeUndefined();
  });

  it("keeps the number a numbered list restarts at (text:start-value)", async () => {
    const restarted = PARTS.body.replace(
      '<text:list text:style-name="Numbering_20_123"><text:list-item>',
      '<text:list text:style-name="Numbering_20_123"><text:list-item text:start-value="3">',
    );
    const numbers = (await read(makeOdt({ ...PARTS, body: restarted }))).blocks[4] as ListInput;
    expect(numbers.firstNumber).toBe(3);
    expect(numbers.items.map((item) => textOf(item.runs))).toEqual(["Lire", "Signer"]);
  });

  it("reads tables as rows × cells, covered cells empty, several paragraphs of a cell on several lines", () => {
    const table = result.blocks[5] as TableInput;
    expect(table.rows.map((row) => row.map((cell) => textOf(cell.runs)))).toEqual([
      ["Jour", "Heure"],
      ["Fermé le dimanche", ""],
      ["Lundi", "9 h\n17 h"],
    ]);
  });

  it("resolves paragraph layout and fonts through parent styles and default styles", () => {
    const [heading, , , , , , centred, important, , fixed] = result.blocks;
    expect(heading).toMatchObject({ layout: { alignment: "left", lineSpacing: 1, styleName: "Heading 1" } });
    expect((heading as { runs: Run[] }).runs[0]).toEqual({ text: "Le règlement de fonctionnement", bold: true, fontFamily: "Liberation Sans", fontSizePt: 15.6 });
    expect(centred!.layout).toEqual({ alignment: "center", lineSpacing: 1.5, styleName: "Text body" });
    expect(important).toMatchObject({ layout: { alignment: "left", lineSpacing: 1.5, styleName: "FALC important" }, runs: [{ bold: true, fontFamily: "Arial", fontSizePt: 14 }] });
    // 0.6 cm = 17 pt for 12 pt text: about 1.23 single lines.
    expect(fixed!.layout).toEqual({ alignment: "right", lineSpacing: 1.23, styleName: "Standard" });
    expect(result.defaults).toEqual({ fontFamily: "Liberation Serif", fontSizePt: 12, alignment: "justify", lineSpacing: 1, styleName: "Standard" });
  });

  it("warns about images, notes and tracked changes", () => {
    expect(result.warnings?.map((w) => w.code).sort()).toEqual(["images-skipped", "notes-moved", "tracked-changes"]);
  });

  it("takes the title from meta.xml and builds consistent offsets", () => {
    expect(result.metadataTitle).toBe("Règlement de fonctionnement");
    const document = buildDocument({ path: "reglement.odt", format: "odt", bytes, ...result });
    expect(document.title).toBe("Règlement de fonctionnement");
    expect(document.text).toContain("Vous avez des droits et des devoirs ici.\nDeuxième ligne ici.");
    expect(document.text).not.toContain("ancien texte");
    expect(document.text).not.toContain("commentaire");
    expectConsistentOffsets(document);
  });

  it("makes headings of paragraphs in the Title, Subtitle and « Heading N » styles, as LibreOffice writes them", async () => {
    const styles =
      STYLES +
      '<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading"/>' +
      '<style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Heading"/>' +
      '<style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading"/>';
    const body =
      '<text:p text:style-name="Title">Livret d’accueil</text:p><text:p text:style-name="Subtitle">Foyer Les Genêts</text:p>' +
      '<text:p text:style-name="Heading_20_3">Les repas</text:p><text:p text:style-name="Heading">Un simple paragraphe.</text:p>';
    const titled = await read(makeOdt({ ...PARTS, styles, body }));
    expect(titled.blocks.map((block) => (block.type === "heading" ? `h${block.level}` : block.type))).toEqual(["h1", "h2", "h3", "paragraph"]);
  });

  it("tolerates a missing mimetype when content.xml holds text", async () => {
    const tolerant = await read(makeOdt({ ...PARTS, mimetype: null }));
    expect(tolerant.blocks.length).toBe(result.blocks.length);
  });
});

describe("bad ODT files fail with a French error naming the file", () => {
  const expectOdtError = (bytes: Uint8Array, code: string, path: string) => expectInputError(read(bytes, path), code, path);

  it("a spreadsheet renamed .odt", async () => {
    await expectOdtError(makeOdt({ ...PARTS, mimetype: "application/vnd.oasis.opendocument.spreadsheet" }), "format-mismatch", "tableau.odt");
  });

  it("a content.xml that is not well-formed XML", async () => {
    const broken = contentXml(PARTS).replace("</office:text>", "");
    await expectOdtError(makeOdt({ ...PARTS, rawContent: broken }), "corrupt-file", "cassé.odt");
  });

  it("an empty content.xml", async () => {
    const bytes = makeOdt({ ...PARTS, rawContent: "" });
    await expectOdtError(bytes, "corrupt-file", "vide.odt");
  });

  it("a password-protected document", async () => {
    const manifest =
      '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">' +
      '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/></manifest:file-entry>' +
      "</manifest:manifest>";
    await expectOdtError(makeOdt({ ...PARTS, manifest }), "encrypted-document", "secret.odt");
  });

  it("a Word document renamed .odt", async () => {
    await expectOdtError(await structureDocx(), "format-mismatch", "word.odt");
  });

  it("a truncated file", async () => {
    const bytes = makeOdt(PARTS);
    await expectOdtError(bytes.subarray(0, bytes.byteLength - 40), "corrupt-file", "coupé.odt");
  });
});

describe("hostile nesting (found by the ingestion fuzz test)", () => {
  it("spans nested 50 000 deep are refused cleanly instead of overflowing the stack", async () => {
    const body = `<text:p>Un texte. ${"<text:span>".repeat(50_000)}mot${"</text:span>".repeat(50_000)}</text:p>`;
    const error = await read(makeOdt({ ...PARTS, body }), "gigogne.odt").catch((e: unknown) => e);
    expect(isFalcError(error), String(error)).toBe(true);
    expect(isFalcError(error) && error.code).toBe("too-complex");
    expect(isFalcError(error) && error.exitCode).toBe(2);
    expect(isFalcError(error) && error.message).toContain("gigogne.odt");
  });

  it("lists nested below the limit are still read", async () => {
    const body = `${"<text:list><text:list-item>".repeat(200)}<text:p>Élément profond.</text:p>${"</text:list-item></text:list>".repeat(200)}`;
    const result = await read(makeOdt({ ...PARTS, body }));
    expect(JSON.stringify(result.blocks)).toContain("Élément profond.");
  });
});
