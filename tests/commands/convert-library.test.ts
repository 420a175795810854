import { describe, expect, it } from "vitest";
import { convertFiles, convertLibrary } from "../../src/commands/convert.js";
import { digestOf } from "../../src/rewrite/run/outcome.js";
import { buildConvertResult } from "../helpers/convert-result.js";
import { tempDir } from "../helpers/temp.js";

const tmp = tempDir("falc-library-");

describe("convertLibrary", () => {
  it("keeps of each converted document its digest only, with the figures of its whole result", async () => {
    const a = tmp.write("a.md", "# Accueil\n\nLe foyer ouvre le lundi 2 mars 2026.\n\n# Repas\n\nLe repas coûte 8 euros.\n");
    const b = tmp.write("b.md", "# Visites\n\nLes visites ont lieu le samedi de 14 h à 18 h.\n");
    const options = { provider: "offline" as const, cache: false, formats: ["md" as const] };
    const library = await convertLibrary([a, b], { ...options, out: tmp.path("bibliotheque") });
    const whole = await convertFiles([a, b], { ...options, out: tmp.path("entier") });

    expect(library.files.map((file) => file.path)).toEqual([a, b]);
    for (const file of library.files) expect(Object.keys(file).sort()).toEqual(["digest", "outputs", "path"]);
    // a.md has two headings, b.md one: the sections counted by hand.
    expect(library.files.map((file) => file.digest.sections)).toEqual([2, 1]);
    expect(library.files.map((file) => file.digest.cachedSections)).toEqual([0, 0]);
    // Offline: no request, so no cost; every fact kept.
    expect(library.files.map((file) => [file.digest.usage.requests, file.digest.cost, file.digest.missingFacts, file.digest.addedFacts, file.digest.factSections])).toEqual([
      [0, null, 0, 0, []],
      [0, null, 0, 0, []],
    ]);
    // The same figures as the whole results a library call hands back.
    expect(library.files.map((file) => file.digest.score)).toEqual(whole.files.map((file) => file.result.score));
    expect(whole.files.map((file) => file.digest)).toEqual(library.files.map((file) => file.digest));
  });
});

describe("digestOf", () => {
  it("lists only the sections that lost or gained facts, with those facts", () => {
    // buildConvertResult: « Comment arrêter le contrat » lost « trente jours » and gained « 15 € ».
    const digest = digestOf(buildConvertResult());
    expect(digest.missingFacts).toBe(1);
    expect(digest.addedFacts).toBe(1);
    expect(digest.factSections.map((section) => [section.title, section.missing.map((fact) => fact.text), section.added.map((fact) => fact.text)])).toEqual([
      ["Comment arrêter le contrat", ["trente jours"], ["15 €"]],
    ]);
  });
});

describe("configuration files in a library run", () => {
  it("give each folder its own rules, read once per file for all the documents below it", async () => {
    // 31 words and no semicolon: a sentence the offline rewrite leaves as it is.
    const text = "# Horaires\n\nLes enfants de la crèche peuvent venir le matin avec leurs parents et repartir le soir avec une personne que les parents ont choisie pour venir les chercher à la crèche.\n";
    const { mkdirSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    for (const folder of ["sans", "coupe", "coupe/sous", "info"]) mkdirSync(tmp.path(join("config", folder)), { recursive: true });
    writeFileSync(tmp.path("config/coupe/falc.config.json"), JSON.stringify({ rules: { "short-sentences": "off" } }));
    writeFileSync(tmp.path("config/info/falc.config.json"), JSON.stringify({ rules: { "short-sentences": "info" } }));
    const paths = ["sans/a.md", "coupe/b.md", "coupe/sous/c.md", "info/d.md"].map((name) => tmp.write(join("config", name), text));
    const outcome = await convertFiles(paths, { provider: "offline", cache: false, formats: ["md"], out: tmp.path("config-out") });
    // The rule's verdict on that sentence says which configuration applied.
    const verdicts = outcome.files.map((file) => file.result.sections.flatMap((section) => section.findings).filter((finding) => finding.ruleId === "short-sentences").map((finding) => finding.severity));
    expect(verdicts).toEqual([["error"], [], [], ["info"]]);
  });
});
