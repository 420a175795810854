import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { DOMParser, type Element, type Node } from "@xmldom/xmldom";
import { Document, Header, HeadingLevel, ImageRun, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { strFromU8, unzipSync } from "fflate";
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it } from "vitest";
import { ingestFile } from "../../src/ingest/index.js";
import { pack } from "../helpers/make-docx.js";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";

const tmp = tempDir("falc-annotate-");
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const hasSoffice = spawnSync("sh", ["-c", "command -v soffice"]).status === 0;

/** A red 2×2 PNG, made here: the document must hold a picture that the copy keeps. */
function png(): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header[8] = 8;
  header[9] = 2;
  const rows = Buffer.from([0, 255, 0, 0, 255, 0, 0, 0, 255, 0, 0, 255, 0, 0]);
  return new Uint8Array(Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]));
}

function contractDocx(): Promise<Uint8Array> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)], width: { size: 4500, type: WidthType.DXA } });
  return pack(
    new Document({
      sections: [
        {
          headers: { default: new Header({ children: [new Paragraph("Résidence Les Tilleuls – contrat de séjour")] }) },
          children: [
            new Paragraph({ text: "Article 1 – Le contrat", heading: HeadingLevel.HEADING_1 }),
            new Paragraph({
              children: [
                new TextRun("Le contrat "),
                new TextRun({ text: "est signé", bold: true }),
                new TextRun(" par le directeur conformément aux dispositions du règlement de la résidence."),
              ],
            }),
            new Paragraph({ children: [new ImageRun({ type: "png", data: png(), transformation: { width: 40, height: 40 } }), new TextRun(" Le repas est servi à midi dans la salle à manger.")] }),
            new Paragraph({ children: [new TextRun("Les "), new TextRun({ text: "rési", italics: true }), new TextRun("dents reçoivent le règlement de fonctionnement lors de leur arrivée.")] }),
            new Table({ columnWidths: [4500, 4500], rows: [new TableRow({ children: [cell("Prix"), cell("Le prix de journée est fixé par arrêté du président.")] })] }),
          ],
        },
      ],
    }),
  );
}

async function pdfText(path: string): Promise<string> {
  const parser = new PDFParse({ data: readFileSync(path) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Each w:p's runs as (formatting, text), neighbours with the same formatting merged: what the reader sees. */
function visibleRuns(xml: string): { pPr: string; runs: [string, string][] }[] {
  const document = new DOMParser().parseFromString(xml, "text/xml");
  const paragraphs = document.getElementsByTagNameNS(W, "p");
  const out: { pPr: string; runs: [string, string][] }[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs.item(i)!;
    const runs: [string, string][] = [];
    const walk = (node: Node): void => {
      for (let child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType !== 1) continue;
        const element = child as unknown as Element;
        if (element.namespaceURI === W && element.localName === "p") continue;
        if (element.namespaceURI === W && element.localName === "r") {
          if (element.getElementsByTagNameNS(W, "commentReference").length > 0) continue;
          const rPr = element.getElementsByTagNameNS(W, "rPr")[0];
          const text = Array.from(element.getElementsByTagNameNS(W, "t")).map((t) => t.textContent ?? "").join("");
          const format = rPr ? rPr.toString() : "";
          const last = runs[runs.length - 1];
          if (last && last[0] === format) last[1] += text;
          else runs.push([format, text]);
        } else walk(element);
      }
    };
    walk(paragraph);
    const pPr = paragraph.getElementsByTagNameNS(W, "pPr")[0];
    out.push({ pPr: pPr ? pPr.toString() : "", runs: runs.filter(([, text]) => text !== "") });
  }
  return out;
}

/** The text each comment range covers, in document order: w:t between commentRangeStart and commentRangeEnd. */
function commentedWords(xml: string): Map<string, string> {
  const covered = new Map<string, string>();
  const open = new Set<string>();
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      const element = child as unknown as Element;
      const id = element.getAttributeNS(W, "id") ?? "";
      if (element.localName === "commentRangeStart") open.add(id);
      else if (element.localName === "commentRangeEnd") open.delete(id);
      else if (element.localName === "t") for (const key of open) covered.set(key, (covered.get(key) ?? "") + (element.textContent ?? ""));
      else walk(element);
    }
  };
  walk(new DOMParser().parseFromString(xml, "text/xml").documentElement!);
  return covered;
}

const OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

/** The text each named LibreOffice comment covers, from its office:annotation to its office:annotation-end. */
function libreOfficeRanges(xml: string): Map<string, string> {
  const covered = new Map<string, string>();
  const open = new Set<string>();
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        for (const name of open) covered.set(name, (covered.get(name) ?? "") + (child.nodeValue ?? ""));
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as unknown as Element;
      const name = element.getAttributeNS(OFFICE, "name") ?? "";
      if (element.namespaceURI === OFFICE && element.localName === "annotation") {
        if (name) {
          open.add(name);
          covered.set(name, "");
        }
      } else if (element.namespaceURI === OFFICE && element.localName === "annotation-end") open.delete(name);
      else walk(element);
    }
  };
  walk(new DOMParser().parseFromString(xml, "text/xml").documentElement!);
  return covered;
}

function comments(xml: string): { id: string; author: string; text: string }[] {
  const list = new DOMParser().parseFromString(xml, "text/xml").getElementsByTagNameNS(W, "comment");
  return Array.from(list).map((comment) => ({
    id: comment.getAttributeNS(W, "id") ?? "",
    author: comment.getAttributeNS(W, "author") ?? "",
    text: Array.from(comment.getElementsByTagNameNS(W, "p")).map((p) => p.textContent ?? "").join("\n"),
  }));
}

describe("falc score --annotate, on a Word document", () => {
  let input: string;
  let original: Uint8Array;
  let before: Record<string, Uint8Array>;
  let after: Record<string, Uint8Array>;
  let stderr: string;

  beforeAll(async () => {
    original = await contractDocx();
    input = tmp.write("contrat.docx", original);
    const result = await runCli("score", input, "--annotate");
    stderr = result.stderr;
    before = unzipSync(original);
    after = unzipSync(readFileSync(tmp.path("contrat.annote.docx")));
  });

  it("writes <name>.annote.docx beside the input, which stays as it was", () => {
    expect(sha(readFileSync(input))).toBe(sha(original));
    expect(stderr).toMatch(/Copie commentée : .*contrat\.annote\.docx \(\d+ commentaires\)/);
  });

  it("leaves every other part byte for byte: styles, header, picture, settings", () => {
    const changed = new Set(["word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"]);
    expect(Object.keys(after).filter((name) => !changed.has(name)).sort()).toEqual(Object.keys(before).filter((name) => !changed.has(name)).sort());
    for (const name of Object.keys(before)) if (!changed.has(name)) expect(sha(after[name]!), name).toBe(sha(before[name]!));
    expect(Object.keys(before).some((name) => name.startsWith("word/media/"))).toBe(true);
    expect(Object.keys(before).some((name) => name.startsWith("word/header"))).toBe(true);
  });

  it("changes document.xml only by the comment anchors: same paragraphs, same runs' text and formatting", () => {
    const original = strFromU8(before["word/document.xml"]!);
    const annotated = strFromU8(after["word/document.xml"]!);
    expect(visibleRuns(annotated)).toEqual(visibleRuns(original));
    expect(annotated).toContain("commentRangeStart");
  });

  it("writes one comment signed falc per rule and sentence, with the message and the suggestion, on the flagged words", () => {
    const list = comments(strFromU8(after["word/comments.xml"]!));
    const covered = commentedWords(strFromU8(after["word/document.xml"]!));
    expect(list.length).toBeGreaterThan(3);
    expect(new Set(list.map((c) => c.author))).toEqual(new Set(["falc"]));
    const byRule = (rule: string) => list.filter((c) => c.text.endsWith(`Règle falc : ${rule}`));
    // « est signé » is one bold run: the range sits around it.
    const passive = byRule("active-voice").find((c) => covered.get(c.id) === "est signé");
    expect(passive?.text).toMatch(/^Phrase à la forme passive \(« est signé »\)/);
    // Two administrative words in one sentence: one comment, from the first to the second.
    const words = byRule("no-difficult-administrative-words").find((c) => covered.get(c.id)?.startsWith("conformément aux"));
    expect(covered.get(words!.id)).toBe("conformément aux dispositions");
    expect(words!.text).toContain("(2 fois dans cette phrase)");
    expect(words!.text).toContain("→ ");
    expect(strFromU8(after["[Content_Types].xml"]!)).toContain('PartName="/word/comments.xml"');
    expect(strFromU8(after["word/_rels/document.xml.rels"]!)).toContain('Target="comments.xml"');
  });

  it("reads back as the same text (falc ignores comments)", async () => {
    const copy = await ingestFile(tmp.path("contrat.annote.docx"));
    expect(copy.text).toBe((await ingestFile(input)).text);
  });

  it("applies --min-severity", async () => {
    const only = tmp.write("seul.docx", original);
    await runCli("score", only, "--annotate", "--min-severity", "error", "-q");
    const all = comments(strFromU8(after["word/comments.xml"]!)).length;
    const some = unzipSync(readFileSync(tmp.path("seul.annote.docx")))["word/comments.xml"];
    expect(some === undefined ? 0 : comments(strFromU8(some)).length).toBeLessThan(all);
  });

  it.skipIf(!hasSoffice)("opens in LibreOffice with the comments on the same words and the text unchanged", async () => {
    const out = tmp.path("lo");
    const profile = `-env:UserInstallation=file://${tmp.path("profile")}`;
    execFileSync("soffice", [profile, "--headless", "--convert-to", "odt", "--outdir", out, tmp.path("contrat.annote.docx")], { stdio: "ignore", timeout: 120_000 });
    const content = strFromU8(unzipSync(readFileSync(`${out}/contrat.annote.odt`))["content.xml"]!);
    // LibreOffice turned each Word range into an office:annotation … office:annotation-end pair.
    const ranges = libreOfficeRanges(content);
    const words = [...ranges.values()];
    expect(words).toContain("est signé");
    expect(words).toContain("conformément aux dispositions");
    expect(ranges.size).toBe(comments(strFromU8(after["word/comments.xml"]!)).length);
    execFileSync("soffice", [profile, "--headless", "--convert-to", "pdf", "--outdir", out, input, tmp.path("contrat.annote.docx")], { stdio: "ignore", timeout: 120_000 });
    // Printed, the copy reads as the original: the comments sit in the margin, not in the text.
    expect(await pdfText(`${out}/contrat.annote.pdf`)).toBe(await pdfText(`${out}/contrat.pdf`));
  }, 150_000);
});

describe("falc score --annotate, on a LibreOffice document", () => {
  it("adds office:annotation pairs around the flagged words and nothing else", async () => {
    const input = tmp.path("contrat.odt");
    copyFileSync("fixtures/contrat-de-sejour.odt", input);
    const { stderr } = await runCli("score", input, "--annotate");
    expect(stderr).toContain("contrat.annote.odt");
    const before = unzipSync(readFileSync(input));
    const after = unzipSync(readFileSync(tmp.path("contrat.annote.odt")));
    for (const name of Object.keys(before)) if (name !== "content.xml") expect(sha(after[name]!), name).toBe(sha(before[name]!));
    const content = strFromU8(after["content.xml"]!);
    const stripped = content.replace(/<office:annotation office:name="falc-\d+"[^>]*>[\s\S]*?<\/office:annotation>|<office:annotation-end office:name="falc-\d+"\/>/g, "");
    expect(stripped).toBe(strFromU8(before["content.xml"]!));
    expect(content).toContain("<dc:creator>falc</dc:creator>");
    // The ODF package opens with its mimetype, stored.
    const bytes = readFileSync(tmp.path("contrat.annote.odt"));
    expect(bytes.subarray(30, 30 + "mimetype".length).toString("latin1")).toBe("mimetype");
    expect(bytes.readUInt16LE(8)).toBe(0);
    const passive = /<office:annotation office:name="(falc-\d+)"[^>]*>(?:(?!<\/office:annotation>)[\s\S])*?Phrase à la forme passive \(« est établi »\)[\s\S]*?<\/office:annotation>([\s\S]*?)<office:annotation-end office:name="\1"\/>/.exec(content);
    expect(passive?.[2]?.replace(/<[^>]+>/g, "")).toBe("est établi");
    expect((await ingestFile(tmp.path("contrat.annote.odt"))).text).toBe((await ingestFile(input)).text);
  });

  it("says so for a format it cannot annotate, and writes nothing", async () => {
    const { stderr } = await runCli("score", "fixtures/livret-falc.md", "--annotate");
    expect(stderr).toContain("n’est ni un document Word (.docx) ni un document LibreOffice (.odt)");
    expect(existsSync("fixtures/livret-falc.annote.md")).toBe(false);
  });
});

/** Every comment of a document covers exactly the words of its findings (one rule, one sentence), letters compared. */
async function checkRanges(source: string): Promise<{ comments: number; wrong: string[]; sameText: boolean }> {
  const path = tmp.path(`ranges-${source.split("/").pop()}`);
  copyFileSync(source, path);
  const { analyzeDocument } = await import("../../src/score/analyze.js");
  const { loadRuleSet } = await import("../../src/config/ruleset.js");
  const { annotateFile } = await import("../../src/annotate/index.js");
  const document = await ingestFile(path);
  const findings = analyzeDocument(document, loadRuleSet()).findings;
  const copy = await annotateFile(document, findings);
  const groups = new Map<string, { from: number; to: number }>();
  for (const f of findings) {
    const key = `${f.ruleId}|${f.offset - (f.excerptOffset ?? 0)}`;
    const group = groups.get(key);
    if (group) Object.assign(group, { from: Math.min(group.from, f.offset), to: Math.max(group.to, f.offset + f.length) });
    else groups.set(key, { from: f.offset, to: f.offset + f.length });
  }
  const letters = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, "");
  const wanted = new Set([...groups.values()].map((g) => letters(document.text.slice(g.from, g.to))));
  const covered = commentedWords(strFromU8(unzipSync(readFileSync(copy.output))["word/document.xml"]!));
  const wrong = [...covered.values()].filter((words) => !wanted.has(letters(words)));
  return { comments: covered.size, wrong, sameText: (await ingestFile(copy.output)).text === document.text };
}

describe("--annotate: every comment on its words", () => {
  it("contrat-de-sejour.docx: all comments, lists and tables included", async () => {
    const { comments, wrong, sameText } = await checkRanges("fixtures/contrat-de-sejour.docx");
    expect(comments).toBeGreaterThan(300);
    expect(wrong).toEqual([]);
    expect(sameText).toBe(true);
  });

  const real = "/work/shared/corpus/real-docs/evam-prise-en-charge-lunettes.docx";
  it.skipIf(!existsSync(real))("a real Word document", async () => {
    const { comments, wrong, sameText } = await checkRanges(real);
    expect(comments).toBeGreaterThan(50);
    expect(wrong).toEqual([]);
    expect(sameText).toBe(true);
  }, 60_000);
});
