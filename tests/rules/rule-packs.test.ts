import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { applyConfig, loadConfig } from "../../src/config/config.js";
import { loadRuleSet } from "../../src/config/ruleset.js";
import { listRules } from "../../src/commands/rules.js";
import { scoreFiles } from "../../src/commands/score.js";
import { FalcError } from "../../src/errors.js";
import { buildPrompt } from "../../src/rewrite/prompt.js";
import { createOfflineProvider } from "../../src/rewrite/providers/offline/index.js";
import { rewriteToText } from "../../src/rewrite/text.js";
import { caught } from "../helpers/temp.js";

/**
 * Rule packs: a rule written in a folder of the establishment (or an npm package) is checked, reported
 * by `falc score`, given to the model in the prompt and applied by the offline rewrite through its fix,
 * exactly as falc's own rules.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "falc-packs-"));
  dirs.push(dir);
  return dir;
}

const HOUSE_RULE = `id: mot-maison
kind: sequence
family: mots
severity: warning
message: "« {match} » : au foyer, on dit « {suggestion} »."
description: "Les résidents disent « le restaurant », pas « le self »."
source: "Règle de la maison (conseil de la vie sociale)"
parameters:
  patterns:
    - tokens: [{ words: [self] }]
      suggestion: restaurant
fix: { replace: "{suggestion}" }
prompt: "Écris « le restaurant », jamais « le self »."
examples:
  trigger:
    - "Le [[self]] ouvre à midi."
    - "Allez au [[self]] avec votre carte."
    - "Le menu du [[self]] change chaque jour."
  pass:
    - "Le restaurant ouvre à midi."
    - "Vous mangez seul ou avec vos amis."
    - "Le selfie est interdit."
  fixed:
    - { before: "Le self ouvre à midi.", after: "Le restaurant ouvre à midi." }
`;

/** A folder with a pack of one rule (`regles-maison/mot-maison.yaml`), a configuration that uses it, and a document. */
function house(config: object = { rulePacks: ["./regles-maison"] }, rule = HOUSE_RULE, file = "mot-maison.yaml"): string {
  const dir = tempDir();
  mkdirSync(join(dir, "regles-maison"));
  writeFileSync(join(dir, "regles-maison", file), rule);
  writeFileSync(join(dir, "falc.config.json"), JSON.stringify(config));
  writeFileSync(join(dir, "livret.md"), "# Les repas\n\nLe self ouvre à midi. Le repas coûte 4 euros.\n");
  return dir;
}

describe("rule packs (rulePacks in falc.config.json)", () => {
  const builtIn = loadRuleSet();

  it("adds a rule from a folder: seen by falc score, in the prompt and in the offline fixes", async () => {
    const dir = house({ rulePacks: ["./regles-maison"], rules: { "mot-maison": "error" } });
    const { report } = await scoreFiles([join(dir, "livret.md")]);
    const found = report.files[0]!.findings.filter((finding) => finding.ruleId === "mot-maison");
    expect(found.map((f) => [f.severity, f.message, f.line, f.column])).toEqual([["error", "« self » : au foyer, on dit « restaurant ».", 3, 4]]);

    const ruleSet = applyConfig(builtIn, loadConfig(join(dir, "falc.config.json"), builtIn));
    expect(buildPrompt(ruleSet).system).toContain("- Écris « le restaurant », jamais « le self ».");
    expect(buildPrompt(ruleSet).version).not.toBe(buildPrompt(builtIn).version);

    const answer = await createOfflineProvider(ruleSet).rewrite({ documentTitle: "Livret", sectionIndex: 1, sectionTitle: "Les repas", text: "Les repas\n\nLe self ouvre à midi." });
    expect(rewriteToText(answer.result)).toContain("Le restaurant ouvre à midi.");
    const plain = await createOfflineProvider(builtIn).rewrite({ documentTitle: "Livret", sectionIndex: 1, sectionTitle: "Les repas", text: "Les repas\n\nLe self ouvre à midi." });
    expect(rewriteToText(plain.result)).toContain("Le self ouvre à midi.");
  });

  it("says where each rule comes from in falc rules", () => {
    const dir = house();
    const listing = listRules({ from: join(dir, "livret.md") });
    const rule = listing.rules.find((r) => r.id === "mot-maison")!;
    expect(rule.origin).toBe("./regles-maison");
    expect(rule.file).toMatch(/regles-maison\/mot-maison\.yaml$/);
    expect(listing.rules.find((r) => r.id === "no-etc")!.origin).toBe("falc");
    expect(listing.rules).toHaveLength(builtIn.rules.length + 1);
  });

  it("replaces a built-in rule of the same id, and `rules` can switch a pack's rule off", async () => {
    const ownNoEtc = [
      "id: no-etc",
      "kind: existence",
      "family: ponctuation",
      "severity: error",
      "message: \"« {match} » : écrivez toute la liste.\"",
      "description: \"Le foyer ne veut jamais de « etc. ».\"",
      "source: \"Règle de la maison\"",
      "parameters: { words: [etc] }",
      "prompt: \"N'écris jamais « etc. ».\"",
      "examples:",
      "  trigger: [\"Les repas, [[etc]].\", \"Les draps, [[etc]].\", \"Le linge, [[etc]].\"]",
      "  pass: [\"Les repas.\", \"Les draps.\", \"Le linge.\"]",
    ].join("\n");
    const dir = house({ rulePacks: ["./regles-maison"] }, ownNoEtc, "no-etc.yaml");
    const ruleSet = applyConfig(builtIn, loadConfig(join(dir, "falc.config.json"), builtIn));
    expect(ruleSet.rules.filter((r) => r.id === "no-etc").map((r) => [r.pack, r.severity])).toEqual([["./regles-maison", "error"]]);
    expect(ruleSet.rules).toHaveLength(builtIn.rules.length);

    const off = house({ rulePacks: ["./regles-maison"], rules: { "mot-maison": "off" } });
    const { report } = await scoreFiles([join(off, "livret.md")]);
    expect(report.files[0]!.findings.some((f) => f.ruleId === "mot-maison")).toBe(false);
  });

  it("reads a pack installed as an npm package, from the configuration's folder", () => {
    const dir = tempDir();
    const pkg = join(dir, "node_modules", "falc-regles-foyer");
    mkdirSync(join(pkg, "rules"), { recursive: true });
    writeFileSync(join(pkg, "package.json"), JSON.stringify({ name: "falc-regles-foyer", version: "1.0.0" }));
    writeFileSync(join(pkg, "rules", "mot-maison.yaml"), HOUSE_RULE);
    writeFileSync(join(dir, "falc.config.json"), JSON.stringify({ rulePacks: ["falc-regles-foyer"] }));
    const config = loadConfig(join(dir, "falc.config.json"), builtIn);
    expect(config.packs!.rules.map((r) => [r.id, r.pack])).toEqual([["mot-maison", "falc-regles-foyer"]]);
  });

  it("validates a pack's rules like falc's own, naming the file and the line, in French", () => {
    const unknownKey = house(undefined, HOUSE_RULE.replace("family: mots\n", "family: mots\ncolour: red\n"));
    const error = caught(() => loadConfig(join(unknownKey, "falc.config.json"), builtIn));
    expect(error.message).toMatch(/regles-maison\/mot-maison\.yaml, ligne 4 : clé inconnue « colour »/);

    const badToken = house(undefined, HOUSE_RULE.replace("[{ words: [self] }]", "[{ words: [self], min: 3, max: 2 }]"));
    expect(caught(() => loadConfig(join(badToken, "falc.config.json"), builtIn)).message).toMatch(
      /mot-maison\.yaml, ligne 10 : « parameters\.patterns\[0\]\.tokens\[0\]\.max » doit être au moins égal à « min »\./,
    );

    const badFix = house(undefined, HOUSE_RULE.replace("{ before: \"Le self ouvre à midi.\", after: \"Le restaurant ouvre à midi.\" }", "{ before: \"Le self ouvre à midi.\" }"));
    expect(caught(() => loadConfig(join(badFix, "falc.config.json"), builtIn)).message).toMatch(/mot-maison\.yaml, ligne 24 : « examples\.fixed\[0\] » : « before » et « after » doivent être des phrases\./);

    const missing = house({ rulePacks: ["./introuvable"] });
    const notFound = caught(() => loadConfig(join(missing, "falc.config.json"), builtIn));
    expect(notFound.message).toMatch(/falc\.config\.json : « rulePacks » : le dossier de règles « \.\/introuvable » est introuvable/);
    expect(notFound.exitCode).toBe(2);

    const notAList = house({ rulePacks: "./regles-maison" });
    expect(caught(() => loadConfig(join(notAList, "falc.config.json"), builtIn)).message).toMatch(/« rulePacks » doit être une liste de dossiers ou de paquets npm/);
  });

  it("refuses a pack rule whose file name is not its id", () => {
    const dir = house(undefined, HOUSE_RULE, "autre-nom.yaml");
    expect(caught(() => loadConfig(join(dir, "falc.config.json"), builtIn)).message).toMatch(/autre-nom\.yaml, ligne 1 : « id » \(« mot-maison »\) doit être le nom du fichier \(« autre-nom »\)/);
  });
});
