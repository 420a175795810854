import { chmodSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ingestFile } from "../../src/ingest/index.js";
import { tempDir, thrown } from "../helpers/temp.js";

const tmp = tempDir();

describe("bad input gives a French error naming the file, exit code 2", () => {
  const cases: [string, () => string, string][] = [
    ["a missing file", () => tmp.path("absent.docx"), "file-not-found"],
    ["a directory", () => tmp.dir, "is-directory"],
    ["an unsupported extension", () => tmp.write("notes.xyz", "du texte"), "unsupported-extension"],
    ["a legacy .doc name", () => tmp.write("ancien.doc", "x"), "unsupported-extension"],
    ["an empty file", () => tmp.write("vide.md", ""), "empty-file"],
    ["a PDF named .docx", () => tmp.write("faux.docx", "%PDF-1.7\n1 0 obj"), "format-mismatch"],
    ["binary named .txt", () => tmp.write("binaire.txt", Buffer.from([0, 1, 2, 3, 0, 5])), "format-mismatch"],
    ["text named .pdf", () => tmp.write("texte.pdf", "Bonjour."), "format-mismatch"],
    ["a legacy Word file named .docx", () => tmp.write("ancien.docx", Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(512)])), "legacy-format"],
    ["a password-protected .docx", () => tmp.write("protege.docx", Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(64), Buffer.from("EncryptionInfo", "utf16le")])), "encrypted-document"],
    ["a text with only blank lines", () => tmp.write("blanc.txt", "\n\n   \n\t\n"), "no-text"],
  ];
  for (const [name, make, code] of cases) {
    it(name, async () => {
      const path = make();
      const error = await thrown(() => ingestFile(path));
      expect(error.code).toBe(code);
      expect(error.exitCode).toBe(2);
      expect(error.message).toContain(path);
      expect(error.message).toMatch(/\b(fichier|dossier|document)\b/);
      expect(error.hint ?? "").not.toBe("");
    });
  }

  it("a file over the size limit is refused before it is read", async () => {
    const path = tmp.write("gros.txt", "a".repeat(2048));
    const error = await thrown(() => ingestFile(path, { limits: { maxBytes: 1024 } }));
    expect(error.code).toBe("file-too-large");
    expect(error.hint).toContain("--max-size");
  });

  it("never modifies its input", async () => {
    const path = tmp.write("intact.md", "# Titre\n\nUn texte.\n");
    chmodSync(path, 0o444);
    const before = readFileSync(path);
    await ingestFile(path);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
