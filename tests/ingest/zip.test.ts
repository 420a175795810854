import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { openArchive } from "../../src/ingest/zip.js";
import { DEFAULT_LIMITS, type IngestLimits } from "../../src/ingest/types.js";
import { isFalcError } from "../../src/errors.js";

const context = (limits: Partial<IngestLimits> = {}, path = "tests/archive.docx") => ({ path, limits: { ...DEFAULT_LIMITS, ...limits } });

/** Rewrites the uncompressed size an archive declares for every entry, in both headers. */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at + 4 <= out.byteLength; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) view.setUint32(at + 22, size, true);
    if (signature === 0x02014b50) view.setUint32(at + 24, size, true);
  }
  return out;
}

function errorOf(fn: () => unknown): { code: string; message: string; exitCode: number } {
  try {
    fn();
  } catch (error) {
    if (isFalcError(error)) return error;
    throw error;
  }
  throw new Error("expected an error, got none");
}

describe("safe ZIP access", () => {
  it("lists entries and reads stored and deflated ones", () => {
    const zip = zipSync({ mimetype: [strToU8("application/test"), { level: 0 }], "word/document.xml": strToU8("<doc>é</doc>".repeat(100)) });
    const archive = openArchive(zip, context());
    expect([...archive.entries.keys()]).toEqual(["mimetype", "word/document.xml"]);
    expect(archive.entries.get("word/document.xml")).toMatchObject({ method: 8, size: 1300 });
    expect(archive.readText("mimetype")).toBe("application/test");
    expect(archive.readText("word/document.xml")).toBe("<doc>é</doc>".repeat(100));
    expect(archive.readText("absent.xml")).toBeUndefined();
    expect(archive.has("absent.xml")).toBe(false);
  });

  it("decodes UTF-16 parts announced by a byte order mark", () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...("<a>é</a>")].map((c) => c.charCodeAt(0))).buffer)]);
    expect(openArchive(zipSync({ "a.xml": utf16 }), context()).readText("a.xml")).toBe("<a>é</a>");
  });

  it("refuses a highly compressible entry whose declared size exceeds the limit, before inflating", () => {
    const zip = zipSync({ "word/document.xml": new Uint8Array(5 * 1024 * 1024).fill(0x61) });
    expect(zip.byteLength).toBeLessThan(64 * 1024);
    const error = errorOf(() => openArchive(zip, context({ maxUncompressedBytes: 1024 * 1024 }, "bombe.docx")));
    expect(error.code).toBe("zip-bomb");
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain("bombe.docx");
    expect(error.message).toContain("bombe de décompression");
  });

  it("judges declared sizes only: garbage data declared as 4 GB is refused as a bomb, not as corrupt", () => {
    const zip = declareSize(zipSync({ "word/document.xml": [new Uint8Array(1000).fill(7), { level: 0 }] }), 0xfffffffe);
    expect(errorOf(() => openArchive(zip, context())).code).toBe("zip-bomb");
  });

  it("refuses an entry that inflates to more than it declares", () => {
    const zip = declareSize(zipSync({ "word/document.xml": strToU8("<w/>".repeat(10_000)) }), 100);
    const archive = openArchive(zip, context({}, "menteur.docx"));
    const error = errorOf(() => archive.readText("word/document.xml"));
    expect(error.code).toBe("zip-bomb");
    expect(error.message).toContain("menteur.docx");
    expect(error.message).toContain("word/document.xml");
  });

  it("refuses too many entries, even when the count in the header is forged", () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`part${i}.xml`, strToU8("<a/>")]));
    expect(errorOf(() => openArchive(zipSync(files), context({ maxZipEntries: 10 }))).code).toBe("zip-bomb");
    const forged = zipSync({ "a.xml": strToU8("<a/>") });
    new DataView(forged.buffer).setUint16(forged.byteLength - 14, 0xffff, true); // entries on this disk
    new DataView(forged.buffer).setUint16(forged.byteLength - 12, 0xffff, true); // total entries
    expect(errorOf(() => openArchive(forged, context())).code).toBe("zip-bomb");
  });

  it("refuses a part longer than maxPartChars", () => {
    const zip = zipSync({ "content.xml": strToU8("x".repeat(2000)) });
    const error = errorOf(() => openArchive(zip, context({ maxPartChars: 1000 }, "long.odt")).readText("content.xml"));
    expect(error.code).toBe("file-too-large");
    expect(error.message).toContain("long.odt");
  });

  it("reports truncated and damaged archives as corrupt, in French", () => {
    const zip = zipSync({ "word/document.xml": strToU8("<w:document>du texte</w:document>".repeat(50)) });
    const cut = errorOf(() => openArchive(zip.subarray(0, zip.byteLength >> 1), context({}, "coupé.docx")));
    expect(cut.code).toBe("corrupt-file");
    expect(cut.message).toMatch(/^Le fichier coupé\.docx est endommagé ou incomplet/);

    const damaged = zip.slice();
    const dataStart = 30 + "word/document.xml".length;
    damaged.fill(0xff, dataStart, dataStart + 8);
    expect(errorOf(() => openArchive(damaged, context()).readText("word/document.xml")).code).toBe("corrupt-file");

    expect(errorOf(() => openArchive(new Uint8Array(10), context())).code).toBe("corrupt-file");
  });
});
