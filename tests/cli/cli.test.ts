import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";

const tmp = tempDir();

describe("falc CLI", () => {
  it("prints French help and exits 0", async () => {
    const { code, stdout } = await runCli("--help");
    expect(code).toBe(0);
    expect(stdout).toContain("Utilisation : falc");
    expect(stdout).toContain("Commandes :");
    expect(stdout).toContain("extract");
    expect(stdout).not.toMatch(/^Usage:/m);
  });

  it("every command's help is in French", async () => {
    for (const command of ["convert", "score", "extract", "rules"]) {
      const { code, stdout } = await runCli(command, "--help");
      expect(code).toBe(0);
      expect(stdout, command).toContain(`Utilisation : falc ${command}`);
      expect(stdout, command).not.toMatch(/\b(default|Usage|choices)\b|^Options:/m);
    }
  });

  it("rejects an unknown option with exit 2 and a French message", async () => {
    const { code, stderr } = await runCli("extract", "--inconnue", "x.md");
    expect(code).toBe(2);
    expect(stderr).toContain("option inconnue « --inconnue »");
  });

  it("rejects a bad --format value", async () => {
    const { code, stderr } = await runCli("extract", "-f", "xml", tmp.write("a.md", "Texte."));
    expect(code).toBe(2);
    expect(stderr).toMatch(/--format accepte/);
  });

  it("extract prints the model as JSON with offsets", async () => {
    const path = tmp.write("contrat.md", "# Contrat\n\nLe prix est de 74,50 €.\n");
    const { code, stdout } = await runCli("extract", path, "--format", "json");
    expect(code).toBe(0);
    const model = JSON.parse(stdout);
    expect(model.source.format).toBe("md");
    expect(model.sections[0].title).toBe("Contrat");
    const paragraph = model.sections[0].blocks[1];
    expect(model.text.slice(paragraph.start, paragraph.end)).toBe("Le prix est de 74,50 €.");
  });

  it("extract prints Markdown by default", async () => {
    const path = tmp.write("livret.md", "# Livret\n\n- un\n- deux\n");
    const { code, stdout } = await runCli("extract", path);
    expect(code).toBe(0);
    expect(stdout).toContain("# Livret");
    expect(stdout).toContain("- deux");
    expect(stdout).toContain("section 1 : « Livret »");
  });

  it("an input error exits 2 with no stack trace, and shows it with --debug", async () => {
    const missing = tmp.path("absent.pdf");
    const plain = await runCli("extract", missing);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain(`Erreur : Le fichier ${missing} n’existe pas.`);
    expect(plain.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    const debug = await runCli("--debug", "extract", missing);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/ENOENT/);
  });
});
