import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_SOURCES, FIXTURES_DIR, makeFixtures } from "../scripts/make-fixtures.js";
import type { WrittenFixture } from "../scripts/make-fixtures.js";

/** Compressed bytes depend on the zlib bundled with Node: compared by structure instead. */
const COMPARED_BY_STRUCTURE = new Set(["bad/bombe.docx"]);
const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

let outDir = "";
let written: WrittenFixture[] = [];

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), "falc-fixtures-"));
  written = await makeFixtures(outDir);
});

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

const committed = (path: string) => readFile(join(FIXTURES_DIR, path));
const regenerated = (path: string) => readFile(join(outDir, path));
const source = (name: string) => readFile(join(FIXTURES_DIR, "src", `${name}.md`), "utf8");

interface CentralEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
}

/** Reads a zip's central directory without inflating anything, as a bomb-safe reader must. */
function centralDirectory(buf: Uint8Array): CentralEntry[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = buf.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("no end of central directory");
  const entries: CentralEntry[] = [];
  let at = view.getUint32(eocd + 16, true);
  for (let i = view.getUint16(eocd + 10, true); i > 0; i--) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      name: new TextDecoder().decode(buf.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

function zipText(buf: Uint8Array, name: string): string {
  const entry = unzipSync(buf, { filter: (f) => f.name === name })[name];
  if (!entry) throw new Error(`${name} missing`);
  return strFromU8(entry);
}

async function pdfText(buf: Uint8Array, password?: string): Promise<{ total: number; pages: string[] }> {
  const { PDFParse } = await import("pdf-parse");
  const parser = new PDFParse({ data: new Uint8Array(buf), ...(password ? { password } : {}) });
  try {
    const { total } = await parser.getInfo();
    const result = await parser.getText({ pageJoiner: "" });
    return { total, pages: result.pages.map((p) => p.text) };
  } finally {
    await parser.destroy();
  }
}

describe("make-fixtures", () => {
  it("writes exactly the committed files", async () => {
    const top = (await readdir(FIXTURES_DIR, { withFileTypes: true }))
      .filter((e) => e.isFile() && e.name !== "README.md")
      .map((e) => e.name);
    const bad = (await readdir(join(FIXTURES_DIR, "bad"))).map((name) => `bad/${name}`);
    expect(written.map((w) => w.path).sort()).toEqual([...top, ...bad].sort());
  });

  it("regenerates byte-identical fixtures", async () => {
    for (const { path } of written.filter((w) => !COMPARED_BY_STRUCTURE.has(w.path))) {
      const [a, b] = await Promise.all([committed(path), regenerated(path)]);
      expect(Buffer.compare(a, b), path).toBe(0);
    }
  });

  it("copies each Markdown source unchanged", async () => {
    for (const { name } of FIXTURE_SOURCES) {
      expect((await committed(`${name}.md`)).toString("utf8")).toBe(await source(name));
    }
  });
});

describe("DOCX fixtures", () => {
  for (const { name, profile } of FIXTURE_SOURCES) {
    it(`${name}.docx has real styles, numbering, table and the ${profile} layout`, async () => {
      const md = await source(name);
      const buf = await committed(`${name}.docx`);
      const doc = zipText(buf, "word/document.xml");
      const styles = zipText(buf, "word/styles.xml");
      const settings = zipText(buf, "word/settings.xml");
      expect(doc).toContain('<w:pStyle w:val="Title"/>');
      expect(doc).toContain('<w:pStyle w:val="Heading1"/>');
      expect(doc.includes('<w:pStyle w:val="Heading2"/>')).toBe(/^### /m.test(md));
      expect(doc.includes("<w:tbl>")).toBe(/^\|/m.test(md));
      expect(doc.includes("<w:numPr>")).toBe(/^ *(-|\d+\.) /m.test(md));
      expect(doc.includes("<w:i/>")).toBe(/(^|[^*])\*[^*\s]/m.test(md));
      expect(doc.includes('<w:u w:val="single"/>')).toBe(md.includes("<u>"));
      expect(styles).toContain('<w:style w:type="paragraph" w:styleId="Heading1">');
      const defaults = /<w:docDefaults>.*<\/w:docDefaults>/s.exec(styles)?.[0] ?? "";
      if (profile === "administrative") {
        expect(defaults).toContain('w:ascii="Times New Roman"');
        expect(defaults).toContain('<w:sz w:val="22"/>');
        expect(defaults).toContain('<w:jc w:val="both"/>');
        expect(defaults).toContain('w:line="240"');
        expect(settings).toContain("<w:autoHyphenation/>");
      } else {
        expect(defaults).toContain('w:ascii="Arial"');
        expect(defaults).toContain('<w:sz w:val="28"/>');
        expect(defaults).toContain('<w:jc w:val="left"/>');
        expect(defaults).toContain('w:line="360"');
        expect(settings).not.toContain("autoHyphenation");
        expect(zipText(buf, "word/footer1.xml")).toContain("NUMPAGES");
      }
      expect(zipText(buf, "docProps/core.xml")).toContain(">2026-01-15T09:00:00Z</dcterms:created>");
    });
  }
});

describe("ODT fixtures", () => {
  for (const { name, profile } of FIXTURE_SOURCES) {
    it(`${name}.odt is a valid ODF package with headings, lists and styles`, async () => {
      const md = await source(name);
      const buf = await committed(`${name}.odt`);
      const [first] = centralDirectory(buf);
      expect(first).toMatchObject({ name: "mimetype", method: 0 });
      expect(buf.subarray(30, 38).toString("latin1")).toBe("mimetype");
      expect(buf.readUInt16LE(28)).toBe(0); // no extra field before the media type
      expect(buf.subarray(38, 77).toString("latin1")).toBe("application/vnd.oasis.opendocument.text");
      expect(zipText(buf, "META-INF/manifest.xml")).toContain('manifest:full-path="content.xml"');
      const content = zipText(buf, "content.xml");
      expect(content).toContain('text:outline-level="1"');
      expect(content.includes("<table:table ")).toBe(/^\|/m.test(md));
      expect(content.includes('<text:list text:style-name="L1">')).toBe(/^- /m.test(md));
      expect(content.includes('<text:list text:style-name="L2">')).toBe(/^\d+\. /m.test(md));
      expect(content).toContain("<text:list-level-style-bullet");
      expect(content).toContain("<text:list-level-style-number");
      const title = /^# (.+)$/m.exec(md)?.[1] ?? "";
      expect(zipText(buf, "meta.xml")).toContain(`<dc:title>${title.replace(/'/g, "'")}</dc:title>`);
      const align = profile === "administrative" ? 'fo:text-align="justify"' : 'fo:text-align="start"';
      expect(content).toContain(align);
      expect(zipText(buf, "styles.xml")).toContain(align);
      expect(content.includes('fo:font-style="italic"')).toBe(profile === "administrative");
    });
  }
});

describe("PDF fixtures", () => {
  for (const { name, profile } of FIXTURE_SOURCES) {
    it(`${name}.pdf has a running header and « Page N sur M » on every page`, async () => {
      const buf = await committed(`${name}.pdf`);
      expect(buf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const title = /^# (.+)$/m.exec(await source(name))?.[1] ?? "";
      const { total, pages } = await pdfText(buf);
      expect(total).toBeGreaterThan(1);
      expect(pages).toHaveLength(total);
      pages.forEach((text, i) => {
        expect(text.startsWith(`${title}\n`)).toBe(true);
        expect(text).toContain(`Page ${i + 1} sur ${total}`);
      });
      // A split word: a letter and « - » end the line, a lowercase letter starts the next.
      const hyphenated = pages.some((text) => /\p{Ll}-\n\p{Ll}/u.test(text));
      expect(hyphenated).toBe(profile === "administrative");
    });
  }
});

describe("bad inputs", () => {
  it("bombe.docx declares over 200 MB in under 1 MB, like the regenerated one", async () => {
    const [buf, fresh] = await Promise.all([committed("bad/bombe.docx"), regenerated("bad/bombe.docx")]);
    const entries = centralDirectory(buf);
    const declared = entries.reduce((sum, e) => sum + e.size, 0);
    expect(buf.length).toBeLessThan(1024 * 1024);
    expect(declared).toBeGreaterThan(200 * 1024 * 1024);
    expect(entries.find((e) => e.name === "word/document.xml")?.method).toBe(8);
    const strip = (e: CentralEntry) => ({ name: e.name, crc: e.crc, size: e.size });
    expect(centralDirectory(fresh).map(strip)).toEqual(entries.map(strip));
  });

  it("empty, mislabelled and truncated files are what their names say", async () => {
    expect((await committed("bad/vide.txt")).length).toBe(0);
    expect((await committed("bad/vide.docx")).length).toBe(0);
    expect((await committed("bad/pas-un-docx.docx")).subarray(0, 2).toString("latin1")).not.toBe("PK");
    expect((await committed("bad/pdf-renomme.docx")).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    for (const ext of ["docx", "odt", "pdf"]) {
      const whole = await committed(`contrat-de-sejour.${ext}`);
      const cut = await committed(`bad/tronque.${ext}`);
      expect(cut.length).toBe(Math.floor(whole.length / 2));
      expect(Buffer.compare(cut, whole.subarray(0, cut.length))).toBe(0);
    }
  });

  it("sans-document.docx is a zip without word/document.xml; sans-texte.docx has no text", async () => {
    const names = centralDirectory(await committed("bad/sans-document.docx")).map((e) => e.name);
    expect(names).toContain("[Content_Types].xml");
    expect(names).not.toContain("word/document.xml");
    const doc = zipText(await committed("bad/sans-texte.docx"), "word/document.xml");
    expect(doc.match(/<w:p[ >/]/g)?.length).toBeGreaterThanOrEqual(3);
    const texts = [...doc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? "");
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((t) => t.trim() === "")).toBe(true);
  });

  it("protege.pdf needs the password « secret »", async () => {
    const buf = await committed("bad/protege.pdf");
    await expect(pdfText(buf)).rejects.toMatchObject({ name: "PasswordException" });
    const { pages } = await pdfText(buf, "secret");
    expect(pages.join("")).toContain("avenant au contrat de séjour");
  });

  it("scanne.pdf holds an image and no text layer", async () => {
    const buf = await committed("bad/scanne.pdf");
    expect(buf.includes("/Subtype /Image")).toBe(true);
    const { total, pages } = await pdfText(buf);
    expect(total).toBe(1);
    expect(pages.join("").trim()).toBe("");
  });

  it("ancien.doc and protege.docx are OLE2 containers told apart by their streams", async () => {
    const legacy = await committed("bad/ancien.doc");
    const encrypted = await committed("bad/protege.docx");
    for (const buf of [legacy, encrypted]) expect([...buf.subarray(0, 8)]).toEqual(OLE2_SIGNATURE);
    const utf16 = (s: string) => Buffer.from(s, "utf16le");
    expect(legacy.includes(utf16("WordDocument"))).toBe(true);
    expect(encrypted.includes(utf16("EncryptedPackage"))).toBe(true);
    expect(encrypted.includes(utf16("WordDocument"))).toBe(false);
  });

  it("text files carry the encodings their names promise", async () => {
    const cp1252 = await committed("bad/windows-1252.txt");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(cp1252)).toThrow();
    // Bytes, not TextDecoder("windows-1252"): Node 20 decodes 0x80–0x9F as C1 controls, losing € and œ.
    const bytes = { é: 0xe9, è: 0xe8, à: 0xe0, ç: 0xe7, œ: 0x9c, "€": 0x80 };
    for (const [char, byte] of Object.entries(bytes)) expect(cp1252.includes(byte), char).toBe(true);
    expect(cp1252.toString("latin1")).toContain("Règlement intérieur");
    const bom = await committed("bad/texte-utf8-bom.txt");
    expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder("utf-8", { fatal: true }).decode(bom)).toContain("À compter du 01/04/2026");
    const english = (await committed("bad/texte-anglais.txt")).toString("utf8");
    expect(english).toMatch(/\bthe\b/);
    expect(english).not.toMatch(/[éèàç]/);
    expect((await committed("bad/format.xyz")).length).toBeGreaterThan(0);
  });
});
