import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { discoverInputs } from "../../src/ingest/discover.js";
import { convertFiles } from "../../src/commands/convert.js";
import { scoreFiles } from "../../src/commands/score.js";
import { tempDir, thrown } from "../helpers/temp.js";

const tmp = tempDir("falc-discover-");
const TEXT = "# Règlement\n\nLe résident peut recevoir des visites de sa famille tous les jours, de 10 h à 19 h, dans sa chambre ou dans le salon.\n";

function library(name: string): string {
  const root = join(tmp.dir, name);
  for (const dir of ["contrats", "contrats/2026", "brouillons", "node_modules/x"]) mkdirSync(join(root, dir), { recursive: true });
  for (const file of ["reglement.md", "contrats/a.md", "contrats/2026/b.TXT", "brouillons/c.md", "node_modules/x/d.md", "notes.xyz", "contrats/a.falc.md", "contrats/a.relecture.docx"]) {
    writeFileSync(join(root, file), TEXT);
  }
  writeFileSync(join(root, ".falcignore"), "# brouillons en cours\nbrouillons/\n");
  return root;
}

describe("discovering inputs", () => {
  it("searches a folder recursively, skips .falcignore patterns, tooling folders and falc's own outputs", async () => {
    const root = library("lib");
    const found = await discoverInputs([root]);
    expect(found.map((f) => f.relative)).toEqual(["contrats/2026/b.TXT", "contrats/a.md", "reglement.md"]);
  });

  it("reads .falcignore as git reads a .gitignore: a folder at any depth, a name anywhere, `/` anchors, `!` keeps back", async () => {
    const root = join(tmp.dir, "gitignore");
    const files = ["reglement.md", "brouillons/c.md", "sub/brouillons/b.txt", "archives/x.old.md", "archives/gardé.old.md", "racine-seule.md", "sub/racine-seule.md"];
    for (const file of files) {
      mkdirSync(join(root, file, ".."), { recursive: true });
      writeFileSync(join(root, file), TEXT);
    }
    writeFileSync(join(root, ".falcignore"), "# brouillons en cours\nbrouillons/\n*.old.md\n!gardé.old.md\n/racine-seule.md\n");
    const found = await discoverInputs([root]);
    expect(found.map((f) => f.relative)).toEqual(["archives/gardé.old.md", "reglement.md", "sub/racine-seule.md"]);
  });

  it("reads the configuration's `ignore` the same way, for a folder and for a glob", async () => {
    const root = library("config-patterns");
    mkdirSync(join(root, "contrats", "brouillons"));
    writeFileSync(join(root, "contrats", "brouillons", "e.md"), TEXT);
    writeFileSync(join(root, ".falcignore"), "");
    const folder = await discoverInputs([root], ["brouillons/", "b.txt"]);
    expect(folder.map((f) => f.relative)).toEqual(["contrats/a.md", "reglement.md"]);
    const globbed = await discoverInputs([`${root}/**/*.md`], ["brouillons/"]);
    expect(globbed.map((f) => f.relative)).toEqual(["contrats/a.md", "reglement.md"]);
  });

  it("expands a quoted glob, keeps plain files, and removes duplicates", async () => {
    const root = library("glob");
    const found = await discoverInputs([`${root}/contrats/**/*.md`, join(root, "reglement.md"), join(root, "contrats", "a.md")]);
    expect(found.map((f) => f.relative)).toEqual(["a.md", "reglement.md"]);
  });

  it("also skips the `ignore` patterns of the configuration given with --config, for convert and score", async () => {
    const root = library("configured");
    const config = tmp.write("configured.falc.config.json", JSON.stringify({ ignore: ["contrats/2026/**"] }));
    const { report } = await scoreFiles([root], { configPath: config });
    expect(report.files.map((f) => f.path.slice(root.length + 1))).toEqual(["contrats/a.md", "reglement.md"]);
    const outcome = await convertFiles([root], { env: {}, out: join(tmp.dir, "configured-out"), cache: false, formats: ["md"], configPath: config });
    expect(outcome.files.map((f) => f.path.slice(root.length + 1))).toEqual(["contrats/a.md", "reglement.md"]);
    const bad = tmp.write("bad.falc.config.json", JSON.stringify({ ignore: "archives" }));
    const error = await thrown(() => scoreFiles([root], { configPath: bad }));
    expect(error.message).toContain("« ignore » doit être une liste de motifs");
  });

  it("says so when a folder holds no document", async () => {
    const empty = join(tmp.dir, "empty");
    mkdirSync(empty);
    const error = await thrown(() => discoverInputs([empty]));
    expect(error.code).toBe("no-documents");
    expect(error.exitCode).toBe(2);
  });

  it("convert mirrors the input tree under --out; score reports every document", async () => {
    const root = library("batch");
    const out = join(tmp.dir, "batch-out");
    const outcome = await convertFiles([root], { env: {}, out, cache: false, formats: ["md"] });
    expect(outcome.files).toHaveLength(3);
    expect(readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith(".md")).sort()).toEqual([
      "contrats/2026/b.falc.md",
      "contrats/a.falc.md",
      "reglement.falc.md",
    ]);
    const { report } = await scoreFiles([root]);
    expect(report.files.map((f) => f.path.slice(root.length + 1))).toEqual(["contrats/2026/b.TXT", "contrats/a.md", "reglement.md"]);
  });
});

describe("falc-manifest.json", () => {
  it("skips unchanged documents, converts changed ones, and redoes one whose output went missing", async () => {
    const { appendFileSync, rmSync, readFileSync } = await import("node:fs");
    const root = library("manifest");
    const out = join(tmp.dir, "manifest-out");
    const run = () => convertFiles([root], { env: {}, out, cache: false, formats: ["md", "json"] });
    const first = await run();
    expect(first.files).toHaveLength(3);
    const manifest = JSON.parse(readFileSync(join(out, "falc-manifest.json"), "utf8"));
    expect(Object.values(manifest.inputs).every((e) => (e as { status: string }).status === "converted")).toBe(true);

    const second = await run();
    expect(second.files).toHaveLength(0);
    expect(second.skipped).toHaveLength(3);

    appendFileSync(join(root, "contrats", "a.md"), "\nUne phrase de plus pour le contrat.\n");
    rmSync(join(out, "reglement.falc.json"));
    const third = await run();
    expect(third.files.map((f) => f.path.slice(root.length + 1)).sort()).toEqual(["contrats/a.md", "reglement.md"]);
    expect(third.skipped).toHaveLength(1);
  });
});
