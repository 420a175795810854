import { execFileSync, spawnSync } from "node:child_process";
import type { Element } from "@xmldom/xmldom";
import { beforeAll, describe, expect, it } from "vitest";
import { builtinBank } from "../../src/pictograms/builtin.js";
import { choosePictograms } from "../../src/pictograms/choose.js";
import { renderConvertJson } from "../../src/render/convert-json.js";
import { renderFalcDocx } from "../../src/render/falc-docx.js";
import { renderReviewDocx } from "../../src/render/review-docx.js";
import { PICTURE_QUESTION } from "../../src/render/review/verdict.js";
import { readReviewDocx } from "../../src/review/read-docx.js";
import type { ConvertResult } from "../../src/rewrite/types.js";
import { buildConvertResult } from "../helpers/convert-result.js";
import { ReviewFiller } from "../helpers/fill-review.js";
import { tempDir } from "../helpers/temp.js";
import { W, all, child, readParts, text, val } from "../render/docx-xml.js";

const WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
/** 2.5 cm in EMU (docx rounds the size to whole pixels at 96 dpi). */
const PICTURE_EMU = 2.5 * 360_000;

let plain: ConvertResult;
let pictured: ConvertResult;
beforeAll(async () => {
  plain = buildConvertResult();
  pictured = buildConvertResult();
  const { warnings, ...plan } = await choosePictograms(pictured.sections, [builtinBank()]);
  expect(warnings).toEqual([]);
  pictured.pictograms = plan;
});

const choices = (result: ConvertResult) => [...result.pictograms!.sections.entries()].flatMap(([section, list]) => list.map((choice) => ({ section, ...choice })));
const docPr = (node: Element) => Array.from(node.getElementsByTagNameNS(WP, "docPr"));
const body = (bytes: Uint8Array) => child(readParts(bytes).document.documentElement!, "body")!;
const topLevel = (root: Element, name: string) => Array.from(root.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === W);

describe("the FALC document with pictures", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await renderFalcDocx(pictured);
  });

  it("chose pictures for some blocks of the contract, not all", () => {
    const chosen = choices(pictured);
    expect(chosen.length).toBeGreaterThanOrEqual(3);
    expect(chosen.length).toBeLessThan(pictured.sections.reduce((n, s) => n + s.rewrite.blocks.length, 0));
  });

  it("puts each picture block in a borderless two-column row: the picture (2.5 cm), then the text", () => {
    const rows = topLevel(body(bytes), "tbl").filter((tbl) => docPr(tbl).length > 0);
    expect(rows).toHaveLength(choices(pictured).length);
    for (const tbl of rows) {
      const borders = child(child(tbl, "tblPr"), "tblBorders")!;
      for (const side of ["top", "left", "bottom", "right", "insideH", "insideV"]) expect(val(child(borders, side))).toMatch(/^(none|nil)$/);
      expect(all(tbl, "gridCol")).toHaveLength(2);
      const [pictureCell, textCell] = all(tbl, "tc");
      expect(docPr(pictureCell!)).toHaveLength(1);
      expect(text(pictureCell!)).toBe("");
      expect(text(textCell!).length).toBeGreaterThan(10);
      const extent = pictureCell!.getElementsByTagNameNS(WP, "extent")[0]!;
      expect(Math.abs(Number(extent.getAttribute("cx")) - PICTURE_EMU)).toBeLessThan(PICTURE_EMU * 0.01);
    }
  });

  it("gives each picture its keyword as alternative text, and ships the SVG with a PNG for Word", () => {
    const descriptions = docPr(readParts(bytes).document.documentElement!).map((pr) => pr.getAttribute("descr"));
    expect(descriptions).toEqual(choices(pictured).map((choice) => choice.keyword));
    const media = Object.keys(readParts(bytes).files).filter((name) => name.startsWith("word/media/"));
    expect(media.some((name) => name.endsWith(".svg"))).toBe(true);
    expect(media.some((name) => name.endsWith(".png"))).toBe(true);
  });

  it("ends the text with a line crediting the bank and its licence", () => {
    const paragraphs = topLevel(body(bytes), "p").map(text).filter((t) => t.trim() !== "");
    expect(paragraphs.at(-1)).toBe("Images : OpenMoji (openmoji.org), licence CC BY-SA 4.0.");
  });

  it("is unchanged without pictures: no row, no drawing, no credits", async () => {
    const without = await renderFalcDocx(plain);
    expect(docPr(readParts(without).document.documentElement!)).toEqual([]);
    expect(topLevel(body(without), "p").map(text).join("\n")).not.toContain("Images :");
  });

  it("is the same file for the same result", async () => {
    expect(Buffer.from(await renderFalcDocx(pictured)).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe("the review document with pictures", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await renderReviewDocx(pictured);
  });

  it("floats each picture at the left of its block in « Version facile à lire », its text indented past it", () => {
    const anchors = Array.from(readParts(bytes).document.getElementsByTagNameNS(WP, "anchor"));
    expect(anchors).toHaveLength(choices(pictured).length);
    for (const anchor of anchors) {
      expect(anchor.getAttribute("layoutInCell")).toBe("1");
      let paragraph = anchor.parentNode as Element;
      while (paragraph.localName !== "p") paragraph = paragraph.parentNode as Element;
      expect(Number(val(child(child(paragraph, "pPr"), "ind"), "left") ?? val(child(child(paragraph, "pPr"), "ind"), "start"))).toBeGreaterThan(900);
    }
  });

  it("asks the readers whether the picture helps, beside the form falc reads back", () => {
    const xml = new TextDecoder().decode(readParts(bytes).files["word/document.xml"]).replace(/\u00a0/g, " ");
    expect(xml).toContain(PICTURE_QUESTION);
    const read = readReviewDocx(bytes, "relecture.docx");
    // Untouched: the pictures and the question are neither a verdict, a remark nor an edit.
    expect(read.sections.every((row) => row.verdict === "none" && row.remarks.length === 0 && !row.edited)).toBe(true);
    const section = choices(pictured)[0]!.section;
    const row = pictured.sections.findIndex((s) => s.index === section);
    const filled = new ReviewFiller(bytes).tick(row, "compris").remark(row, "L’image ne va pas avec la phrase.").bytes();
    const again = readReviewDocx(filled, "relecture.docx").sections.find((r) => r.stored.index === section)!;
    expect(again.verdict).toBe("understood");
    expect(again.remarks).toEqual(["L’image ne va pas avec la phrase."]);
  });
});

describe("the JSON report", () => {
  it("lists the picture chosen per block (bank, file, keyword, score) and the banks, only with pictures", () => {
    const report = JSON.parse(renderConvertJson(pictured));
    const listed = report.sections.flatMap((s: { index: number; pictograms: object[] }) => s.pictograms.map((p) => ({ section: s.index, ...p })));
    expect(listed).toEqual(choices(pictured));
    for (const item of listed) expect(Object.keys(item).sort()).toEqual(["bank", "block", "file", "keyword", "score", "section"]);
    expect(report.pictograms.banks).toEqual([{ id: "openmoji", label: "banque intégrée OpenMoji", licence: "OpenMoji (openmoji.org), licence CC BY-SA 4.0", builtin: true }]);
    const without = JSON.parse(renderConvertJson(plain));
    expect("pictograms" in without).toBe(false);
    expect(without.sections.some((s: object) => "pictograms" in s)).toBe(false);
  });
});

const tools = ["soffice", "pdftohtml"].every((tool) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0);

describe.skipIf(!tools)("rendered by LibreOffice", () => {
  it("shows each picture on the left of its block, its top level with the block's first line", async () => {
    const temp = tempDir("falc-pictures-");
    const input = temp.write("contrat.falc.docx", await renderFalcDocx(pictured));
    execFileSync("soffice", [`-env:UserInstallation=file://${temp.path("profile")}`, "--headless", "--convert-to", "pdf", "--outdir", temp.dir, input], { stdio: "ignore", timeout: 120_000 });
    const xml = execFileSync("pdftohtml", ["-xml", "-i", "-stdout", "-q", temp.path("contrat.falc.pdf")], { encoding: "utf8" });
    const xmlWithImages = execFileSync("pdftohtml", ["-xml", "-stdout", "-q", temp.path("contrat.falc.pdf")], { encoding: "utf8" });
    const pages = xmlWithImages.split("<page ").slice(1);
    const images = pages.flatMap((page, p) => [...page.matchAll(/<image top="(\d+)" left="(\d+)" width="(\d+)" height="(\d+)"/g)].map((m) => ({ page: p, top: +m[1]!, left: +m[2]!, width: +m[3]!, height: +m[4]! })));
    const lines = xml.split("<page ").slice(1).flatMap((page, p) => [...page.matchAll(/<text top="(\d+)" left="(\d+)" width="(\d+)"/g)].map((m) => ({ page: p, top: +m[1]!, left: +m[2]! })));
    const pageWidth = Number(/width="(\d+)"/.exec(pages[0]!)![1]);
    expect(images).toHaveLength(choices(pictured).length);
    for (const image of images) {
      // 2.5 cm on a 21 cm page.
      expect(image.width / pageWidth).toBeCloseTo(2.5 / 21, 2);
      const beside = lines.filter((line) => line.page === image.page && Math.abs(line.top - image.top) <= 4 && line.left >= image.left + image.width);
      expect(beside.length, `a line of text level with the picture at ${image.top}`).toBeGreaterThan(0);
    }
  }, 180_000);
});
