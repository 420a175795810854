import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingestFile } from "../../src/ingest/index.js";
import { runCli } from "../helpers/cli.js";
import { thrown } from "../helpers/temp.js";

const bad = (name: string) => join("fixtures", "bad", name);

/** Every shipped bad input, the error code it must give, and a word its French hint must contain. */
const REJECTED: [string, string, RegExp][] = [
  ["vide.txt", "empty-file", /enregistrement|copie/],
  ["vide.docx", "empty-file", /enregistrement|copie/],
  ["pas-un-docx.docx", "format-mismatch", /bon fichier|enregistrez/i],
  ["pdf-renomme.docx", "format-mismatch", /\.pdf/],
  ["tronque.docx", "corrupt-file", /enregistrez|Word|LibreOffice/],
  ["tronque.odt", "corrupt-file", /enregistrez|LibreOffice/],
  ["tronque.pdf", "corrupt-file", /./],
  ["sans-document.docx", "corrupt-file", /./],
  ["sans-texte.docx", "no-text", /OCR|bon fichier/],
  ["bombe.docx", "zip-bomb", /./],
  ["protege.pdf", "encrypted-document", /mot de passe/],
  ["protege.docx", "encrypted-document", /mot de passe/],
  ["scanne.pdf", "pdf-no-text-layer", /OCR|reconnaissance/],
  ["ancien.doc", "unsupported-extension", /\.docx/],
  ["format.xyz", "unsupported-extension", /\.docx/],
];

describe("shipped bad inputs", () => {
  for (const [name, code, hint] of REJECTED) {
    it(`${name} → ${code}`, async () => {
      const error = await thrown(() => ingestFile(bad(name)));
      expect(error.code).toBe(code);
      expect(error.exitCode).toBe(2);
      expect(error.message).toContain(bad(name));
      expect(`${error.message} ${error.hint ?? ""}`).toMatch(hint);
    });
  }

  it("the CLI turns each of them into exit code 2 and one short French message, without a stack trace", async () => {
    for (const [name] of REJECTED) {
      const { code, stderr } = await runCli("extract", bad(name));
      expect(code, name).toBe(2);
      expect(stderr, name).toMatch(/^Erreur : /);
      expect(stderr, name).not.toMatch(/\n\s+at /);
    }
  });

  it("reads Windows-1252 and UTF-8 with a BOM, and warns about English text", async () => {
    const ansi = await ingestFile(bad("windows-1252.txt"));
    expect(ansi.text).toMatch(/€/);
    expect(ansi.text).toMatch(/œ/);
    expect(ansi.warnings.map((w) => w.code)).toContain("encoding-windows-1252");
    const bom = await ingestFile(bad("texte-utf8-bom.txt"));
    expect(bom.text.charCodeAt(0)).not.toBe(0xfeff);
    const english = await ingestFile(bad("texte-anglais.txt"));
    expect(english.warnings.map((w) => w.code)).toContain("not-french");
  });
});
